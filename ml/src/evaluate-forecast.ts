/**
 * `npm run eval:forecast -w @mindscape/ml`: the mood/energy forecast on simulated people, held-out
 * days against yesterday's value; writes ml/reports/mood-forecast.md.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { evaluateForecast } from './forecast/evaluate.js';
import { simulatedPerson } from './forecast/simulate.js';
import { artifactsDir } from './text/model.js';

await tf.setBackend('cpu');
const people = Array.from({ length: 40 }, (_, i) => simulatedPerson(i + 1, 90));
console.log(
  'Evaluating the forecast on 40 simulated people × 90 days (last 20 days held out, rolling origin)…',
);
const result = await evaluateForecast(people, 20);
const f = (x: number) => x.toFixed(3);
const ratio = (m: number, b: number) => `${(m / b).toFixed(2)}`;
const report = `# Mood and energy forecast: held-out days

Per-person ridge regression (TensorFlow.js), refit for each forecast on the days before it only;
inputs: last check-in, 7-day means of mood and energy, yesterday's and the week's mean stress,
weekday. Baseline: yesterday's value (the last check-in before the day).

**Data: simulated people** (\`ml/src/forecast/simulate.ts\`: weekly rhythm, day-to-day carry-over,
stress lowering mood, 15 % of days without a check-in), because no real check-in data exists
here. These figures show the model uses such structure; they are not a claim about real people.

| | days forecast | mood MAE | energy MAE |
| --- | --- | --- | --- |
| model | ${result.days} | ${f(result.modelMae.mood)} | ${f(result.modelMae.energy)} |
| yesterday's value | ${result.days} | ${f(result.naiveMae.mood)} | ${f(result.naiveMae.energy)} |
| ratio (model / baseline) | | ${ratio(result.modelMae.mood, result.naiveMae.mood)} | ${ratio(result.modelMae.energy, result.naiveMae.energy)} |

40 people × 90 days, the last 20 days of each held out (rolling origin). Scale 1–5.
`;
await writeFile(join(artifactsDir, '..', 'reports', 'mood-forecast.md'), report);
console.log(report);
