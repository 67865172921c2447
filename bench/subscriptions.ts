/**
 * Subscription fan-out: N clients watching one person's journal (`emotionRecorded`, merged
 * with their name from the users subgraph) through the gateway, against the baseline of the
 * same N clients subscribed to the emotions subgraph directly. Events are journal entries
 * written at a steady rate; latency runs from the write's request to the client's receipt.
 *
 *   npm run bench:subscriptions [-- --clients 100,1000,10000 --events 40 --rate 20]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { asPerson, gatewayAssertion, graphql, signUp } from '@mindscape/test-kit';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { percentile, table } from './measure.js';
import { residentBytes, withSubgraphs } from './roles.js';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '100,1000,10000' },
    events: { type: 'string', default: '40' },
    rate: { type: 'string', default: '20' },
  },
});
const events = Number(args.events);
const rate = Number(args.rate);
const WATCH = 'subscription { emotionRecorded { text createdAt user { displayName } } }';
const WATCH_DIRECT = 'subscription { emotionRecorded { text createdAt } }';
const RECORD = 'mutation($t: String!) { recordEmotion(text: $t) { id } }';

await withSubgraphs(async (subgraphs, start) => {
  console.log('starting the gateway…');
  const gateway = await start('ours');
  const writer = subgraphs.details.url; // writes go through the other gateway, not the measured one

  const rows: Array<Array<string | number>> = [];
  for (const n of args.clients.split(',').map(Number)) {
    for (const route of ['gateway', 'subgraph directly'] as const) {
      const person = await signUp(writer, 'Ana');
      const server = route === 'gateway' ? gateway : subgraphs;
      const url = route === 'gateway' ? gateway.details.url : subgraphs.details.emotions;
      // Directly, every connection signs its own assertion for the one operation, as the gateway does.
      const params = async () =>
        route === 'gateway'
          ? { authorization: `Bearer ${person.accessToken}` }
          : gatewayAssertion(
              subgraphs.details.secret,
              'emotions',
              { query: WATCH_DIRECT },
              asPerson(person.userId),
            );
      global.gc?.();
      const memoryBefore = await residentBytes(server.child.pid!);
      process.stdout.write(`${route}, ${n} clients: connecting… `);
      const received: number[][] = Array.from({ length: n }, () => []);
      const sentAt = new Map<string, number>();
      let warm = 0;
      const clients: Client[] = [];
      for (let i = 0; i < n; i += 250) {
        await Promise.all(
          Array.from({ length: Math.min(250, n - i) }, async (_, j) => {
            const index = i + j;
            const client = createClient({
              url: url.replace(/^http/, 'ws'),
              webSocketImpl: WebSocket,
              connectionParams: params,
              retryAttempts: 0,
            });
            clients.push(client);
            await new Promise<void>((resolve) => {
              const off = client.on('connected', () => (off(), resolve()));
              client.subscribe<{ emotionRecorded: { text: string } }>(
                { query: route === 'gateway' ? WATCH : WATCH_DIRECT },
                {
                  next: ({ data }) => {
                    const text = data?.emotionRecorded.text ?? '';
                    if (text.startsWith('warm')) return void warm++;
                    const sent = sentAt.get(text);
                    if (sent !== undefined) received[index]!.push(performance.now() - sent);
                  },
                  error: () => {},
                  complete: () => {},
                },
              );
            });
          }),
        );
      }
      // Every subscription is live once one warm-up entry reached every client.
      for (let attempt = 0; attempt < 60 && warm < n; attempt++) {
        warm = 0;
        await graphql(writer, RECORD, { t: `warm ${attempt}` }, { token: person.accessToken });
        await sleep(500 + n / 20);
      }
      const memoryAfter = await residentBytes(server.child.pid!);
      process.stdout.write(`sending ${events} events at ${rate}/s… `);

      const began = performance.now();
      for (let e = 0; e < events; e++) {
        const text = `entry ${e} for the benchmark`;
        const due = began + (e * 1000) / rate;
        await sleep(Math.max(0, due - performance.now()));
        sentAt.set(text, performance.now());
        void graphql(writer, RECORD, { t: text }, { token: person.accessToken });
      }
      const deadline = performance.now() + 30_000;
      while (performance.now() < deadline && received.some((list) => list.length < events))
        await sleep(100);
      const latencies = received.flat().sort((a, b) => a - b);
      const lost = n * events - latencies.length;
      console.log(`${lost} lost`);
      rows.push([
        n,
        route,
        latencies.length / ((performance.now() - began) / 1000),
        percentile(latencies, 50),
        percentile(latencies, 99),
        (memoryAfter - memoryBefore) / n / 1024,
        lost,
      ]);
      await Promise.all(clients.map((c) => c.dispose()));
      await sleep(1000);
    }
  }
  table(
    `Subscription fan-out: one person's journal, ${events} events at ${rate}/s — ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    [
      'clients',
      'route',
      'messages/s delivered',
      'write → client p50 ms',
      'p99 ms',
      'KiB per connection (server RSS)',
      'events lost',
    ],
    rows,
  );
  console.log(
    '\nThrough the gateway, the N clients share one upstream subscription and one merge per event;' +
      '\ndirectly, the subgraph holds N subscriptions. Writes go through a second gateway.',
  );
});
