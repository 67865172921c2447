/**
 * `npm run train`: trains the English and Korean text-emotion models on GoEmotions, writes the
 * artefacts to ml/artifacts/ and the test-split report to ml/reports/text-emotion.md.
 * Needs the shared data folder (../shared/data/goemotions, or GOEMOTIONS_DIR).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { goEmotionsDir, loadSplit } from './text/dataset.js';
import { evaluate, type Evaluation } from './text/evaluate.js';
import type { Language } from './text/features.js';
import { artifactsDir } from './text/model.js';
import { textEmotionReport } from './text/report.js';
import { trainTextModel } from './text/train.js';

const dir = goEmotionsDir();
if (!dir) {
  console.log(
    'GoEmotions is not here (../shared/data/goemotions or GOEMOTIONS_DIR): nothing to train; the shipped artefacts stay.',
  );
  process.exit(0);
}
// WASM trains about 6× faster than the pure-JS backend here; fall back to it if WASM cannot load.
const backend = (await tf.setBackend('wasm').catch(() => false)) ? 'wasm' : 'cpu';
if (backend === 'cpu') await tf.setBackend('cpu');
console.log(`TensorFlow.js backend: ${tf.getBackend()}`);
const epochs = Number(process.env.EPOCHS ?? 30);
const learningRate = Number(process.env.LEARNING_RATE ?? 0.05);
const results: Partial<Record<Language, Evaluation>> = {};
for (const language of ['en', 'ko'] as const) {
  const [train, dev, test] = await Promise.all([
    loadSplit(dir, language, 'train'),
    loadSplit(dir, language, 'dev'),
    loadSplit(dir, language, 'test'),
  ]);
  console.log(`${language}: ${train.length} train, ${dev.length} dev, ${test.length} test texts`);
  const model = await trainTextModel(language, train, dev, {
    epochs,
    learningRate,
    progress: (line) => console.log(line),
  });
  await model.save();
  results[language] = await evaluate(model, test);
  console.log(
    `${language} test: macro-F1 ${results[language]!.labels.macroF1.toFixed(3)}, micro-F1 ${results[language]!.labels.microF1.toFixed(3)}`,
  );
  model.dispose();
}
const report = join(artifactsDir, '..', 'reports', 'text-emotion.md');
await writeFile(report, textEmotionReport(results, new Date().toISOString().slice(0, 10)));
await writeFile(
  join(artifactsDir, '..', 'reports', 'text-emotion.json'),
  JSON.stringify(results, null, 1),
);
console.log(`Artefacts in ${artifactsDir}; report in ${report}`);
