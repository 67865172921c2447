import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { EMOTION_LABELS, TextEmotionModel, TextEmotionReader } from '../src/index.js';
import { ensureSentenceEncoder } from '../src/sentence-encoder/provision.js';
import { ENCODER_FEATURE_DIM } from '../src/text/encoder-features.js';
import { EncoderHead, blendScores } from '../src/text/encoder-head.js';
import { FEATURE_BUCKETS, textFeatures } from '../src/text/features.js';
import { averageHeads } from '../src/text/train-head.js';

// The shipped reader adds the sentence encoder when it is provisioned (the tests provision it,
// as the companion's do); without it the reader falls back to the n-gram models, tested below.
const encoderProvisioned = await ensureSentenceEncoder().then(
  () => true,
  () => false,
);

for (const kind of ['ngram+encoder', 'ngram'] as const) {
  test(
    `the shipped models read plain emotions as a person would (${kind})`,
    {
      skip:
        kind === 'ngram+encoder' &&
        !encoderProvisioned &&
        'the sentence encoder is not provisioned',
    },
    async () => {
      const reader = await TextEmotionReader.load(
        undefined,
        kind === 'ngram' ? { encoder: false } : {},
      );
      try {
        assert.equal(reader.kind, kind);
        await readsAsAPersonWould(reader);
      } finally {
        reader.dispose();
      }
    },
  );
}

test('the encoder head round-trips through int8 within a small error', async () => {
  const hidden = 16;
  const L = EMOTION_LABELS.length;
  const wave = (length: number, phase: number) =>
    Float32Array.from({ length }, (_, i) => Math.sin(i * 0.7 + phase) * 0.5);
  const head = new EncoderHead({
    hidden,
    inputMean: wave(ENCODER_FEATURE_DIM, 1).map((v) => v * 0.1),
    inputScale: new Float32Array(ENCODER_FEATURE_DIM).fill(2),
    w1: wave(ENCODER_FEATURE_DIM * hidden, 2).map((v) => v * 0.1),
    b1: wave(hidden, 3),
    w2: wave(hidden * L, 4),
    b2: new Float32Array(L).fill(-1),
    blends: {
      en: { ngramWeight: 0.6, space: 'logit', thresholds: EMOTION_LABELS.map(() => 0.3) },
      ko: { ngramWeight: 0.4, space: 'probability', thresholds: EMOTION_LABELS.map(() => 0.2) },
    },
  });
  const dir = await mkdtemp(`${tmpdir()}/mindscape-ml-`);
  try {
    await head.save(dir);
    const loaded = await EncoderHead.load(dir);
    const features = wave(3 * ENCODER_FEATURE_DIM, 5);
    const a = head.scores(features, 3);
    const b = loaded.scores(features, 3);
    a.forEach((row, r) =>
      row.forEach((score, c) =>
        assert.ok(
          Math.abs(score - b[r]![c]!) < 0.02,
          `text ${r} label ${c}: ${score} vs ${b[r]![c]}`,
        ),
      ),
    );
    assert.deepEqual(loaded.params.blends, head.params.blends);
    loaded.dispose();
  } finally {
    head.dispose();
    await rm(dir, { recursive: true, force: true });
  }
});

test('heads averaged into one wide head score the mean of their logits', () => {
  const L = EMOTION_LABELS.length;
  const wave = (length: number, phase: number) =>
    Float32Array.from({ length }, (_, i) => Math.sin(i * 0.7 + phase) * 0.5);
  const headOf = (hidden: number, phase: number) =>
    new EncoderHead({
      hidden,
      inputMean: new Float32Array(ENCODER_FEATURE_DIM),
      inputScale: new Float32Array(ENCODER_FEATURE_DIM).fill(1),
      w1: wave(ENCODER_FEATURE_DIM * hidden, phase).map((v) => v * 0.1),
      b1: wave(hidden, phase + 1),
      w2: wave(hidden * L, phase + 2),
      b2: wave(L, phase + 3),
      blends: {} as EncoderHead['params']['blends'],
    });
  const heads = [headOf(8, 0), headOf(16, 1), headOf(8, 2)];
  const wide = averageHeads(heads);
  try {
    assert.equal(wide.params.hidden, 32);
    const features = wave(2 * ENCODER_FEATURE_DIM, 5);
    const logit = (p: number) => Math.log(p / (1 - p));
    const each = heads.map((h) => h.scores(features, 2));
    wide.scores(features, 2).forEach((row, r) =>
      row.forEach((score, c) => {
        const mean = each.reduce((sum, s) => sum + logit(s[r]![c]!), 0) / heads.length;
        assert.ok(Math.abs(logit(score) - mean) < 1e-3, `text ${r} label ${c}`);
      }),
    );
  } finally {
    for (const head of [...heads, wide]) head.dispose();
  }
});

test('blending: a weight of 1 or 0 gives one model, in either space', () => {
  const ngram = [[0.2, 0.9]];
  const head = [[0.6, 0.1]];
  for (const space of ['probability', 'logit'] as const) {
    const near = (a: number[][], b: number[][]) =>
      a[0]!.forEach((v, i) => assert.ok(Math.abs(v - b[0]![i]!) < 1e-9, space));
    near(blendScores(ngram, head, { ngramWeight: 1, space }), ngram);
    near(blendScores(ngram, head, { ngramWeight: 0, space }), head);
  }
  // Odds multiply in logit space: even odds and 9:1 at half weight give 3:1.
  const mixed = blendScores([[0.5]], [[0.9]], { ngramWeight: 0.5, space: 'logit' })[0]![0]!;
  assert.ok(Math.abs(mixed - 0.75) < 1e-9);
});

async function readsAsAPersonWould(reader: TextEmotionReader): Promise<void> {
  const thanks = await reader.read('Thank you so much, this really helped me!');
  assert.equal(thanks.language, 'en');
  assert.equal(thanks.labels[0]!.label, 'gratitude');
  assert.ok(thanks.valence > 0.3);
  // The emotions subgraph's own test reads this line.
  const journal = await reader.read('Thank you, I feel so much better today!');
  assert.equal(journal.labels[0]!.label, 'gratitude');
  const grief = await reader.read('I am so sad, I miss her every day.');
  assert.ok(grief.valence < 0, `valence ${grief.valence}`);
  const korean = await reader.read('정말 감사합니다. 큰 도움이 되었어요!');
  assert.equal(korean.language, 'ko');
  assert.equal(korean.labels[0]!.label, 'gratitude');
}

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
