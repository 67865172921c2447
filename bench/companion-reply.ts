/**
 * `npm run bench:companion-reply`: the graph's part of talking to the companion, offline
 * (the built-in responder): from sending a message to the first streamed piece of the reply,
 * and to the whole answer. Through the gateway, beside the same measured on the companion
 * subgraph directly (the baseline: what the gateway adds). Goal: first piece p95 ≤ 300 ms.
 * Starts the engines like npm test does; prints figures; asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import {
  asPerson,
  gatewayAssertion,
  graphql,
  graphqlWsClient,
  signUp,
  startTestStack,
} from '@mindscape/test-kit';
import type { Client } from 'graphql-ws';
import { loadDevSecrets } from '../scripts/stack/dev-secrets.js';
import { engineEnvironment, startEngines } from '../scripts/stack/engines.js';
import { percentile, table, UNLIMITED_RATES } from './measure.js';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 40);
const SEND = `mutation($c: ID, $t: String!, $id: ID!) {
  sendCompanionMessage(conversationId: $c, text: $t, clientMessageId: $id) { reply { id } }
}`;
const REPLY =
  'subscription($c: ID!) { companionReply(conversationId: $c) { messageId index done } }';
const SAYINGS = [
  'I went for a long walk by the river this morning.',
  'Work was stressful today, my boss moved the deadline again.',
  'Where do I live?',
  '오늘은 친구랑 커피를 마셨어요.',
  'I love playing the piano in the evening.',
  'My sister Hana is visiting next week.',
];

console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; ${MESSAGES} messages per route`,
);
const engines = await startEngines(await loadDevSecrets());
Object.assign(process.env, engineEnvironment(engines));
const stack = await startTestStack({ companion: true, gateway: UNLIMITED_RATES });
try {
  const rows: Array<Array<string | number>> = [];
  for (const route of ['gateway', 'companion subgraph directly'] as const) {
    const person = await signUp(stack.gatewayUrl, 'Bench');
    const started = await graphql<{ startConversation: { id: string } }>(
      stack.gatewayUrl,
      'mutation { startConversation { id } }',
      {},
      { token: person.accessToken },
    );
    const conversation = started.data!.startConversation.id;
    const direct = route !== 'gateway';
    const url = direct ? stack.companion!.url : stack.gatewayUrl;
    const client: Client = graphqlWsClient(
      url,
      direct
        ? await gatewayAssertion(
            stack.secret,
            'companion',
            { query: REPLY, variables: { c: conversation } },
            asPerson(person.userId),
          )
        : { authorization: `Bearer ${person.accessToken}` },
    );
    const firstPiece = new Map<string, number>();
    const waiting = new Map<string, () => void>();
    client.subscribe<{ companionReply: { messageId: string; index: number; done: boolean } }>(
      { query: REPLY, variables: { c: conversation } },
      {
        next: ({ data }) => {
          const piece = data?.companionReply;
          if (!piece) return;
          if (!firstPiece.has(piece.messageId)) firstPiece.set(piece.messageId, performance.now());
          if (piece.done) waiting.get(piece.messageId)?.();
        },
        error: () => {},
        complete: () => {},
      },
    );
    const send = async (text: string) => {
      const variables = { c: conversation, t: text, id: randomUUID() };
      const headers = direct
        ? await gatewayAssertion(
            stack.secret,
            'companion',
            { query: SEND, variables },
            asPerson(person.userId),
          )
        : {};
      const began = performance.now();
      const answer = await graphql<{ sendCompanionMessage: { reply: { id: string } } }>(
        url,
        SEND,
        variables,
        direct ? { headers } : { token: person.accessToken },
      );
      const answered = performance.now();
      const id = answer.data!.sendCompanionMessage.reply.id;
      if (!firstPiece.has(id)) {
        // The stream is heard after the answer on a busy machine: wait for its last piece.
        await new Promise<void>((resolve) => {
          waiting.set(id, resolve);
          setTimeout(resolve, 5_000);
        });
      }
      return { first: (firstPiece.get(id) ?? Number.NaN) - began, whole: answered - began };
    };
    // Warm-up: the stream must be live, the models loaded.
    for (let i = 0; i < 3 || firstPiece.size === 0; i++) await send(`warming up ${i}`);
    const first: number[] = [];
    const whole: number[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const t = await send(SAYINGS[i % SAYINGS.length]!);
      if (Number.isFinite(t.first)) first.push(t.first);
      whole.push(t.whole);
    }
    await client.dispose();
    rows.push([
      route,
      first.length,
      percentile(first, 50).toFixed(1),
      percentile(first, 95).toFixed(1),
      percentile(whole, 50).toFixed(1),
      percentile(whole, 95).toFixed(1),
    ]);
  }
  table(
    'Companion reply, offline responder: message sent → first streamed piece, and → whole answer (ms); baseline: the subgraph directly',
    ['route', 'heard', 'first p50', 'first p95', 'answer p50', 'answer p95'],
    rows,
  );
} finally {
  await stack.close();
  await engines.stop();
}
process.exit(0);
