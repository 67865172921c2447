import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createLogger, startSubgraphService, type RunningService } from '@mindscape/platform';
import {
  graphql,
  graphqlWsClient,
  recordEvents,
  signUp,
  untilHeard,
  useTestStack,
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

describe('a gateway polling a changing supergraph', () => {
  const stack = useTestStack();
  let notes: RunningService;
  let gateway: RunningGateway;
  before(async () => {
    notes = await startNotes(stack, 0, 'hello: String');
    gateway = await stack.addGateway(
      `users=${stack.users.url},emotions=${stack.emotions.url},notes=${notes.url}`,
      { SUPERGRAPH_POLL_MS: '200' },
    );
  });
  after(async () => {
    await notes?.close();
  });

  test('a supergraph change closes subscription sockets with 1012, so clients resubscribe', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const client = graphqlWsClient(gateway.url, { authorization: `Bearer ${ana.accessToken}` });
    const log = recordEvents(client, 'subscription { emotionRecorded { id } }');
    // The subscription is live once a journal entry reaches it; none is left on its way after.
    await untilHeard([log], async () => {
      const answer = await graphql<{ recordEmotion: { id: string } }>(
        gateway.url,
        'mutation { recordEmotion(text: "warming up") { id } }',
        {},
        { token: ana.accessToken },
      );
      return answer.data!.recordEmotion.id;
    });
    log.results.length = 0;

    // A deploy of the notes subgraph adds a field: the next poll composes a new supergraph.
    await notes.close();
    notes = await startNotes(stack, notes.port, 'hello: String\n  goodbye: String');
    await assert.rejects(log.until(1, 10_000), /socket closed with 1012/);
    await client.dispose();
  });
});
