import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientAddress, trustedProxies } from '../src/server/client-address';

test('without a trusted proxy the socket is the client, whatever X-Forwarded-For says', () => {
  const nobody = trustedProxies();
  assert.equal(clientAddress('127.0.0.1', undefined, nobody), '127.0.0.1');
  assert.equal(clientAddress('::ffff:203.0.113.7', '198.51.100.1', nobody), '203.0.113.7');
});

test('behind trusted proxies the first untrusted hop from the right is the client', () => {
  const loopback = trustedProxies('loopback');
  assert.equal(clientAddress('127.0.0.1', '203.0.113.7', loopback), '203.0.113.7');
  // A client-written entry left of the real one is ignored.
  assert.equal(clientAddress('::1', '10.9.9.9, 203.0.113.7', loopback), '203.0.113.7');
  // An untrusted peer's X-Forwarded-For is not read at all.
  assert.equal(clientAddress('203.0.113.8', '10.9.9.9', loopback), '203.0.113.8');
  const two = trustedProxies('loopback, 10.0.0.5');
  assert.equal(clientAddress('127.0.0.1', '203.0.113.7, 10.0.0.5', two), '203.0.113.7');
  assert.equal(clientAddress('127.0.0.1', '', loopback), '127.0.0.1');
  assert.equal(clientAddress('127.0.0.1', '1.2.3.4', trustedProxies('true')), '1.2.3.4');
});

test('a TRUST_PROXY that names no address is refused at start', () => {
  assert.throws(() => trustedProxies('everyone'), /TRUST_PROXY: "everyone" is not an address/);
});
