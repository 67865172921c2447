import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PeakLimiter } from '../src/dsp/limiter.js';
import { NoiseSource } from '../src/dsp/noise.js';
import { curveAt, SmoothParam } from '../src/dsp/smooth.js';
import { parseProgram, ProgramError } from '../src/program/format.js';
import { PRESETS } from '../src/program/presets.js';
import { importSbagen } from '../src/program/sbagen.js';
import { decodeWav, encodeWav } from '../src/wav.js';
import { breathEnvelope, pulseEnvelope } from '../src/worklet/voices.js';

describe('DSP kernels', () => {
  test('ramp curves: linear, exponential (equal ratios), sigmoid (ends exact), drop (20 steps)', () => {
    assert.equal(curveAt('linear', 0.5, 10, 4), 7);
    assert.equal(curveAt('slide', 0.25, 10, 6), 9);
    assert.ok(Math.abs(curveAt('exponential', 0.5, 16, 4) - 8) < 1e-12);
    assert.equal(curveAt('sigmoid', 0, 10, 4), 10);
    assert.ok(Math.abs(curveAt('sigmoid', 1, 10, 4) - 4) < 1e-12);
    assert.ok(Math.abs(curveAt('sigmoid', 0.5, 10, 4) - 7) < 1e-9);
    assert.equal(curveAt('drop', 0.026, 10, 4), 10);
    assert.ok(curveAt('drop', 0.05, 10, 4) < 10);
    assert.equal(curveAt('step', 0.99, 10, 4), 10);
    assert.equal(curveAt('linear', 2, 10, 4), 4, 'past the end it holds');
  });

  test('a smoothed parameter glides to a set value, follows a ramp, and stays in its bounds', () => {
    const rate = 48_000;
    const beat = new SmoothParam(10, rate, 0.02, 0.5, 40);
    beat.set(4);
    let frame = 0;
    const run = (blocks: number, size = 128) => {
      let last = 0;
      for (let b = 0; b < blocks; b++, frame += size) {
        beat.beginBlock(frame, size);
        for (let i = 0; i < size; i++) last = beat.next(i);
      }
      return last;
    };
    const early = run(1);
    assert.ok(early > 9 && early < 10, 'no jump: it starts moving');
    assert.ok(Math.abs(run(100) - 4) < 1e-3, 'and arrives');
    beat.ramp(8, frame, rate, 'linear');
    run(Math.round(rate / 2 / 128));
    assert.ok(Math.abs(beat.value - 6) < 0.1, `halfway ${beat.value}`);
    run(Math.round(rate / 128) + 50);
    assert.ok(Math.abs(beat.value - 8) < 1e-3);
    beat.set(400);
    beat.set(Number.NaN);
    run(200, 17); // block sizes other than 128 work alike
    assert.equal(beat.goal, 40, 'clamped to 40 Hz; NaN ignored');
  });

  test('noise is seeded, bounded, and differs by seed', () => {
    for (const color of ['white', 'pink', 'brown'] as const) {
      const a = new NoiseSource(color, 5);
      const b = new NoiseSource(color, 5);
      const c = new NoiseSource(color, 6);
      let same = true;
      let differs = false;
      let peak = 0;
      for (let i = 0; i < 200_000; i++) {
        const x = a.next();
        same &&= x === b.next();
        differs ||= x !== c.next();
        peak = Math.max(peak, Math.abs(x));
      }
      assert.ok(same && differs, color);
      assert.ok(peak < 1.5, `${color} peak ${peak}`);
    }
  });

  test('the limiter holds −1 dBFS on any input, and leaves quiet input alone', () => {
    const limiter = new PeakLimiter(48_000);
    const left = Float32Array.from({ length: 4096 }, (_, i) => Math.sin(i / 7) * 8);
    const right = Float32Array.from({ length: 4096 }, (_, i) => (i % 97 === 0 ? 50 : 0.1));
    limiter.process(left, right, left.length);
    for (const x of [...left, ...right]) assert.ok(Math.abs(x) <= 10 ** (-1 / 20));
    const quiet = new PeakLimiter(48_000);
    const soft = Float32Array.from({ length: 512 }, (_, i) => Math.sin(i / 5) * 0.5);
    const copy = Float32Array.from(soft);
    quiet.process(soft, Float32Array.from(soft), soft.length);
    assert.deepEqual(soft, copy);
  });

  test('pulse and breath envelopes are continuous (no clicks at their edges)', () => {
    for (let p = 0; p < 1; p += 0.0001) {
      assert.ok(
        Math.abs(pulseEnvelope(p + 0.0001, 0.5, 0.25) - pulseEnvelope(p, 0.5, 0.25)) < 0.01,
      );
      assert.ok(Math.abs(breathEnvelope(p + 0.0001, 0.4) - breathEnvelope(p, 0.4)) < 0.01);
    }
    assert.ok(
      Math.abs(breathEnvelope(0.9999, 0.4) - breathEnvelope(0, 0.4)) < 0.01,
      'one breath joins the next',
    );
    assert.equal(breathEnvelope(0.4, 0.4), 1, 'full at the top of the in-breath');
  });
});

