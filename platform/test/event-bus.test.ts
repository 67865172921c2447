import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EVENTS_GAP, InProcessEventBus } from '../src/index.js';

test('subscribers receive events of their topic, in order, until they abort', async () => {
  const bus = new InProcessEventBus();
  const controller = new AbortController();
  const received: number[] = [];
  const done = (async () => {
    for await (const n of bus.subscribe<number>('state:u1', controller.signal)) {
      if (n === EVENTS_GAP) throw new Error('no gaps in process');
      received.push(n);
      if (received.length === 3) controller.abort();
    }
  })();
  await new Promise((resolve) => setImmediate(resolve));
  await bus.publish('state:u2', 99);
  for (const n of [1, 2, 3, 4]) await bus.publish('state:u1', n);
  await done;
  assert.deepEqual(received, [1, 2, 3]);
  await bus.close();
});
