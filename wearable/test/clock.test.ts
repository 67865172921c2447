import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCENARIOS, samplesFromBeats, simulateHeart } from '@mindscape/biosignals';
import { recordingStart } from '../src/index.js';

const now = Date.UTC(2030, 0, 1, 12);
const durationMs = SCENARIOS.stress.reduce((sum, p) => sum + p.seconds, 0) * 1000;

/** When the streamer sends each sample (its schedule in stream.ts), and the sample's time. */
function schedule(speed: number) {
  const samples = samplesFromBeats(
    simulateHeart(SCENARIOS.stress, { start: recordingStart(durationMs, speed, now), seed: 1 }),
  );
  const first = samples[0]!.timestamp;
  return samples.map((s) => ({
    timestamp: s.timestamp,
    sentAt: speed > 0 ? Math.max(now, now + (s.timestamp - first) / speed) : now,
  }));
}

for (const speed of [0, 0.5, 1, 10, 100]) {
  test(`at speed ${speed}, no sample is sent before it happened`, () => {
    const late = schedule(speed).filter((s) => s.timestamp > s.sentAt);
    assert.deepEqual(late, []);
  });
}

for (const speed of [1, 10, 100]) {
  test(`at speed ${speed}, the stream ends live: the last sample is seconds old when sent`, () => {
    const last = schedule(speed).at(-1)!;
    const ageMs = last.sentAt - last.timestamp;
    assert.ok(ageMs >= 0 && ageMs < 10_000, `last sample ${ageMs} ms old`);
  });
}

test('ten minutes at ten times the speed start nine minutes back, not now', () => {
  const start = recordingStart(durationMs, 10, now);
  assert.ok(Math.abs(start - (now - 0.9 * durationMs)) <= 5_000, `${(now - start) / 1000} s back`);
});
