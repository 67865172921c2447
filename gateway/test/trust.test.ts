import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { INTERNAL_CALL_HEADER, signInternalCall } from '@mindscape/platform';
import {
  asPerson,
  errorCodes,
  gatewayAssertion,
  graphql,
  signUp,
  startRecordingProxy,
  useTestStack,
} from '@mindscape/test-kit';

describe('the trust boundary between clients, gateway and subgraphs', () => {
  const stack = useTestStack();

  test('a subgraph called directly answers nothing, not even its SDL', async () => {
    for (const query of ['{ me { id } }', '{ _service { sdl } }']) {
      const response = await graphql(stack.users.url, query);
      assert.equal(response.status, 401, query);
      assert.deepEqual(errorCodes(response), ['UNAUTHENTICATED'], query);
    }
  });

  test('a forged assertion is refused by the subgraph; a genuine one is honoured once', async () => {
    const ana = await signUp(stack.gatewayUrl);
    const me = { query: '{ me { id } }' };
    const forged = await gatewayAssertion('x'.repeat(40), 'users', me, asPerson(ana.userId));
    const refused = await graphql(stack.users.url, me.query, {}, { headers: forged });
    assert.equal(refused.status, 401);
    assert.deepEqual(errorCodes(refused), ['UNAUTHENTICATED']);
    const genuine = await gatewayAssertion(stack.secret, 'users', me, asPerson(ana.userId));
    const honoured = await graphql<{ me: { id: string } }>(
      stack.users.url,
      me.query,
      {},
      { headers: genuine },
    );
    assert.equal(honoured.data?.me.id, ana.userId);
    const again = await graphql(stack.users.url, me.query, {}, { headers: genuine });
    assert.equal(again.status, 401, 'an assertion is accepted once');
  });

  test('an assertion is good only for the subgraph it was signed for', async () => {
    const ana = await signUp(stack.gatewayUrl);
    const me = { query: '{ me { id } }' };
    const forUsers = await gatewayAssertion(stack.secret, 'users', me, asPerson(ana.userId));
    const elsewhere = await graphql(stack.emotions.url, me.query, {}, { headers: forUsers });
    assert.equal(elsewhere.status, 401);
  });

  test('an assertion captured between gateway and subgraph opens nothing else', async () => {
    const ana = await signUp(stack.gatewayUrl);
    const wire = await startRecordingProxy(stack.users.url);
    const gateway = await stack.addGateway(
      `users=${wire.url},emotions=${stack.emotions.url},stories=${stack.stories.url}`,
    );
    try {
      const me = await graphql<{ me: { id: string } }>(
        gateway.url,
        '{ me { id } }',
        {},
        { token: ana.accessToken },
      );
      assert.equal(me.data?.me.id, ana.userId);
      // The GraphQL fetches the proxy saw, with their assertions: the first is composition's
      // SDL fetch (no identity), the last Ana's query.
      const seen = wire.exchanges
        .filter((e) => typeof e.headers['x-mindscape-assertion'] === 'string')
        .map((e) => ({
          token: e.headers['x-mindscape-assertion'] as string,
          body: JSON.parse(e.body) as { query: string; variables?: Record<string, unknown> },
        }));
      const captured = seen.at(-1)!;
      assert.ok(captured, 'the proxy saw the assertion');
      const anonymous = seen[0]!;

      // The very same request again: refused (single use).
      const replayed = await graphql(
        stack.users.url,
        captured.body.query,
        captured.body.variables ?? {},
        { headers: { 'x-mindscape-assertion': captured.token } },
      );
      assert.equal(replayed.status, 401);
      // Another operation under the captured assertion: refused (bound to the operation).
      for (const { token } of [captured, anonymous]) {
        const device = await graphql(
          stack.users.url,
          'mutation { registerDevice(kind: WEARABLE, name: "stolen") { token } }',
          {},
          { headers: { 'x-mindscape-assertion': token } },
        );
        assert.equal(device.status, 401);
        assert.equal(device.data, undefined);
        // Internal routes want their own kind of token.
        const internal = await fetch(new URL('/internal/consents/check', stack.users.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-mindscape-assertion': token },
          body: JSON.stringify({ ownerIds: [ana.userId], granteeId: ana.userId, scope: 'STATE' }),
        });
        assert.equal(internal.status, 401);
      }
    } finally {
      await wire.close(); // the added gateway closes with the stack
    }
  });

  test('an assertion header sent by a client to the gateway is not passed on', async () => {
    const ana = await signUp(stack.gatewayUrl);
    const genuine = await gatewayAssertion(
      stack.secret,
      'users',
      { query: '{ me { id } }' },
      asPerson(ana.userId),
    );
    const response = await graphql(stack.gatewayUrl, '{ me { id } }', {}, { headers: genuine });
    assert.deepEqual(errorCodes(response), ['UNAUTHENTICATED']);
  });

  test('internal routes answer only a call token made for that route and body, once', async () => {
    const url = new URL('/internal/device-tokens/verify', stack.users.url);
    const bare = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'dt_x' }),
    });
    assert.equal(bare.status, 401);
    const body = JSON.stringify({ token: 'dt_x' });
    const token = await signInternalCall('/internal/device-tokens/verify', body, stack.secret);
    const call = (path: string, text: string) =>
      fetch(new URL(path, stack.users.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_CALL_HEADER]: token },
        body: text,
      });
    assert.equal((await call('/internal/devices/owner', body)).status, 401, 'another route');
    assert.equal(
      (await call('/internal/device-tokens/verify', JSON.stringify({ token: 'dt_y' }))).status,
      401,
      'another body',
    );
    const genuine = await call('/internal/device-tokens/verify', body);
    assert.equal(genuine.status, 200);
    assert.deepEqual(await genuine.json(), { valid: false });
    assert.equal((await call('/internal/device-tokens/verify', body)).status, 401, 'replayed');
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
