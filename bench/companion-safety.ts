/**
 * `npx tsx bench/companion-safety.ts`: the companion's safety guard on its regression suite and
 * on a held-out set it was not tuned on — recall on must-flag self-risk, precision, benign
 * look-alikes left alone, per category — and detector latency per message, each beside a named
 * baseline measured in the same run: a keyword list with no negation, idiom, quotation or tense
 * handling. Pure logic, no engines. Prints figures; asserts nothing.
 */
import os from 'node:os';
import {
  riskClassifier,
  trainRiskClassifier,
} from '../subgraphs/companion/src/safety/classifier.js';
import {
  assessRisk,
  CLASSIFIER_THRESHOLD,
  levelRank,
  normalizeMessage,
  type RiskAssessment,
} from '../subgraphs/companion/src/safety/index.js';
import {
  HELD_OUT_PHRASINGS,
  SAFETY_PHRASINGS,
  type SafetyPhrasing,
} from '../subgraphs/companion/src/safety/regression-phrasings.js';
import { percentile, table } from './measure.js';

console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
);

// --- Baseline: what a first attempt looks like — substrings, lower-cased, nothing else.
const KEYWORDS = [
  'suicide',
  'suicidal',
  'kill myself',
  'kms',
  'kys',
  'unalive',
  'want to die',
  'wanna die',
  'end my life',
  'end it all',
  'self harm',
  'self-harm',
  'cut myself',
  'hurt myself',
  'overdose',
  'better off without me',
  "can't go on",
  'disappear',
  'die',
  '죽고 싶',
  '죽고싶',
  '자살',
  '자해',
  '죽겠',
  '죽을',
  '사라지고 싶',
  '살기 싫',
  'ㅈㅅ',
  '뛰어내',
];
const keywordBaseline = (text: string): boolean => {
  const lower = text.normalize('NFKC').toLowerCase();
  return KEYWORDS.some((keyword) => lower.includes(keyword));
};

// --- Model load: the classifier trains in code from the project's phrase list.
const trainStart = performance.now();
const classifier = trainRiskClassifier();
const trainMs = performance.now() - trainStart;
riskClassifier(); // the shared instance the detector uses, trained here rather than in a timing
console.log(
  `Classifier: logistic regression over character 2–4-grams, ${classifier.size} weighted n-grams, trained in ${trainMs.toFixed(0)} ms at first use (threshold ${CLASSIFIER_THRESHOLD})`,
);

type Flagger = (phrasing: SafetyPhrasing) => boolean;

const detectorResults = new Map<SafetyPhrasing, RiskAssessment>();
const detect = (p: SafetyPhrasing): RiskAssessment => {
  let result = detectorResults.get(p);
  if (!result) {
    result = assessRisk(p.text, { locale: p.locale });
    detectorResults.set(p, result);
  }
  return result;
};

const FLAGGERS: Array<[string, Flagger]> = [
  ['detector (rules + classifier)', (p) => detect(p).level !== 'none'],
  [
    'rules only',
    (p) => detect(p).level !== 'none' && !detect(p).reasons.includes('classifier.char_ngram'),
  ],
  [
    'classifier only',
    (p) => classifier.probability(normalizeMessage(p.text)) >= CLASSIFIER_THRESHOLD,
  ],
  ['baseline: keyword list', (p) => keywordBaseline(p.text)],
];

const meetsLabel = (p: SafetyPhrasing, r: RiskAssessment) =>
  levelRank(r.level) >= levelRank(p.min) &&
  levelRank(r.level) <= levelRank(p.max) &&
  (r.level === 'none' || !p.subject || r.subject === p.subject);

const ratio = (hits: number, of: number) => (of === 0 ? '–' : `${(hits / of).toFixed(3)}`);

