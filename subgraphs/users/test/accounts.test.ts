import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { errorCodes, graphql, signUp, useTestStack } from '@mindscape/test-kit';

const ME = '{ me { id email displayName createdAt } }';
const REFRESH =
  'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken user { id email } } }';
const SIGN_IN =
  'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken refreshToken user { id email } } }';

describe('accounts through the gateway', () => {
  const stack = useTestStack();
  let url: string;
  before(() => {
    url = stack.gatewayUrl;
  });

  test('signUp → signIn → me, with email visible to its owner', async () => {
    const ana = await signUp(url, 'Ana');
    const signedIn = await graphql<{
      signIn: { accessToken: string; user: { id: string; email: string } };
    }>(url, SIGN_IN, {
      e: ana.email.toUpperCase(),
      p: ana.password,
    });
    assert.equal(signedIn.data?.signIn.user.id, ana.userId);
    assert.equal(
      signedIn.data?.signIn.user.email,
      ana.email,
      'the person signing in sees their own email',
    );
    const me = await graphql<{ me: { id: string; email: string; displayName: string } }>(
      url,
      ME,
      {},
      { token: signedIn.data!.signIn.accessToken },
    );
    assert.deepEqual(
      { ...me.data?.me, createdAt: undefined },
      { id: ana.userId, email: ana.email, displayName: 'Ana', createdAt: undefined },
    );
  });

  test('answers carrying tokens are never stored by a cache (Cache-Control: no-store)', async () => {
    const ana = await signUp(url);
    for (const [query, variables] of [
      [
        'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }',
        { e: ana.email, p: ana.password },
      ],
      [
        'mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken refreshToken } }',
        { r: ana.refreshToken },
      ],
    ] as const) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store', query);
    }
  });

  test('me without a token, or with a forged one, is UNAUTHENTICATED', async () => {
    assert.deepEqual(errorCodes(await graphql(url, ME)), ['UNAUTHENTICATED']);
    const ana = await signUp(url);
    const [head, body] = ana.accessToken.split('.');
    const forged = `${head}.${body}.${'A'.repeat(86)}`;
    const response = await graphql(url, ME, {}, { token: forged });
    assert.equal(response.status, 401);
    assert.deepEqual(errorCodes(response), ['UNAUTHENTICATED']);
    assert.deepEqual(
      errorCodes(await graphql(url, ME, {}, { headers: { authorization: 'Basic abc' } })),
      ['UNAUTHENTICATED'],
    );
  });

  test('refreshSession rotates; a reused refresh token fails and ends the session', async () => {
    const ana = await signUp(url);
    const first = await graphql<{
      refreshSession: { refreshToken: string; user: { id: string; email: string } };
    }>(url, REFRESH, { t: ana.refreshToken });
    const next = first.data!.refreshSession.refreshToken;
    assert.notEqual(next, ana.refreshToken);
    assert.equal(first.data!.refreshSession.user.email, ana.email);

    const reuse = await graphql(url, REFRESH, { t: ana.refreshToken });
    assert.deepEqual(errorCodes(reuse), ['UNAUTHENTICATED']);
    assert.match(reuse.errors![0]!.message, /already used/);
    // The thief's reuse revoked the family: the legitimate newest token is dead too.
    assert.deepEqual(errorCodes(await graphql(url, REFRESH, { t: next })), ['UNAUTHENTICATED']);
  });

  test('concurrent uses of one refresh token: exactly one wins, every time', async () => {
    // Repeated: the race this guards against (a non-atomic claim) shows up only sometimes.
    for (let round = 0; round < 5; round++) {
      const ana = await signUp(url);
      const results = await Promise.all(
        Array.from({ length: 6 }, () => graphql(url, REFRESH, { t: ana.refreshToken })),
      );
      assert.equal(results.filter((r) => r.data?.refreshSession).length, 1, `round ${round}`);
    }
  });

  test('signOut ends the session: its refresh token stops working', async () => {
    const ana = await signUp(url);
    const out = await graphql(url, 'mutation { signOut }', {}, { token: ana.accessToken });
    assert.deepEqual(out.data, { signOut: true });
    assert.deepEqual(errorCodes(await graphql(url, REFRESH, { t: ana.refreshToken })), [
      'UNAUTHENTICATED',
    ]);
  });

  test('wrong password and unknown account fail alike', async () => {
    const ana = await signUp(url);
    const wrong = await graphql(url, SIGN_IN, { e: ana.email, p: 'not-the-password' });
    const unknown = await graphql(url, SIGN_IN, { e: 'nobody@example.com', p: 'not-the-password' });
    assert.deepEqual(errorCodes(wrong), ['UNAUTHENTICATED']);
    assert.equal(wrong.errors![0]!.message, unknown.errors![0]!.message);
  });

  test("another person's email is FORBIDDEN, their public profile is not", async () => {
    const ana = await signUp(url, 'Ana');
    const ben = await signUp(url, 'Ben');
    const response = await graphql<{ user: { displayName: string; email: null } }>(
      url,
      'query($id: ID!) { user(id: $id) { displayName email } }',
      { id: ana.userId },
      { token: ben.accessToken },
    );
    assert.equal(response.data?.user.displayName, 'Ana');
    assert.equal(response.data?.user.email, null);
    assert.deepEqual(errorCodes(response), ['FORBIDDEN']);
    assert.deepEqual(response.errors![0]!.path, ['user', 'email']);
  });

  test('updateProfile and deleteAccount (needs the password; then every token is dead)', async () => {
    const ana = await signUp(url);
    const updated = await graphql<{ updateProfile: { displayName: string } }>(
      url,
      'mutation { updateProfile(displayName: "  Ana María ") { displayName } }',
      {},
      { token: ana.accessToken },
    );
    assert.equal(updated.data?.updateProfile.displayName, 'Ana María');

    const del = 'mutation($p: String!) { deleteAccount(password: $p) }';
    const refused = await graphql(
      url,
      del,
      { p: 'wrong-password-123' },
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(refused), ['BAD_USER_INPUT']);
    assert.equal(refused.errors![0]!.extensions!.field, 'password');
    assert.ok(
      (await graphql<{ me: { id: string } }>(url, ME, {}, { token: ana.accessToken })).data?.me,
    );

    assert.deepEqual(
      (await graphql(url, del, { p: ana.password }, { token: ana.accessToken })).data,
      { deleteAccount: true },
    );
    assert.deepEqual(errorCodes(await graphql(url, ME, {}, { token: ana.accessToken })), [
      'UNAUTHENTICATED',
    ]);
    assert.deepEqual(errorCodes(await graphql(url, REFRESH, { t: ana.refreshToken })), [
      'UNAUTHENTICATED',
    ]);
    assert.deepEqual(errorCodes(await graphql(url, SIGN_IN, { e: ana.email, p: ana.password })), [
      'UNAUTHENTICATED',
    ]);
  });
});
