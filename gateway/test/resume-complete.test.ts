/**
 * Regression (fixed in 8735023): a resumed client's `complete` must end its subscription. The
 * resumed stream's gap-notice wrapper (afterTheGap in src/subscriptions/server.ts) was an
 * async generator, which queues `return()` behind a pending `next()`; with events written
 * straight to the socket (serialize-once.ts `deliverNow`) that `next()` never settled, so the
 * subscription never ended and `next` frames kept coming for an id the client had completed.
 *
 * A library client drops frames for an id it completed, so the resumed client here speaks
 * graphql-transport-ws on a raw socket and sees every frame.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import {
  graphql,
  graphqlWsClient,
  recordEvents,
  signUp,
  until,
  untilHeard,
  useTestStack,
  type EventLog,
} from '@mindscape/test-kit';
import WebSocket from 'ws';

const RECORD = 'mutation($t: String!) { recordEmotion(text: $t) { id } }';
const WATCH = 'subscription { emotionRecorded { text } }';

interface Frame {
  type: string;
  id?: string;
  payload?: unknown;
}

/** A graphql-transport-ws connection on a raw socket, keeping every `next` payload per id. */
async function rawConnection(httpUrl: string, connectionParams: Record<string, unknown>) {
  const socket = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const frames: Frame[] = [];
  const nexts = new Map<string, EventLog<unknown>['results']>();
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Frame;
    frames.push(frame);
    if (frame.type === 'next')
      nexts.get(frame.id!)?.push(frame.payload as EventLog<unknown>['results'][number]);
  });
  const send = (frame: Frame) => socket.send(JSON.stringify(frame));
  const untilFrame = async (type: string, from: number) => {
    await until(`a ${type} frame`, () => frames.slice(from).some((f) => f.type === type));
  };
  await once(socket, 'open');
  send({ type: 'connection_init', payload: connectionParams });
  await untilFrame('connection_ack', 0);
  return {
    /** Its log keeps recording after `stop()` (which sends `complete`): that is the point. */
    subscribe(id: string, query: string): EventLog<unknown> {
      const results: EventLog<unknown>['results'] = [];
      nexts.set(id, results);
      send({ id, type: 'subscribe', payload: { query } });
      return {
        results,
        until: (count, timeoutMs) =>
          until(`${count} events`, () => results.length >= count, { timeoutMs }).then(() => {}),
        stop: () => send({ id, type: 'complete' }),
      };
    },
    /**
     * Resolves once the server has handled every message sent before and everything it wrote
     * before has arrived: graphql-ws answers a ping in turn, on the same ordered connection.
     */
    async settled() {
      const from = frames.length;
      send({ type: 'ping' });
      await untilFrame('pong', from);
    },
    close: () => socket.close(1000),
  };
}

describe("a resumed client's complete ends its subscription", () => {
  const stack = useTestStack();

  test('no next frame arrives for a completed resumed subscription', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const authorization = `Bearer ${ana.accessToken}`;
    const resumed = await rawConnection(stack.gatewayUrl, { authorization, resumed: true });
    const ordinary = graphqlWsClient(stack.gatewayUrl, { authorization });
    let line = 0;
    const record = (label: string) => async () => {
      const text = `${label} ${++line}`;
      await graphql(stack.gatewayUrl, RECORD, { t: text }, { token: ana.accessToken });
      return text;
    };
    try {
      const completed = resumed.subscribe('completed', WATCH);
      const witness = recordEvents(ordinary, WATCH);
      // Both are joined upstream once each has heard an event.
      await untilHeard([completed, witness], record('before'));

      completed.stop();
      await resumed.settled(); // the gateway has handled the complete
      const heardBefore = completed.results.length;

      // Later events from the same person reach the other subscription; then the resumed
      // socket is flushed, so any frame the gateway wrote for the completed id is here.
      await untilHeard([witness], record('after'));
      await resumed.settled();
      assert.deepEqual(completed.results.slice(heardBefore), []);
    } finally {
      resumed.close();
      await ordinary.dispose();
    }
  });
});
