import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { errorCodes, graphql, signUp, startTestStack, type TestStack } from '@mindscape/test-kit';

const SIGN_IN =
  'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }';

describe('sign-in throttling', () => {
  let stack: TestStack;
  let url: string;
  before(async () => {
    stack = await startTestStack({ throttle: { perAccount: 3, perIp: 8 } });
    url = stack.gatewayUrl;
  });
  after(() => stack.close());

  test('after repeated failures an account backs off, even for the right password', async () => {
    const ana = await signUp(url);
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(
        errorCodes(await graphql(url, SIGN_IN, { e: ana.email, p: `wrong-guess-${i}` })),
        ['UNAUTHENTICATED'],
      );
    }
    const blocked = await graphql(url, SIGN_IN, { e: ana.email, p: ana.password });
    assert.deepEqual(errorCodes(blocked), ['TOO_MANY_REQUESTS']);
    assert.ok(Number(blocked.errors![0]!.extensions!.retryAfterSeconds) >= 1);
  });

  test('one client guessing across many accounts is throttled by IP', async () => {
    const codes: unknown[] = [];
    for (let i = 0; i < 8; i++) {
      codes.push(
        ...errorCodes(
          await graphql(url, SIGN_IN, { e: `victim${i}@example.com`, p: 'guess-guess-guess' }),
        ),
      );
    }
    const ben = await signUp(url, 'Ben');
    assert.deepEqual(errorCodes(await graphql(url, SIGN_IN, { e: ben.email, p: ben.password })), [
      'TOO_MANY_REQUESTS',
    ]);
    assert.ok(codes.every((c) => c === 'UNAUTHENTICATED' || c === 'TOO_MANY_REQUESTS'));
  });
});
