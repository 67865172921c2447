/**
 * Scale-out (issue 16): three gateways and two replicas of each subgraph over one Redis,
 * each its own process, with a balancer in front of each subgraph's replicas and one in
 * front of the gateways. (a) an event ingested through one gateway reaches subscribers on
 * the others; (b) kill -9 the gateway some clients are on, then the one most of them moved
 * to: they reconnect through the front balancer, each stream hears of the gap first, then new
 * events, and queries through the front keep answering; (c) kill -9 one emotions
 * replica mid-ingest: every acknowledged sample is stored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { progress } from '@mindscape/devkit';
import {
  graphql,
  graphqlWsClient,
  metricValue,
  recordEvents,
  testEngines,
  until,
  untilHeard,
  type EventLog,
} from '@mindscape/test-kit';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Cluster } from '../src/cluster.js';
import {
  closeAll,
  gapThenData,
  isGap,
  payloadOf,
  subscribe,
  unexpectedErrors,
} from '../src/events.js';
import { sampleLedger } from '../src/ledger.js';
import { newWearer, WearableFleet, type Wearer } from '../src/wearables.js';

const RECORD_EMOTION = 'mutation($t: String!) { recordEmotion(text: $t) { id } }';
const RECORD_SAMPLES = `mutation($input: BiometricBatchInput!) {
  recordBiometrics(input: $input) { accepted }
}`;
const EMOTIONS = 'subscription { emotionRecorded { text } }';
const STATES = 'subscription { stateChanged { heartRate updatedAt } }';
const ME = 'query { me { id } }';

type Log = EventLog<unknown>;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * A client as the web app's (web/src/lib/graph/client.ts): it retries for ever, and once its
 * socket dropped (any close but the normal one) it reconnects saying `resumed: true`.
 */
function resilientClient(httpUrl: string, accessToken: string) {
  const connectedAt: number[] = [];
  let resumed = false;
  const client: Client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    // The web client's first pause is 1 s plus jitter; shorter here, so reconnection is measured.
    retryWait: (retries) => new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** retries))),
    on: {
      connected: () => connectedAt.push(Date.now()),
      closed: (closed) => {
        resumed = (closed as { code?: number }).code !== 1000;
      },
    },
    connectionParams: () => ({
      authorization: `Bearer ${accessToken}`,
      ...(resumed ? { resumed: true } : {}),
    }),
  });
  return { client, connectedAt };
}

/** One sample a call, each a second after the last (relative to now), marked by its time. */
function sampleSender(wearer: Wearer) {
  let n = 0;
  const startAt = Date.now() - 3_600_000;
  return async (url: string): Promise<string> => {
    const at = new Date(startAt + n++ * 1000);
    const heartRate = 64 + (n % 20);
    const answer = await graphql(
      url,
      RECORD_SAMPLES,
      {
        input: {
          samples: [{ timestamp: at.toISOString(), heartRate, rrIntervals: [60_000 / heartRate] }],
        },
      },
      { token: wearer.deviceToken },
    );
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    // The state's updatedAt is its newest sample's time (serialised with or without ms).
    return at.toISOString().slice(0, 19);
  };
}

const emotionSender = (wearer: Wearer, label: string) => {
  let n = 0;
  return async (url: string): Promise<string> => {
    const text = `${label} ${++n}`;
    const answer = await graphql(url, RECORD_EMOTION, { t: text }, { token: wearer.accessToken });
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return text;
  };
};

