import type { Blend } from './encoder-head.js';
import { ENCODER_FEATURE_DIM } from './encoder-features.js';
import type { Evaluation } from './evaluate.js';
import type { Language } from './features.js';
import { EMOTION_LABELS, type EmotionLabel } from './labels.js';

/** What `npm run train` scored on the test split, written to ml/reports/text-emotion.json. */
export interface TextEmotionResults {
  model: {
    /** Hidden units of the shipped head, over all the heads averaged into it. */
    hidden: number;
    /** Heads (seeds) averaged into the shipped one. */
    heads: number;
    blends: Partial<Record<Language, Pick<Blend, 'ngramWeight' | 'space'>>>;
  };
  /** The shipped reader: n-gram model and encoder head, blended. */
  blended: Partial<Record<Language, Evaluation>>;
  /** The n-gram model alone (the reader's fallback, and the model before the encoder head). */
  ngram: Partial<Record<Language, Evaluation>>;
}

/**
 * Per-label test F1 of the fine-tuned BERT-base in the data set's paper (Demszky et al., 2020,
 * table 4), English; its macro average is 0.46.
 */
export const BERT_F1: Record<EmotionLabel, number> = {
  admiration: 0.65,
  amusement: 0.8,
  anger: 0.47,
  annoyance: 0.34,
  approval: 0.36,
  caring: 0.39,
  confusion: 0.37,
  curiosity: 0.54,
  desire: 0.49,
  disappointment: 0.28,
  disapproval: 0.39,
  disgust: 0.45,
  embarrassment: 0.43,
  excitement: 0.34,
  fear: 0.6,
  gratitude: 0.86,
  grief: 0,
  joy: 0.51,
  love: 0.78,
  nervousness: 0.35,
  optimism: 0.51,
  pride: 0.36,
  realization: 0.21,
  relief: 0.15,
  remorse: 0.66,
  sadness: 0.49,
  surprise: 0.5,
  neutral: 0.68,
};
export const BERT_MACRO_F1 = 0.46;

const f = (x: number) => x.toFixed(3);

const heads = (count: number, hidden: number) =>
  count > 1
    ? `${count} such heads of ${hidden / count} units, trained with different seeds, their logits averaged (kept by dev)`
    : 'one head';

const headMegabytes = (hidden: number) =>
  (((ENCODER_FEATURE_DIM + EMOTION_LABELS.length) * hidden) / 1e6).toFixed(1);

/** The markdown report of both languages, against the published reference. */
export function textEmotionReport(results: TextEmotionResults, trainedAt: string): string {
  const rows = Object.entries(results.blended) as Array<[Language, Evaluation]>;
  const ngram = results.ngram;
  const share = (lang: Language) => {
    const blend = results.model.blends[lang];
    return blend
      ? `${blend.ngramWeight} of the ${blend.space === 'logit' ? 'logits' : 'scores'}`
      : '—';
  };
  const lines = [
    '# Text emotion: GoEmotions test split',
    '',
    `Trained ${trainedAt} by \`npm run train\` (ml/src/train-text.ts) on \`train.tsv\`; epochs, blend weights and`,
    'per-label thresholds chosen on `dev.tsv`; every figure below is on `test.tsv`, which training never saw.',
    '',
    'Model (what `TextEmotionReader` reads with): two models whose scores are mixed per language.',
    '- the n-gram model: multi-label logistic regression on hashed word uni-/bigrams (plus character',
    '  bi-/trigrams for Korean), int8 weights (0.9 MB per language); also the fallback when the',
    '  sentence encoder is not provisioned;',
    `- the encoder head: one hidden layer (${results.model.hidden} ReLU units) over what the multilingual Universal`,
    '  Sentence Encoder (ml/src/sentence-encoder) computes for a text: its 512-d sentence vector and the',
    '  mean of its 1,280-wide per-token layer; trained on the English and Korean training splits',
    '  together, rare labels weighted up, the epoch (or mean of epochs) kept by dev;',
    `  ${heads(results.model.heads, results.model.hidden)}; int8 weights (${headMegabytes(results.model.hidden)} MB);`,
    `- blend: n-gram share ${rows.map(([lang]) => `${share(lang)} (${lang})`).join(', ')}, then per-label thresholds, all tuned on dev.`,
    '',
    '| language | model | test texts | macro-F1 (28) | micro-F1 (28) | Ekman macro-F1 (7) | sentiment macro-F1 (4) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.flatMap(([lang, r]) => {
      const base = ngram[lang];
      return [
        `| ${lang} | n-gram + encoder head | ${r.examples} | **${f(r.labels.macroF1)}** | ${f(r.labels.microF1)} | ${f(r.ekman.macroF1)} | ${f(r.sentiment.macroF1)} |`,
        ...(base
          ? [
              `| ${lang} | n-gram alone (baseline) | ${base.examples} | ${f(base.labels.macroF1)} | ${f(base.labels.microF1)} | ${f(base.ekman.macroF1)} | ${f(base.sentiment.macroF1)} |`,
            ]
          : []),
      ];
    }),
    `| en | BERT-base fine-tuned (published) | 5427 | ${BERT_MACRO_F1.toFixed(2)} | — | — | — |`,
    '',
    'Published reference points (English test split): BERT-base fine-tuned, macro-F1 0.46',
    '(Demszky et al., 2020, per label below); a TF-IDF + logistic regression baseline, about 0.51',
    'micro-F1. The Korean data is a machine translation of the same rows: treat its figures as a floor.',
    '',
    '## Per label (test F1; precision, recall and support of the blended model)',
    '',
    `| label | BERT (en) | ${rows.map(([lang]) => `${lang} F1 | ${lang} P | ${lang} R | ${lang} n-gram F1`).join(' | ')} | n |`,
    `| --- | --- | ${rows.map(() => '--- | --- | --- | ---').join(' | ')} | --- |`,
  ];
  const labels = Object.keys(rows[0]?.[1].labels.perLabel ?? {}) as EmotionLabel[];
  for (const label of labels) {
    lines.push(
      `| ${label} | ${BERT_F1[label].toFixed(2)} | ${rows
        .map(([lang, r]) => {
          const s = r.labels.perLabel[label]!;
          const base = ngram[lang]?.labels.perLabel[label];
          return `${f(s.f1)} | ${f(s.precision)} | ${f(s.recall)} | ${base ? f(base.f1) : '—'}`;
        })
        .join(' | ')} | ${rows[0]![1].labels.perLabel[label]!.support} |`,
    );
  }
  lines.push('', '## Groupings (F1 per group, blended model)', '');
  for (const [name, key] of [
    ['Ekman', 'ekman'],
    ['Sentiment', 'sentiment'],
  ] as const) {
    const groups = Object.keys(rows[0]?.[1][key].perLabel ?? {});
    lines.push(
      `| ${name} | ${rows.map(([lang]) => lang).join(' | ')} |`,
      `| --- | ${rows.map(() => '---').join(' | ')} |`,
    );
    for (const g of groups)
      lines.push(`| ${g} | ${rows.map(([, r]) => f(r[key].perLabel[g]!.f1)).join(' | ')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