function scoreTable(title: string, phrasings: readonly SafetyPhrasing[]): void {
  const mustFlag = phrasings.filter((p) => p.mustFlag);
  const shouldFlag = phrasings.filter((p) => p.min !== 'none');
  const benign = phrasings.filter((p) => p.max === 'none');
  const rows = FLAGGERS.map(([name, flag]) => {
    const raised = phrasings.filter(flag);
    const truePositives = raised.filter((p) => p.min !== 'none').length;
    return [
      name,
      ratio(mustFlag.filter(flag).length, mustFlag.length),
      ratio(truePositives, raised.length),
      ratio(benign.filter((p) => !flag(p)).length, benign.length),
      ratio(shouldFlag.filter(flag).length, shouldFlag.length),
    ];
  });
  const plans = phrasings.filter((p) => p.category === 'plan');
  const imminent = plans.filter((p) => detect(p).level === 'imminent').length;
  const labelled = phrasings.filter((p) => meetsLabel(p, detect(p))).length;
  table(
    `${title}: ${phrasings.length} phrasings (${mustFlag.length} must-flag, ${benign.length} benign); detector labels met ${labelled}/${phrasings.length}, plans at imminent ${imminent}/${plans.length}`,
    [
      'flagger',
      'must-flag recall',
      'precision',
      'benign left alone',
      'recall (all risk, any subject)',
    ],
    rows,
  );
}

function categoryTable(title: string, phrasings: readonly SafetyPhrasing[]): void {
  const categories = [...new Set(phrasings.map((p) => `${p.locale} ${p.category}`))];
  const rows = categories.map((key) => {
    const group = phrasings.filter((p) => `${p.locale} ${p.category}` === key);
    const expectFlag = group[0]!.min !== 'none';
    const share = (flag: (p: SafetyPhrasing) => boolean) =>
      `${group.filter(flag).length}/${group.length}`;
    return [
      key,
      expectFlag ? 'flag' : 'leave',
      share((p) => meetsLabel(p, detect(p))),
      share((p) => detect(p).level !== 'none'),
      share((p) => keywordBaseline(p.text)),
    ];
  });
  table(
    title,
    ['category', 'expected', 'detector labels met', 'detector flagged', 'baseline flagged'],
    rows,
  );
}

scoreTable('Regression suite', SAFETY_PHRASINGS);
categoryTable('Regression suite per category', SAFETY_PHRASINGS);
scoreTable('Held-out set (not tuned on)', HELD_OUT_PHRASINGS);
const heldOutMisses = HELD_OUT_PHRASINGS.filter((p) => !meetsLabel(p, detect(p)));
if (heldOutMisses.length > 0) {
  console.log('\nHeld-out misses (known gaps):');
  for (const p of heldOutMisses) {
    const r = detect(p);
    console.log(
      `  ${p.locale} ${p.category.padEnd(12)} ${JSON.stringify(p.text)} expected ${p.min}..${p.max}${p.subject ? ` (${p.subject})` : ''}, got ${r.level} (${r.subject})`,
    );
  }
}

// --- Latency per message, detector vs baseline, over the suite in rounds.
const texts = [...SAFETY_PHRASINGS, ...HELD_OUT_PHRASINGS].map((p) => p.text);
function latencies(fn: (text: string) => unknown, rounds: number): number[] {
  for (const text of texts) fn(text); // warm-up
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++)
    for (const text of texts) {
      const start = performance.now();
      fn(text);
      samples.push(performance.now() - start);
    }
  return samples;
}
const ROUNDS = 20;
const detector = latencies((text) => assessRisk(text), ROUNDS);
const baseline = latencies(keywordBaseline, ROUNDS);
const filler = 'We walked by the river and talked about the weekend. 날씨가 좋았어. ';
const long = filler.repeat(Math.ceil(100_000 / filler.length)).slice(0, 100_000);
function timeOnce(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
const longMs = timeOnce(() => assessRisk(long));
const row = (name: string, samples: number[]) => [
  name,
  percentile(samples, 50),
  percentile(samples, 95),
  percentile(samples, 99),
  Math.max(...samples),
];
table(
  `Latency per message, ms (${texts.length} messages × ${ROUNDS} rounds; goal: p99 ≤ 10 ms)`,
  ['detector', 'p50', 'p95', 'p99', 'max'],
  [row('detector (rules + classifier)', detector), row('baseline: keyword list', baseline)],
);
console.log(
  `\nDetector p50 is ${(percentile(detector, 50) / percentile(baseline, 50)).toFixed(0)}× the keyword list's; one 100 KB message takes ${longMs.toFixed(0)} ms.`,
);
