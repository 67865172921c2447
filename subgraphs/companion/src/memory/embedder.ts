import type { SentenceEncoder } from '@mindscape/ml/sentence-encoder';
import type { Embedder } from './retrieve.js';

let sharedEncoder: Promise<SentenceEncoder> | undefined;
let shared: Promise<Embedder> | undefined;

/**
 * The multilingual sentence encoder (ml/), provisioned on first use like the data engines,
 * one per process: the companion's memory and its text-emotion reader use the same one, and
 * instances of the companion in one process (tests) share it.
 */
export function loadSentenceEncoder(): Promise<SentenceEncoder> {
  sharedEncoder ??= (async () => {
    // Loaded on first use: importing the encoder registers TF.js's WASM backend process-wide.
    const { SentenceEncoder } = await import('@mindscape/ml/sentence-encoder');
    const { ensureSentenceEncoder } = await import('@mindscape/ml/sentence-encoder/provision');
    return SentenceEncoder.load(await ensureSentenceEncoder());
  })();
  return sharedEncoder;
}

/** Memory's embedder over the shared sentence encoder. */
export function loadEmbedder(): Promise<Embedder> {
  shared ??= (async () => {
    const encoder = await loadSentenceEncoder();
    const { SENTENCE_VECTOR_DIM } = await import('@mindscape/ml/sentence-encoder');
    return {
      dimensions: SENTENCE_VECTOR_DIM,
      async embed(texts: string[]) {
        return encoder.encode(texts).map((vector) => Array.from(vector));
      },
    };
  })();
  return shared;
}
