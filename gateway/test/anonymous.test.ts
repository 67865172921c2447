import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { graphqlWsClient, readGraphQLRequest, recordEvents } from '@mindscape/test-kit';
import { execute, parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

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

test('an anonymous gateway signs no assertion for subscriptions either: it holds no secret', async (t) => {
  // A public subgraph (as the benchmark's) that serves a subscription over graphql-ws on the
  // same path, and keeps the assertion each HTTP request and each connection brought.
  const schema = buildSubgraphSchema({
    typeDefs: parse('type Query { greeting: String } type Subscription { ticks: Int }'),
    resolvers: {
      Query: { greeting: () => 'hello' },
      Subscription: {
        ticks: {
          subscribe: async function* () {
            yield { ticks: 1 };
            yield { ticks: 2 };
          },
        },
      },
    },
  });
  const heard: unknown[] = [];
  const server = createServer((req, res) => {
    heard.push(req.headers[IDENTITY_HEADER]);
    void readGraphQLRequest(req).then(async (body) => {
      const result = await execute({
        schema,
        document: parse(body.query),
        variableValues: body.variables ?? null,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
  });
  const serving = useServer(
    {
      schema,
      onConnect: (ctx) => {
        heard.push(ctx.connectionParams?.[IDENTITY_HEADER]);
        return true;
      },
    },
    new WebSocketServer({ server, path: '/graphql' }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(async () => {
    await serving.dispose();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  const gateway = await createGateway(
    anonymousGatewayConfigSchema.parse({
      PORT: '0',
      SUBGRAPHS: `greetings=${url}`,
      ASSERTION_SECRET: SECRET,
      LOG_LEVEL: 'error',
    }),
    createLogger('gateway', 'error'),
    { anonymous: true },
  );
  t.after(() => gateway.close());

  const client = graphqlWsClient(gateway.url, {});
  t.after(() => client.dispose());
  const ticks = recordEvents<{ ticks: number }>(client, 'subscription { ticks }');
  await ticks.until(2);
  assert.deepEqual(
    ticks.results.map((r) => r.data),
    [{ ticks: 1 }, { ticks: 2 }],
  );
  assert.ok(heard.length > 1, 'the subgraph was asked over HTTP and over WebSocket');
  assert.deepEqual(
    heard.filter((assertion) => assertion !== undefined),
    [],
    'no identity assertion is signed, for fetches nor for subscription connections',
  );
});
