import { SentenceEncoder, ensureSentenceEncoder } from '@mindscape/ml';
import type { Embedder } from './retrieve.js';

let shared: Promise<Embedder> | undefined;

/**
 * The multilingual sentence encoder (ml/), provisioned on first use like the data engines,
 * one per process: instances of the companion in one process (tests) share it.
 */
export function loadEmbedder(): Promise<Embedder> {
  shared ??= (async () => {
    const encoder = await SentenceEncoder.load(await ensureSentenceEncoder());
    return {
      dimensions: 512,
      async embed(texts: string[]) {
        const vectors = await encoder.encode(texts);
        return vectors.map((v) => Array.from(v));
      },
    };
  })();
  return shared;
}
