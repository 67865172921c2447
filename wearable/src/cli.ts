/**
 * npm run wearable -- [--scenario rest|stress|slow-breathing | --replay FILE] [options]
 * Streams heart rate and RR intervals through the gateway as a registered device.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SCENARIOS, simulateHeart, type ScenarioName } from '@mindscape/biosignals';
import { GraphClient } from './graph-client.js';
import { recordingStart } from './clock.js';
import { beatsFromRecording } from './recording.js';
import { explainRejection, streamBeats } from './stream.js';

const usage = `Usage: npm run wearable -- [--scenario NAME | --replay FILE] [options]
  --scenario NAME     rest, stress or slow-breathing (10 minutes each; default rest)
  --replay FILE       RR intervals (ms, one per line) or hex 0x2A37 payloads ("10 48 5c 03"), one per line
  --token TOKEN       a device token (or MINDSCAPE_DEVICE_TOKEN)
  --email, --password sign in and register a new device instead of --token
  --gateway URL       default http://127.0.0.1:4000/graphql
  --speed N           1 = real time (default), 10 = ten times faster, 0 = as fast as accepted
                      (faster than real time, the recording ends as the stream does: no
                      sample is ever from the future)
  --batch-seconds N   seconds of data per request (default 5)
  --seed N            simulator seed (default 1)`;

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'rest' },
    replay: { type: 'string' },
    token: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
    gateway: {
      type: 'string',
      default: process.env.MINDSCAPE_GATEWAY ?? 'http://127.0.0.1:4000/graphql',
    },
    speed: { type: 'string', default: '1' },
    'batch-seconds': { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

if (values.help) {
  console.log(usage);
  process.exit(0);
}
const speed = Number(values.speed);
const batchSeconds = Number(values['batch-seconds']);
if (!Number.isFinite(speed) || speed < 0) fail('--speed must be a number ≥ 0');
if (!Number.isInteger(batchSeconds) || batchSeconds < 1 || batchSeconds > 3600)
  fail('--batch-seconds must be 1–3600');

const client = new GraphClient(values.gateway, values.token ?? process.env.MINDSCAPE_DEVICE_TOKEN);
if (!values.token && !process.env.MINDSCAPE_DEVICE_TOKEN) {
  if (!values.email || !values.password)
    fail('Give --token, or --email and --password to register a device.');
  await client.becomeDevice(values.email, values.password, 'MindScape simulator');
  console.log('Signed in and registered a new device ("MindScape simulator").');
}

let beats;
if (values.replay) {
  const recorded = beatsFromRecording(await readFile(values.replay, 'utf8'), 0);
  const durationMs = -(recorded[0]?.time ?? 0) + (recorded[0]?.rr ?? 0);
  const start = recordingStart(durationMs, speed);
  beats = recorded.map((beat) => ({ ...beat, time: beat.time + start + durationMs }));
  console.log(`Replaying ${beats.length} beats from ${values.replay}.`);
} else {
  if (!(values.scenario in SCENARIOS)) fail(`Unknown scenario "${values.scenario}".`);
  const phases = SCENARIOS[values.scenario as ScenarioName];
  const seconds = phases.reduce((sum, p) => sum + p.seconds, 0);
  const start = recordingStart(seconds * 1000, speed);
  beats = simulateHeart(phases, { start, seed: Number(values.seed) });
  console.log(
    `Streaming the "${values.scenario}" scenario: ${phases.map((p) => `${p.name} ${p.seconds} s`).join(', ')}.`,
  );
}

const stop = new AbortController();
process.once('SIGINT', () => stop.abort());
const totals = await streamBeats(client, beats, {
  speed,
  batchSeconds,
  signal: stop.signal,
  onBatch: (r) =>
    console.log(
      `${r.sent}/${r.of} samples sent: ${r.accepted} stored, ${r.duplicates} duplicates, ${r.rejected} rejected`,
    ),
  onRejected: (reason) => console.log(`Some samples were rejected: ${explainRejection(reason)}`),
});
console.log(
  `Done: ${totals.accepted} stored, ${totals.duplicates} duplicates, ${totals.rejected} rejected.`,
);
