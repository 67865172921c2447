/**
 * Readiness for load balancers: a service answers GET /ready 503 once it starts shutting down
 * (drain), and the gateway's readiness is its own — a subgraph that is down makes answers
 * partial, not every gateway unready at once.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useTestStack } from '@mindscape/test-kit';
import { createHttpShell, createLogger } from '../src/index.js';

test('a draining service answers /ready 503 and /health 200', async () => {
  const shell = createHttpShell('probe', createLogger('probe', 'silent'));
  const port = await shell.listen(0, '127.0.0.1');
  const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);
  try {
    assert.equal((await get('/ready')).status, 200);
    shell.drain();
    const ready = await get('/ready');
    assert.equal(ready.status, 503);
    assert.match(JSON.stringify(await ready.json()), /shutting down/);
    assert.equal((await get('/health')).status, 200);
  } finally {
    await shell.close();
  }
});

describe('the gateway’s readiness', () => {
  const stack = useTestStack();
  test('stays ready while a subgraph is down; the subgraph itself is not', async () => {
    const ready = () => fetch(new URL('/ready', stack.gatewayUrl)).then((r) => r.status);
    assert.equal(await ready(), 200);
    await stack.stopEmotions();
    try {
      assert.equal(await ready(), 200);
    } finally {
      await stack.startEmotions();
    }
    assert.equal((await fetch(new URL('/ready', stack.emotions.url))).status, 200);
  });
});
