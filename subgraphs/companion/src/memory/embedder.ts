import type { Embedder } from './retrieve.js';

let shared: Promise<Embedder> | undefined;

/**
 * The multilingual sentence encoder (ml/), provisioned on first use like the data engines,
 * one per process: instances of the companion in one process (tests) share it.
 */
export function loadEmbedder(): Promise<Embedder> {
  shared ??= (async () => {
    // Loaded on first use: importing the encoder registers TF.js's WASM backend process-wide.
    const { SENTENCE_VECTOR_DIM, SentenceEncoder } = await import('@mindscape/ml/sentence-encoder');
    const { ensureSentenceEncoder } = await import('@mindscape/ml/sentence-encoder/provision');
    const encoder = await SentenceEncoder.load(await ensureSentenceEncoder());
    return {
      dimensions: SENTENCE_VECTOR_DIM,
      async embed(texts: string[]) {
        return encoder.encode(texts).map((vector) => Array.from(vector));
      },
    };
  })();
  return shared;
}
