import { seededRandom } from '@mindscape/biosignals';
import * as tf from '@tensorflow/tfjs';
import { ENCODER_FEATURE_DIM } from './encoder-features.js';
import { EncoderHead, blendScores, headLogits, type Blend } from './encoder-head.js';
import type { Language } from './features.js';
import { EMOTION_LABELS } from './labels.js';
import { decide, multiLabelMetrics, tuneThresholds } from './metrics.js';

/** Labelled texts as the encoder sees them: `features` holds one row per entry of `labels`. */
export interface VectorSet {
  features: Float32Array;
  labels: number[][];
}

/** A language's dev split as the head's training sees it: features, gold labels, n-gram scores. */
export interface DevSet extends VectorSet {
  ngramScores: number[][];
}

export interface HeadTrainOptions {
  /** @default 10 */
  epochs: number;
  /** @default 256 */
  batchSize: number;
  /** Adam learning rate. @default 0.001 */
  learningRate: number;
  /** Width of the hidden layer. @default 256 */
  hidden: number;
  /** Dropout on the hidden layer while training. @default 0.3 */
  dropout: number;
  /**
   * Rare labels' positives weigh (negatives / positives)^power in the loss, at most
   * `maxPositiveWeight`: a label seen in 1 % of texts still shapes the hidden layer.
   * @default 0.5
   */
  positiveWeightPower: number;
  /** @default 10 */
  maxPositiveWeight: number;
  /**
   * From this epoch on, the mean of the weights so far is a candidate beside each epoch's own
   * (weight averaging: a flatter optimum than any single epoch's, which tends to generalise
   * better than the epoch that happened to score best on dev). @default 3
   */
  averageFrom: number;
  seed: number;
  progress: (line: string) => void;
}

const defaults: HeadTrainOptions = {
  epochs: 10,
  batchSize: 256,
  learningRate: 0.001,
  hidden: 256,
  dropout: 0.3,
  positiveWeightPower: 0.5,
  maxPositiveWeight: 10,
  averageFrom: 3,
  seed: 11,
  progress: () => {},
};

/** Blend weights tried for the n-gram model's share, in tenths. */
const NGRAM_WEIGHTS = Array.from({ length: 11 }, (_, k) => k / 10);

/** The n-gram share and thresholds that give a language's dev split its best macro-F1. */
export function tuneBlend(
  ngramScores: number[][],
  headScores: number[][],
  gold: Array<Set<number>>,
): Blend & { macroF1: number } {
  let best: Blend & { macroF1: number } = {
    ngramWeight: 0,
    space: 'probability',
    thresholds: [],
    macroF1: -1,
  };
  for (const space of ['probability', 'logit'] as const) {
    for (const ngramWeight of NGRAM_WEIGHTS) {
      const mixed = blendScores(ngramScores, headScores, { ngramWeight, space });
      const thresholds = tuneThresholds(mixed, gold, EMOTION_LABELS.length);
      const { macroF1 } = multiLabelMetrics(EMOTION_LABELS, decide(mixed, thresholds), gold);
      if (macroF1 > best.macroF1) best = { ngramWeight, space, thresholds, macroF1 };
    }
  }
  return best;
}

/**
 * Trains the encoder head (one hidden layer over sentence vectors) on the training vectors of
 * both languages, with sigmoid cross-entropy weighted towards rare labels, and keeps the epoch
 * (or mean of epochs' weights) whose blend with the n-gram models gives the best mean dev
 * macro-F1 over the languages.
 * Test data never reaches this function.
 */
