/**
 * `npm run bench:emotions`: HRV window cost, text-emotion inference (pure JS vs WASM), ingest
 * throughput through the gateway vs straight to the subgraph, and sample → stateChanged
 * latency. Starts the engines like npm test does. Prints figures and ratios; asserts nothing.
 */
import os from 'node:os';
import {
  RECORD_BIOMETRICS,
  HEART_PHASES,
  hrvFeatures,
  samplesFromBeats,
  simulateHeart,
  sampleInputs,
} from '@mindscape/biosignals';
import { TextEmotionReader } from '@mindscape/ml';
import {
  asPerson,
  gatewayAssertion,
  graphql,
  graphqlWsClient,
  signUp,
  startTestStack,
} from '@mindscape/test-kit';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadDevSecrets } from '../scripts/stack/dev-secrets.js';
import { engineEnvironment, startEngines } from '../scripts/stack/engines.js';
import { percentile, table, timePerCall, UNLIMITED_RATES } from './measure.js';

console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);

// --- HRV: cost of one window against the 5 s update budget.
const rest = (seconds: number) => simulateHeart([{ ...HEART_PHASES.rest, seconds }], { seed: 1 });
const hrvRows = [];
for (const seconds of [64, 300]) {
  const beats = rest(seconds);
  const ms = await timePerCall(() => hrvFeatures(beats));
  hrvRows.push([`${seconds} s window (${beats.length} beats)`, ms, (5000 / ms).toFixed(0) + '×']);
}
table(
  'HRV features per window (baseline: the 5 s update interval)',
  ['window', 'ms per window', 'headroom'],
  hrvRows,
);

// --- Text emotion: pure JS backend vs WASM.
const texts = [
  'Thank you so much, this really helped me!',
  'I am so tired of all this, nothing works.',
  '오늘 정말 행복해요, 고마워요!',
];
const inference: Record<string, number> = {};
for (const backend of ['cpu', 'wasm']) {
  await tf.setBackend(backend);
  await tf.ready();
  // N-grams alone: the sentence encoder would make WASM the process's backend, and this
  // compares the two backends on the n-gram models (npm run bench:text times the full reader).
  const reader = await TextEmotionReader.load(undefined, { encoder: false });
  let i = 0;
  inference[backend] = await timePerCall(() => reader.read(texts[i++ % texts.length]!));
  reader.dispose();
}
await tf.setBackend('cpu');
table(
  'Text-emotion inference per message (baseline: pure-JS backend)',
  ['backend', 'ms per message', 'vs pure JS'],
  [
    ['cpu (pure JS)', inference.cpu!, '1.00×'],
    ['wasm', inference.wasm!, `${(inference.cpu! / inference.wasm!).toFixed(2)}× faster`],
  ],
);

// --- Ingest and live state, on the real engines.
const engines = await startEngines(await loadDevSecrets());
Object.assign(process.env, engineEnvironment(engines));
// A benchmark is one client sending as fast as it can: the default rate limits would stop it.
const stack = await startTestStack({ gateway: UNLIMITED_RATES });
try {
  const ingestRows = [];
  for (const batchSize of [100, 1000]) {
    const rates: Record<string, number> = {};
    for (const [route, url] of [
      ['gateway', stack.gatewayUrl],
      ['subgraph directly', stack.emotions.url],
    ] as const) {
      const person = await signUp(stack.gatewayUrl, 'Bench');
      const samples = sampleInputs(
        samplesFromBeats(
          simulateHeart([{ ...HEART_PHASES.rest, seconds: 6000 }], {
            start: Date.now() - 6_100_000,
            seed: 2,
          }),
        ),
      );
      const began = performance.now();
      let sent = 0;
      for (
        let i = 0;
        i + batchSize <= samples.length && performance.now() - began < 8000;
        i += batchSize
      ) {
        const variables = { input: { samples: samples.slice(i, i + batchSize) } };
        // Directly, each request signs its own assertion, as the gateway does per fetch.
        await graphql(
          url,
          RECORD_BIOMETRICS,
          variables,
          route === 'gateway'
            ? { token: person.accessToken }
            : {
                headers: await gatewayAssertion(
                  stack.secret,
                  'emotions',
                  { query: RECORD_BIOMETRICS, variables },
                  asPerson(person.userId),
                ),
              },
        );
        sent += batchSize;
      }
      rates[route] = sent / ((performance.now() - began) / 1000);
    }
    ingestRows.push([
      batchSize,
      rates.gateway!,
      rates['subgraph directly']!,
      `${(rates.gateway! / rates['subgraph directly']!).toFixed(2)}`,
    ]);
  }
  table(
    'Ingest throughput, samples/s (baseline: the emotions subgraph without the gateway)',
    ['batch size', 'gateway', 'subgraph directly', 'ratio'],
    ingestRows,
  );

  // Sample → stateChanged: one 1 s sample at a time, as a strap sends them, after a 70 s warm-up window.
  const person = await signUp(stack.gatewayUrl, 'Latency');
  const beats = samplesFromBeats(
    simulateHeart(
      [
        { ...HEART_PHASES.rest, seconds: 70 },
        { ...HEART_PHASES.stress, seconds: 60 },
      ],
      { start: Date.now() - 130_000, seed: 3 },
    ),
  );
  const warm = sampleInputs(beats.slice(0, 70));
  await graphql(
    stack.gatewayUrl,
    RECORD_BIOMETRICS,
    { input: { samples: warm } },
    { token: person.accessToken },
  );
  const stateChanged = { query: 'subscription { stateChanged { heartRate } }' };
  const client = graphqlWsClient(
    stack.emotions.url,
    await gatewayAssertion(stack.secret, 'emotions', stateChanged, asPerson(person.userId)),
  );
  const arrivals: number[] = [];
  client.subscribe(stateChanged, {
    next: () => arrivals.push(performance.now()),
    error: () => {},
    complete: () => {},
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const latencies: number[] = [];
  for (const sample of beats.slice(70, 100)) {
    const before = arrivals.length;
    const sent = performance.now();
    await graphql(
      stack.gatewayUrl,
      RECORD_BIOMETRICS,
      { input: { samples: sampleInputs([sample]) } },
      { token: person.accessToken },
    );
    const deadline = sent + 3000;
    while (arrivals.length === before && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 2));
    if (arrivals.length > before) latencies.push(arrivals[before]! - sent);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await client.dispose();
  latencies.sort((a, b) => a - b);
  table(
    'Sample → stateChanged at the subgraph, one sample a second (ms; baseline: the 1 s event interval)',
    ['events', 'p50', 'p95', 'max'],
    [
      [
        `${latencies.length} of 30 samples`,
        percentile(latencies, 50),
        percentile(latencies, 95),
        latencies.at(-1) ?? NaN,
      ],
    ],
  );
} finally {
  await stack.close();
  await engines.stop();
}
