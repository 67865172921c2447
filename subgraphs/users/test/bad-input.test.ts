import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { SignJWT, importJWK, type JWK } from 'jose';
import mongoose from 'mongoose';
import { errorCodes, graphql, signUp, useTestStack, testEngines } from '@mindscape/test-kit';

const SIGN_UP =
  'mutation($e: String!, $p: String!, $n: String!) { signUp(email: $e, password: $p, displayName: $n) { accessToken } }';

describe('bad input gets a coded error naming the field, and writes nothing', () => {
  let usersCount: () => Promise<number>;
  let closeDb: (() => Promise<void>) | undefined;
  const stack = useTestStack({}, async () => {
    await closeDb?.();
  });
  let url: string;
  before(async () => {
    url = stack.gatewayUrl;
    const db = await mongoose
      .createConnection(testEngines().mongoUri, { dbName: stack.usersDb })
      .asPromise();
    usersCount = () => db.collection('users').countDocuments();
    closeDb = () => db.close();
  });

  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['malformed email', { e: 'ana-at-example.com', p: 'lavender-morning-42', n: 'Ana' }, 'email'],
    ['short password', { e: 'ana@example.com', p: 'short', n: 'Ana' }, 'password'],
    ['common password', { e: 'ana@example.com', p: 'password1234', n: 'Ana' }, 'password'],
    [
      'empty display name',
      { e: 'ana@example.com', p: 'lavender-morning-42', n: '  ' },
      'displayName',
    ],
    [
      '1 MB display name',
      { e: 'ana@example.com', p: 'lavender-morning-42', n: 'x'.repeat(1_000_000) },
      'displayName',
    ],
    ['1 MB password', { e: 'ana@example.com', p: 'x'.repeat(1_000_000), n: 'Ana' }, 'password'],
  ];
  for (const [name, variables, field] of cases) {
    test(name, async () => {
      const before = await usersCount();
      const response = await graphql(url, SIGN_UP, variables);
      assert.deepEqual(errorCodes(response), ['BAD_USER_INPUT'], JSON.stringify(response.errors));
      assert.equal(response.errors![0]!.extensions!.field, field);
      assert.ok(response.errors![0]!.extensions!.allowed, 'says what is allowed');
      assert.equal(await usersCount(), before, 'no account written');
    });
  }

  test('missing or mistyped arguments are refused before any resolver runs', async () => {
    const before = await usersCount();
    const missing = await graphql(
      url,
      'mutation { signUp(email: "a@example.com", password: "lavender-morning-42") { accessToken } }',
    );
    assert.deepEqual(errorCodes(missing), ['GRAPHQL_VALIDATION_FAILED']);
    assert.match(missing.errors![0]!.message, /displayName/);
    const mistyped = await graphql(url, SIGN_UP, { e: 42, p: ['x'], n: { a: 1 } });
    assert.deepEqual([...new Set(errorCodes(mistyped))], ['BAD_USER_INPUT']);
    assert.equal(await usersCount(), before);
  });

  test('a second account with the same email (any case) is refused', async () => {
    const ana = await signUp(url);
    const response = await graphql(url, SIGN_UP, {
      e: ana.email.toUpperCase(),
      p: 'lavender-morning-42',
      n: 'Copy',
    });
    assert.deepEqual(errorCodes(response), ['BAD_USER_INPUT']);
    assert.equal(response.errors![0]!.extensions!.field, 'email');
  });

  test('an expired access token, or one signed by another key, is UNAUTHENTICATED', async () => {
    const ana = await signUp(url);
    const jwk = JSON.parse(stack.signingKey) as JWK;
    const key = await importJWK(jwk, 'ES256');
    const claims = { iss: 'mindscape-users', aud: 'mindscape', sub: ana.userId };
    const expired = await new SignJWT({ sid: 'x' })
      .setProtectedHeader({ alg: 'ES256', kid: jwk.kid! })
      .setIssuer(claims.iss)
      .setAudience(claims.aud)
      .setSubject(claims.sub)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    const response = await graphql(url, '{ me { id } }', {}, { token: expired });
    assert.deepEqual(errorCodes(response), ['UNAUTHENTICATED']);
    assert.match(response.errors![0]!.message, /expired/);

    const hmac = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(ana.userId)
      .sign(new TextEncoder().encode('guess'));
    assert.deepEqual(errorCodes(await graphql(url, '{ me { id } }', {}, { token: hmac })), [
      'UNAUTHENTICATED',
    ]);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    assert.deepEqual(errorCodes(await graphql(url, '{ me { id } }', {}, { token: none })), [
      'UNAUTHENTICATED',
    ]);
  });

  test('garbage ids are BAD_USER_INPUT, unknown ones NOT_FOUND or null', async () => {
    const ana = await signUp(url);
    const bad = await graphql(
      url,
      'query { user(id: "../../etc") { id } }',
      {},
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(bad), ['BAD_USER_INPUT']);
    assert.equal(bad.errors![0]!.extensions!.field, 'id');
    const unknown = await graphql(
      url,
      'query { user(id: "0123456789abcdef01234567") { id } }',
      {},
      { token: ana.accessToken },
    );
    assert.deepEqual(unknown.data, { user: null });
    const revoke = await graphql(
      url,
      'mutation { revokeDevice(id: "0123456789abcdef01234567") { id } }',
      {},
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(revoke), ['NOT_FOUND']);
  });

  test('query operators smuggled in as strings do not match anything', async () => {
    const response = await graphql(
      url,
      'mutation($e: String!) { signIn(email: $e, password: "lavender-morning-42") { accessToken } }',
      {
        e: '{"$gt": ""}',
      },
    );
    assert.deepEqual(errorCodes(response), ['BAD_USER_INPUT']);
  });
});
