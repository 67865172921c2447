import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PhysioStateDoc } from '../src/models/index.js';
import { downsample } from '../src/state/downsample.js';
import { mergeWindow } from '../src/state/recent-window.js';
import {
  emptyBaseline,
  estimate,
  labelOf,
  updateBaseline,
  type Markers,
} from '../src/state/stress-model.js';

const markers = (heartRate: number, rmssd: number, si: number): Markers => ({
  heartRate,
  lnRmssd: Math.log(rmssd),
  lnStressIndex: Math.log(si),
});

test('a new person is read against population norms', () => {
  const typical = estimate(markers(70, 40, 120), emptyBaseline());
  assert.ok(Math.abs(typical.stress - 0.5) < 0.01 && typical.baselineMaturity === 0);
  assert.ok(
    estimate(markers(100, 15, 500), emptyBaseline()).stress > 0.85,
    'fast, rigid rhythm: stressed',
  );
  assert.ok(
    estimate(markers(58, 80, 40), emptyBaseline()).stress < 0.2,
    'slow, variable rhythm: calm',
  );
});

test("the baseline converges to the person's own normal", () => {
  const athlete = markers(52, 90, 45);
  let baseline = emptyBaseline();
  const first = estimate(athlete, baseline).stress;
  assert.ok(first < 0.2, 'at first, their normal reads as very calm');
  for (let i = 0; i < 300; i++)
    baseline = updateBaseline(
      baseline,
      markers(52 + Math.sin(i) * 3, 90 + Math.cos(i) * 10, 45 + Math.sin(i * 2) * 5),
    );
  const settled = estimate(athlete, baseline);
  // The population prior keeps a little weight (30 windows against 300), so "their normal"
  // lands near, not at, the midpoint.
  assert.ok(
    settled.stress > first + 0.15 && Math.abs(settled.stress - 0.5) < 0.2,
    `stress ${first} → ${settled.stress}`,
  );
  assert.ok(settled.baselineMaturity > 0.9);
  assert.ok(
    estimate(markers(70, 40, 120), baseline).stress > 0.8,
    'a population-typical window is stress for them',
  );
});

test('estimates stay within bounds whatever the markers', () => {
  for (const m of [markers(250, 1, 1e6), markers(25, 2000, 0.001), markers(70, 40, 120)]) {
    const e = estimate(m, emptyBaseline());
    for (const v of [e.stress, e.arousal]) assert.ok(v >= 0 && v <= 1 && Number.isFinite(v));
  }
  assert.equal(labelOf(0.9, 0.9, 0), 'stressed');
  assert.equal(labelOf(0.1, 0.2, 0.5), 'calm');
});

test('downsampling averages each time bucket and keeps its last label', () => {
  const from = new Date(0);
  const to = new Date(100_000);
  const state = (ms: number, stress: number, label: string): PhysioStateDoc => ({
    userId: 'u',
    at: new Date(ms),
    heartRate: 60,
    hrv: null,
    stress,
    arousal: 0.5,
    valence: 0,
    coherence: null,
    breathingRate: null,
    label,
    confidence: 1,
  });
  const states = [
    state(1000, 0.2, 'calm'),
    state(20_000, 0.4, 'relaxed'),
    state(60_000, 0.8, 'stressed'),
    state(90_000, 0.6, 'neutral'),
  ];
  const out = downsample(states, from, to, 2);
  assert.deepEqual(
    out.map((s) => [s.stress, s.label]),
    [
      [0.30000000000000004, 'relaxed'],
      [0.7, 'neutral'],
    ],
  );
  assert.equal(downsample(states, from, to, 10), states, 'fewer states than points pass through');
});

test('the recent window merges out-of-order batches, drops duplicates and what is too old', () => {
  const s = (ms: number, deviceId = 'd') => ({ deviceId, t: new Date(ms), heartRate: 60 });
  const merged = mergeWindow([s(10_000), s(20_000)], [s(15_000), s(20_000), s(100_000)], 64_000);
  assert.deepEqual(
    merged.map((x) => x.t.getTime()),
    [100_000],
    'older than 64 s + margin is dropped',
  );
  const kept = mergeWindow(
    [s(40_000), s(50_000)],
    [s(45_000), s(50_000), s(50_000, 'other')],
    64_000,
  );
  assert.deepEqual(
    kept.map((x) => `${x.deviceId}@${x.t.getTime()}`),
    ['d@40000', 'd@45000', 'd@50000', 'other@50000'],
  );
});
