import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  errorCodes,
  graphql,
  graphqlWsClient,
  recordEvents,
  signUp,
  useTestStack,
} from '@mindscape/test-kit';
import { CloseCode } from '../src/subscriptions/close-codes.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as {
      data?: unknown;
      errors?: Array<{ extensions?: { code?: string } }>;
    },
  };
}

describe('rate limits per person and per address', () => {
  const stack = useTestStack({
    gateway: { RATE_LIMIT_PER_PERSON_PER_MINUTE: '5', RATE_LIMIT_PER_IP_PER_MINUTE: '40' },
  });

  test('a person over their budget gets 429 TOO_MANY_REQUESTS; others are unaffected', async () => {
    const [ana, bo] = [await signUp(stack.gatewayUrl, 'Ana'), await signUp(stack.gatewayUrl, 'Bo')];
    const me = (token: string) => graphql(stack.gatewayUrl, '{ me { id } }', {}, { token });
    for (let i = 0; i < 5; i++) assert.equal((await me(ana.accessToken)).status, 200);
    const over = await me(ana.accessToken);
    assert.equal(over.status, 429);
    assert.deepEqual(errorCodes(over), ['TOO_MANY_REQUESTS']);
    assert.equal((await me(bo.accessToken)).status, 200, 'another person still gets answers');
  });

  test('an address over its budget gets 429 with Retry-After, over HTTP and WebSocket', async () => {
    let statuses: number[] = [];
    let last;
    for (let i = 0; i < 45; i++) {
      last = await post(stack.gatewayUrl, { query: '{ __typename }' });
      statuses.push(last.status);
    }
    statuses = statuses.filter((s) => s === 429);
    assert.ok(statuses.length >= 5, `${statuses.length} of 45 refused`);
    assert.ok(Number(last!.retryAfter) >= 1);
    assert.deepEqual(
      last!.body.errors?.map((e) => e.extensions?.code),
      ['TOO_MANY_REQUESTS'],
    );
    const client = graphqlWsClient(stack.gatewayUrl, {});
    const log = recordEvents(client, 'subscription { emotionRecorded { id } }');
    // Not graphql-ws's 4429 (too many initialisation requests): the gateway's own code.
    await assert.rejects(log.until(1, 5000), new RegExp(`closed with ${CloseCode.RateLimited}`));
    await client.dispose();
  });
});

describe('automatic persisted queries and an allow-list', () => {
  const allowed = 'query Hello { __typename }';
  const stack = useTestStack(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mindscape-allow-'));
    const manifest = join(dir, 'operations.json');
    await writeFile(
      manifest,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: sha256(allowed), name: 'Hello', type: 'query', body: allowed }],
      }),
    );
    return { gateway: { OPERATION_ALLOW_LIST: manifest } };
  });

  test('a hash the gateway has not seen asks for the text; then the hash alone works', async () => {
    const persisted = { persistedQuery: { version: 1, sha256Hash: sha256(allowed) } };
    const unknown = await post(stack.gatewayUrl, { extensions: persisted });
    assert.deepEqual(
      unknown.body.errors?.map((e) => e.extensions?.code),
      ['PERSISTED_QUERY_NOT_FOUND'],
    );
    const registered = await post(stack.gatewayUrl, { query: allowed, extensions: persisted });
    assert.deepEqual(registered.body.data, { __typename: 'Query' });
    const byHash = await post(stack.gatewayUrl, { extensions: persisted });
    assert.deepEqual(byHash.body.data, { __typename: 'Query' });
  });

  test('operations outside the allow-list are refused over HTTP and WebSocket', async () => {
    const refused = await post(stack.gatewayUrl, { query: '{ __typename }' });
    assert.equal(refused.status, 403);
    assert.deepEqual(
      refused.body.errors?.map((e) => e.extensions?.code),
      ['OPERATION_NOT_ALLOWED'],
    );
    const client = graphqlWsClient(stack.gatewayUrl, {});
    const log = recordEvents(client, 'subscription { emotionRecorded { id } }');
    await assert.rejects(log.until(1, 5000), /OPERATION_NOT_ALLOWED/);
    await client.dispose();
  });
});
