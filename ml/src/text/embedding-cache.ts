import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SentenceEncoder } from '../sentence-encoder/index.js';
import { ENCODER_FEATURE_DIM, encoderFeatures } from './encoder-features.js';

/** Where training keeps the sentence vectors of the data set (git-ignored through ml/.gitignore). */
export const embeddingCacheDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '.cache',
  'embeddings',
);

/** Texts encoded per call: enough to pack the encoder's passes, few enough to report progress. */
const CHUNK = 512;

/**
 * The encoder features of `texts` (row-major, ENCODER_FEATURE_DIM per text), read from the cache
 * when a file for exactly these texts is there, else encoded and written. The key is a hash of
 * the texts, so an edited data set is encoded again rather than read stale.
 */
export async function cachedEmbeddings(
  encoder: SentenceEncoder,
  name: string,
  texts: string[],
  progress: (line: string) => void = () => {},
  dir = embeddingCacheDir,
): Promise<Float32Array> {
  const key = createHash('sha256').update(texts.join('\n')).digest('hex').slice(0, 16);
  const file = join(dir, `${name}-${ENCODER_FEATURE_DIM}-${key}.f32`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached && cached.byteLength === texts.length * ENCODER_FEATURE_DIM * 4) {
    return new Float32Array(cached.buffer, cached.byteOffset, cached.byteLength / 4);
  }
  const out = new Float32Array(texts.length * ENCODER_FEATURE_DIM);
  const began = Date.now();
  let reported = began;
  for (let i = 0; i < texts.length; i += CHUNK) {
    out.set(encoderFeatures(encoder, texts.slice(i, i + CHUNK)), i * ENCODER_FEATURE_DIM);
    const done = Math.min(texts.length, i + CHUNK);
    if (Date.now() - reported > 15_000 || done === texts.length) {
      reported = Date.now();
      const seconds = (reported - began) / 1000;
      const left = ((texts.length - done) * seconds) / done;
      progress(
        `${name}: encoded ${done}/${texts.length} texts (${(done / seconds).toFixed(0)}/s, ~${left.toFixed(0)} s left)`,
      );
    }
  }
  await mkdir(dir, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, new Uint8Array(out.buffer));
  await rename(partial, file);
  return out;
}
