/**
 * `npm run bench:companion`: the companion's memory on the real engines.
 * - Retrieval on LoCoMo's development half (../shared/data/locomo): every turn of each
 *   conversation becomes a memory of one person (session by session, at the session's date);
 *   each question retrieves k memories; a hit is a memory from one of its evidence turns.
 *   recall@5, recall@10 and MRR per category for hybrid vs keyword-only vs vector-only.
 * - Retrieval latency p50/p95 at 1k and 10k memories of one person.
 * - Write path: messages/s with memories extracted, embedded, sealed and stored.
 * Without the shared folder the LoCoMo part is skipped, saying so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  MemoryStore,
  TextVault,
  VectorCache,
  extractMemories,
  loadEmbedder,
  prepareMemories,
  retrieve,
  type RetrievalPath,
} from '@mindscape/companion';
import { progress } from '@mindscape/devkit';
import neo4j from 'neo4j-driver';
import { loadDevSecrets } from '../scripts/stack/dev-secrets.js';
import { startEngines } from '../scripts/stack/engines.js';
import { percentile, table } from './measure.js';

const LOCOMO = new URL('../../shared/data/locomo/locomo-dev.json', import.meta.url);
const QUICK = process.argv.includes('--quick');

interface Turn {
  speaker: string;
  dia_id: string;
  text: string;
}
interface Sample {
  sample_id: string;
  conversation: Record<string, unknown>;
  qa: Array<{ question: string; evidence: string[]; category: number }>;
}

const engines = await startEngines(await loadDevSecrets());
const driver = neo4j.driver(
  engines.neo4j.uri,
  neo4j.auth.basic(engines.neo4j.user, engines.neo4j.password),
  {
    disableLosslessIntegers: true,
  },
);
const store = new MemoryStore(driver);
const vault = new TextVault(TextVault.generateSpec());
progress('bench', 'loading the sentence encoder');
const embedder = await loadEmbedder();
const deps = { store, vault, embedder, vectors: new VectorCache(store) };
const owners: string[] = [];

/** One message through the write path: extract, embed, seal, store in one transaction. */
async function ingest(owner: string, text: string, messageId: string, at: number) {
  const turnId = randomUUID();
  const extracted = extractMemories(text);
  const memories = await prepareMemories(deps, owner, turnId, extracted);
  await store.writeTurn({
    ownerId: owner,
    turnId,
    conversationId: 'bench',
    messageId,
    at,
    arisenIn: [],
    memories,
  });
}

