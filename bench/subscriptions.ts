/**
 * Subscription fan-out: N clients watching one person's journal (`emotionRecorded`, merged
 * with their name from the users subgraph) through the gateway, against the baseline of the
 * same N clients subscribed to the emotions subgraph directly. Events are journal entries
 * written at a steady rate; latency runs from the write's request to the client's receipt.
 * The clients run in their own processes (bench/subscription-clients.ts), never in the
 * server's or the writer's event loop. Also: server memory per connection and server CPU per
 * delivered message.
 *
 *   npm run bench:subscriptions [-- --clients 100,1000,10000 --events 40 --rate 20 --processes 4 --routes gateway,subgraph]
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { asPerson, gatewayAssertion, graphql, signUp } from '@mindscape/test-kit';
import { percentile, table } from './measure.js';
import { cpuMs, residentBytes, withSubgraphs } from './roles.js';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '100,1000,10000' },
    events: { type: 'string', default: '40' },
    rate: { type: 'string', default: '20' },
    processes: { type: 'string', default: '4' },
    // `--routes gateway` skips the subgraph-direct baseline (a quick before/after of the gateway).
    routes: { type: 'string', default: 'gateway,subgraph' },
  },
});
const processes = Number(args.processes);
const ROUTES = (['gateway', 'subgraph directly'] as const).filter((route) =>
  args.routes.split(',').includes(route.split(' ')[0]!),
);
const CLIENTS = fileURLToPath(new URL('./subscription-clients.ts', import.meta.url));
const events = Number(args.events);
const rate = Number(args.rate);
const WATCH = 'subscription { emotionRecorded { text createdAt user { displayName } } }';
const WATCH_DIRECT = 'subscription { emotionRecorded { text createdAt } }';
const RECORD = 'mutation($t: String!) { recordEmotion(text: $t) { id } }';

/** A process of clients (bench/subscription-clients.ts) and a way to ask it things. */
interface ClientProcess {
  ask<T>(message: object): Promise<T>;
  tell(message: object): void;
  done: Promise<void>;
}

