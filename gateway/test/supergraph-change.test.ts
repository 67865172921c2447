import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createLogger, startSubgraphService, type RunningService } from '@mindscape/platform';
import {
  graphqlWsClient,
  recordEvents,
  signUp,
  startTestStack,
  type TestStack,
} from '@mindscape/test-kit';
import { parse } from 'graphql';
import type { RunningGateway } from '../src/index.js';

/** A small third subgraph whose schema the test changes, as a deploy would. */
function startNotes(stack: TestStack, port: number, fields: string): Promise<RunningService> {
  return startSubgraphService({
    name: 'notes',
    schema: buildSubgraphSchema({
      typeDefs: parse(`type Query { ${fields} }`),
      resolvers: { Query: { hello: () => 'hello' } },
    }),
    assertionSecret: stack.secret,
    context: () => ({}),
    logger: createLogger('notes', 'silent'),
    port,
  });
}

let stack: TestStack;
let notes: RunningService;
let gateway: RunningGateway;
before(async () => {
  stack = await startTestStack();
  notes = await startNotes(stack, 0, 'hello: String');
  gateway = await stack.addGateway(
    `users=${stack.users.url},emotions=${stack.emotions.url},notes=${notes.url}`,
    { SUPERGRAPH_POLL_MS: '200' },
  );
});
after(async () => {
  await notes?.close();
  await stack?.close();
});

test('a supergraph change closes subscription sockets with 1012, so clients resubscribe', async () => {
  const ana = await signUp(stack.gatewayUrl, 'Ana');
  const client = graphqlWsClient(gateway.url, { authorization: `Bearer ${ana.accessToken}` });
  const log = recordEvents(client, 'subscription { emotionRecorded { id } }');
  await new Promise((resolve) => setTimeout(resolve, 500));

  // A deploy of the notes subgraph adds a field: the next poll composes a new supergraph.
  await notes.close();
  notes = await startNotes(stack, notes.port, 'hello: String\n  goodbye: String');
  await assert.rejects(log.until(1, 10_000), /socket closed with 1012/);
  await client.dispose();
});
