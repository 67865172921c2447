import { seededRandom } from '@mindscape/biosignals';
import * as tf from '@tensorflow/tfjs';
import type { LabelledText } from './dataset.js';
import { FEATURE_BUCKETS, textFeatures, type Language } from './features.js';
import { EMOTION_LABELS } from './labels.js';
import { decide, multiLabelMetrics, tuneThresholds } from './metrics.js';
import { TextEmotionModel, scoreBatch } from './model.js';

export interface TrainOptions {
  /** @default 10 */
  epochs: number;
  /** @default 1024 */
  batchSize: number;
  /** Adam learning rate. @default 0.02 */
  learningRate: number;
  /** L2 penalty on the weights. @default 1e-6 */
  l2: number;
  seed: number;
  progress: (line: string) => void;
}

const defaults: TrainOptions = {
  epochs: 10,
  batchSize: 1024,
  learningRate: 0.02,
  l2: 1e-6,
  seed: 7,
  progress: () => {},
};

/**
 * Multi-label logistic regression on hashed n-grams, trained with Adam on sigmoid cross-entropy.
 * Keeps the epoch with the best dev macro-F1 (thresholds tuned on dev); test is never seen here.
 */
export async function trainTextModel(
  language: Language,
  train: LabelledText[],
  dev: LabelledText[],
  options: Partial<TrainOptions> = {},
) {
  const o = { ...defaults, ...options };
  const L = EMOTION_LABELS.length;
  const x = train.map((t) => textFeatures(t.text, language));
  const devX = dev.map((t) => textFeatures(t.text, language));
  const devGold = dev.map((t) => new Set(t.labels));

  const prior = EMOTION_LABELS.map(
    (_, c) => (train.filter((t) => t.labels.includes(c)).length + 1) / (train.length + 2),
  );
  const w = tf.variable(tf.zeros([FEATURE_BUCKETS, L]), true) as tf.Variable<tf.Rank.R2>;
  const b = tf.variable(
    tf.tensor1d(prior.map((p) => Math.log(p / (1 - p)))),
    true,
  ) as tf.Variable<tf.Rank.R1>;
  const optimizer = tf.train.adam(o.learningRate);
  const random = seededRandom(o.seed);
  let best = {
    macroF1: -1,
    epoch: 0,
    weights: new Float32Array() as Float32Array<ArrayBufferLike>,
    bias: new Float32Array() as Float32Array<ArrayBufferLike>,
    thresholds: [] as number[],
  };

  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const began = Date.now();
    const order = shuffle([...train.keys()], random);
    let lossSum = 0;
    for (let start = 0; start < order.length; start += o.batchSize) {
      const ids = order.slice(start, start + o.batchSize);
      const y = tf.tensor2d(
        ids.flatMap((i) => EMOTION_LABELS.map((_, c) => (train[i]!.labels.includes(c) ? 1 : 0))),
        [ids.length, L],
      );
      const forward = sparseLogits(ids.map((i) => x[i]!));
      const loss = optimizer.minimize(() => {
        const logits = forward(w, b);
        const bce = tf.losses.sigmoidCrossEntropy(y, logits);
        return bce.add(w.square().sum().mul(o.l2)) as tf.Scalar;
      }, true);
      forward.dispose();
      lossSum += (await loss!.data())[0]! * ids.length;
      loss!.dispose();
      y.dispose();
    }
    const devScores = await scoreAll(w, b, devX);
    const thresholds = tuneThresholds(devScores, devGold, L);
    const dev = multiLabelMetrics(EMOTION_LABELS, decide(devScores, thresholds), devGold);
    o.progress(
      `${language} epoch ${epoch}/${o.epochs}: train loss ${(lossSum / train.length).toFixed(4)}, dev macro-F1 ${dev.macroF1.toFixed(3)}, micro-F1 ${dev.microF1.toFixed(3)} (${((Date.now() - began) / 1000).toFixed(0)} s)`,
    );
    if (dev.macroF1 > best.macroF1) {
      best = {
        macroF1: dev.macroF1,
        epoch,
        weights: (await w.data()) as Float32Array,
        bias: (await b.data()) as Float32Array,
        thresholds,
      };
    }
  }
  w.dispose();
  b.dispose();
  optimizer.dispose();
  o.progress(`${language}: keeping epoch ${best.epoch} (dev macro-F1 ${best.macroF1.toFixed(3)})`);
  return new TextEmotionModel({
    language,
    weights: best.weights,
    bias: best.bias,
    thresholds: best.thresholds,
  });
}

/**
 * logits = Σ_k value[k] · W[index[k]] + b, with a hand-written gradient: the weights' gradient
 * is a scatter-add over the rows this batch touched. TensorFlow.js' own gradient of `gather`
 * (unsortedSegmentSum) loops over all 32,768 buckets on the CPU backend and made an epoch take
 * many minutes; this makes it seconds.
 */
function sparseLogits(batch: ReturnType<typeof textFeatures>[]) {
  const rows = batch.length;
  const width = Math.max(1, ...batch.map((v) => v.indices.length));
  const flat = new Int32Array(rows * width);
  const weights = new Float32Array(rows * width);
  batch.forEach((v, r) => {
    flat.set(v.indices, r * width);
    weights.set(v.values, r * width);
  });
  const index = tf.tensor1d(flat, 'int32');
  const value = tf.tensor2d(weights, [rows, width]);
  const L = EMOTION_LABELS.length;
  const apply = tf.customGrad(((w: tf.Tensor, b: tf.Tensor) => ({
    value: tf.gather(w, index).reshape([rows, width, L]).mul(value.expandDims(2)).sum(1).add(b),
    gradFunc: (dy: tf.Tensor | tf.Tensor[]) => {
      const d = dy as tf.Tensor2D;
      const perFeature = d
        .expandDims(1)
        .mul(value.expandDims(2))
        .reshape([rows * width, L]);
      return [
        tf.scatterND(index.reshape([rows * width, 1]), perFeature, [FEATURE_BUCKETS, L]),
        d.sum(0),
      ];
    },
  })) as unknown as Parameters<typeof tf.customGrad>[0]);
  return Object.assign((w: tf.Tensor, b: tf.Tensor) => apply(w, b) as tf.Tensor2D, {
    dispose: () => {
      index.dispose();
      value.dispose();
    },
  });
}

async function scoreAll(
  w: tf.Tensor2D,
  b: tf.Tensor1D,
  xs: ReturnType<typeof textFeatures>[],
): Promise<number[][]> {
  const out: number[][] = [];
  for (let i = 0; i < xs.length; i += 2048) {
    const scores = scoreBatch(w, b, xs.slice(i, i + 2048));
    out.push(...((await scores.array()) as number[][]));
    scores.dispose();
  }
  return out;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
