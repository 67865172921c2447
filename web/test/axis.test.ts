import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axisRange, niceTicks, tickLabels } from '../src/dashboard/axis';

const STRESS = { minSpan: 10, bounds: [0, 100] as const };

test('close stress values (99.6 %, 99.65 %) get distinct labels at a round step, in %', () => {
  const [low, high] = axisRange(99.6, 99.65, STRESS);
  assert.ok(high - low >= 10 && low >= 0 && high <= 100, `${low}–${high}`);
  const labels = tickLabels(niceTicks(low, high));
  assert.deepEqual(labels, ['90', '92', '94', '96', '98', '100']);
});

test('labels stay distinct whatever the spacing, with no more decimals than needed', () => {
  assert.deepEqual(tickLabels([0.9955, 0.996, 0.9965]), ['0.9955', '0.9960', '0.9965']);
  assert.deepEqual(tickLabels([0.2, 0.4, 0.6]), ['0.2', '0.4', '0.6']);
  assert.deepEqual(tickLabels([60, 70, 80]), ['60', '70', '80']);
  assert.deepEqual(tickLabels([-0.0000001, 1]), ['0', '1']);
  for (let trial = 0; trial < 500; trial++) {
    const min = Math.random() * 200 - 100;
    const max = min + 10 ** (Math.random() * 8 - 5);
    const labels = tickLabels(niceTicks(min, max));
    assert.equal(new Set(labels).size, labels.length, `${min}–${max}: ${labels.join(', ')}`);
  }
});

test('ticks fall on 1, 2 or 5 × 10ⁿ steps, at most the count asked for, without float drift', () => {
  assert.deepEqual(niceTicks(0, 1, 6), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(0.1, 0.35, 5), [0.1, 0.2, 0.3]);
  for (const [min, max] of [
    [52.3, 97.1],
    [0, 100],
    [-1, 1],
    [0.996, 0.9965],
  ] as const) {
    const ticks = niceTicks(min, max, 5);
    assert.ok(ticks.length >= 3 && ticks.length <= 5, `${min}–${max}: ${ticks.join(', ')}`);
    assert.ok(ticks[0]! >= min && ticks.at(-1)! <= max);
    const step = ticks[1]! - ticks[0]!;
    const mantissa = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(6));
    assert.ok([1, 2, 5].includes(mantissa), `step ${step}`);
  }
});

test('a flat or empty series still gets an axis within its bounds', () => {
  assert.deepEqual(axisRange(null, null, STRESS), [0, 100]);
  const [low, high] = axisRange(0, 0, STRESS);
  assert.ok(low === 0 && high >= 10, `${low}–${high}`);
  const [top, end] = axisRange(100, 100, STRESS);
  assert.ok(end === 100 && top <= 90, `${top}–${end}`);
  assert.deepEqual(axisRange(70, 70, { minSpan: 10 }), [64.5, 75.5]);
});
