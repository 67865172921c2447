import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import express from 'express';
import { serveGraphQL, type CallerKey } from '../src/http-graphql.js';
import { WriteEpoch } from '../src/inflight.js';

/**
 * Express with serveGraphQL in front of a stand-in for Apollo Server that counts executions
 * and holds each one until the test releases it, so every request of a round is in flight
 * together whatever the machine's speed.
 */
async function withServer(
  callerKey: CallerKey | undefined,
  run: (
    post: (body: object, headers?: Record<string, string>) => Promise<Response>,
  ) => Promise<void>,
  counts: { executions: number; release: () => void; held: Promise<void> },
) {
  const apollo = {
    async executeHTTPGraphQLRequest(): Promise<HTTPGraphQLResponse> {
      const n = ++counts.executions;
      await counts.held;
      return {
        status: 200,
        headers: new HeaderMap([['content-type', 'application/json; charset=utf-8']]),
        body: { kind: 'complete', string: JSON.stringify({ data: { execution: n } }) },
      };
    },
  } as unknown as ApolloServer<object>;
  const app = express();
  app.use(
    '/graphql',
    express.json(),
    serveGraphQL(apollo, {
      context: async () => ({}),
      writes: new WriteEpoch(),
      ...(callerKey ? { callerKey } : {}),
    }),
  );
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  try {
    await run((body, headers = {}) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );
  } finally {
    server.close();
  }
}

function gate() {
  const counts = { executions: 0, release: () => {}, held: Promise.resolve() };
  counts.held = new Promise<void>((resolve) => (counts.release = resolve));
  return counts;
}

/** Sends the requests together, lets the executions finish once all have started. */
async function round(
  counts: ReturnType<typeof gate>,
  sends: Array<() => Promise<Response>>,
  executions: number,
) {
  const answers = sends.map((send) => send());
  while (counts.executions < executions) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 50));
  counts.release();
  return Promise.all(answers);
}

test('identical queries in flight from the same caller share one execution, byte for byte', async () => {
  const counts = gate();
  await withServer(
    async () => 'person-1',
    async (post) => {
      const query = { query: '{ me { name } }' };
      const answers = await round(
        counts,
        [() => post(query), () => post(query), () => post(query)],
        1,
      );
      assert.equal(counts.executions, 1);
      const texts = await Promise.all(answers.map((a) => a.text()));
      assert.deepEqual(new Set(texts), new Set(['{"data":{"execution":1}}']));
      assert.equal(answers[0]!.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.ok(answers[0]!.headers.get('etag'), 'an ETag, as res.send gives a string');
      assert.equal(answers[0]!.headers.get('etag'), answers[2]!.headers.get('etag'));
    },
    counts,
  );
});

test('another caller, other headers, a mutation or an unknown caller: never shared', async () => {
  const counts = gate();
  let calls = 0;
  const callerKey: CallerKey = async (req) => {
    calls++;
    if (req.headers.authorization === 'Bearer bad') throw new Error('not verified');
    return req.headers.authorization ?? null;
  };
  await withServer(
    callerKey,
    async (post) => {
      const query = { query: '{ me { name } }' };
      const mutation = { query: 'mutation { signOut }' };
      await round(
        counts,
        [
          () => post(query, { authorization: 'Bearer a' }),
          () => post(query, { authorization: 'Bearer b' }),
          () => post(query, { authorization: 'Bearer a', 'x-client': 'other' }),
          () => post(query, { authorization: 'Bearer bad' }),
          () => post(query, { authorization: 'Bearer bad' }),
          () => post(mutation, { authorization: 'Bearer a' }),
          () => post(mutation, { authorization: 'Bearer a' }),
        ],
        7,
      );
      assert.equal(counts.executions, 7);
      assert.equal(calls, 5, 'mutations are not keyed at all');
    },
    counts,
  );
});

test('without a caller key nothing is shared (SHARE_INFLIGHT_QUERIES=false)', async () => {
  const counts = gate();
  await withServer(
    undefined,
    async (post) => {
      const query = { query: '{ me { name } }' };
      await round(counts, [() => post(query), () => post(query)], 2);
      assert.equal(counts.executions, 2);
    },
    counts,
  );
});
