/**
 * `npm run bench:loop`: the closed loop's graph side, a heartbeat sample sent by a wearable →
 * its stateChanged event at a subscriber, at 1, 100 and 1,000 people streaming one sample a
 * second at once. Per stage: request (sent → acknowledged, through the gateway; of it, the
 * samples' store), queue (acknowledged → the update starts), compute (→ published), publish
 * (→ the event reaches a subscriber on the emotions subgraph itself: the baseline) and gateway
 * merge (→ the same event reaches a subscriber through the gateway). The Chromium figure (the
 * page's engine taking the change) is web/test/e2e.chromium.test.ts's.
 *
 * The stack runs in this process, so the stages can be timed where they happen; people are
 * tokens minted with the stack's signing key (no sign-ups). LOOP_PEOPLE=1,100 and
 * LOOP_SECONDS=20 choose the runs; LOOP_PROFILE=dir keeps a CPU profile of each;
 * LOOP_WINDOW_SAVE_MS sets how often window documents are written (default the subgraph's);
 * LOOP_ALIGNED=1 has every person send at the same instant of each second. Prints figures;
 * asserts nothing.
 */
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { randomBytes } from 'node:crypto';
import { performance as nodePerformance, type EventLoopUtilization } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  HEART_PHASES,
  RECORD_BIOMETRICS as RECORD,
  sampleInputs,
  samplesFromBeats,
  simulateHeart,
} from '@mindscape/biosignals';
import {
  asPerson,
  gatewayAssertion,
  graphql,
  graphqlWsClient,
  percentile,
  startTestStack,
  type TestStack,
} from '@mindscape/test-kit';
import { SignJWT, importJWK, type JWK } from 'jose';
import { loadDevSecrets } from '../scripts/stack/dev-secrets.js';
import { engineEnvironment, startEngines } from '../scripts/stack/engines.js';
import { table, UNLIMITED_RATES } from './measure.js';

const STATE = { query: 'subscription { stateChanged { updatedAt } }' };
const PEOPLE = (process.env.LOOP_PEOPLE ?? '1,100,1000').split(',').map(Number);
const SECONDS = Number(process.env.LOOP_SECONDS ?? 20);
const WARM_SECONDS = 70;
const ALIGNED = process.env.LOOP_ALIGNED === '1';

console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);

/** Per sample time (ms), when each stage of its loop happened (performance.now()). */
interface Trace {
  sent?: number;
  acked?: number;
  updateStarted?: number;
  published?: number;
  direct?: number;
  gateway?: number;
}

/** Stage marks taken inside the running stack, keyed by person and sample time. */
class Tracer {
  traces = new Map<string, Trace>();
  /** Per live sample, how long the write that stored it took (writes group samples). */
  stores: number[] = [];
  /** How many samples each live write stored. */
  groups: number[] = [];
  /** Each person's newest live sample sent: the one their next update computes. */
  readonly newestSent = new Map<string, number>();
  /** Live samples the graph refused, by the first error's code (printed, never dropped silently). */
  readonly refused = new Map<string, number>();

  reset(): void {
    this.traces = new Map();
    this.stores = [];
    this.groups = [];
    this.newestSent.clear();
    this.refused.clear();
  }

  refuse(code: string): void {
    this.refused.set(code, (this.refused.get(code) ?? 0) + 1);
  }

  mark(userId: string, t: number, stage: keyof Trace, at = performance.now()): void {
    const key = `${userId}|${t}`;
    const trace = this.traces.get(key) ?? {};
    trace[stage] ??= at;
    this.traces.set(key, trace);
  }

