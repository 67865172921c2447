import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signAssertion } from '@mindscape/platform';
import { errorCodes, graphql, signUp, startTestStack, type TestStack } from '@mindscape/test-kit';

describe('the trust boundary between clients, gateway and subgraphs', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack();
  });
  after(() => stack.close());

  test('a subgraph called directly treats the caller as anonymous', async () => {
    const response = await graphql(stack.users.url, '{ me { id } }');
    assert.deepEqual(errorCodes(response), ['UNAUTHENTICATED']);
  });

  test('a forged assertion is refused by the subgraph; a genuine one is honoured', async () => {
    const ana = await signUp(stack.gatewayUrl);
    const forged = await signAssertion(
      { identity: { userId: ana.userId, via: 'session' } },
      'x'.repeat(40),
    );
    const refused = await graphql(
      stack.users.url,
      '{ me { id } }',
      {},
      { headers: { 'x-mindscape-assertion': forged } },
    );
    assert.equal(refused.status, 401);
    assert.deepEqual(errorCodes(refused), ['UNAUTHENTICATED']);
    const genuine = await signAssertion(
      { identity: { userId: ana.userId, via: 'session' } },
      stack.secret,
    );
    const honoured = await graphql<{ me: { id: string } }>(
      stack.users.url,
      '{ me { id } }',
      {},
      { headers: { 'x-mindscape-assertion': genuine } },
    );
    assert.equal(honoured.data?.me.id, ana.userId);
  });

  test('an assertion header sent by a client to the gateway is not passed on', async () => {
    const ana = await signUp(stack.gatewayUrl);
    const genuine = await signAssertion(
      { identity: { userId: ana.userId, via: 'session' } },
      stack.secret,
    );
    const response = await graphql(
      stack.gatewayUrl,
      '{ me { id } }',
      {},
      { headers: { 'x-mindscape-assertion': genuine } },
    );
    assert.deepEqual(errorCodes(response), ['UNAUTHENTICATED']);
  });

  test('the internal device-token check answers only the gateway', async () => {
    const response = await fetch(new URL('/internal/device-tokens/verify', stack.users.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'dt_x' }),
    });
    assert.equal(response.status, 401);
  });

  test('health, readiness, metrics and request ids', async () => {
    const base = new URL(stack.gatewayUrl);
    assert.equal((await fetch(new URL('/health', base))).status, 200);
    assert.equal((await fetch(new URL('/ready', base))).status, 200);
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-123' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    assert.equal(response.headers.get('x-request-id'), 'trace-me-123');
    await signUp(stack.gatewayUrl);
    const metrics = await (await fetch(new URL('/metrics', base))).text();
    assert.match(metrics, /http_request_duration_seconds_count\{[^}]*route="\/graphql"/);
    assert.match(metrics, /gateway_subgraph_fetch_seconds_count\{[^}]*subgraph="users"/);
  });

  test('malformed GraphQL and non-JSON bodies get 400s, and the gateway stays up', async () => {
    const bad = await graphql(stack.gatewayUrl, '{ me { id ');
    assert.equal(bad.status, 400);
    assert.deepEqual(errorCodes(bad), ['GRAPHQL_PARSE_FAILED']);
    const notJson = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    assert.equal(notJson.status, 400);
    assert.equal(
      ((await notJson.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!
        .extensions.code,
      'BAD_REQUEST',
    );
    const huge = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(3_000_000) } }),
    });
    assert.equal(huge.status, 413);
    assert.equal(
      ((await huge.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!
        .extensions.code,
      'PAYLOAD_TOO_LARGE',
    );
    assert.equal((await fetch(new URL('/health', stack.gatewayUrl))).status, 200);
  });
});
