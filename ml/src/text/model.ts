import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { FEATURE_BUCKETS, textFeatures, type Language, type SparseVector } from './features.js';
import { AFFECT, EMOTION_LABELS, type EmotionLabel } from './labels.js';

export const artifactsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'artifacts');

/** What a trained model is: sigmoid(features · W + b) per label, with tuned thresholds. */
export interface TextEmotionWeights {
  language: Language;
  /** FEATURE_BUCKETS × labels, row-major. */
  weights: Float32Array;
  bias: Float32Array;
  thresholds: number[];
}

export interface EmotionReading {
  language: Language;
  /** Labels over their threshold (at least the top one), highest first, with scores 0..1. */
  labels: Array<{ label: EmotionLabel; score: number }>;
  /** −1..1 and 0..1, from the labels' affect weighted by score. */
  valence: number;
  arousal: number;
}

/** Scores (sigmoid) of a batch of sparse vectors, through TensorFlow.js. */
export function scoreBatch(w: tf.Tensor2D, b: tf.Tensor1D, batch: SparseVector[]): tf.Tensor2D {
  const width = Math.max(1, ...batch.map((v) => v.indices.length));
  const indices = new Int32Array(batch.length * width);
  const values = new Float32Array(batch.length * width);
  batch.forEach((v, row) => {
    indices.set(v.indices, row * width);
    values.set(v.values, row * width);
  });
  return tf.tidy(() => {
    const rows = tf.gather(w, tf.tensor1d(indices, 'int32')).reshape([batch.length, width, -1]);
    const logits = rows
      .mul(tf.tensor2d(values, [batch.length, width]).expandDims(2))
      .sum(1)
      .add(b);
    return tf.sigmoid(logits) as tf.Tensor2D;
  });
}

export class TextEmotionModel {
  private readonly w: tf.Tensor2D;
  private readonly b: tf.Tensor1D;

  constructor(readonly params: TextEmotionWeights) {
    this.w = tf.tensor2d(params.weights, [FEATURE_BUCKETS, EMOTION_LABELS.length]);
    this.b = tf.tensor1d(params.bias);
  }

  /** Scores for many texts at once (evaluation). */
  async scores(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += 1024) {
      const batch = texts.slice(i, i + 1024).map((t) => textFeatures(t, this.params.language));
      const scores = scoreBatch(this.w, this.b, batch);
      out.push(...((await scores.array()) as number[][]));
      scores.dispose();
    }
    return out;
  }

  async read(text: string): Promise<EmotionReading> {
    const [scores] = await this.scores([text]);
    return reading(this.params.language, scores!, this.params.thresholds);
  }

  dispose(): void {
    this.w.dispose();
    this.b.dispose();
  }

  /**
   * Artefact: a JSON header and the weights as int8 with one scale per label (a quarter of
   * float32, and the F1 difference is below the third decimal).
   */
  async save(dir = artifactsDir): Promise<void> {
    const labels = EMOTION_LABELS.length;
    const scales = EMOTION_LABELS.map((_, j) => {
      let max = 0;
      for (let i = j; i < this.params.weights.length; i += labels)
        max = Math.max(max, Math.abs(this.params.weights[i]!));
      return max / 127 || 1;
    });
    const quantized = new Int8Array(this.params.weights.length);
    this.params.weights.forEach((w, i) => (quantized[i] = Math.round(w / scales[i % labels]!)));
    const base = join(dir, `text-emotion-${this.params.language}`);
    await writeFile(`${base}.bin`, quantized);
    const header = {
      format: 1,
      language: this.params.language,
      buckets: FEATURE_BUCKETS,
      labels: EMOTION_LABELS,
      bias: [...this.params.bias],
      thresholds: this.params.thresholds,
      scales,
    };
    await writeFile(`${base}.json`, `${JSON.stringify(header, null, 1)}\n`);
  }

  static async load(language: Language, dir = artifactsDir): Promise<TextEmotionModel> {
    const base = join(dir, `text-emotion-${language}`);
    const header = JSON.parse(await readFile(`${base}.json`, 'utf8')) as {
      format: number;
      buckets: number;
      labels: string[];
      bias: number[];
      thresholds: number[];
      scales: number[];
    };
    if (
      header.format !== 1 ||
      header.buckets !== FEATURE_BUCKETS ||
      header.labels.join() !== EMOTION_LABELS.join()
    ) {
      throw new Error(
        `${base}.json does not match this code's features or labels; run npm run train`,
      );
    }
    const quantized = new Int8Array(await readFile(`${base}.bin`));
    const labels = EMOTION_LABELS.length;
    const weights = Float32Array.from(quantized, (q, i) => q * header.scales[i % labels]!);
    return new TextEmotionModel({
      language,
      weights,
      bias: Float32Array.from(header.bias),
      thresholds: header.thresholds,
    });
  }
}

export function reading(
  language: Language,
  scores: number[],
  thresholds: number[],
): EmotionReading {
  const ranked = scores
    .map((score, i) => ({ label: EMOTION_LABELS[i]!, score, over: score >= thresholds[i]! }))
    .sort((a, b) => b.score - a.score);
  const chosen = ranked.filter((r, i) => r.over || i === 0);
  const weight = chosen.reduce((sum, r) => sum + r.score, 0) || 1;
  const affect = (k: 0 | 1) =>
    chosen.reduce((sum, r) => sum + AFFECT[r.label][k] * r.score, 0) / weight;
  return {
    language,
    labels: chosen.map(({ label, score }) => ({ label, score })),
    valence: affect(0),
    arousal: affect(1),
  };
}
