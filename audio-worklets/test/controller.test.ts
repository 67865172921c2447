import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BiometricController, type BodyState } from '../src/controller/biometric.js';

const BEAT: [number, number] = [1, 30];
const BREATH: [number, number] = [4, 12];

/** A recorded-style stream: one reading a second, stress falling from 0.8 to 0.2 over 5 min. */
function calmingDown(): BodyState[] {
  return Array.from({ length: 300 }, (_, s) => ({
    at: 1_700_000_000_000 + s * 1000,
    heartRate: 95 - s / 10,
    stress: 0.8 - (0.6 * s) / 299,
    breathingRate: 14 - (8 * s) / 299,
    coherence: 0.2,
  }));
}

test('a calming reader: the beat is led down toward the target, the pacer toward 6/min, each step glided and explained', () => {
  const controller = new BiometricController(
    { beatHz: 10, ratePerMinute: 10 },
    { targetBeatHz: 8, beatBounds: BEAT, breathBounds: BREATH },
  );
  for (const reading of calmingDown()) controller.update(reading);
  const beats = controller.log.filter((d) => d.param === 'beatHz');
  const breaths = controller.log.filter((d) => d.param === 'ratePerMinute');
  assert.ok(beats.length >= 2, 'the beat moved');
  assert.ok(beats.at(-1)!.to < beats[0]!.to, 'and moved down as stress fell');
  assert.ok(
    beats.some((d) => /stress fell/.test(d.reason)),
    beats.map((d) => d.reason).join('\n'),
  );
  assert.match(beats[0]!.reason, /^beat \d+(\.\d+)? → \d+(\.\d+)? Hz: stress/);
  assert.ok(Math.abs(controller.beatHz - 8) <= 1.5, `ends near the target: ${controller.beatHz}`);
  assert.ok(
    controller.ratePerMinute >= 6 && controller.ratePerMinute <= 6.5,
    `the pacer reached resonance breathing: ${controller.ratePerMinute}`,
  );
  assert.ok(
    breaths.every((d, i) => i === 0 || d.to <= breaths[i - 1]!.to),
    'the pacer only leads down',
  );
  for (const decision of controller.log) assert.ok(decision.glideSeconds >= 5);
  const times = controller.log.map((d) => d.at);
  for (let i = 1; i < times.length; i++)
    assert.ok(
      times[i]! - times[i - 1]! >= 5000 || times[i] === times[i - 1],
      'one change per glide',
    );
});

test('a stressed reader: the beat starts from their arousal band (higher), with hysteresis against jitter', () => {
  const controller = new BiometricController({ beatHz: 8, ratePerMinute: 6 }, { targetBeatHz: 8 });
  let at = 0;
  for (let i = 0; i < 60; i++)
    controller.update({ at: (at += 1000), stress: 0.9 + (i % 2 ? 0.02 : -0.02) });
  assert.ok(controller.beatHz > 12, `beat ${controller.beatHz}`);
  const settled = controller.log.length;
  for (let i = 0; i < 60; i++)
    controller.update({ at: (at += 1000), stress: 0.9 + (i % 2 ? 0.02 : -0.02) });
  assert.equal(controller.log.length, settled, 'jitter around the same level changes nothing');
});

test('whatever comes in (NaN, strings, absurd values, jumps, silence), nothing leaves its bounds', () => {
  const controller = new BiometricController(
    { beatHz: 10, ratePerMinute: 8 },
    { beatBounds: BEAT, breathBounds: BREATH },
  );
  const garbage: unknown[] = [
    Number.NaN,
    Infinity,
    -Infinity,
    -5,
    1e9,
    '0.5',
    null,
    undefined,
    {},
    0,
    1,
  ];
  let at = 0;
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < 20_000; i++) {
    const pick = () =>
      random() < 0.3 ? garbage[Math.floor(random() * garbage.length)] : random() * 2;
    controller.update({
      at: random() < 0.01 ? Number.NaN : (at += Math.floor(random() * 3000)),
      stress: pick(),
      heartRate: (pick() as number) * 150,
      breathingRate: (pick() as number) * 20,
      coherence: pick(),
    } as BodyState);
    assert.ok(
      controller.beatHz >= BEAT[0] && controller.beatHz <= BEAT[1],
      `beat ${controller.beatHz}`,
    );
    assert.ok(controller.ratePerMinute >= BREATH[0] && controller.ratePerMinute <= BREATH[1]);
  }
  for (const decision of controller.log)
    assert.ok(Number.isFinite(decision.to) && Number.isFinite(decision.from));
});

test('without a body signal for 30 s, the sound glides back to the program', () => {
  const controller = new BiometricController({ beatHz: 8, ratePerMinute: 6 }, { targetBeatHz: 8 });
  controller.update({ at: 0, stress: 1 });
  assert.ok(controller.beatHz > 8);
  controller.update({ at: 10_000, stress: null });
  assert.ok(controller.beatHz > 8, 'a short gap changes nothing');
  const back = controller.update({ at: 45_000 });
  assert.equal(controller.beatHz, 8);
  assert.match(back[0]!.reason, /no body signal/);
});

test('without stress or heart rate, low HRV reads as arousal', () => {
  const controller = new BiometricController({ beatHz: 8, ratePerMinute: 6 }, { targetBeatHz: 8 });
  controller.update({ at: 0, hrv: 12 });
  assert.ok(controller.beatHz > 8, `beat ${controller.beatHz}`);
  assert.match(controller.log[0]!.reason, /stress at 0\.96/);
});