try {
  if (!existsSync(LOCOMO)) {
    console.log(
      'LoCoMo is not here (../shared/data/locomo): the retrieval quality part is skipped.',
    );
  } else {
    const samples = JSON.parse(readFileSync(LOCOMO, 'utf8')) as Sample[];
    const modes: Record<string, RetrievalPath[]> = {
      hybrid: ['vector', 'keyword', 'graph'],
      'vector + keyword': ['vector', 'keyword'],
      'keyword only': ['keyword'],
      'vector only': ['vector'],
    };
    // category → mode → [hits@5, hits@10, reciprocal ranks, count]
    const scores = new Map<
      number,
      Map<string, { r5: number; r10: number; rr: number; n: number; s10: number }>
    >();
    let writeMs = 0;
    let written = 0;
    for (const sample of samples.slice(0, QUICK ? 1 : samples.length)) {
      const owner = `bench-${randomUUID()}`;
      owners.push(owner);
      const sessions = Object.keys(sample.conversation)
        .filter((k) => /^session_\d+$/.test(k))
        .sort((a, b) => Number(a.split('_')[1]) - Number(b.split('_')[1]));
      progress('bench', `${sample.sample_id}: ingesting ${sessions.length} sessions`);
      for (const session of sessions) {
        const at =
          Date.parse(String(sample.conversation[`${session}_date_time`]).replace(' on ', ' ')) ||
          Date.now();
        for (const turn of sample.conversation[session] as Turn[]) {
          const began = performance.now();
          await ingest(owner, `${turn.speaker}: ${turn.text}`, turn.dia_id, at);
          writeMs += performance.now() - began;
          written++;
        }
      }
      const questions = sample.qa.slice(0, QUICK ? 60 : sample.qa.length);
      progress(
        'bench',
        `${sample.sample_id}: ${questions.length} questions × ${Object.keys(modes).length} modes`,
      );
      for (const qa of questions) {
        for (const [mode, paths] of Object.entries(modes)) {
          const hits = await retrieve(deps, owner, qa.question, { limit: 10, paths });
          const rank = hits.findIndex((h) => qa.evidence.includes(h.memory.messageId));
          // Session level, as the published anchor counts: an evidence turn's session among the top 10.
          const sessionOf = (dia: string) => dia.split(':')[0];
          const sessions = new Set(qa.evidence.map(sessionOf));
          const sessionHit = hits.some((h) => sessions.has(sessionOf(h.memory.messageId)));
          const byMode = scores.get(qa.category) ?? new Map();
          const s = byMode.get(mode) ?? { r5: 0, r10: 0, rr: 0, n: 0, s10: 0 };
          s.n++;
          if (sessionHit) s.s10++;
          if (rank >= 0 && rank < 5) s.r5++;
          if (rank >= 0) {
            s.r10++;
            s.rr += 1 / (rank + 1);
          }
          byMode.set(mode, s);
          scores.set(qa.category, byMode);
        }
      }
    }
    const names: Record<number, string> = {
      1: 'multi-hop',
      2: 'temporal',
      3: 'open-domain',
      4: 'single-hop',
      5: 'adversarial',
    };
    const rows: Array<Array<string | number>> = [];
    const row = (
      label: string,
      mode: string,
      s: { r5: number; r10: number; rr: number; n: number; s10: number },
    ) => [label, mode, s.n, ...[s.r5, s.r10, s.rr, s.s10].map((x) => (x / s.n).toFixed(3))];
    const overall = new Map<
      string,
      { r5: number; r10: number; rr: number; n: number; s10: number }
    >();
    for (const category of [...scores.keys()].sort()) {
      for (const [mode, s] of scores.get(category)!) {
        rows.push(row(`${category} ${names[category]}`, mode, s));
        if (category <= 4) {
          const o = overall.get(mode) ?? { r5: 0, r10: 0, rr: 0, n: 0, s10: 0 };
          overall.set(mode, {
            r5: o.r5 + s.r5,
            r10: o.r10 + s.r10,
            rr: o.rr + s.rr,
            n: o.n + s.n,
            s10: o.s10 + s.s10,
          });
        }
      }
    }
    for (const [mode, s] of overall) rows.push(row('1–4 all', mode, s));
    table(
      'LoCoMo retrieval (development half), hit = a memory from an evidence turn; baselines: keyword only, vector only',
      ['category', 'retrieval', 'questions', 'recall@5', 'recall@10', 'MRR', 'session recall@10'],
      rows,
    );
    table(
      'Write path (extract, embed, seal, store one message)',
      ['messages', 'messages/s', 'ms/message'],
      [[written, (written / (writeMs / 1000)).toFixed(1), (writeMs / written).toFixed(1)]],
    );
  }

  // Latency at 1k and 10k memories of one person: varied sentences through the real write path.
  const latencyRows: Array<Array<string | number>> = [];
  const owner = `bench-${randomUUID()}`;
  owners.push(owner);
  const subjects = [
    'my sister',
    'my boss',
    'our dog',
    'the neighbour',
    'my old friend',
    'the coach',
  ];
  const things = [
    'hiking trip',
    'coffee',
    'piano lesson',
    'job interview',
    'birthday',
    'garden',
    'marathon',
    'exam',
  ];
  const places = ['Seoul', 'Busan', 'Lisbon', 'Berlin', 'Osaka', 'Denver', 'Jeju', 'Austin'];
  const sentence = (i: number) =>
    `${subjects[i % 6]} talked about the ${things[(i >> 3) % 8]} in ${places[(i >> 6) % 8]} on day ${i}.`;
  let stored = 0;
  for (const target of QUICK ? [1000] : [1000, 10_000]) {
    progress('bench', `filling one person's memory to ${target}`);
    const batch = 50;
    while (stored < target) {
      const texts = Array.from({ length: batch }, (_, j) => sentence(stored + j));
      const vectors = await embedder.embed(texts);
      const turnId = randomUUID();
      await store.writeTurn({
        ownerId: owner,
        turnId,
        conversationId: 'bench',
        messageId: turnId,
        at: Date.now() - (target - stored) * 60_000,
        arisenIn: [],
        memories: texts.map((text, j) => ({
          id: randomUUID(),
          kind: 'EVENT',
          predicate: 'said',
          subjectKey: vault.term(owner, 'subject:self'),
          objectKey: vault.term(owner, 'object:'),
          singleValued: false,
          textSealed: vault.seal(text, owner),
          importance: 0.3,
          embedding: vectors[j]!,
          termKeys: [],
          entities: [],
        })),
      });
      stored += batch;
    }
    const queries = [
      'what did my sister say about the marathon',
      'coffee in Lisbon',
      'when was the birthday',
      'job interview',
    ];
    const [probe] = await embedder.embed([queries[0]!]);
    const runs: Array<[string, () => Promise<unknown>]> = [
      ['hybrid (all paths)', () => retrieve(deps, owner, queries[0]!, { limit: 10 })],
      ['vector path: cache in process', () => deps.vectors.search(owner, probe!, Date.now(), 30)],
      ['baseline: vector scan in Cypher', () => store.vector(owner, probe!, Date.now(), 30)],
    ];
    await runs[0]![1](); // the first search fills the cache
    for (const [mode, run] of runs) {
      const times: number[] = [];
      for (let i = 0; i < (QUICK ? 20 : 60); i++) {
        const began = performance.now();
        await run();
        times.push(performance.now() - began);
      }
      latencyRows.push([
        target,
        mode,
        percentile(times, 50).toFixed(1),
        percentile(times, 95).toFixed(1),
      ]);
    }
  }
  table(
    'Retrieval latency, one person (goal p95 ≤ 100 ms at 10k; Zep publishes 155 ms)',
    ['memories', 'retrieval', 'p50 ms', 'p95 ms'],
    latencyRows,
  );
} finally {
  for (const owner of owners) await store.forgetEverything(owner);
  await driver.close();
  await engines.stop();
}
process.exit(0);
