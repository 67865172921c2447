import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignJWT } from 'jose';
import { InvalidAssertionError, signAssertion, verifyAssertion } from '../src/index.js';

const secret = 'a'.repeat(40);

test('an assertion round-trips identity, client ip and request id', async () => {
  const token = await signAssertion(
    {
      identity: { userId: 'u1', via: 'device', deviceId: 'd1' },
      clientIp: '10.0.0.1',
      requestId: 'r1',
    },
    secret,
  );
  assert.deepEqual(await verifyAssertion(token, secret), {
    identity: { userId: 'u1', via: 'device', deviceId: 'd1' },
    clientIp: '10.0.0.1',
    requestId: 'r1',
  });
});

test('an assertion signed with another secret is refused', async () => {
  const token = await signAssertion({ identity: { userId: 'u1', via: 'session' } }, 'b'.repeat(40));
  await assert.rejects(verifyAssertion(token, secret), InvalidAssertionError);
});

test('an expired or malformed assertion is refused', async () => {
  const key = new TextEncoder().encode(secret);
  const expired = await new SignJWT({ identity: { userId: 'u1', via: 'session' } })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('mindscape-gateway')
    .setAudience('mindscape-subgraph')
    .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
    .sign(key);
  await assert.rejects(verifyAssertion(expired, secret), InvalidAssertionError);
  const badShape = await new SignJWT({ identity: { userId: 42, via: 'root' } })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('mindscape-gateway')
    .setAudience('mindscape-subgraph')
    .setExpirationTime('1m')
    .sign(key);
  await assert.rejects(verifyAssertion(badShape, secret), InvalidAssertionError);
  await assert.rejects(verifyAssertion('not.a.jwt', secret), InvalidAssertionError);
});
