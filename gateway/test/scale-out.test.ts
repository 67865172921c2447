import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EmotionsSubgraph } from '@mindscape/emotions';
import { capture, startRedisServer } from '@mindscape/platform/dev';
import {
  graphql,
  graphqlWsClient,
  recordEvents,
  signUp,
  startTestStack,
  type TestStack,
} from '@mindscape/test-kit';
import type { RunningGateway } from '../src/index.js';

const hasRedis = (await capture('redis-server', ['--version'])) !== undefined;
const RECORD = 'mutation($t: String!) { recordEmotion(text: $t) { id } }';
const WATCH = 'subscription { emotionRecorded { id text user { displayName } } }';

let redis: Awaited<ReturnType<typeof startRedisServer>>;
let stack: TestStack;
let secondEmotions: EmotionsSubgraph;
let secondGateway: RunningGateway;

before(async () => {
  if (!hasRedis) return;
  redis = await startRedisServer(6393);
  stack = await startTestStack({ redisUrl: redis.url });
  secondEmotions = await stack.addEmotionsInstance();
  // The second gateway composes the same users subgraph and the second emotions instance.
  secondGateway = await stack.addGateway(`users=${stack.users.url},emotions=${secondEmotions.url}`);
});
after(async () => {
  await stack?.close();
  await redis?.stop();
});

test(
  'with Redis, two gateways over two emotions instances deliver every event exactly once to each subscriber',
  { skip: !hasRedis && 'redis-server is not installed' },
  async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const auth = { authorization: `Bearer ${ana.accessToken}` };
    const clients = [stack.gatewayUrl, stack.gatewayUrl, secondGateway.url, secondGateway.url].map(
      (url) => graphqlWsClient(url, auth),
    );
    const logs = clients.map((client) =>
      recordEvents<{ emotionRecorded: { id: string } }>(client, WATCH),
    );

    // Both upstreams are subscribed once an entry written through either gateway reaches all.
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
      sent.push(answer.data!.recordEmotion.id);
    };
    for (let attempt = 0; attempt < 20 && !logs.every((l) => l.results.length > 0); attempt++) {
      await write(stack.gatewayUrl, 'warming up');
      await sleep(300);
    }
    await sleep(300);
    const from = logs.map((l) => l.results.length);

    const texts = ['first through A', 'second through B', 'third through A', 'fourth through B'];
    for (const [i, text] of texts.entries())
      await write(i % 2 === 0 ? stack.gatewayUrl : secondGateway.url, text);
    await Promise.all(logs.map((log, i) => log.until(from[i]! + texts.length)));
    await sleep(500);

    const last = sent.slice(-texts.length);
    for (const [i, log] of logs.entries()) {
      const received = log.results.slice(from[i]).map((r) => r.data?.emotionRecorded.id);
      assert.deepEqual(received, last, `subscriber ${i}: each event once, in order`);
    }
    await Promise.all(clients.map((c) => c.dispose()));
  },
);
