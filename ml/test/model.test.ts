import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { EMOTION_LABELS, TextEmotionModel, TextEmotionReader } from '../src/index.js';
import { FEATURE_BUCKETS, textFeatures } from '../src/text/features.js';

test('the shipped models read plain emotions as a person would', async () => {
  const reader = await TextEmotionReader.load();
  try {
    const thanks = await reader.read('Thank you so much, this really helped me!');
    assert.equal(thanks.language, 'en');
    assert.equal(thanks.labels[0]!.label, 'gratitude');
    assert.ok(thanks.valence > 0.3);
    const grief = await reader.read('I am so sad, I miss her every day.');
    assert.ok(grief.valence < 0, `valence ${grief.valence}`);
    const korean = await reader.read('정말 감사합니다. 큰 도움이 되었어요!');
    assert.equal(korean.language, 'ko');
    assert.equal(korean.labels[0]!.label, 'gratitude');
  } finally {
    reader.dispose();
  }
});

test('artefacts round-trip through int8 within a small error', async () => {
  const weights = Float32Array.from(
    { length: FEATURE_BUCKETS * EMOTION_LABELS.length },
    (_, i) => Math.sin(i) * 2,
  );
  const model = new TextEmotionModel({
    language: 'en',
    weights,
    bias: new Float32Array(EMOTION_LABELS.length).fill(-1),
    thresholds: EMOTION_LABELS.map(() => 0.3),
  });
  const dir = await mkdtemp(`${tmpdir()}/mindscape-ml-`);
  try {
    await model.save(dir);
    const loaded = await TextEmotionModel.load('en', dir);
    const text = 'what a lovely surprise';
    const [a] = await model.scores([text]);
    const [b] = await loaded.scores([text]);
    const n = textFeatures(text, 'en').indices.length;
    a!.forEach((score, i) =>
      assert.ok(Math.abs(score - b![i]!) < 0.02 * n, `label ${i}: ${score} vs ${b![i]}`),
    );
    assert.deepEqual(loaded.params.thresholds, model.params.thresholds);
    loaded.dispose();
  } finally {
    model.dispose();
    await rm(dir, { recursive: true, force: true });
  }
});