describe('scale-out: 3 gateways, 2 replicas of each subgraph, one Redis, balancers in front', () => {
  let cluster: Cluster;

  before(
    async () => {
      progress('scale-out', 'starting Redis, 8 subgraph replicas, 3 gateways and 5 balancers');
      cluster = await Cluster.start();
      const times = [...cluster.startup].map(([name, ms]) => `${name} ${seconds(ms)}`);
      progress('scale-out', `start-up: ${times.join(', ')}`);
    },
    { timeout: 240_000 },
  );
  after(() => cluster?.close(), { timeout: 60_000 });

  test('(a) a subscriber on one gateway hears events ingested through the others', async () => {
    const ana = await newWearer(cluster.frontUrl, 'Ana');
    const auth = { authorization: `Bearer ${ana.accessToken}` };
    const direct = graphqlWsClient(cluster.gatewayUrl(1), auth);
    const front = graphqlWsClient(cluster.frontUrl, auth);
    const logs = {
      emotions: [recordEvents(direct, EMOTIONS), recordEvents(front, EMOTIONS)] as Log[],
      states: [recordEvents(direct, STATES), recordEvents(front, STATES)] as Log[],
    };
    const emotion = emotionSender(ana, 'scale-out');
    const sample = sampleSender(ana);
    try {
      // Until the first event a subscription may not be live end to end: warm up, then measure.
      await untilHeard(logs.emotions, () => emotion(cluster.gatewayUrl(1)));
      await untilHeard(logs.states, () => sample(cluster.gatewayUrl(1)));
      for (const via of [2, 3]) {
        const began = Date.now();
        await untilHeard(logs.emotions, () => emotion(cluster.gatewayUrl(via)));
        const emotionMs = Date.now() - began;
        await untilHeard(logs.states, () => sample(cluster.gatewayUrl(via)));
        progress(
          'scale-out',
          `(a) ingested through gateway-${via}: heard on gateway-1 and through the front ` +
            `(emotionRecorded ${emotionMs} ms, stateChanged ${Date.now() - began - emotionMs} ms)`,
        );
      }
      for (const log of [...logs.emotions, ...logs.states])
        assert.deepEqual(unexpectedErrors(log.results), []);
      for (const log of logs.emotions) assert.deepEqual(repeatedTexts(log), []);
    } finally {
      await direct.dispose();
      await front.dispose();
    }
  });

  test('(b) kill -9 the gateways clients are on: they move to the others, hear of the gap, then events', async () => {
    const bo = await newWearer(cluster.frontUrl, 'Bo');
    const emotion = emotionSender(bo, 'Bo felt');
    const sample = sampleSender(bo);
    const openOn = (name: string) => metricValue(cluster.url(name), 'gateway_subscriptions_open');
    // One client at a time, so each one's gateway shows in the gateways' own gauges.
    const clients: Array<ReturnType<typeof resilientClient> & { on: string; logs: Log[] }> = [];
    for (let i = 0; i < 4; i++) {
      const before = await Promise.all(cluster.gatewayNames.map(openOn));
      const { client, connectedAt } = resilientClient(cluster.frontUrl, bo.accessToken);
      const logs = [recordEvents(client, EMOTIONS), recordEvents(client, STATES)] as Log[];
      await untilHeard([logs[0]!], () => emotion(cluster.frontUrl));
      await untilHeard([logs[1]!], () => sample(cluster.frontUrl));
      const after = await Promise.all(cluster.gatewayNames.map(openOn));
      const on = cluster.gatewayNames.find((_, g) => after[g]! >= before[g]! + 2);
      assert.ok(on, `client ${i + 1}'s gateway: open subscriptions ${before} → ${after}`);
      clients.push({ client, connectedAt, on, logs });
    }
    progress(
      'scale-out',
      `(b) 4 clients through the front, on ${clients.map((c) => c.on).join(', ')}`,
    );
    const all = clients.flatMap((c) => c.logs);
    const fields = ['emotionRecorded', 'stateChanged'];
    const queries = keepQuerying(cluster.frontUrl, bo.accessToken);

    /**
     * kill -9 `victim`, on which `expected` clients are: exactly they reconnect, each of their
     * streams hears of the gap first and then new events; the other clients hear no gap.
     */
    const killUnder = async (victim: string, expected: number) => {
      const mark = clients.map((c) => c.logs.map((l) => l.results.length));
      const connections = clients.map((c) => c.connectedAt.length);
      const moved = () => clients.filter((c, i) => c.connectedAt.length > connections[i]!);
      const killedAt = Date.now();
      await cluster.kill(victim, 'SIGKILL');
      await until(
        `the ${expected} client(s) on ${victim} to reconnect through the front`,
        () => moved().length >= expected,
        { timeoutMs: 30_000 },
      );
      const reconnectMs = Math.max(
        ...moved().map((c) => c.connectedAt[connections[clients.indexOf(c)]!]! - killedAt),
      );
      const since = (c: (typeof clients)[number], j: number) =>
        c.logs[j]!.results.slice(mark[clients.indexOf(c)]![j]!);
      await until(
        'each moved stream to hear of the gap',
        () => moved().every((c) => c.logs.every((_, j) => since(c, j).some(isGap))),
        { timeoutMs: 30_000 },
      );
      const gapMs = Date.now() - killedAt;
      await untilHeard(
        all.filter((_, j) => j % 2 === 0),
        () => emotion(cluster.frontUrl),
      );
      await untilHeard(
        all.filter((_, j) => j % 2 === 1),
        () => sample(cluster.frontUrl),
      );
      const flowingMs = Date.now() - killedAt;
      assert.equal(moved().length, expected, 'only the clients of the killed gateway reconnect');
      for (const [i, c] of clients.entries()) {
        const hasMoved = moved().includes(c);
        c.logs.forEach((log, j) => {
          const after = since(c, j);
          if (hasMoved) {
            assert.ok(
              after[0] && isGap(after[0]),
              `client ${i + 1} ${fields[j]}: the notice first`,
            );
            assert.ok(gapThenData(log.results, mark[i]![j]!, fields[j]!).resumed);
          } else {
            assert.equal(after.filter(isGap).length, 0, `client ${i + 1} stayed: no gap notice`);
          }
          assert.deepEqual(unexpectedErrors(log.results), []);
        });
        assert.deepEqual(repeatedTexts(c.logs[0]!), [], `client ${i + 1}: no event twice`);
      }
      const counts = clients.map(
        (c, i) =>
          `${moved().includes(c) ? '*' : ''}${c.logs.map((l, j) => `${mark[i]![j]}→${l.results.length - mark[i]![j]!}`).join('/')}`,
      );
      progress(
        'scale-out',
        `(b) killed ${victim} (kill -9): its ${expected} client(s) reconnected in ${reconnectMs} ms, ` +
          `gap heard by ${gapMs} ms, new events on every client by ${flowingMs} ms; events ` +
          `before→after per client (emotions/states, * moved): ${counts.join(', ')}`,
      );
    };

    try {
      const first = clients[0]!.on;
      await killUnder(first, clients.filter((c) => c.on === first).length);
      // Then the survivor holding the most subscriptions: everyone ends on the last gateway.
      const survivors = cluster.gatewayNames.filter((name) => name !== first);
      const open = await Promise.all(survivors.map(openOn));
      const most = Math.max(...open);
      await killUnder(survivors[open.indexOf(most)]!, most / 2);
      const answered = await queries.stop();
      progress(
        'scale-out',
        `(b) queries through the front during both kills: ${answered.answered} answered ` +
          `(${answered.retried} after one retry: a kept-alive connection to a killed gateway), ` +
          `${answered.failed} failed`,
      );
      assert.equal(answered.failed, 0, 'queries through the front keep answering');
      assert.ok(answered.answered > 0);
    } finally {
      await queries.stop();
      for (const c of clients) await c.client.dispose();
    }
  });

  test('(c) kill -9 one emotions replica mid-ingest: every acknowledged sample is stored', async () => {
    const fleet = await WearableFleet.create(cluster.frontUrl, {
      count: 3,
      samplesPerSecond: 30,
      batchSize: 5,
      seconds: 120,
      prefix: 'Replica',
    });
    const subscribers = fleet.wearables.map((w) =>
      subscribe<{ heartRate: number }>(cluster.frontUrl, w.wearer.accessToken, STATES),
    );
    try {
      fleet.start();
      await until(
        'every subscriber hears a state',
        () =>
          subscribers.every((s) => s.log.results.some((r) => payloadOf(r, 'stateChanged'))) ||
          Promise.reject(new Error(diagnosis(fleet, subscribers))),
        { timeoutMs: 30_000 },
      );
      await fleet.when('batches in flight', () => fleet.wearables.some((w) => w.inFlight));
      const acked = fleet.wearables.map((w) => w.counters.batchesAcked);
      const atKill = subscribers.map((s) => s.log.results.length);
      const acknowledgedAtKill = fleet.totals().samplesAcked;
      const killedAt = Date.now();
      await cluster.kill('emotions-1', 'SIGKILL');
      await fleet.when(
        'every strap acknowledged 3 batches after the kill',
        () => fleet.wearables.every((w, i) => w.counters.batchesAcked >= acked[i]! + 3),
        30_000,
      );
      const ingestMs = Date.now() - killedAt;
      await until(
        'every subscriber hears a state after the kill (after the gap notice, if told of one)',
        () =>
          subscribers.every((s, i) => {
            const since = gapThenData(s.log.results, atKill[i]!, 'stateChanged');
            return since.announced
              ? since.resumed
              : s.log.results.slice(atKill[i]).some((r) => payloadOf(r, 'stateChanged'));
          }),
        { timeoutMs: 30_000 },
      );
      const statesMs = Date.now() - killedAt;
      await fleet.stop();
      const totals = fleet.totals();
      const ledger = await sampleLedger(
        testEngines().mongoUri,
        cluster.databases.EMOTIONS_DB,
        fleet,
      );
      const gaps = subscribers.filter((s, i) => s.log.results.slice(atKill[i]).some(isGap)).length;
      progress(
        'scale-out',
        `(c) killed emotions-1 (kill -9) after ${acknowledgedAtKill} acknowledged samples: ` +
          `every strap acknowledged 3 more batches by ${ingestMs} ms, states again by ${statesMs} ms ` +
          `(${gaps} of ${subscribers.length} subscribers told of a gap); acknowledged ` +
          `${ledger.acknowledged}, stored ${ledger.stored}, lost ${ledger.lost}, duplicated ` +
          `${ledger.duplicated}; retried attempts ${JSON.stringify(Object.fromEntries(totals.failures))}`,
      );
      assert.equal(ledger.lost, 0, `lost: ${ledger.lostExamples.join(', ')}`);
      assert.equal(ledger.duplicated, 0);
      for (const s of subscribers) assert.deepEqual(unexpectedErrors(s.log.results), []);
    } finally {
      await fleet.stop();
      await closeAll(subscribers);
    }
  });
});