function forkClients(): ClientProcess {
  // BENCH_PROFILE=clients writes a V8 CPU profile of each client process to .local/profiles.
  const profile =
    process.env.BENCH_PROFILE === 'clients' ? ['--cpu-prof', '--cpu-prof-dir=.local/profiles'] : [];
  const child = fork(CLIENTS, [], { execArgv: [...profile, '--import', 'tsx'], stdio: 'inherit' });
  let waiting: ((answer: unknown) => void) | undefined;
  child.on('message', (answer) => waiting?.(answer));
  return {
    ask: <T>(message: object) =>
      new Promise<T>((resolve) => {
        waiting = resolve as (answer: unknown) => void;
        child.send(message);
      }),
    tell: (message) => child.send(message),
    done: new Promise((resolve) => child.once('exit', () => resolve())),
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

await withSubgraphs(async (subgraphs, start) => {
  console.log('starting the gateway…');
  const gateway = await start('ours');
  const writer = subgraphs.details.url; // writes go through the other gateway, not the measured one

  const rows: Array<Array<string | number>> = [];
  for (const n of args.clients.split(',').map(Number)) {
    for (const route of ROUTES) {
      const person = await signUp(writer, 'Ana');
      const server = route === 'gateway' ? gateway : subgraphs;
      const url = route === 'gateway' ? gateway.details.url : subgraphs.details.emotions;
      // Directly, every connection signs its own assertion (each is accepted once), as the
      // gateway does for each upstream socket.
      const params =
        route === 'gateway'
          ? [{ authorization: `Bearer ${person.accessToken}` }]
          : await Promise.all(
              Array.from({ length: n }, () =>
                gatewayAssertion(
                  subgraphs.details.secret,
                  'emotions',
                  { query: WATCH_DIRECT },
                  asPerson(person.userId),
                ),
              ),
            );
      const memoryBefore = await residentBytes(server.child.pid!);
      process.stdout.write(`${route}, ${n} clients in ${processes} processes: connecting… `);
      const children = Array.from({ length: Math.min(processes, n) }, forkClients);
      const share = (i: number) =>
        Math.floor(n / children.length) + (i < n % children.length ? 1 : 0);
      let offset = 0;
      // A reconnect storm's cost: every client connecting and subscribing at once.
      const connectCpuBefore = await cpuMs(server.child.pid!);
      const connectBegan = performance.now();
      await Promise.all(
        children.map((child, i) => {
          const count = share(i);
          const own = params.length === 1 ? params : params.slice(offset, offset + count);
          offset += count;
          return child.ask({
            connect: { url, query: route === 'gateway' ? WATCH : WATCH_DIRECT, params: own, count },
          });
        }),
      );
      const connectSeconds = (performance.now() - connectBegan) / 1000;
      // Every subscription is live once one warm-up entry reached every client.
      for (let attempt = 0; attempt < 60; attempt++) {
        await graphql(writer, RECORD, { t: `warm ${attempt}` }, { token: person.accessToken });
        await sleep(500 + n / 20);
        const warm = sum(
          await Promise.all(children.map((c) => c.ask<{ warm: number }>({ warmed: true }))).then(
            (answers) => answers.map((a) => a.warm),
          ),
        );
        if (warm >= n) break;
      }
      // Joining: the connection, its token check, the subscription and the warm-up entries.
      const joinCpuMs = ((await cpuMs(server.child.pid!)) - connectCpuBefore) / n;
      const memoryAfter = await residentBytes(server.child.pid!);
      process.stdout.write(`sending ${events} events at ${rate}/s… `);

      const cpuBefore = await cpuMs(server.child.pid!);
      const began = performance.now();
      for (let e = 0; e < events; e++) {
        const text = `entry ${e} for the benchmark`;
        const due = began + (e * 1000) / rate;
        await sleep(Math.max(0, due - performance.now()));
        const at = performance.timeOrigin + performance.now();
        for (const child of children) child.tell({ sent: { text, at } });
        void graphql(writer, RECORD, { t: text }, { token: person.accessToken });
      }
      const received = async () =>
        sum(
          (
            await Promise.all(children.map((c) => c.ask<{ received: number }>({ count: true })))
          ).map((a) => a.received),
        );
      const deadline = performance.now() + 30_000;
      while (performance.now() < deadline && (await received()) < n * events) await sleep(200);
      const seconds = (performance.now() - began) / 1000;
      const cpuUsed = (await cpuMs(server.child.pid!)) - cpuBefore;
      const reports = await Promise.all(
        children.map((c) =>
          c.ask<{
            latencies: number[];
            spans: Array<{ text: string; first: number; last: number }>;
            unexpected: number;
          }>({ report: true }),
        ),
      );
      const latencies = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
      // Per event, the first and the last client to hear it, over all processes: how long the
      // event took to reach anyone, and how long reaching everyone took after that.
      const spans = new Map<string, { first: number; last: number }>();
      for (const { text, first, last } of reports.flatMap((r) => r.spans)) {
        const span = spans.get(text);
        spans.set(
          text,
          span
            ? { first: Math.min(span.first, first), last: Math.max(span.last, last) }
            : { first, last },
        );
      }
      const median = (values: number[]) =>
        percentile(
          [...values].sort((a, b) => a - b),
          50,
        );
      const firstHeard = median([...spans.values()].map((s) => s.first));
      const lastHeard = median([...spans.values()].map((s) => s.last));
      const lost = n * events - latencies.length;
      const unexpected = sum(reports.map((r) => r.unexpected));
      console.log(`${lost} lost${unexpected ? `, ${unexpected} messages not of the stream` : ''}`);
      rows.push([
        n,
        route,
        connectSeconds,
        joinCpuMs,
        latencies.length / seconds,
        percentile(latencies, 50),
        percentile(latencies, 99),
        `${firstHeard.toFixed(0)} / ${lastHeard.toFixed(0)}`,
        (memoryAfter - memoryBefore) / n / 1024,
        latencies.length > 0 ? (cpuUsed * 1000) / latencies.length : NaN,
        lost,
      ]);
      for (const child of children) child.tell({ close: true });
      await Promise.all(children.map((c) => c.done));
      await sleep(1000);
    }
  }
  table(
    `Subscription fan-out: one person's journal, ${events} events at ${rate}/s — ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    [
      'clients',
      'route',
      'all connected s',
      'server CPU ms per client joining',
      'messages/s delivered',
      'write → client p50 ms',
      'p99 ms',
      'first / last client ms (median event)',
      'KiB per connection (server RSS)',
      'server CPU µs per message',
      'events lost',
    ],
    rows,
  );
  console.log(
    '\nThrough the gateway, the N clients share one upstream subscription and one merge per event;' +
      '\ndirectly, the subgraph holds N subscriptions. Writes go through a second gateway.',
  );
});
