import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  HEART_PHASES,
  SCENARIOS,
  beatsFromSamples,
  hrvFeatures,
  samplesFromBeats,
  simulateHeart,
} from '../src/index.js';

test('a seeded scenario replays identically', () => {
  assert.deepEqual(
    simulateHeart(SCENARIOS.stress, { seed: 3 }),
    simulateHeart(SCENARIOS.stress, { seed: 3 }),
  );
  assert.notDeepEqual(
    simulateHeart(SCENARIOS.stress, { seed: 3 }).slice(0, 5),
    simulateHeart(SCENARIOS.stress, { seed: 4 }).slice(0, 5),
  );
});

test('each phase shows the physiology it stands for', () => {
  const of = (phase: (typeof HEART_PHASES)[keyof typeof HEART_PHASES]) =>
    hrvFeatures(simulateHeart([{ ...phase, seconds: 120 }], { seed: 9 }));
  const rest = of(HEART_PHASES.rest);
  const stress = of(HEART_PHASES.stress);
  const slow = of(HEART_PHASES['slow-breathing']);
  assert.ok(stress.meanHr! > rest.meanHr! + 20, 'heart rate rises under stress');
  assert.ok(stress.rmssd! < rest.rmssd! / 2, 'vagal tone falls under stress');
  assert.ok(Math.abs(slow.breathingRate! - 6) < 0.5, `breathing ${slow.breathingRate}`);
  assert.ok(slow.coherence! > rest.coherence!, 'slow breathing is coherent');
});

test('samples carry the beats that ended in them, and give them back', () => {
  const beats = simulateHeart([{ ...HEART_PHASES.rest, seconds: 30 }], {
    start: 1_000_000,
    seed: 2,
  });
  const samples = samplesFromBeats(beats, 1000);
  assert.ok(samples.every((s) => s.timestamp % 1000 === 0));
  const back = beatsFromSamples(samples);
  assert.equal(back.length, beats.length);
  assert.deepEqual(
    back.map((b) => b.rr),
    beats.map((b) => b.rr),
  );
});
