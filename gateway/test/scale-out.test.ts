import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EmotionsSubgraph } from '@mindscape/emotions';
import { capture, startRedisServer } from '@mindscape/devkit';
import {
  graphql,
  graphqlWsClient,
  recordEvents,
  signUp,
  until,
  untilHeard,
  useTestStack,
} from '@mindscape/test-kit';
import type { RunningGateway } from '../src/index.js';

const hasRedis = (await capture('redis-server', ['--version'])) !== undefined;
const RECORD = 'mutation($t: String!) { recordEmotion(text: $t) { id } }';
const WATCH = 'subscription { emotionRecorded { id text user { displayName } } }';

let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
let secondEmotions: EmotionsSubgraph;
let secondGateway: RunningGateway;

describe('two gateways and two emotions instances over Redis', () => {
  const stack = useTestStack(async () => {
    if (!hasRedis) return {};
    redis = await startRedisServer(6393);
    return { redisUrl: redis.url };
  });
  before(async () => {
    if (!hasRedis) return;
    secondEmotions = await stack.addEmotionsInstance();
    // The second gateway composes the same users subgraph and the second emotions instance.
    secondGateway = await stack.addGateway(
      `users=${stack.users.url},emotions=${secondEmotions.url}`,
    );
  });
  // After the stack's own `after` (hooks run in the order they were registered).
  after(async () => {
    await redis?.stop();
  });

  test(
    'with Redis, two gateways over two emotions instances deliver every event exactly once to each subscriber',
    { skip: !hasRedis && 'redis-server is not installed' },
    async () => {
      const ana = await signUp(stack.gatewayUrl, 'Ana');
      const auth = { authorization: `Bearer ${ana.accessToken}` };
      const clients = [
        stack.gatewayUrl,
        stack.gatewayUrl,
        secondGateway.url,
        secondGateway.url,
      ].map((url) => graphqlWsClient(url, auth));
      const logs = clients.map((client) =>
        recordEvents<{ emotionRecorded: { id: string } }>(client, WATCH),
      );

      const sent: string[] = [];
      const write = async (url: string, text: string) => {
        const answer = await graphql<{ recordEmotion: { id: string } }>(
          url,
          RECORD,
          { t: text },
          {
            token: ana.accessToken,
          },
        );
        const id = answer.data!.recordEmotion.id;
        sent.push(id);
        return id;
      };
      // Both upstreams are subscribed once an entry written through either gateway reaches all;
      // once every subscriber has the last warm-up entry, no earlier one is still on its way.
      await untilHeard(logs, () => write(stack.gatewayUrl, 'warming up'));
      const from = logs.map((l) => l.results.length);

      const texts = ['first through A', 'second through B', 'third through A', 'fourth through B'];
      for (const [i, text] of texts.entries())
        await write(i % 2 === 0 ? stack.gatewayUrl : secondGateway.url, text);
      const last = sent.slice(-texts.length);
      // A last entry as a barrier: a duplicate of the four would reach a subscriber before it.
      const barrier = await write(secondGateway.url, 'barrier');
      await until('every subscriber to hear the barrier', () =>
        logs.every((log) => log.results.some((r) => r.data?.emotionRecorded.id === barrier)),
      );

      for (const [i, log] of logs.entries()) {
        const received = log.results.slice(from[i]).map((r) => r.data?.emotionRecorded.id);
        assert.deepEqual(
          received,
          [...last, barrier],
          `subscriber ${i}: each event once, in order`,
        );
      }
      await Promise.all(clients.map((c) => c.dispose()));
    },
  );
});
