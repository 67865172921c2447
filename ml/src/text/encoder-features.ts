import type { SentenceEncoder } from '../sentence-encoder/encoder.js';
// From the weights' module, not the encoder's: importing the encoder registers the WASM backend.
import { CNN_DIM, EMBEDDING_DIM, NGRAM_ORDERS } from '../sentence-encoder/weights.js';

/** The sentence vector (512) and the mean of the per-token layer (512 + 3 × 256). */
export const ENCODER_FEATURE_DIM = 2 * EMBEDDING_DIM + NGRAM_ORDERS.length * CNN_DIM;

/**
 * What the encoder head reads of each text, row-major: [sentence vector | token mean]. The
 * vector carries the meaning as the encoder was trained to compare texts; the token mean keeps
 * the words' own colour, which matters for emotion.
 */
export function encoderFeatures(encoder: SentenceEncoder, texts: string[]): Float32Array {
  const { vectors, tokenMeans } = encoder.encodeWithTokenMeans(texts);
  const out = new Float32Array(texts.length * ENCODER_FEATURE_DIM);
  vectors.forEach((vector, i) => {
    out.set(vector, i * ENCODER_FEATURE_DIM);
    out.set(tokenMeans[i]!, i * ENCODER_FEATURE_DIM + EMBEDDING_DIM);
  });
  return out;
}
