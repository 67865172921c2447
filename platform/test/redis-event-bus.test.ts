import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { RedisEventBus } from '../src/index.js';
import { capture, startRedisServer } from '../src/dev/index.js';

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
    const listen = (name: string) =>
      (async () => {
        for await (const n of b.subscribe<number>('state:u1', stop.signal)) got[name]!.push(n);
      })();
    const running = [listen('first'), listen('second')];
    await new Promise((resolve) => setTimeout(resolve, 100));
    await a.publish('state:u2', -1);
    for (const n of [1, 2, 3]) await a.publish('state:u1', n);
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop.abort();
    await Promise.all(running);
    assert.deepEqual(got, { first: [1, 2, 3], second: [1, 2, 3] });
    await Promise.all([a.close(), b.close()]);
  },
);
