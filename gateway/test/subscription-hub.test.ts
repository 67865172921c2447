import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import {
  graphql,
  graphqlWsClient,
  metricValue,
  errorCodes,
  recordEvents,
  signUp,
  until,
  untilHeard,
  useTestStack,
  type EventLog,
  type SignedUp,
  type TestStack,
} from '@mindscape/test-kit';
import WebSocket from 'ws';
import { ClientQueue } from '../src/subscriptions/client-queue.js';

const RECORD = 'mutation($t: String!) { recordEmotion(text: $t) { id } }';
const WITH_NAME = 'subscription { emotionRecorded { text user { displayName } } }';
const IDS_ONLY = 'subscription { emotionRecorded { id } }';

const metric = (stack: TestStack, name: string) => metricValue(stack.gatewayUrl, name);

/** Writes a journal entry and answers its id and text, which mark its event in the logs. */
async function journal(stack: TestStack, person: SignedUp, text: string): Promise<string[]> {
  const answer = await graphql<{ recordEmotion: { id: string } }>(
    stack.gatewayUrl,
    RECORD,
    { t: text },
    { token: person.accessToken },
  );
  return [answer.data!.recordEmotion.id, text];
}

/**
 * Records journal entries until every log has heard the latest (the upstream subscriptions are
 * set up asynchronously, and a fixed sleep would be a guess), then empties the logs: nothing
 * of the warm-up is still on its way.
 */
async function warmUp(stack: TestStack, person: SignedUp, logs: EventLog<unknown>[]) {
  let round = 0;
  await untilHeard(logs, () => journal(stack, person, `warming up ${++round}`));
  for (const log of logs) log.results.length = 0;
}

