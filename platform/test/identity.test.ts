import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignJWT } from 'jose';
import {
  InvalidAssertionError,
  ReplayGuard,
  signAssertion,
  signInternalCall,
  verifyAssertion,
  verifyInternalCall,
} from '../src/index.js';

const secret = 'a'.repeat(40);
const me = { query: '{ me { id } }' };
const target = { service: 'users', operation: me };
const expect = (operation = me) => ({ service: 'users', replay: new ReplayGuard(), operation });

test('an assertion round-trips identity, client ip and request id', async () => {
  const token = await signAssertion(
    {
      identity: { userId: 'u1', via: 'device', deviceId: 'd1' },
      clientIp: '10.0.0.1',
      requestId: 'r1',
    },
    secret,
    target,
  );
  assert.deepEqual((await verifyAssertion(token, secret, expect())).assertion, {
    identity: { userId: 'u1', via: 'device', deviceId: 'd1' },
    clientIp: '10.0.0.1',
    requestId: 'r1',
  });
});

test('an assertion signed with another secret is refused', async () => {
  const token = await signAssertion(
    { identity: { userId: 'u1', via: 'session' } },
    'b'.repeat(40),
    target,
  );
  await assert.rejects(verifyAssertion(token, secret, expect()), InvalidAssertionError);
});

test('an assertion is good for its service, its operation and one use only', async () => {
  const token = await signAssertion({ identity: { userId: 'u1', via: 'session' } }, secret, target);
  const replay = new ReplayGuard();
  await assert.rejects(
    verifyAssertion(token, secret, { service: 'emotions', replay, operation: me }),
    InvalidAssertionError,
    'another service',
  );
  await assert.rejects(
    verifyAssertion(token, secret, {
      service: 'users',
      replay,
      operation: { query: 'mutation { registerDevice(name: "x") { token } }' },
    }),
    InvalidAssertionError,
    'another operation',
  );
  await assert.rejects(
    verifyAssertion(token, secret, {
      service: 'users',
      replay,
      operation: { query: me.query, variables: { id: 'someone-else' } },
    }),
    InvalidAssertionError,
    'other variables',
  );
  await verifyAssertion(token, secret, { service: 'users', replay, operation: me });
  await assert.rejects(
    verifyAssertion(token, secret, { service: 'users', replay, operation: me }),
    InvalidAssertionError,
    'a second use',
  );
});

test('an expired, long-lived or malformed assertion is refused', async () => {
  const key = new TextEncoder().encode(secret);
  const base = () =>
    new SignJWT({ identity: { userId: 'u1', via: 'session' }, dig: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('mindscape-gateway')
      .setAudience('subgraph:users')
      .setJti(crypto.randomUUID());
  const expired = await base()
    .setIssuedAt(Math.floor(Date.now() / 1000) - 60)
    .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
    .sign(key);
  await assert.rejects(verifyAssertion(expired, secret, expect()), InvalidAssertionError);
  // Signed an hour ago but claiming a long life: older than an assertion may be.
  const old = await base()
    .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
    .setExpirationTime('1h')
    .sign(key);
  await assert.rejects(verifyAssertion(old, secret, expect()), InvalidAssertionError);
  const noJti = await new SignJWT({ dig: 'x' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('mindscape-gateway')
    .setAudience('subgraph:users')
    .setIssuedAt()
    .setExpirationTime('10s')
    .sign(key);
  await assert.rejects(verifyAssertion(noJti, secret, expect()), InvalidAssertionError);
  const badShape = await signAssertion(
    { identity: { userId: 42, via: 'root' } } as never,
    secret,
    target,
  );
  await assert.rejects(verifyAssertion(badShape, secret, expect()), InvalidAssertionError);
  await assert.rejects(verifyAssertion('not.a.jwt', secret, expect()), InvalidAssertionError);
});

test('client assertions and internal-call tokens are not interchangeable', async () => {
  const path = '/internal/consents/check';
  const body = JSON.stringify({ ownerIds: ['a'], granteeId: 'b', scope: 'STATE' });
  const assertion = await signAssertion({}, secret, target);
  await assert.rejects(
    verifyInternalCall(assertion, secret, { path, body }, new ReplayGuard()),
    InvalidAssertionError,
  );
  const call = await signInternalCall(path, body, secret);
  await assert.rejects(verifyAssertion(call, secret, expect()), InvalidAssertionError);

  const replay = new ReplayGuard();
  await assert.rejects(
    verifyInternalCall(call, secret, { path: '/internal/devices/owner', body }, replay),
    InvalidAssertionError,
    'another route',
  );
  await assert.rejects(
    verifyInternalCall(call, secret, { path, body: body.replace('"b"', '"c"') }, replay),
    InvalidAssertionError,
    'another body',
  );
  await verifyInternalCall(call, secret, { path, body }, replay);
  await assert.rejects(
    verifyInternalCall(call, secret, { path, body }, replay),
    InvalidAssertionError,
    'a second use',
  );
});