/** Journal texts a subscriber heard more than once (each text is sent once). */
function repeatedTexts(log: Log): string[] {
  const texts = log.results.flatMap((r) => {
    const text = payloadOf<{ text: string }>(r, 'emotionRecorded')?.text;
    return text === undefined ? [] : [text];
  });
  return texts.filter((text, i) => texts.indexOf(text) !== i);
}

/** What the straps and subscribers saw, for a wait that timed out. */
function diagnosis(fleet: WearableFleet, subscribers: ReadonlyArray<{ log: Log }>): string {
  const straps = fleet.wearables.map(
    (w) => `${w.counters.batchesAcked} acked, error ${String(w.error)}`,
  );
  const logs = subscribers.map((s) => JSON.stringify(s.log.results).slice(0, 300));
  return `straps: ${straps.join('; ')}; subscribers: ${logs.join('; ')}`;
}

/** Asks `me` through the front, one query after another; a query may be sent once more. */
function keepQuerying(url: string, accessToken: string) {
  const counts = { answered: 0, retried: 0, failed: 0 };
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      for (let attempt = 0; ; attempt++) {
        const answer = await graphql<{ me: { id: string } }>(
          url,
          ME,
          {},
          { token: accessToken },
        ).catch(() => undefined);
        if (answer?.data?.me) {
          counts.answered++;
          if (attempt > 0) counts.retried++;
          break;
        }
        if (attempt === 1) {
          counts.failed++;
          break;
        }
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return counts;
    },
  };
}