describe('the gateway’s subscription hub', () => {
  const stack = useTestStack({ gateway: { SUBSCRIPTIONS_PER_CONNECTION: '3' } });

  test('identical subscriptions share one upstream; each client gets each merged event once', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const clients = [1, 2, 3, 4].map(() =>
      graphqlWsClient(stack.gatewayUrl, { authorization: `Bearer ${ana.accessToken}` }),
    );
    const named = clients.slice(0, 3).map((c) => recordEvents(c, WITH_NAME));
    const ids = recordEvents(clients[3]!, IDS_ONLY);
    await warmUp(stack, ana, [...named, ids]);
    assert.equal(await metric(stack, 'gateway_subscription_upstreams'), 2);
    assert.equal(await metric(stack, 'gateway_subscriptions_open'), 4);

    for (const text of ['I feel calm today', 'A little anxious about work'])
      await graphql(stack.gatewayUrl, RECORD, { t: text }, { token: ana.accessToken });
    // A third entry as a barrier: a second copy of either event would arrive before it.
    const [barrierId] = await journal(stack, ana, 'barrier');
    await Promise.all([...named, ids].map((log) => log.until(3)));
    for (const log of named) {
      assert.deepEqual(
        log.results.map((r) => r.data),
        [
          { emotionRecorded: { text: 'I feel calm today', user: { displayName: 'Ana' } } },
          {
            emotionRecorded: { text: 'A little anxious about work', user: { displayName: 'Ana' } },
          },
          { emotionRecorded: { text: 'barrier', user: { displayName: 'Ana' } } },
        ],
      );
    }
    assert.equal(ids.results.length, 3);
    assert.deepEqual(ids.results[2]?.data, { emotionRecorded: { id: barrierId } });

    await Promise.all(clients.map((c) => c.dispose()));
    await until(
      'upstreams released',
      async () => (await metric(stack, 'gateway_subscription_upstreams')) === 0,
      { timeoutMs: 5000 },
    );
    assert.equal(await metric(stack, 'gateway_subscriptions_open'), 0);
  });

  test('a restarted subgraph: the upstream reconnects and clients hear events may have been missed', async () => {
    const bo = await signUp(stack.gatewayUrl, 'Bo');
    const client = graphqlWsClient(stack.gatewayUrl, { authorization: `Bearer ${bo.accessToken}` });
    const log = recordEvents(client, WITH_NAME);
    await warmUp(stack, bo, [log]);

    // Closing the subgraph closes its sockets, so the gateway hears the drop.
    await stack.stopEmotions();
    await stack.startEmotions();
    await log.until(1, 20_000);
    assert.deepEqual(
      log.results[0]?.errors?.map((e) => e.extensions?.code),
      ['EVENTS_MAY_HAVE_BEEN_MISSED'],
    );
    // The reconnected upstream resubscribes: new events flow again once it has.
    await untilHeard([log], () => journal(stack, bo, 'back again'));
    assert.deepEqual(log.results[1]?.data, {
      emotionRecorded: { text: 'back again', user: { displayName: 'Bo' } },
    });
    await client.dispose();
  });

  test('a connection may hold a bounded number of subscriptions', async () => {
    const cy = await signUp(stack.gatewayUrl, 'Cy');
    const client = graphqlWsClient(stack.gatewayUrl, { authorization: `Bearer ${cy.accessToken}` });
    const logs = [1, 2, 3].map(() => recordEvents(client, IDS_ONLY));
    await warmUp(stack, cy, logs);
    const fourth = recordEvents(client, IDS_ONLY);
    await assert.rejects(fourth.until(1, 5000), /TOO_MANY_SUBSCRIPTIONS/);
    await client.dispose();
  });

  test('garbage frames close that socket with 4400; other clients carry on', async () => {
    const di = await signUp(stack.gatewayUrl, 'Di');
    const client = graphqlWsClient(stack.gatewayUrl, { authorization: `Bearer ${di.accessToken}` });
    const log = recordEvents(client, IDS_ONLY);
    await warmUp(stack, di, [log]);

    // The server's own message types from a client too (graphql-ws alone answered those with 4500).
    for (const frame of [
      'not json',
      '{"type":"subscribe"}',
      '{"type":"connection_init"}x',
      '{"type":"connection_ack"}',
      '{"type":"next","id":"1","payload":{}}',
      '{"type":"error","id":"1","payload":[]}',
    ]) {
      const raw = new WebSocket(stack.gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
      await new Promise((resolve) => raw.once('open', resolve));
      raw.send(frame);
      const [code] = (await new Promise((resolve) =>
        raw.once('close', (...args) => resolve(args)),
      )) as [number, Buffer];
      assert.ok([4400, 4401].includes(code), `"${frame}" closed with ${code}`);
    }
    await graphql(stack.gatewayUrl, RECORD, { t: 'still here' }, { token: di.accessToken });
    await log.until(1);
    await client.dispose();
  });

  test('a directive variable left out is a coded error; the socket carries on', async () => {
    const eve = await signUp(stack.gatewayUrl, 'Eve');
    const client = graphqlWsClient(stack.gatewayUrl, {
      authorization: `Bearer ${eve.accessToken}`,
    });
    const refusal = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: 'subscription($x: Boolean) { stateChanged { heartRate @include(if: $x) } }' },
        { next: () => resolve('event'), error: resolve, complete: () => resolve('complete') },
      );
    });
    assert.ok(Array.isArray(refusal), `expected GraphQL errors, got ${JSON.stringify(refusal)}`);
    assert.ok((refusal as Array<{ extensions?: { code?: string } }>)[0]?.extensions?.code);
    // The same, read by a query limit's rule while validating (it threw there, closing with 4500).
    const early = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: '{ __typename @skip(if: false) me @include(if: $x) { id } }' },
        { next: () => resolve('event'), error: resolve, complete: () => resolve('complete') },
      );
    });
    assert.ok(Array.isArray(early), `expected GraphQL errors, got ${JSON.stringify(early)}`);
    const log = recordEvents(client, IDS_ONLY);
    await warmUp(stack, eve, [log]);
    await client.dispose();
  });

  test('a subscription sent over HTTP is a coded 400, not an internal error', async () => {
    const response = await graphql(stack.gatewayUrl, 'subscription { stateChanged { heartRate } }');
    assert.equal(response.status, 400);
    assert.deepEqual(errorCodes(response), ['BAD_REQUEST']);
  });

  test('graphql-ws pings every KEEPALIVE_MS and drops a socket that does not answer', async () => {
    const subgraphs = `users=${stack.users.url},emotions=${stack.emotions.url},stories=${stack.stories.url}`;
    const gateway = await stack.addGateway(subgraphs, { KEEPALIVE_MS: '200' });
    const silent = new WebSocket(gateway.url.replace(/^http/, 'ws'), 'graphql-transport-ws', {
      autoPong: false,
    });
    let pings = 0;
    silent.on('ping', () => pings++);
    await once(silent, 'open');
    silent.send(JSON.stringify({ type: 'connection_init' }));
    const [code] = (await once(silent, 'close')) as [number];
    assert.equal(code, 1006, 'terminated, as a lost network would be');
    assert.equal(pings, 1, 'one ping, one missed pong, gone');
  });

  test('KEEPALIVE_MS sets the only ping loop (no graphql-ws default of 12 s beside it)', async () => {
    const subgraphs = `users=${stack.users.url},emotions=${stack.emotions.url},stories=${stack.stories.url}`;
    const gateway = await stack.addGateway(subgraphs, { KEEPALIVE_MS: '13000' });
    // Counted from before the socket exists, so from before the server's interval starts.
    const started = performance.now();
    const socket = new WebSocket(gateway.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await once(socket, 'open');
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await once(socket, 'ping');
    const elapsed = performance.now() - started;
    socket.close();
    // Timers fire late, never early: a ping before 13 s came from another loop.
    assert.ok(elapsed >= 12_950, `first ping after ${Math.round(elapsed)} ms`);
  });
});

test('a client queue keeps the newest events and counts what it dropped', async () => {
  let dropped = 0;
  let ended = 0;
  const queue = new ClientQueue<number>(
    2,
    () => dropped++,
    () => ended++,
  );
  for (const n of [1, 2, 3, 4, 5]) queue.push(n);
  assert.equal(dropped, 3);
  assert.deepEqual([(await queue.next()).value, (await queue.next()).value], [4, 5]);
  const waiting = queue.next();
  queue.push(6);
  assert.equal((await waiting).value, 6, 'a waiting reader gets the event at once');
  queue.end();
  assert.equal((await queue.next()).done, true);
  assert.equal(ended, 1);
});
