/**
 * The browser bundle keeps copies of two registries it cannot import (Node packages): the
 * gateway's close codes and the error codes. They must say what the originals say.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CloseCode } from '@mindscape/gateway';
import { ErrorCode } from '@mindscape/platform';
import { GatewayCloseCode, reconnectAfter, reconnectDelayMs } from '../src/lib/graph/close-codes';
import { GraphErrorCode, inPlainWords, waitInWords } from '../src/lib/graph/errors';

test("the web app's close codes are the gateway's", () => {
  assert.equal(GatewayCloseCode.SupergraphChanged, CloseCode.SupergraphChanged);
  assert.equal(GatewayCloseCode.RateLimited, CloseCode.RateLimited);
  assert.equal(GatewayCloseCode.AccessRevoked, CloseCode.AccessRevoked);
  assert.equal(GatewayCloseCode.AccessExpired, CloseCode.AccessExpired);
  assert.equal(GatewayCloseCode.Forbidden, CloseCode.Forbidden);
});

test("the web app's error codes are in the platform's registry", () => {
  for (const [name, code] of Object.entries(GraphErrorCode))
    assert.equal((ErrorCode as Record<string, string>)[name], code, name);
});

test('each close code is answered as the gateway means it', () => {
  assert.equal(reconnectAfter(CloseCode.AccessRevoked), 'sign-in-again');
  assert.equal(reconnectAfter(CloseCode.AccessExpired), 'refresh-then-reconnect');
  assert.equal(reconnectAfter(CloseCode.Forbidden), 'refresh-then-reconnect');
  assert.equal(reconnectAfter(CloseCode.RateLimited), 'back-off');
  assert.equal(reconnectAfter(CloseCode.SupergraphChanged), 'reconnect');
  assert.equal(reconnectAfter(1006), 'reconnect');
  const none = () => 0;
  assert.equal(reconnectDelayMs(0, 'reconnect', none), 1_000);
  assert.equal(reconnectDelayMs(0, 'back-off', none), 15_000);
  assert.equal(reconnectDelayMs(20, 'back-off', none), 300_000);
  assert.ok(reconnectDelayMs(3, 'back-off', none) > reconnectDelayMs(3, 'reconnect', none));
});

test('too many requests, in plain words with the wait', () => {
  assert.equal(waitInWords(1), '1 second');
  assert.equal(waitInWords(65), '1 minute and 5 seconds');
  assert.equal(waitInWords(undefined), 'a moment');
  assert.match(
    inPlainWords({
      message: 'Too many requests from 127.0.0.1',
      extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 30 },
    }),
    /^Too many attempts in a short time\. .*wait 30 seconds/,
  );
});
