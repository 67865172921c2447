import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { GraphQLError, buildSchema, parse, type ExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { until } from '@mindscape/test-kit';
import WebSocket, { WebSocketServer } from 'ws';
import { ClientQueue } from '../src/subscriptions/client-queue.js';
import { SharedPayloads } from '../src/subscriptions/serialize-once.js';

/** Every subscriber's stream yields these very objects, as the hub's merges do. */
const EVENTS: ExecutionResult[] = [
  { data: { tick: { n: 1, text: 'a "quoted" payload: \u0000 and ünïcode' } } },
  { data: { tick: null }, errors: [new GraphQLError('upstream hiccup', { path: ['tick'] })] },
  { data: { tick: { n: 3, text: '"payload":"\\u0000mindscape-shared-payload"}' } } },
];

interface Received {
  message: { id?: string; type: string; payload?: unknown };
  binary: boolean;
}

/** A graphql-transport-ws client on a raw socket, so the frames themselves can be read. */
async function subscriber(url: string, id: string): Promise<Received[]> {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const received: Received[] = [];
  const heard = new Map<string, () => void>();
  const untilType = (type: string) => new Promise<void>((resolve) => heard.set(type, resolve));
  socket.on('message', (data, binary) => {
    const message = JSON.parse(String(data)) as Received['message'];
    received.push({ message, binary });
    heard.get(message.type)?.();
  });
  socket.on('close', (code, reason) => {
    for (const resolve of heard.values()) resolve();
    if (code !== 1000)
      received.push({ message: { type: `closed ${code} ${reason}` }, binary: false });
  });
  await once(socket, 'open');
  const acknowledged = untilType('connection_ack');
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await acknowledged;
  const completed = untilType('complete');
  socket.send(
    JSON.stringify({ id, type: 'subscribe', payload: { query: 'subscription { tick { n } }' } }),
  );
  await completed;
  socket.close(1000);
  return received;
}

describe('each event is encoded once for all the clients that share it', () => {
  test('every client gets its own envelope around the one encoding, as text frames', async () => {
    const server = createServer();
    const wss = new WebSocketServer({ server });
    const payloads = new SharedPayloads();
    payloads.install(wss);
    let ready!: () => void;
    const allSubscribed = new Promise<void>((resolve) => (ready = resolve));
    let subscribed = 0;
    const clients = 3;
    const serving = useServer(
      {
        schema: buildSchema(
          'type Query { ok: Boolean } type Subscription { tick: Tick } type Tick { n: Int }',
        ),
        onNext: payloads.onNext,
        jsonMessageReplacer: payloads.jsonMessageReplacer,
        subscribe: async () =>
          (async function* () {
            if (++subscribed === clients) ready();
            await allSubscribed;
            yield* EVENTS;
          })(),
      },
      wss,
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // Ids are the client's to choose: quotes and the marker's own text must not confuse it.
      const ids = ['1', 'a"payload":"x', '\u0000mindscape-shared-payload'];
      const streams = await Promise.all(ids.map((id) => subscriber(url, id)));
      for (const [i, received] of streams.entries()) {
        assert.deepEqual(received.at(-1)?.message, { id: ids[i], type: 'complete' });
        const nexts = received.filter((r) => r.message.type === 'next');
        assert.deepEqual(
          nexts.map((r) => r.message),
          EVENTS.map((event) => ({
            id: ids[i],
            type: 'next',
            payload: JSON.parse(JSON.stringify(event)) as unknown,
          })),
        );
        assert.ok(
          received.every((r) => !r.binary),
          'graphql-ws messages travel as text',
        );
      }
      assert.deepEqual(payloads.counts, {
        encoded: EVENTS.length,
        shared: EVENTS.length * clients,
        framed: 0,
      });
    } finally {
      await serving.dispose();
      server.close();
    }
  });
});

/**
 * A graphql-ws server whose streams are client queues wired to `deliverNow`, as the gateway's
 * are (server.ts, hub.ts): `queues` holds each subscription's queue, `dropped` what they dropped.
 */
async function framingServer(bound: number) {
  const server = createServer();
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  const payloads = new SharedPayloads();
  payloads.install(wss);
  const queues: ClientQueue<ExecutionResult>[] = [];
  let dropped = 0;
  let subscribed!: () => void;
  const firstSubscribed = new Promise<void>((resolve) => (subscribed = resolve));
  const serving = useServer(
    {
      schema: buildSchema(
        'type Query { ok: Boolean } type Subscription { tick: Tick } type Tick { n: Int }',
      ),
      onNext: payloads.onNext,
      jsonMessageReplacer: payloads.jsonMessageReplacer,
      onSubscribe: (ctx, id, payload) => ({
        schema: buildSchema(
          'type Query { ok: Boolean } type Subscription { tick: Tick } type Tick { n: Int }',
        ),
        document: parse(payload.query),
        contextValue: {
          deliverNow: payloads.deliverNow(ctx.extra.socket, ctx.extra.request.socket, id),
        },
      }),
      subscribe: (args) => {
        const { deliverNow } = args.contextValue as {
          deliverNow?: (result: ExecutionResult) => boolean;
        };
        const queue = new ClientQueue<ExecutionResult>(
          bound,
          () => dropped++,
          () => {},
          deliverNow,
        );
        queues.push(queue);
        subscribed();
        return queue;
      },
    },
    wss,
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    payloads,
    queues,
    firstSubscribed,
    dropped: () => dropped,
    async close() {
      await serving.dispose();
      server.close();
    },
  };
}

/** A raw graphql-transport-ws client that subscribed with `id` and records every message. */
async function rawSubscriber(url: string, id: string) {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const received: Received[] = [];
  socket.on('message', (data, binary) =>
    received.push({ message: JSON.parse(String(data)) as Received['message'], binary }),
  );
  await once(socket, 'open');
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await once(socket, 'message');
  socket.send(
    JSON.stringify({ id, type: 'subscribe', payload: { query: 'subscription { tick { n } }' } }),
  );
  return { socket, received };
}

describe('events written to idle sockets as pre-built frames', () => {
  test('clients get exactly the protocol’s next messages, as text, then complete', async () => {
    const served = await framingServer(16);
    try {
      // Ids are the client's to choose (escaping); the payloads give frames of 2-, 4- and
      // 10-byte headers.
      const ids = ['1', 'a"payload":"x', 'ünï\u0000'];
      const clients: Awaited<ReturnType<typeof rawSubscriber>>[] = [];
      for (const id of ids) {
        clients.push(await rawSubscriber(served.url, id));
        await until(
          'the server to hold the subscription',
          () => served.queues.length === clients.length,
        );
      }
      const events: ExecutionResult[] = [
        ...EVENTS,
        { data: { tick: { n: 4, text: 'x'.repeat(70_000) } } },
      ];
      for (const event of events) for (const queue of served.queues) queue.push(event);
      for (const queue of served.queues) queue.end();
      await until('every client to hear complete', () =>
        clients.every((c) => c.received.at(-1)?.message.type === 'complete'),
      );
      for (const [i, { received, socket }] of clients.entries()) {
        assert.deepEqual(
          received.map((r) => r.message),
          [
            { type: 'connection_ack' },
            ...events.map((event) => ({
              id: ids[i],
              type: 'next',
              payload: JSON.parse(JSON.stringify(event)) as unknown,
            })),
            { id: ids[i], type: 'complete' },
          ],
        );
        assert.ok(received.every((r) => !r.binary));
        socket.close();
      }
      assert.equal(served.payloads.counts.framed, events.length * ids.length);
      assert.equal(served.payloads.counts.encoded, events.length);
    } finally {
      await served.close();
    }
  });

  test('a client that does not read gets no frames beyond its socket; its queue drops the oldest', async () => {
    const served = await framingServer(4);
    try {
      const client = await rawSubscriber(served.url, 'slow');
      await served.firstSubscribed;
      // The client stops reading: the kernel's buffers fill, then the server's socket holds bytes.
      (client.socket as unknown as { _socket: { pause(): void } })._socket.pause();
      const big = 'y'.repeat(256 * 1024);
      const pushed = 200;
      for (let n = 1; n <= pushed; n++) {
        served.queues[0]!.push({ data: { tick: { n, text: big } } });
        await new Promise((resolve) => setImmediate(resolve));
      }
      assert.ok(served.dropped() > 0, 'the bounded queue dropped events');
      const framed = served.payloads.counts.framed;
      assert.ok(framed < pushed, `${framed} of ${pushed} written as frames`);
      (client.socket as unknown as { _socket: { resume(): void } })._socket.resume();
      served.queues[0]!.end();
      await until(
        'the slow client to hear complete',
        () => client.received.at(-1)?.message.type === 'complete',
      );
      const ns = client.received
        .filter((r) => r.message.type === 'next')
        .map((r) => (r.message.payload as { data: { tick: { n: number } } }).data.tick.n);
      assert.equal(ns.at(-1), pushed, 'the newest event arrives');
      assert.deepEqual(
        ns,
        [...ns].sort((a, b) => a - b),
        'in order',
      );
      assert.equal(
        ns.length + served.dropped(),
        pushed,
        'every event arrived or was counted dropped',
      );
      client.socket.close();
    } finally {
      await served.close();
    }
  });
});
