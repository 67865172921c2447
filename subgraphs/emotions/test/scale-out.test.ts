import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HEART_PHASES, samplesFromBeats, simulateHeart, sampleInputs } from '@mindscape/biosignals';
import type { EmotionsSubgraph } from '@mindscape/emotions';
import { capture, startRedisServer } from '@mindscape/platform/dev';
import {
  asPerson,
  gatewayAssertion,
  graphql,
  graphqlWsClient,
  signUp,
  startTestStack,
  type TestStack,
} from '@mindscape/test-kit';

const hasRedis = (await capture('redis-server', ['--version'])) !== undefined;
let redis: Awaited<ReturnType<typeof startRedisServer>>;
let stack: TestStack;
let second: EmotionsSubgraph;

before(async () => {
  if (!hasRedis) return;
  redis = await startRedisServer(6392);
  stack = await startTestStack({ redisUrl: redis.url });
  second = await stack.addEmotionsInstance();
});
after(async () => {
  await stack?.close();
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
    const events: string[] = [];
    client.subscribe<{ stateChanged: { updatedAt: string } }>(stateChanged, {
      next: ({ data }) => events.push(data!.stateChanged.updatedAt),
      error: () => {},
      complete: () => {},
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const beats = simulateHeart([{ ...HEART_PHASES.rest, seconds: 80 }], {
      start: Date.now() - 90_000,
      seed: 12,
    });
    const samples = sampleInputs(samplesFromBeats(beats));
    const published: string[] = [];
    for (let i = 0; i < samples.length; i += 20) {
      await graphql(
        stack.gatewayUrl,
        'mutation($input: BiometricBatchInput!) { recordBiometrics(input: $input) { accepted } }',
        { input: { samples: samples.slice(i, i + 20) } },
        { token: ana.accessToken },
      );
      const state = await stack.emotions.services.engine.update(ana.userId);
      if (state) published.push(state.at.toISOString());
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    await client.dispose();
    assert.ok(published.length >= 2);
    assert.deepEqual(
      events.filter((at) => published.includes(at)).sort(),
      [...published].sort(),
      'every state the first instance published arrived once',
    );
    assert.equal(new Set(events).size, events.length, 'no event arrived twice');
  },
);
