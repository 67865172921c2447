import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { GraphQLError, buildSchema, type ExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import WebSocket, { WebSocketServer } from 'ws';
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
      });
    } finally {
      await serving.dispose();
      server.close();
    }
  });
});