describe('programs', () => {
  test('every preset is a valid program', () => {
    for (const [name, preset] of Object.entries(PRESETS))
      assert.equal(parseProgram(preset).name, name);
  });

  test('unsafe or malformed programs are refused, naming the field and what is allowed', () => {
    const problems = (input: unknown) => {
      try {
        parseProgram(input);
        return [];
      } catch (error) {
        assert.ok(error instanceof ProgramError);
        return error.problems;
      }
    };
    assert.match(
      problems({
        name: 'x',
        voices: [{ id: 'b', type: 'binaural', carrierHz: 200, beatHz: 41 }],
      }).join(),
      /voices\.0\.beatHz/,
    );
    assert.match(
      problems({
        name: 'x',
        voices: [{ id: 'b', type: 'binaural', carrierHz: 200, beatHz: 7 }],
        ramps: [{ atSeconds: 0, target: 'b', param: 'beatHz', to: 80, durationSeconds: 5 }],
      }).join(),
      /ramps\.0\.to: beatHz goes from 0\.5 to 40/,
    );
    assert.match(
      problems({
        name: 'x',
        voices: [{ id: 'b', type: 'tone', frequencyHz: 440, gainDb: 6 }],
      }).join(),
      /gainDb/,
    );
    assert.match(
      problems({
        name: 'x',
        voices: [{ id: 'b', type: 'noise', color: 'pink' }],
        ramps: [{ atSeconds: 0, target: 'b', param: 'beatHz', to: 8, durationSeconds: 5 }],
      }).join(),
      /a noise ramp changes one of gainDb, pan/,
    );
    assert.ok(problems({ name: 'x', voices: [] }).length > 0);
    assert.ok(problems('<script>').length > 0);
  });

  test('SBaGen sequences import: tone-sets, binaural, isochronic, noise, slides', () => {
    const program = parseProgram(
      importSbagen(`
# a short relaxation
alpha: pink/40 200+10/20
theta: pink/30 200+6/20 300@4/10
NOW alpha ->
+00:05:00 theta
+00:10:00 alpha
`),
    );
    const ids = program.voices.map((v) => v.id).sort();
    assert.deepEqual(ids, ['binaural-0', 'isochronic-0', 'pink-noise-0']);
    const slide = program.ramps.find(
      (r) => r.target === 'binaural-0' && r.param === 'beatHz' && r.curve === 'linear',
    );
    assert.deepEqual([slide?.atSeconds, slide?.to, slide?.durationSeconds], [10, 6, 290]);
    assert.equal(program.durationSeconds, 660);
    assert.throws(() => importSbagen('alpha: sine:200/20\nNOW alpha'), /not a supported tone/);
    assert.throws(() => importSbagen('NOW missing'), /no tone-set "missing"/);
  });

  test('WAV: 32-bit float round-trips exactly, 24-bit PCM within a step', () => {
    const left = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 10) * 0.8);
    const right = Float32Array.from(left, (x) => -x);
    const float = decodeWav(encodeWav([left, right], 48_000, 'float32'));
    assert.equal(float.sampleRate, 48_000);
    assert.deepEqual(float.channels[0], left);
    const pcm = decodeWav(encodeWav([left, right], 44_100, 'pcm24'));
    assert.ok(pcm.channels[1]!.every((x, i) => Math.abs(x - right[i]!) < 1e-6));
  });
});

test('the worklet bundle is one self-contained module (nothing for a bundler to split), small', async () => {
  const { browserBundles } = await import('../src/browser/build.js');
  const worklet = (await browserBundles())['mindscape-worklet.js']!;
  assert.doesNotMatch(worklet, /\bimport\s*[({"'\w*]/);
  assert.match(worklet, /registerProcessor\(\s*"mindscape-engine"/);
  assert.ok(worklet.length < 50_000, `${worklet.length} bytes`);
});