  /** Times the stack's own steps by wrapping them (this process runs the stack). */
  instrument(stack: TestStack): void {
    const { engine, bus, models } = stack.emotions.services;
    const update = engine.update.bind(engine);
    engine.update = (userId: string) => {
      const t = this.newestSent.get(userId);
      if (t !== undefined) this.mark(userId, t, 'updateStarted');
      return update(userId);
    };
    const publish = bus.publish.bind(bus);
    bus.publish = <T>(topic: string, payload: T) => {
      const userId = topic.replace(/^state:/, '');
      const at = (payload as { at?: Date }).at;
      if (topic.startsWith('state:') && at) this.mark(userId, at.getTime(), 'published');
      return publish(topic, payload);
    };
    const collection = models.samples.collection;
    const insertMany = collection.insertMany.bind(collection);
    collection.insertMany = ((...args: Parameters<typeof insertMany>) => {
      const began = performance.now();
      const docs = args[0] as ReadonlyArray<{ userId: string; t: Date }>;
      // Live samples are traced from the moment they are sent; warm windows are not.
      const live = docs.length > 0 && this.traces.has(`${docs[0]!.userId}|${docs[0]!.t.getTime()}`);
      return insertMany(...args).finally(() => {
        if (!live) return;
        const took = performance.now() - began;
        for (let i = 0; i < docs.length; i++) this.stores.push(took);
        this.groups.push(docs.length);
      });
    }) as typeof collection.insertMany;
  }
}

async function mintToken(signingKey: string, userId: string): Promise<string> {
  const jwk = JSON.parse(signingKey) as JWK;
  const key = await importJWK(jwk, 'ES256');
  return new SignJWT({ sid: `bench-${userId}` })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid! })
    .setSubject(userId)
    .setIssuer('mindscape-users')
    .setAudience('mindscape')
    .setIssuedAt()
    .setExpirationTime('30m')
    .sign(key);
}

/**
 * Runs at most `limit` of the given tasks at once. The warm windows go through it: a thousand
 * new connections opened in the same instant overflow the gateway's listen queue (the kernel
 * then resets some), which is the load generator's doing, not the loop's.
 */
