import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  RECORD_BIOMETRICS,
  HEART_PHASES,
  samplesFromBeats,
  simulateHeart,
  sampleInputs,
} from '@mindscape/biosignals';
import type { EmotionsSubgraph } from '@mindscape/emotions';
import { capture, startRedisServer } from '@mindscape/devkit';
import {
  asPerson,
  gatewayAssertion,
  graphql,
  graphqlWsClient,
  recordEvents,
  signUp,
  until,
  untilHeard,
  useTestStack,
} from '@mindscape/test-kit';

const hasRedis = (await capture('redis-server', ['--version'])) !== undefined;
let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
let second: EmotionsSubgraph;

describe('two emotions instances over Redis', () => {
  const stack = useTestStack(async () => {
    if (!hasRedis) return {};
    redis = await startRedisServer(6392);
    return { redisUrl: redis.url };
  });
  before(async () => {
    if (hasRedis) second = await stack.addEmotionsInstance();
  });
  // After the stack's own `after` (hooks run in the order they were registered).
  after(async () => {
    await redis?.stop();
  });

  test(
    'with Redis, a second instance delivers the state computed by the first, once per change',
    { skip: !hasRedis && 'redis-server is not installed' },
    async () => {
      const ana = await signUp(stack.gatewayUrl);
      const stateChanged = { query: 'subscription { stateChanged { updatedAt heartRate } }' };
      const client = graphqlWsClient(
        second.url,
        await gatewayAssertion(stack.secret, 'emotions', stateChanged, asPerson(ana.userId)),
      );
      const log = recordEvents<{ stateChanged: { updatedAt: string } }>(client, stateChanged.query);
      const beats = simulateHeart([{ ...HEART_PHASES.rest, seconds: 200 }], {
        start: Date.now() - 210_000,
        seed: 12,
      });
      const samples = sampleInputs(samplesFromBeats(beats));
      let next = 0;
      /** Records the next 20 samples and computes the state on the first instance. */
      const batch = async () => {
        assert.ok(next < samples.length, 'the samples ran out');
        await graphql(
          stack.gatewayUrl,
          RECORD_BIOMETRICS,
          { input: { samples: samples.slice(next, next + 20) } },
          { token: ana.accessToken },
        );
        next += 20;
        return stack.emotions.services.engine.update(ana.userId);
      };
      // The subscription is live once a state reaches it; states before that may be lost, so
      // the warm-up's are not counted.
      await untilHeard([log], async () => void (await batch()));

      const published: string[] = [];
      for (let i = 0; i < 4; i++) {
        const state = await batch();
        if (state) published.push(state.at.toISOString());
      }
      // One more state as a barrier: a second copy of any earlier one would arrive before it.
      let barrier: string | undefined;
      while (!barrier) barrier = (await batch())?.at.toISOString();
      await until('the barrier state to reach the second instance', () =>
        log.results.some((r) => r.data?.stateChanged.updatedAt === barrier),
      );
      await client.dispose();
      const events = log.results.map((r) => r.data!.stateChanged.updatedAt);
      assert.ok(published.length >= 2);
      assert.deepEqual(
        events.filter((at) => published.includes(at)).sort(),
        [...published].sort(),
        'every state the first instance published arrived once',
      );
      assert.equal(new Set(events).size, events.length, 'no event arrived twice');
    },
  );
});
