import assert from 'node:assert/strict';
import { test } from 'node:test';
import { beatsFromSamples, cleanBeats, hrvFeatures, lombScargle, type Beat } from '../src/index.js';
import { SPECTRUM_MAX_HZ, SPECTRUM_MIN_HZ, SPECTRUM_STEP_HZ } from '../src/hrv/lomb-scargle.js';

/** Beats from RR intervals (ms), starting at t = 0. */
function beatsOf(rr: readonly number[], start = 0): Beat[] {
  let time = start;
  return rr.map((interval) => ({ time: (time += interval), rr: interval }));
}

/** RR series whose value is a function of time, for `seconds` seconds. */
function rrSeries(seconds: number, rrAt: (t: number) => number): number[] {
  const rr: number[] = [];
  for (let t = 0; t < seconds;) {
    const r = rrAt(t);
    rr.push(r);
    t += r / 1000;
  }
  return rr;
}

const near = (actual: number | null, expected: number, tolerance: number, what: string) =>
  assert.ok(
    actual !== null && Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual} not within ${tolerance} of ${expected}`,
  );

test('hand-checked: a perfectly steady 60 bpm heart', () => {
  const hrv = hrvFeatures(beatsOf(Array(80).fill(1000)));
  assert.equal(hrv.meanHr, 60);
  assert.equal(hrv.sdnn, 0);
  assert.equal(hrv.rmssd, 0);
  assert.equal(hrv.pnn50, 0);
  assert.equal(hrv.stressIndex, null, 'a zero range has no stress index');
});

test('hand-checked: alternating 800/900 ms', () => {
  const hrv = hrvFeatures(beatsOf(Array.from({ length: 21 }, (_, i) => (i % 2 ? 900 : 800))));
  near(hrv.rmssd, 100, 1e-9, 'RMSSD: every difference is ±100');
  assert.equal(hrv.nn50, 20);
  near(hrv.pnn50, (100 * 20) / 21, 1e-9, 'pNN50 = NN50 / intervals');
  near(hrv.meanHr, (60_000 / (800 * 11 + 900 * 10)) * 21, 1e-9, 'mean HR');
  // Baevsky: modal bin [800, 850) holds 11 of 21, Mo = 0.825 s, range 0.1 s.
  near(hrv.stressIndex, (100 * 11) / 21 / (2 * 0.825 * 0.1), 1e-9, 'stress index');
});

/** The classic LCG in exact integers (BigInt), so Python and JavaScript draw the same numbers. */
function lcg(seed: number): () => number {
  let state = BigInt(seed);
  return () => {
    state = (1103515245n * state + 12345n) % 2n ** 31n;
    return Number(state) / 2 ** 31;
  };
}

// A 300 s series with breathing at 0.25 Hz (±40 ms), a Mayer wave at 0.1 Hz (±25 ms) and
// uniform noise from a fixed LCG. Reference figures were computed independently with numpy
// (time domain, exact series) and NeuroKit2 0.2.13 (`hrv_frequency`, psd_method="lomb") on it.
function referenceSeries(): number[] {
  const next = lcg(42);
  return rrSeries(
    300,
    (t) =>
      Math.round(
        (850 +
          40 * Math.sin(2 * Math.PI * 0.25 * t) +
          25 * Math.sin(2 * Math.PI * 0.1 * t) +
          (next() - 0.5) * 30) *
          1000,
      ) / 1000,
  );
}

test('matches numpy and NeuroKit2 on a realistic 5-minute series', () => {
  const rr = referenceSeries();
  assert.equal(rr.length, 354);
  const hrv = hrvFeatures(beatsOf(rr));
  assert.equal(hrv.artefacts, 0);
  near(hrv.sdnn, 33.436097244619106, 1e-3, 'SDNN (numpy, ddof=1)');
  near(hrv.rmssd, 37.472822762243815, 1e-3, 'RMSSD (numpy)');
  near(hrv.sdsd, 37.526004579037554, 1e-3, 'SDSD (numpy, ddof=1)');
  assert.equal(hrv.nn50, 71);
  near(hrv.pnn50, (100 * 71) / 354, 1e-9, 'pNN50 (NeuroKit2 convention)');
  near(hrv.lfHf, 0.3750802649536895, 0.04, 'LF/HF (NeuroKit2 Lomb–Scargle)');
  // Power is scaled to the series' variance: 25²/2 in LF, 40²/2 in HF, plus a share of noise.
  near(hrv.lf, 312.5 + 14, 40, 'LF ms²');
  near(hrv.hf, 800 + 32, 60, 'HF ms²');
  near(hrv.breathingRate, 15, 0.3, 'breathing rate from the 0.25 Hz peak');
});

test('slow breathing at 6/min gives a high coherence; irregular rhythm a low one', () => {
  const resonant = hrvFeatures(
    beatsOf(rrSeries(120, (t) => 900 + 80 * Math.sin(2 * Math.PI * 0.1 * t))),
  );
  near(resonant.breathingRate, 6, 0.3, 'breathing rate');
  assert.ok(resonant.coherence! > 5, `coherence ${resonant.coherence}`);
  assert.ok(resonant.lf! > 10 * resonant.hf!, 'power sits in LF');

  const noise = lcg(7);
  const irregular = hrvFeatures(beatsOf(rrSeries(120, () => 800 + (noise() - 0.5) * 120)));
  assert.ok(irregular.coherence! < 1, `coherence ${irregular.coherence}`);
});

test('an ectopic beat and its compensatory pause are corrected, not counted as variability', () => {
  const clean = rrSeries(120, (t) => 850 + 20 * Math.sin(2 * Math.PI * 0.25 * t));
  const ectopic = [...clean];
  ectopic.splice(60, 2, 450, 1250);
  const a = hrvFeatures(beatsOf(clean));
  const b = hrvFeatures(beatsOf(ectopic));
  assert.equal(b.artefacts, 2);
  near(b.rmssd, a.rmssd!, a.rmssd! * 0.1, 'RMSSD unaffected');
  near(b.sdnn, a.sdnn!, a.sdnn! * 0.1, 'SDNN unaffected');
});

test('implausible intervals are artefacts; a gap splits the series', () => {
  const rr = Array(40).fill(900);
  rr[10] = 3000;
  assert.equal(cleanBeats(beatsOf(rr)).artefacts, 1);

  const before = beatsOf(Array(30).fill(900));
  const after = beatsOf(Array(30).fill(700), before.at(-1)!.time + 20_000);
  const clean = cleanBeats([...before, ...after]);
  assert.deepEqual(clean.segmentStarts, [0, 30]);
  assert.equal(
    hrvFeatures([...before, ...after]).rmssd,
    0,
    'no difference is taken across the gap',
  );
});

test('too little data yields nulls, never invented numbers', () => {
  const hrv = hrvFeatures(beatsOf([900, 910, 905]));
  assert.equal(hrv.sdnn, null);
  assert.equal(hrv.lf, null);
  assert.equal(hrvFeatures([]).beats, 0);
  const short = hrvFeatures(beatsOf(Array(40).fill(900)));
  assert.equal(short.lf, null, 'under 50 s there is no LF estimate');
});

test('beats from wearable samples: the last RR of a sample ends at its timestamp', () => {
  const beats = beatsFromSamples([
    { timestamp: 10_000, rrIntervals: [800, 1000] },
    { timestamp: 11_000, rrIntervals: [] },
    { timestamp: 11_900, rrIntervals: [900] },
  ]);
  assert.deepEqual(beats, [
    { time: 9_000, rr: 800 },
    { time: 10_000, rr: 1000 },
    { time: 11_900, rr: 900 },
  ]);
});

/** The periodogram straight from its definition: four trig calls per beat and frequency. */
function directPeriodogram(seconds: readonly number[], values: readonly number[]): number[] {
  const m = values.reduce((sum, v) => sum + v, 0) / values.length;
  const y = values.map((v) => v - m);
  const count = Math.round((SPECTRUM_MAX_HZ - SPECTRUM_MIN_HZ) / SPECTRUM_STEP_HZ) + 1;
  return Array.from({ length: count }, (_, k) => {
    const w = 2 * Math.PI * (SPECTRUM_MIN_HZ + k * SPECTRUM_STEP_HZ);
    let s2 = 0;
    let c2 = 0;
    for (const t of seconds) {
      s2 += Math.sin(2 * w * t);
      c2 += Math.cos(2 * w * t);
    }
    const tau = Math.atan2(s2, c2) / (2 * w);
    let yc = 0;
    let ys = 0;
    let cc = 0;
    let ss = 0;
    seconds.forEach((t, i) => {
      const c = Math.cos(w * (t - tau));
      const s = Math.sin(w * (t - tau));
      yc += y[i]! * c;
      ys += y[i]! * s;
      cc += c * c;
      ss += s * s;
    });
    return 0.5 * ((yc * yc) / cc + (ys * ys) / ss);
  });
}

test('the periodogram carried by rotation matches its direct definition across the whole grid', () => {
  // Five minutes of uneven beats, far from t = 0, where a drifting recurrence would show.
  const seconds: number[] = [];
  const nn: number[] = [];
  let t = 3_600;
  for (let i = 0; i < 380; i++) {
    const interval = 780 + 60 * Math.sin(2 * Math.PI * 0.1 * t) + 25 * Math.sin(i * 7.3);
    t += interval / 1000;
    seconds.push(t);
    nn.push(interval);
  }
  const { power } = lombScargle(seconds, nn);
  const direct = directPeriodogram(seconds, nn);
  // lombScargle rescales to the series' variance; compare shapes on one scale.
  const scale = power.reduce((a, b) => a + b, 0) / direct.reduce((a, b) => a + b, 0);
  const peak = Math.max(...power);
  direct.forEach((p, k) => {
    assert.ok(Math.abs(power[k]! - p * scale) < 1e-9 * peak, `frequency ${k}`);
  });
});