function atMostAtOnce(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    while (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

const warmUps = atMostAtOnce(50);

/** One person's strap: a warm window, then one sample a second, each at its own time. */
async function streamPerson(
  stack: TestStack,
  tracer: Tracer,
  userId: string,
  token: string,
  seconds: number,
  clients: Array<{ dispose(): Promise<void> | void }>,
  startAt: number,
  seed: number,
): Promise<void> {
  const beats = samplesFromBeats(
    simulateHeart(
      [
        { ...HEART_PHASES.rest, seconds: WARM_SECONDS },
        { ...HEART_PHASES.stress, seconds: seconds + 5 },
      ],
      { start: startAt - WARM_SECONDS * 1000, seed },
    ),
  );
  const warm = beats.filter((s) => s.timestamp < startAt);
  const live = beats.filter((s) => s.timestamp >= startAt).slice(0, seconds);
  await warmUps(() =>
    graphql(stack.gatewayUrl, RECORD, { input: { samples: sampleInputs(warm) } }, { token }),
  );
  const onEvent = (stage: 'direct' | 'gateway') => (result: { data?: unknown }) => {
    const updatedAt = (result.data as { stateChanged?: { updatedAt?: string } } | undefined)
      ?.stateChanged?.updatedAt;
    if (updatedAt) tracer.mark(userId, Date.parse(updatedAt), stage);
  };
  const direct = graphqlWsClient(
    stack.emotions.url,
    await gatewayAssertion(stack.secret, 'emotions', STATE, asPerson(userId)),
  );
  const viaGateway = graphqlWsClient(stack.gatewayUrl, { authorization: `Bearer ${token}` });
  clients.push(direct, viaGateway);
  for (const [client, stage] of [
    [direct, 'direct'],
    [viaGateway, 'gateway'],
  ] as const)
    client.subscribe(STATE, { next: onEvent(stage), error: () => {}, complete: () => {} });
  for (const sample of live) {
    const wait = sample.timestamp - Date.now();
    if (wait > 0) await sleep(wait);
    tracer.newestSent.set(userId, sample.timestamp);
    tracer.mark(userId, sample.timestamp, 'sent');
    const answer = await graphql(
      stack.gatewayUrl,
      RECORD,
      { input: { samples: sampleInputs([sample]) } },
      { token },
    ).catch((error: unknown) => ({ network: error }));
    if ('network' in answer) tracer.refuse('no answer (network)');
    else if (!answer.errors) tracer.mark(userId, sample.timestamp, 'acked');
    else tracer.refuse(String(answer.errors[0]?.extensions?.code ?? answer.status));
  }
}

interface Row {
  people: number;
  stage: string;
  values: number[];
}

/** This process's work during the live seconds: what one sample's loop costs, and how busy. */
interface Load {
  people: number;
  samples: number;
  cpuMsPerSample: number;
  /** The MongoDB server's CPU a sample, when it runs on this machine. */
  databaseMsPerSample: number | undefined;
  cores: number;
  eventLoopBusy: number;
}

/**
 * LOOP_PROFILE=dir writes a CPU profile of each run's live seconds there (open it in Chrome's
 * DevTools): where the time behind the stages goes.
 */
const profiler = {
  session: undefined as Session | undefined,
  async start(): Promise<void> {
    if (!process.env.LOOP_PROFILE) return;
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.start');
  },
  async stop(name: string): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.session = undefined;
    const { profile } = await session.post('Profiler.stop');
    const file = path.join(process.env.LOOP_PROFILE!, `loop-${name}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`[loop] CPU profile of the live seconds: ${file}`);
  },
};

/**
 * CPU time (ms) of the process serving MONGODB_URI's port on this machine (Linux: `ss` names
 * it, /proc has its clock ticks), or undefined when that cannot be told.
 */
function databaseCpuMs(): number | undefined {
  try {
    const port = new URL(process.env.MONGODB_URI ?? '').port || '27017';
    const listing = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    const pid = /pid=(\d+)/.exec(listing)?.[1];
    if (!pid) return undefined;
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** Measures this process (stack and load alike) from `startAt` until `stop` is called. */
function measureLoad(startAt: number): { stop(samples: number, people: number): Promise<Load> } {
  let cpu: NodeJS.CpuUsage | undefined;
  let loop: EventLoopUtilization | undefined;
  let began = 0;
  let database: number | undefined;
  const timer = setTimeout(
    () => {
      void profiler.start();
      database = databaseCpuMs();
      cpu = process.cpuUsage();
      loop = nodePerformance.eventLoopUtilization();
      began = performance.now();
    },
    Math.max(0, startAt - Date.now()),
  );
  return {
    async stop(samples, people) {
      clearTimeout(timer);
      const used = process.cpuUsage(cpu);
      await profiler.stop(`${people}-people`);
      const cpuMs = (used.user + used.system) / 1000;
      const wall = performance.now() - began;
      const databaseNow = databaseCpuMs();
      return {
        people,
        samples,
        cpuMsPerSample: cpuMs / Math.max(1, samples),
        databaseMsPerSample:
          database === undefined || databaseNow === undefined
            ? undefined
            : (databaseNow - database) / Math.max(1, samples),
        cores: cpuMs / wall,
        eventLoopBusy: nodePerformance.eventLoopUtilization(loop).utilization,
      };
    },
  };
}

async function run(
  stack: TestStack,
  tracer: Tracer,
  people: number,
): Promise<{ rows: Row[]; load: Load }> {
  tracer.reset();
  const clients: Array<{ dispose(): Promise<void> | void }> = [];
  // Live samples start after every person's warm window and sockets are in place.
  const startAt = Date.now() + 5_000 + people * 15;
  console.log(
    `[loop] ${people} people: warming up, then ${SECONDS} s of one sample a second, ${ALIGNED ? 'all at the same instant' : 'each strap on its own phase'}…`,
  );
  const ids = Array.from({ length: people }, () => randomBytes(12).toString('hex'));
  const tokens = await Promise.all(ids.map((id) => mintToken(stack.signingKey, id)));
  const measuring = measureLoad(startAt);
  await Promise.all(
    ids.map((id, i) =>
      streamPerson(
        stack,
        tracer,
        id,
        tokens[i]!,
        SECONDS,
        clients,
        // Each strap keeps its own clock: their seconds start spread over the second, as people
        // who put them on at different moments do. LOOP_ALIGNED=1 sends everyone's sample in
        // the same instant (the worst case: one burst a second).
        ALIGNED ? startAt : startAt + Math.floor((i * 1000) / people),
        i + 1,
      ),
    ),
  );
  await sleep(1_500);
  const sentCount = [...tracer.traces.values()].filter((t) => t.sent).length;
  const load = await measuring.stop(sentCount, people);
  await Promise.all(clients.map((client) => client.dispose()));
  const complete = [...tracer.traces.values()].filter(
    (t) => t.sent && t.acked && t.updateStarted && t.published && t.direct && t.gateway,
  );
  console.log(
    `[loop] ${people} people: ${sentCount} samples sent, ${complete.length} with an event traced through every stage`,
  );
  if (tracer.refused.size > 0) {
    const codes = [...tracer.refused].map(([code, n]) => `${n} ${code}`).join(', ');
    console.log(`[loop] ${people} people: samples the graph refused: ${codes}`);
  }
  const stage = (name: string, values: number[]): Row => ({ people, stage: name, values });
  const rows = [
    stage(
      'request: sent → acknowledged (round trip)',
      complete.map((t) => t.acked! - t.sent!),
    ),
    stage('  of it: the write that stored it', tracer.stores),
    stage('  samples a write (group commit)', tracer.groups),
    stage(
      'sent → update starts',
      complete.map((t) => t.updateStarted! - t.sent!),
    ),
    stage(
      'compute (→ published)',
      complete.map((t) => t.published! - t.updateStarted!),
    ),
    stage(
      'publish (→ subscriber on the subgraph)',
      complete.map((t) => t.direct! - t.published!),
    ),
    stage(
      'gateway merge (→ subscriber via gateway)',
      complete.map((t) => t.gateway! - t.direct!),
    ),
    stage(
      'baseline: sent → event, subgraph directly',
      complete.map((t) => t.direct! - t.sent!),
    ),
    stage(
      'graph side: sent → event via gateway',
      complete.map((t) => t.gateway! - t.sent!),
    ),
  ];
  return { rows, load };
}

const engines = await startEngines(await loadDevSecrets());
Object.assign(process.env, engineEnvironment(engines));
// LOOP_WINDOW_SAVE_MS=0 writes each window document after every update, as before decision
// 0027's addendum: the same run's comparison for the database's work a sample.
const windowSave = process.env.LOOP_WINDOW_SAVE_MS;
const stack = await startTestStack({
  gateway: UNLIMITED_RATES,
  ...(windowSave ? { engine: { windowSaveIntervalMs: Number(windowSave) } } : {}),
});
try {
  const tracer = new Tracer();
  tracer.instrument(stack);
  const rows: Row[] = [];
  const loads: Load[] = [];
  for (const people of PEOPLE) {
    const result = await run(stack, tracer, people);
    rows.push(...result.rows);
    loads.push(result.load);
  }
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  table(
    'The loop, graph side: a sample sent → its stateChanged event (ms; goal p95 ≤ 50 via the gateway; baseline: the subgraph-direct subscription)',
    ['people', 'stage', 'n', 'p50', 'p95', 'p99'],
    rows.map(({ people, stage, values }) => {
      const v = sorted(values);
      return [people, stage, v.length, percentile(v, 50), percentile(v, 95), percentile(v, 99)];
    }),
  );
  table(
    'This process (the stack and its load, one event loop) and the database during the live seconds: past the cores there are, latency is queueing',
    [
      'people',
      'samples',
      'CPU ms a sample',
      'database CPU ms a sample',
      'cores the offered rate needs',
      'cores used',
      'event loop busy %',
    ],
    loads.map((l) => [
      l.people,
      l.samples,
      l.cpuMsPerSample,
      l.databaseMsPerSample ?? 'n/a',
      // One sample a second per person: (this process + the database) ms a sample × people.
      ((l.cpuMsPerSample + (l.databaseMsPerSample ?? 0)) * l.people) / 1000,
      l.cores,
      Math.round(l.eventLoopBusy * 100),
    ]),
  );
} finally {
  await stack.close();
  await engines.stop();
}
