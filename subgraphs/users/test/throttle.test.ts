import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { errorCodes, graphql, signUp, useTestStack } from '@mindscape/test-kit';

const SIGN_IN =
  'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }';
const SIGN_UP = `mutation($e: String!) {
  signUp(email: $e, password: "lavender-morning-42", displayName: "Probe") { accessToken }
}`;

/** A request as it reaches the gateway through a proxy it trusts, from `address`. */
const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

describe('sign-in throttling', () => {
  // The gateway trusts its loopback proxy, so X-Forwarded-For names the client's address.
  const stack = useTestStack({
    throttle: { perAccount: 3, perIp: 8 },
    gateway: { TRUST_PROXY: 'loopback' },
  });
  let url: string;
  before(() => {
    url = stack.gatewayUrl;
  });

  test('failures from one address back that pair off; the owner elsewhere signs in (finding 8)', async () => {
    const ana = await signUp(url);
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(
        errorCodes(
          await graphql(url, SIGN_IN, { e: ana.email, p: `wrong-guess-${i}` }, from('203.0.113.7')),
        ),
        ['UNAUTHENTICATED'],
      );
    }
    const blocked = await graphql(
      url,
      SIGN_IN,
      { e: ana.email, p: ana.password },
      from('203.0.113.7'),
    );
    assert.deepEqual(errorCodes(blocked), ['TOO_MANY_REQUESTS']);
    assert.ok(Number(blocked.errors![0]!.extensions!.retryAfterSeconds) >= 1);
    const owner = await graphql<{ signIn: { accessToken: string } }>(
      url,
      SIGN_IN,
      { e: ana.email, p: ana.password },
      from('198.51.100.20'),
    );
    assert.ok(owner.data?.signIn.accessToken, JSON.stringify(owner.errors));
  });

  test('one address guessing across many accounts is throttled by address, others are not', async () => {
    const ben = await signUp(url, 'Ben');
    const codes: unknown[] = [];
    for (let i = 0; i < 8; i++) {
      codes.push(
        ...errorCodes(
          await graphql(
            url,
            SIGN_IN,
            { e: `victim${i}@example.com`, p: 'guess-guess-guess' },
            from('203.0.113.9'),
          ),
        ),
      );
    }
    assert.ok(codes.every((c) => c === 'UNAUTHENTICATED' || c === 'TOO_MANY_REQUESTS'));
    assert.deepEqual(
      errorCodes(
        await graphql(url, SIGN_IN, { e: ben.email, p: ben.password }, from('203.0.113.9')),
      ),
      ['TOO_MANY_REQUESTS'],
    );
    const elsewhere = await graphql<{ signIn: { accessToken: string } }>(
      url,
      SIGN_IN,
      { e: ben.email, p: ben.password },
      from('198.51.100.21'),
    );
    assert.ok(elsewhere.data?.signIn.accessToken);
  });

  test('asking sign-up which emails exist costs the asker’s address', async () => {
    const carla = await signUp(url, 'Carla');
    const codes: unknown[] = [];
    for (let i = 0; i < 9; i++)
      codes.push(
        ...errorCodes(await graphql(url, SIGN_UP, { e: carla.email }, from('203.0.113.11'))),
      );
    assert.equal(codes.at(-1), 'TOO_MANY_REQUESTS', JSON.stringify(codes));
    // Another address is unaffected.
    const fresh = await graphql(
      url,
      SIGN_UP,
      { e: `new.${Date.now()}@example.com` },
      from('198.51.100.22'),
    );
    assert.deepEqual(errorCodes(fresh), []);
  });
});
