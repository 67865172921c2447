import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { buildSchema } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  IDENTITY_HEADER,
  createLogger,
  startSubgraphService,
  type RunningService,
} from '../src/index.js';

const BEARER = 'at_bearer-secret-1f2e3d';
const ASSERTION = 'assertion-secret-9a8b7c';
const COOKIE = 'refresh-cookie-secret-5d6e';
const PASSWORD = 'body-password-secret-4c3b';
const WS_TOKEN = 'ws-connection-secret-7e6f';
const SECRETS = [BEARER, ASSERTION, COOKIE, PASSWORD, WS_TOKEN];

/** Every line the service logs, at every level. */
const lines: string[] = [];
const waiters: Array<() => void> = [];
const captured = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    for (const wake of waiters.splice(0)) wake();
    done();
  },
});

/** Resolves once a logged line matches. */
async function until(match: (line: string) => boolean): Promise<string> {
  for (;;) {
    const found = lines.find(match);
    if (found) return found;
    await new Promise<void>((resolve, reject) => {
      waiters.push(resolve);
      setTimeout(() => reject(new Error(`no such log line in:\n${lines.join('\n')}`)), 5000);
    });
  }
}

let service: RunningService;
before(async () => {
  service = await startSubgraphService({
    name: 'probe',
    schema: buildSchema('type Query { hello: String }\ntype Subscription { ticks: Int }'),
    assertionSecret: 'a-test-secret-that-is-long-enough-for-hmac',
    context: () => ({}),
    logger: createLogger('probe', 'trace', captured),
    port: 0,
    subscriptions: true,
  });
});
after(() => service?.close());

test('request logs carry a one-line summary and no credentials, even at trace level', async () => {
  const requestId = 'logs-probe-1';
  const answer = await fetch(service.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${BEARER}`,
      [IDENTITY_HEADER]: ASSERTION,
      cookie: `mindscape_refresh=${COOKIE}`,
      'x-request-id': requestId,
    },
    body: JSON.stringify({ query: '{ hello }', variables: { password: PASSWORD } }),
  });
  await answer.text();
  const summary = JSON.parse(await until((line) => line.includes(requestId))) as Record<
    string,
    unknown
  >;
  assert.equal(summary.msg, `POST /graphql ${answer.status} ${String(summary.ms)} ms`);
  assert.deepEqual(Object.keys(summary).sort(), [
    'level',
    'method',
    'ms',
    'msg',
    'name',
    'path',
    'requestId',
    'service',
    'status',
    'time',
  ]);

  // A socket whose connection params carry a credential, refused or not, logs none of it.
  const socket = createClient({
    url: service.url.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${WS_TOKEN}`, [IDENTITY_HEADER]: WS_TOKEN },
    retryAttempts: 0,
  });
  // The service refuses the socket (no valid assertion): the subscription ends in an error.
  await new Promise<void>((resolve) =>
    socket.subscribe(
      { query: 'subscription { ticks }' },
      { next: () => undefined, error: () => resolve(), complete: () => resolve() },
    ),
  );
  await socket.dispose();
  // The upgrade request ends too; a later plain request proves every earlier line is in.
  await fetch(service.url, { method: 'POST', headers: { 'x-request-id': 'logs-probe-2' } });
  await until((line) => line.includes('logs-probe-2'));

  for (const secret of SECRETS)
    assert.ok(!lines.some((line) => line.includes(secret)), `${secret} was logged`);
});
