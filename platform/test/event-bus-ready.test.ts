/**
 * A subscription listens from the moment it is made, not from its first read: an event
 * published once `ready` settles arrives, however late the subscriber starts reading. (Before,
 * the buses were async generators that subscribed on the first `next()`, so an event published
 * between a subscription resolver's answer and graphql-ws's first read was lost without notice.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freePort, startRedisServer } from '@mindscape/devkit';
import { EVENTS_GAP, InProcessEventBus, RedisEventBus, type EventBus } from '../src/index.js';

async function publishedBeforeTheFirstRead(bus: EventBus, publisher: EventBus = bus) {
  const stop = new AbortController();
  const live = bus.subscribe<number>('state:ready-test', stop.signal);
  await live.ready;
  await publisher.publish('state:ready-test', 1);
  await publisher.publish('state:ready-test', 2);
  const received: number[] = [];
  for await (const n of live) {
    if (n === EVENTS_GAP) throw new Error('Redis stayed up: no gap');
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
        for await (const n of live) return n === EVENTS_GAP ? undefined : n;
        return undefined;
      }),
    );
    assert.deepEqual([a, b], [7, 7]);
    stop.abort();
    await Promise.all([reader.close(), writer.close()]);
  });

  test('Redis lost and back: subscribers are told of the gap, then events flow again', async () => {
    const port = Number(new URL(redis.url).port);
    const reader = new RedisEventBus(redis.url, `gap-${process.pid}:`);
    const writer = new RedisEventBus(redis.url, `gap-${process.pid}:`);
    await Promise.all([reader.ready(), writer.ready()]);
    const stop = new AbortController();
    const live = reader.subscribe<number>('state:gap', stop.signal);
    await live.ready;
    const seen: Array<number | 'gap'> = [];
    let wake = () => {};
    const reading = (async () => {
      for await (const n of live) {
        seen.push(n === EVENTS_GAP ? 'gap' : n);
        wake();
      }
    })();
    const heard = (what: number | 'gap') =>
      new Promise<void>((resolve) => {
        wake = () => seen.includes(what) && resolve();
        wake();
      });
    await writer.publish('state:gap', 1);
    await heard(1);
    await redis.stop();
    redis = await startRedisServer(port);
    await heard('gap');
    // Published until one arrives: the subscriber's SUBSCRIBE is re-sent after the reconnect.
    for (let n = 2; !seen.some((x) => typeof x === 'number' && x >= 2); n++) {
      await writer.publish('state:gap', n);
      await Promise.race([heard(n), new Promise((resolve) => setImmediate(resolve))]);
    }
    assert.equal(seen[0], 1);
    assert.equal(seen[1], 'gap', `the gap comes before the next event: ${JSON.stringify(seen)}`);
    stop.abort();
    await reading;
    await Promise.all([reader.close(), writer.close()]);
  });
});