export async function trainEncoderHead(
  train: VectorSet[],
  dev: Partial<Record<Language, DevSet>>,
  options: Partial<HeadTrainOptions> = {},
): Promise<EncoderHead> {
  const o = { ...defaults, ...options };
  const L = EMOTION_LABELS.length;
  const D = ENCODER_FEATURE_DIM;
  const rows = train.flatMap((set, s) => set.labels.map((_, i) => [s, i] as const));
  const positives = EMOTION_LABELS.map(
    (_, c) => train.reduce((n, set) => n + set.labels.filter((l) => l.includes(c)).length, 0) + 1,
  );
  const positiveWeight = positives.map((p) =>
    Math.min(o.maxPositiveWeight, ((rows.length - p) / p) ** o.positiveWeightPower),
  );
  const prior = positives.map((p) => p / (rows.length + 2));
  const random = seededRandom(o.seed);
  const glorot = (fanIn: number, fanOut: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return Float32Array.from({ length: fanIn * fanOut }, () => (2 * random() - 1) * limit);
  };
  // Standardised inputs: the vector's coordinates are about ±0.04, the token means' about ±1.
  const inputMean = new Float64Array(D);
  const inputSquares = new Float64Array(D);
  for (const set of train) {
    for (let k = 0; k < set.features.length; k++) {
      const v = set.features[k]!;
      const d = k % D;
      inputMean[d] = inputMean[d]! + v;
      inputSquares[d] = inputSquares[d]! + v * v;
    }
  }
  const inputScale = Float32Array.from(inputSquares, (sq, k) => {
    const mean = inputMean[k]! / rows.length;
    return 1 / Math.sqrt(Math.max(1e-8, sq / rows.length - mean * mean));
  });
  const means = Float32Array.from(inputMean, (sum) => sum / rows.length);
  const w = {
    inputMean: tf.tensor1d(means),
    inputScale: tf.tensor1d(inputScale),
    w1: tf.variable(tf.tensor2d(glorot(D, o.hidden), [D, o.hidden])),
    b1: tf.variable(tf.zeros([o.hidden])),
    w2: tf.variable(tf.tensor2d(glorot(o.hidden, L), [o.hidden, L])),
    b2: tf.variable(tf.tensor1d(prior.map((p) => Math.log(p / (1 - p))))),
  } as {
    inputMean: tf.Tensor1D;
    inputScale: tf.Tensor1D;
    w1: tf.Variable<tf.Rank.R2>;
    b1: tf.Variable<tf.Rank.R1>;
    w2: tf.Variable<tf.Rank.R2>;
    b2: tf.Variable<tf.Rank.R1>;
  };
  const optimizer = tf.train.adam(o.learningRate);
  const devLanguages = Object.keys(dev) as Language[];
  const devGold = Object.fromEntries(
    devLanguages.map((lang) => [lang, dev[lang]!.labels.map((l) => new Set(l))]),
  ) as Record<Language, Array<Set<number>>>;
  for (const lang of devLanguages) {
    const { ngramScores } = dev[lang]!;
    const thresholds = tuneThresholds(ngramScores, devGold[lang], L);
    const { macroF1 } = multiLabelMetrics(
      EMOTION_LABELS,
      decide(ngramScores, thresholds),
      devGold[lang],
    );
    o.progress(`${lang} dev macro-F1 of the n-gram model alone: ${macroF1.toFixed(3)}`);
  }
  let best: { score: number; name: string; head?: EncoderHead } = { score: -1, name: '' };
  /** Running sums of the weights from `averageFrom` on (the averaged candidates). */
  const averaged: Partial<Record<'w1' | 'b1' | 'w2' | 'b2', Float64Array>> = {};
  let batches = 0;

  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const began = Date.now();
    const order = shuffle([...rows.keys()], random);
    let lossSum = 0;
    for (let start = 0; start < order.length; start += o.batchSize) {
      const ids = order.slice(start, start + o.batchSize);
      const x = new Float32Array(ids.length * D);
      const y = new Float32Array(ids.length * L);
      const weight = new Float32Array(ids.length * L).fill(1);
      ids.forEach((id, r) => {
        const [s, i] = rows[id]!;
        x.set(train[s]!.features.subarray(i * D, (i + 1) * D), r * D);
        for (const c of train[s]!.labels[i]!) {
          y[r * L + c] = 1;
          weight[r * L + c] = positiveWeight[c]!;
        }
      });
      const loss = tf.tidy(() => {
        const xs = tf.tensor2d(x, [ids.length, D]);
        const ys = tf.tensor2d(y, [ids.length, L]);
        const weights = tf.tensor2d(weight, [ids.length, L]);
        return optimizer.minimize(
          () =>
            tf.losses.sigmoidCrossEntropy(
              ys,
              // A seed per batch: the masks differ from batch to batch, the run is repeatable.
              headLogits(xs, w, { rate: o.dropout, seed: o.seed * 1_000_000 + ++batches }),
              weights,
            ) as tf.Scalar,
          true,
        )!;
      });
      lossSum += (await loss.data())[0]! * ids.length;
      loss.dispose();
    }
    const weights = {
      w1: (await w.w1.data()) as Float32Array,
      b1: (await w.b1.data()) as Float32Array,
      w2: (await w.w2.data()) as Float32Array,
      b2: (await w.b2.data()) as Float32Array,
    };
    const seconds = ((Date.now() - began) / 1000).toFixed(0);
    const candidates: Array<[string, typeof weights]> = [[`epoch ${epoch}`, weights]];
    if (epoch >= o.averageFrom) {
      for (const key of ['w1', 'b1', 'w2', 'b2'] as const) {
        const sum = (averaged[key] ??= new Float64Array(weights[key].length));
        weights[key].forEach((v, k) => (sum[k] = sum[k]! + v));
      }
      const n = epoch - o.averageFrom + 1;
      if (n > 1) {
        const mean = (key: 'w1' | 'b1' | 'w2' | 'b2') =>
          Float32Array.from(averaged[key]!, (v) => v / n);
        candidates.push([
          `mean of epochs ${o.averageFrom}–${epoch}`,
          { w1: mean('w1'), b1: mean('b1'), w2: mean('w2'), b2: mean('b2') },
        ]);
      }
    }
    for (const [name, candidate] of candidates) {
      const head = new EncoderHead({
        hidden: o.hidden,
        inputMean: means,
        inputScale,
        ...candidate,
        blends: {} as Record<Language, Blend>,
      });
      const { score, figures } = blendOnDev(head, dev);
      o.progress(
        `head ${name}/${o.epochs}: train loss ${(lossSum / rows.length).toFixed(4)}, dev macro-F1 ${figures} (${seconds} s)`,
      );
      if (score > best.score) {
        best.head?.dispose();
        best = { score, name, head };
      } else head.dispose();
    }
  }
  tf.dispose(w);
  optimizer.dispose();
  o.progress(`head: keeping the ${best.name} (mean dev macro-F1 ${best.score.toFixed(3)})`);
  return best.head!;
}

