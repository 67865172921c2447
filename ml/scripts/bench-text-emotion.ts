/**
 * `npm run bench:text -w @mindscape/ml`: time to read one message for emotion with the shipped
 * reader (n-gram model + sentence encoder + encoder head), beside the baseline measured in the
 * same run: the n-gram model alone (the reader before the encoder head, and its fallback).
 * Prints p50/p95 wall time and mean CPU time per message, English and Korean, short and long,
 * one message per call as a service reads them, and the test-split figures of
 * ml/reports/text-emotion.json beside. CPU time is printed because wall time on a shared machine
 * varies with its load.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TextEmotionReader } from '../src/index.js';
import { SentenceEncoder } from '../src/sentence-encoder/index.js';
import { ensureSentenceEncoder } from '../src/sentence-encoder/provision.js';
import { artifactsDir } from '../src/text/model.js';
import type { TextEmotionResults } from '../src/text/report.js';

const english = [
  'Thank you so much, this really helped me!',
  'I am so sad, I miss her every day.',
  'Why would anyone do that?',
  'lol that is hilarious',
  'I slept badly again and I am worried about the exam tomorrow.',
  'This is the best news I have heard all year, I am so proud of you!',
  'Ugh, the bus was late again and I missed the meeting.',
  'Not sure what to think about it honestly.',
  'I finally finished the project after three weeks of late nights, and my manager did not even ' +
    'look at it before asking for changes. I do not know why I bother sometimes.',
  'We walked by the sea after dinner, the kids laughed the whole way and for once nobody was ' +
    'on their phone. I want more evenings like this.',
];
const korean = [
  '정말 감사합니다. 큰 도움이 되었어요!',
  '너무 슬퍼요, 매일 그녀가 보고 싶어요.',
  '왜 그런 일을 하는 거죠?',
  '진짜 웃기다 ㅋㅋ',
  '어젯밤에도 잠을 설쳤고 내일 시험이 걱정돼요.',
  '올해 들은 소식 중에 최고예요, 정말 자랑스러워요!',
  '버스가 또 늦어서 회의를 놓쳤어요.',
  '솔직히 어떻게 생각해야 할지 모르겠어요.',
  '삼 주 동안 밤늦게까지 일해서 드디어 프로젝트를 끝냈는데, 팀장님은 보지도 않고 수정부터 ' +
    '하라고 하셨어요. 가끔은 왜 이렇게까지 하는지 모르겠어요.',
  '저녁을 먹고 바닷가를 걸었는데 아이들이 내내 웃었고 아무도 휴대폰을 보지 않았어요. ' +
    '이런 저녁이 더 많았으면 좋겠어요.',
];
const ROUNDS = 20;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

interface Timing {
  p50: number;
  p95: number;
  cpu: number;
}

async function time(read: (text: string) => unknown, texts: string[]): Promise<Timing> {
  for (const text of texts) await read(text); // warm
  const wall: number[] = [];
  const cpu = process.cpuUsage();
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of texts) {
      const started = performance.now();
      await read(text);
      wall.push(performance.now() - started);
    }
  }
  const used = process.cpuUsage(cpu);
  return {
    p50: percentile(wall, 50),
    p95: percentile(wall, 95),
    cpu: (used.user + used.system) / 1000 / wall.length,
  };
}

const encoder = await SentenceEncoder.load(await ensureSentenceEncoder());
const baseline = await TextEmotionReader.load(undefined, { encoder: false });
// The shipped reader, given the encoder so that the encoder's own share can be timed on it.
const shipped = await TextEmotionReader.load(undefined, { encoder });
if (shipped.kind !== 'ngram+encoder') throw new Error('the shipped reader did not load the head');

const groups: Array<[string, string[]]> = [
  ['en short', english.slice(0, 8)],
  ['en long', english.slice(8)],
  ['ko short', korean.slice(0, 8)],
  ['ko long', korean.slice(8)],
  ['all', [...english, ...korean]],
];
console.log(
  `Text emotion, one message per call (${ROUNDS} rounds): the shipped reader (n-gram + encoder head)\n` +
    'vs the baseline, the n-gram model alone; ratio = ours / baseline (the encoder is the price)\n' +
    'and, as its profile, the encoder alone (one pass, vector and token means)\n' +
    `${''.padEnd(28)}${'n-gram+encoder'.padStart(16)}${'n-gram'.padStart(12)}${''.padStart(8)}${'encoder'.padStart(12)}`,
);
const ms = (v: number) => `${v.toFixed(2)} ms`;
for (const [name, texts] of groups) {
  const ours = await time((text) => shipped.read(text), texts);
  const base = await time((text) => baseline.read(text), texts);
  const encoding = await time((text) => encoder.encodeWithTokenMeans([text]), texts);
  const pieces = texts.reduce((n, t) => n + encoder.tokenize(t).length, 0) / texts.length;
  console.log(`${name} (${texts.length} texts, ${pieces.toFixed(0)} pieces on average)`);
  for (const key of ['p50', 'p95', 'cpu'] as const) {
    const label = key === 'cpu' ? 'CPU per message' : `wall ${key}`;
    const ratio = `${(ours[key] / base[key]).toFixed(1)}×`;
    console.log(
      `  ${label.padEnd(26)}${ms(ours[key]).padStart(16)}${ms(base[key]).padStart(12)}${ratio.padStart(8)}${ms(encoding[key]).padStart(12)}`,
    );
  }
}
shipped.dispose();
baseline.dispose();
encoder.dispose();

const report = JSON.parse(
  await readFile(join(artifactsDir, '..', 'reports', 'text-emotion.json'), 'utf8'),
) as TextEmotionResults;
console.log(
  '\nGoEmotions test macro-F1 (ml/reports/text-emotion.json; published BERT-base: en 0.46)',
);
for (const lang of ['en', 'ko'] as const) {
  console.log(
    `  ${lang}${(report.blended[lang]?.labels.macroF1.toFixed(3) ?? '—').padStart(40)}${(report.ngram[lang]?.labels.macroF1.toFixed(3) ?? '—').padStart(12)}`,
  );
}
