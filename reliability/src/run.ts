/**
 * `npm run test:reliability [scenario…]`: every fault scenario in its full form (or
 * RELIABILITY_SHORT=1 for the CI form), one after another, each printing what it did and
 * what was lost. Uses the engines named by MONGODB_URI / NEO4J_URI when set, otherwise starts
 * (or reuses) the project's own, as `npm test` does. Exits non-zero when a scenario fails.
 *
 * Knobs: SOAK_SECONDS (default 300; 3600 for the hour), RELIABILITY_SHORT=1,
 * RELIABILITY_LOG_LEVEL (services' log level, default warn).
 */
import { progress } from '@mindscape/devkit';
import { loadDevSecrets } from '../../scripts/stack/dev-secrets.js';
import { engineEnvironment, startEngines } from '../../scripts/stack/engines.js';
import { scenarios } from './scenarios/index.js';

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = wanted.filter((w) => !scenarios.some((s) => s.name === w));
if (unknown.length > 0) {
  console.error(
    `Unknown scenario ${unknown.join(', ')}; choose from ${scenarios.map((s) => s.name).join(', ')}.`,
  );
  process.exit(2);
}
const short = process.env.RELIABILITY_SHORT === '1' || process.argv.includes('--short');
let stopEngines = async () => {};
if (!process.env.MONGODB_URI || !process.env.NEO4J_URI) {
  const engines = await startEngines(await loadDevSecrets());
  stopEngines = engines.stop;
  Object.assign(process.env, engineEnvironment(engines));
}

const began = Date.now();
const outcomes: Array<[string, string]> = [];
for (const scenario of scenarios) {
  if (wanted.length > 0 && !wanted.includes(scenario.name)) continue;
  const started = Date.now();
  try {
    await scenario.run({ short });
    outcomes.push([scenario.name, `passed in ${((Date.now() - started) / 1000).toFixed(0)} s`]);
  } catch (error) {
    outcomes.push([scenario.name, `FAILED: ${error instanceof Error ? error.message : error}`]);
  }
}
await stopEngines();
progress(
  'reliability',
  `done in ${((Date.now() - began) / 1000).toFixed(0)} s (${short ? 'short' : 'full'} form)`,
);
for (const [name, outcome] of outcomes) console.log(`  ${name.padEnd(20)}${outcome}`);
const failed = outcomes.filter(([, o]) => o.startsWith('FAILED')).length;
process.exit(failed > 0 ? 1 : 0);