/**
 * Tunes each dev language's blend with the n-gram model on `head` (written into its params) and
 * returns the mean dev macro-F1 over the languages, with a line of figures per language.
 */
export function blendOnDev(
  head: EncoderHead,
  dev: Partial<Record<Language, DevSet>>,
): { score: number; figures: string } {
  const languages = Object.keys(dev) as Language[];
  const figures: string[] = [];
  let score = 0;
  for (const lang of languages) {
    const set = dev[lang]!;
    const gold = set.labels.map((l) => new Set(l));
    const headScores = head.scores(set.features, set.labels.length);
    const alone = multiLabelMetrics(
      EMOTION_LABELS,
      decide(headScores, tuneThresholds(headScores, gold, EMOTION_LABELS.length)),
      gold,
    ).macroF1;
    const { macroF1, ...blend } = tuneBlend(set.ngramScores, headScores, gold);
    head.params.blends[lang] = blend;
    score += macroF1 / languages.length;
    figures.push(
      `${lang} ${macroF1.toFixed(3)} (n-gram share ${blend.ngramWeight} of ${blend.space}; head alone ${alone.toFixed(3)})`,
    );
  }
  return { score, figures: figures.join(', ') };
}

/**
 * Trains up to `heads` encoder heads that differ only in their seed (initialisation, order,
 * dropout masks) and keeps the first k of them, averaged, whose blend gives the best mean dev
 * macro-F1. Averaging heads' logits is one wider head (see `averageHeads`), so the reader and
 * the artefact stay as they are. Test data never reaches this function.
 */
export async function trainHeadEnsemble(
  train: VectorSet[],
  dev: Partial<Record<Language, DevSet>>,
  options: Partial<HeadTrainOptions> & { heads?: number } = {},
): Promise<{ head: EncoderHead; heads: number }> {
  const { heads = 1, ...headOptions } = options;
  const seed = headOptions.seed ?? defaults.seed;
  const progress = headOptions.progress ?? defaults.progress;
  const trained: EncoderHead[] = [];
  let best: { score: number; count: number; head?: EncoderHead } = { score: -1, count: 0 };
  for (let k = 1; k <= heads; k++) {
    progress(`head ${k} of ${heads} (seed ${seed + k - 1})`);
    trained.push(await trainEncoderHead(train, dev, { ...headOptions, seed: seed + k - 1 }));
    if (k === 1) {
      best = { score: blendOnDev(trained[0]!, dev).score, count: 1, head: trained[0] };
      continue;
    }
    const averaged = averageHeads(trained);
    const { score, figures } = blendOnDev(averaged, dev);
    progress(`heads 1–${k} averaged: dev macro-F1 ${figures}`);
    if (score > best.score) {
      if (best.count > 1) best.head!.dispose();
      best = { score, count: k, head: averaged };
    } else averaged.dispose();
  }
  for (const head of trained) if (head !== best.head) head.dispose();
  progress(`heads: keeping ${best.count} averaged (mean dev macro-F1 ${best.score.toFixed(3)})`);
  return { head: best.head!, heads: best.count };
}

/**
 * The mean of several heads' logits as one head: their hidden layers side by side, each
 * output weight divided by the number of heads. The heads must share the input standardisation
 * (trained on the same rows).
 */
export function averageHeads(heads: EncoderHead[]): EncoderHead {
  const n = heads.length;
  const D = ENCODER_FEATURE_DIM;
  const L = EMOTION_LABELS.length;
  const widths = heads.map((h) => h.params.hidden);
  const hidden = widths.reduce((a, b) => a + b, 0);
  const w1 = new Float32Array(D * hidden);
  const w2 = new Float32Array(hidden * L);
  const b2 = new Float32Array(L);
  let offset = 0;
  for (const { params } of heads) {
    const h = params.hidden;
    for (let d = 0; d < D; d++) {
      w1.set(params.w1.subarray(d * h, (d + 1) * h), d * hidden + offset);
    }
    params.w2.forEach((v, k) => (w2[offset * L + k] = v / n));
    params.b2.forEach((v, c) => (b2[c] = b2[c]! + v / n));
    offset += h;
  }
  return new EncoderHead({
    hidden,
    inputMean: heads[0]!.params.inputMean,
    inputScale: heads[0]!.params.inputScale,
    w1,
    b1: Float32Array.from(heads.flatMap((h) => [...h.params.b1])),
    w2,
    b2,
    blends: { ...heads[0]!.params.blends },
  });
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
