/**
 * A subscription listens from the moment it is made, not from its first read: an event
 * published once `ready` settles arrives, however late the subscriber starts reading. (Before,
 * the buses were async generators that subscribed on the first `next()`, so an event published
 * between a subscription resolver's answer and graphql-ws's first read was lost without notice.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freePort, startRedisServer } from '../src/dev/index.js';
import { InProcessEventBus, RedisEventBus, type EventBus } from '../src/index.js';

async function publishedBeforeTheFirstRead(bus: EventBus, publisher: EventBus = bus) {
  const stop = new AbortController();
  const live = bus.subscribe<number>('state:ready-test', stop.signal);
  await live.ready;
  await publisher.publish('state:ready-test', 1);
  await publisher.publish('state:ready-test', 2);
  const received: number[] = [];
  for await (const n of live) {
    received.push(n);
    if (received.length === 2) stop.abort();
  }
  return received;
}

test('in process: events published after ready reach a subscriber that reads later', async () => {
  const bus = new InProcessEventBus();
  assert.deepEqual(await publishedBeforeTheFirstRead(bus), [1, 2]);
  await bus.close();
});

describe('over Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  before(async () => {
    redis = await startRedisServer(await freePort());
  });
  after(() => redis?.stop());

  test('events published by another instance after ready arrive, in order', async () => {
    const reader = new RedisEventBus(redis.url, `ready-${process.pid}:`);
    const writer = new RedisEventBus(redis.url, `ready-${process.pid}:`);
    await Promise.all([reader.ready(), writer.ready()]);
    assert.deepEqual(await publishedBeforeTheFirstRead(reader, writer), [1, 2]);
    // A second subscriber joining while the channel's SUBSCRIBE is in flight waits for it too.
    const stop = new AbortController();
    const first = reader.subscribe<number>('state:joined', stop.signal);
    const second = reader.subscribe<number>('state:joined', stop.signal);
    await second.ready;
    await writer.publish('state:joined', 7);
    const [a, b] = await Promise.all(
      [first, second].map(async (live) => {
        for await (const n of live) return n;
        return undefined;
      }),
    );
    assert.deepEqual([a, b], [7, 7]);
    stop.abort();
    await Promise.all([reader.close(), writer.close()]);
  });
});
