import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EVENTS_GAP, RedisEventBus } from '../src/index.js';
import { capture, startRedisServer } from '@mindscape/devkit';

const hasRedis = (await capture('redis-server', ['--version'])) !== undefined;
let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
before(async () => {
  if (hasRedis) redis = await startRedisServer(6391);
});
after(async () => {
  await redis?.stop();
});

test(
  'an event published on one instance reaches every subscriber on another, exactly once',
  { skip: !hasRedis && 'redis-server is not installed' },
  async () => {
    const a = new RedisEventBus(redis!.url);
    const b = new RedisEventBus(redis!.url);
    const stop = new AbortController();
    const got: Record<string, number[]> = { first: [], second: [] };
    let arrived = () => {};
    const listen = (name: string) =>
      (async () => {
        for await (const n of b.subscribe<number>('state:u1', stop.signal)) {
          if (n === EVENTS_GAP) throw new Error('Redis stayed up: no gap');
          got[name]!.push(n);
          arrived();
        }
      })();
    const running = [listen('first'), listen('second')];
    const heard = (n: number) => got.first!.includes(n) && got.second!.includes(n);
    /** Whether both subscribers have `n` within `timeoutMs` (a deadline, not a pause). */
    const bothHear = (n: number, timeoutMs: number) =>
      new Promise<boolean>((resolve) => {
        const deadline = setTimeout(() => resolve(heard(n)), timeoutMs);
        arrived = () => {
          if (!heard(n)) return;
          clearTimeout(deadline);
          resolve(true);
        };
        arrived();
      });
    // The subscriptions are live once a marker reaches both (Redis answers SUBSCRIBE
    // asynchronously): markers go out until one does, then what they left is forgotten.
    let marker = 100;
    do await a.publish('state:u1', ++marker);
    while (!(await bothHear(marker, 300)) && marker < 150);
    assert.ok(heard(marker), `no marker reached both subscribers: ${JSON.stringify(got)}`);
    got.first!.length = 0;
    got.second!.length = 0;
    await a.publish('state:u2', -1);
    for (const n of [1, 2, 3]) await a.publish('state:u1', n);
    // A last marker as a barrier: anything wrongly delivered (u2's event, a second copy) would
    // arrive before it, on the same connection.
    await a.publish('state:u1', 99);
    assert.ok(await bothHear(99, 10_000), JSON.stringify(got));
    stop.abort();
    await Promise.all(running);
    assert.deepEqual(got, { first: [1, 2, 3, 99], second: [1, 2, 3, 99] });
    await Promise.all([a.close(), b.close()]);
  },
);
