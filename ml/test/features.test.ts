import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_TEXT_CHARS, detectLanguage, textFeatures } from '../src/index.js';
import { tokenize } from '../src/text/features.js';
import { decide, group, multiLabelMetrics, tuneThresholds } from '../src/text/metrics.js';

test('language follows the script', () => {
  assert.equal(detectLanguage('I am so grateful for this!'), 'en');
  assert.equal(detectLanguage('정말 고마워요, 오늘 행복해요'), 'ko');
  assert.equal(detectLanguage('ok 고마워'), 'ko');
  assert.equal(detectLanguage('12345 !!!'), 'en');
});

test('tokens keep masks, emoji and ! ?, drop URLs to one token', () => {
  assert.deepEqual(tokenize('[NAME] is GREAT!! 😂 see https://x.y/z'), [
    '[name]',
    'is',
    'great',
    '!',
    '!',
    '😂',
    'see',
    'url',
  ]);
});

test('features are hashed, bounded and unit length; long texts are cut', () => {
  const v = textFeatures('thank you thank you so much', 'en');
  assert.equal(new Set(v.indices).size, v.indices.length);
  assert.ok(Math.abs(Math.hypot(...v.values) - 1) < 1e-9);
  const huge = textFeatures('word '.repeat(50_000), 'en');
  assert.ok(huge.indices.length <= 256);
  assert.deepEqual(
    textFeatures('x'.repeat(MAX_TEXT_CHARS) + ' tail', 'en'),
    textFeatures('x'.repeat(MAX_TEXT_CHARS), 'en'),
  );
  assert.deepEqual(textFeatures('', 'ko'), { indices: [], values: [] });
});

test('metrics: macro and micro F1, thresholds, groupings (hand-checked)', () => {
  const names = ['a', 'b'];
  const gold = [new Set([0]), new Set([1]), new Set([0, 1])];
  const predicted = [new Set([0]), new Set([0]), new Set([0, 1])];
  const m = multiLabelMetrics(names, predicted, gold);
  // a: tp 2, fp 1, fn 0 → F1 0.8; b: tp 1, fp 0, fn 1 → F1 2/3; micro: tp 3, fp 1, fn 1 → 0.75
  assert.ok(Math.abs(m.perLabel.a!.f1 - 0.8) < 1e-12 && Math.abs(m.perLabel.b!.f1 - 2 / 3) < 1e-12);
  assert.ok(Math.abs(m.macroF1 - (0.8 + 2 / 3) / 2) < 1e-12 && Math.abs(m.microF1 - 0.75) < 1e-12);
  const thresholds = tuneThresholds(
    [
      [0.9, 0.2],
      [0.3, 0.6],
      [0.8, 0.7],
    ],
    gold,
    2,
  );
  assert.ok(
    thresholds[0]! > 0.3 && thresholds[0]! <= 0.8 && thresholds[1]! > 0.2 && thresholds[1]! <= 0.6,
  );
  assert.deepEqual(
    decide([[0.1, 0.2]], [0.5, 0.5]),
    [new Set([1])],
    'the top label when none passes',
  );
  assert.deepEqual(group([new Set([0, 1])], names, { g1: ['a'], g2: ['b'] }), [new Set([0, 1])]);
});
