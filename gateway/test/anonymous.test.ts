import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  anonymousGatewayConfigSchema,
  createGateway,
  gatewayConfigSchema,
} from '@mindscape/gateway';
import { IDENTITY_HEADER, createLogger } from '@mindscape/platform';
import { parse } from 'graphql';

const SECRET = 'x'.repeat(40);

test('an anonymous gateway serves a graph without people; tokens are refused, not ignored', async (t) => {
  const heard: Array<string | undefined> = [];
  const subgraph = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse('type Query { greeting: String }'),
      resolvers: { Query: { greeting: () => 'hello' } },
    }),
  });
  const { url } = await startStandaloneServer(subgraph, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      heard.push(req.headers[IDENTITY_HEADER] as string | undefined);
      return {};
    },
  });
  t.after(() => subgraph.stop());

  const settings = { PORT: '0', SUBGRAPHS: `greetings=${url}`, ASSERTION_SECRET: SECRET };
  assert.equal(
    gatewayConfigSchema.safeParse(settings).success,
    false,
    'a deployment still needs the users subgraph',
  );
  const config = anonymousGatewayConfigSchema.parse({ ...settings, LOG_LEVEL: 'error' });
  await assert.rejects(
    createGateway(config, createLogger('gateway', 'error')),
    /needs the users subgraph/,
    'anonymous only when asked for',
  );
  const gateway = await createGateway(config, createLogger('gateway', 'error'), {
    anonymous: true,
  });
  t.after(() => gateway.close());

  const post = (headers: Record<string, string> = {}) =>
    fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ greeting }' }),
    });
  const answer = await post();
  assert.deepEqual(await answer.json(), { data: { greeting: 'hello' } });
  assert.ok(
    heard.length > 0 && heard.every((assertion) => assertion === undefined),
    'no identity assertion is signed',
  );

  const withToken = await post({ authorization: 'Bearer anything' });
  const refused = (await withToken.json()) as {
    errors?: Array<{ extensions?: { code?: string } }>;
  };
  assert.equal(refused.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
});
