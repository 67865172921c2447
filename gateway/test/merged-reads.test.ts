import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { anonymousGatewayConfigSchema, createGateway } from '@mindscape/gateway';
import { createLogger } from '@mindscape/platform';
import { readGraphQLRequest, type GraphQLRequestBody } from '@mindscape/test-kit';
import { GraphQLError, execute, parse, type GraphQLSchema } from 'graphql';
import {
  SameTurnBatches,
  mergeOperations,
  mergeVariables,
  splitAnswer,
} from '../src/merged-fetches.js';

const ENTITIES = `query Q__people__1($representations:[_Any!]!){_entities(representations:$representations){...on User{name ...Extra}}} fragment Extra on User{nick @include(if:$withNick)}`;
const ROOT = `query Q__people__2($first:Int){top(first:$first){id} __typename}`;

describe('merging reads (pure)', () => {
  test('one operation: aliases, variables and fragments under a prefix per read', () => {
    const merged = mergeOperations([ENTITIES, ROOT]);
    assert.ok(merged);
    assert.equal(merged.operationName, 'Q__people__1__merged_2');
    const document = parse(merged.query);
    assert.equal(document.definitions.length, 2, 'one operation and the renamed fragment');
    assert.match(merged.query, /_0__entities: _entities\(representations: \$_0_representations\)/);
    assert.match(merged.query, /\.\.\._0_Extra/);
    assert.match(merged.query, /fragment _0_Extra on User \{\s*nick @include\(if: \$_0_withNick\)/);
    assert.match(merged.query, /_1_top: top\(first: \$_1_first\)/);
    assert.match(merged.query, /_1___typename: __typename/);
    assert.equal(mergeOperations([ENTITIES, ROOT]), merged, 'merged once, then known');
    assert.deepEqual(
      mergeVariables([
        { query: ENTITIES, variables: { representations: [1], withNick: true } },
        { query: ROOT, variables: { first: 2 } },
      ]),
      { _0_representations: [1], _0_withNick: true, _1_first: 2 },
    );
  });

  test('anything but plain queries of root fields is sent as it is', () => {
    assert.equal(mergeOperations([ROOT, 'mutation M { a }']), undefined);
    assert.equal(mergeOperations([ROOT, '{ ... on Query { a } }']), undefined);
    assert.equal(mergeOperations([ROOT, 'query Broken {']), undefined);
  });

  test("each read gets its own fields, and the errors under them with that read's paths", () => {
    const merged = mergeOperations([ENTITIES, ROOT])!;
    const [people, top] = splitAnswer(merged, {
      data: { _0__entities: [{ name: 'Ana' }, null], _1_top: [{ id: '1' }], _1___typename: 'Q' },
      errors: [
        { message: 'gone', path: ['_0__entities', 1, 'name'] },
        { message: 'no path' },
        { message: 'top', path: ['_1_top', 0, 'id'] },
      ],
      extensions: { note: 1 },
    });
    assert.deepEqual(people, {
      data: { _entities: [{ name: 'Ana' }, null] },
      extensions: { note: 1 },
      errors: [{ message: 'gone', path: ['_entities', 1, 'name'] }, { message: 'no path' }],
    });
    assert.deepEqual(top, {
      data: { top: [{ id: '1' }], __typename: 'Q' },
      extensions: { note: 1 },
      errors: [{ message: 'top', path: ['top', 0, 'id'] }],
    });
  });

  test('what joins in one turn goes together; a later turn starts a new batch', async () => {
    const batches: string[][] = [];
    const together = new SameTurnBatches<object, string, string>((batch) => {
      batches.push(batch.map((b) => b.item));
      for (const { item, resolve } of batch) resolve(item.toUpperCase());
    }, 3);
    const one = {};
    const other = {};
    const first = await Promise.all([
      together.join(one, 'a'),
      together.join(other, 'x'),
      together.join(one, 'b'),
      together.join(one, 'c'),
      together.join(one, 'd'),
    ]);
    assert.deepEqual(first, ['A', 'X', 'B', 'C', 'D']);
    await together.join(one, 'e');
    assert.deepEqual(batches, [['a', 'b', 'c'], ['x'], ['d'], ['e']]);
  });
});

// A graph where one stage sends two reads to one subgraph: a review's author and its editor
// are both people, resolved by the people subgraph, at two different paths of the answer.
const REVIEWS = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Query { reviews: [Review] }
type Review @key(fields: "id") { id: ID! body: String author: Person editor: Person }
type Person @key(fields: "id") { id: ID! }`;
const PEOPLE = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Query { person(id: ID!): Person }
type Person @key(fields: "id") { id: ID! name: String nick: String! handle: String }`;

const NAMES: Record<string, string> = { p1: 'Ana', p2: 'Bo', p3: 'Cy' };

function reviewsSchema() {
  return buildSubgraphSchema({
    typeDefs: parse(REVIEWS),
    resolvers: {
      Query: {
        reviews: () => [
          { id: 'r1', body: 'good', author: { id: 'p1' }, editor: { id: 'p2' } },
          { id: 'r2', body: 'fine', author: { id: 'p3' }, editor: { id: 'p1' } },
          { id: 'r3', body: 'odd', author: { id: 'ghost' }, editor: { id: 'p3' } },
        ],
      },
    },
  });
}

function peopleSchema() {
  return buildSubgraphSchema({
    typeDefs: parse(PEOPLE),
    resolvers: {
      Query: { person: (_: unknown, { id }: { id: string }) => ({ id }) },
      Person: {
        __resolveReference: (reference: { id: string }) => reference,
        name: ({ id }: { id: string }) => {
          if (id === 'ghost') throw new GraphQLError('no such person');
          return NAMES[id];
        },
        // Non-null and failing for the ghost: the error nulls that person, not the list.
        nick: ({ id }: { id: string }) => {
          if (id === 'ghost') throw new GraphQLError('no nick');
          return NAMES[id]!.toLowerCase();
        },
        handle: ({ id }: { id: string }) => `@${id}`,
      },
    },
  });
}

/**
 * A subgraph on plain node:http that keeps the requests it is sent; `refuse` picks requests it
 * answers with no data at all (as when a non-null root field fails).
 */
async function serve(schema: GraphQLSchema, refuse: (query: string) => boolean = () => false) {
  const bodies: GraphQLRequestBody[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    void readGraphQLRequest(req).then(async (body) => {
      bodies.push(body);
      if (refuse(body.query)) {
        const refused = { data: null, errors: [{ message: 'refused', path: ['_0__entities'] }] };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(refused));
        return;
      }
      const result = await execute({
        schema,
        document: parse(body.query),
        variableValues: body.variables ?? null,
        operationName: body.operationName ?? null,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url, bodies, close };
}

const QUERIES = {
  names: '{ reviews { id body author { id name } editor { name handle } } }',
  // The ghost's name fails: an error at its path, the others' data intact.
  partial: '{ reviews { author { name nick } editor { nick } } }',
  withVariables: `query Reviews($withHandle: Boolean!) {
    reviews { author { name handle @include(if: $withHandle) } editor { handle @skip(if: $withHandle) } }
  }`,
};

describe('merging reads (against stock @apollo/gateway)', () => {
  test('one request for the stage, and the answers stock @apollo/gateway gives', async (t) => {
    const reviews = await serve(reviewsSchema());
    const people = await serve(peopleSchema());
    t.after(() => Promise.all([reviews.close(), people.close()]));
    const subgraphs = [
      { name: 'reviews', url: reviews.url },
      { name: 'people', url: people.url },
    ];

    const stock = new ApolloServer({ gateway: new ApolloGateway({ serviceList: subgraphs }) });
    const { url: stockUrl } = await startStandaloneServer(stock, {
      listen: { port: 0, host: '127.0.0.1' },
    });
    t.after(() => stock.stop());
    const ours = async (merge: boolean) => {
      const gateway = await createGateway(
        anonymousGatewayConfigSchema.parse({
          PORT: '0',
          SUBGRAPHS: subgraphs.map(({ name, url }) => `${name}=${url}`).join(','),
          ASSERTION_SECRET: 'x'.repeat(40),
          MERGE_SUBGRAPH_READS: String(merge),
          SHARE_INFLIGHT_QUERIES: 'false',
          LOG_LEVEL: 'error',
        }),
        createLogger('gateway', 'error'),
        { anonymous: true },
      );
      t.after(() => gateway.close());
      return gateway.url;
    };
    const merged = await ours(true);
    const unmerged = await ours(false);

    const ask = async (url: string, query: string, variables?: Record<string, unknown>) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: unknown; errors?: Array<{ path?: unknown }> };
    };

    let merges = 0;
    for (const [name, query] of Object.entries(QUERIES)) {
      for (const variables of name === 'withVariables'
        ? [{ withHandle: true }, { withHandle: false }]
        : [undefined]) {
        const reference = await ask(stockUrl, query, variables);
        const before = people.bodies.length;
        const answer = await ask(merged, query, variables);
        const sent = people.bodies.slice(before);
        const beforeAlone = people.bodies.length;
        const alone = await ask(unmerged, query, variables);
        const sentAlone = people.bodies.length - beforeAlone;
        assert.deepEqual(answer.data, reference.data, `${name}: data as stock`);
        assert.deepEqual(alone, answer, `${name}: the same answer, errors included, unmerged`);
        assert.deepEqual(
          answer.errors?.map((e) => e.path),
          reference.errors?.map((e) => e.path),
          `${name}: errors at stock's paths`,
        );
        assert.equal(sent.length, 1, `${name}: author and editor in one request`);
        if (sentAlone > 1) {
          assert.match(sent[0]!.query, /_0__entities: _entities/);
          assert.match(sent[0]!.query, /_1__entities: _entities/);
          merges++;
        }
      }
    }
    assert.equal(merges, 3, 'every query but the one whose editor asks nothing sent two reads');
    const partial = await ask(merged, QUERIES.partial);
    assert.deepEqual(
      partial.errors?.map((e) => e.path),
      [
        ['reviews', 2, 'author', 'name'],
        ['reviews', 2, 'author', 'nick'],
      ],
    );
  });

  test('a subgraph that is down fails each read with its own paths, as unmerged', async (t) => {
    const reviews = await serve(reviewsSchema());
    const people = await serve(peopleSchema());
    t.after(() => reviews.close());
    const gateways = [];
    for (const merge of [true, false]) {
      const gateway = await createGateway(
        anonymousGatewayConfigSchema.parse({
          PORT: '0',
          SUBGRAPHS: `reviews=${reviews.url},people=${people.url}`,
          ASSERTION_SECRET: 'x'.repeat(40),
          MERGE_SUBGRAPH_READS: String(merge),
          READ_RETRIES: '0',
          LOG_LEVEL: 'error',
        }),
        createLogger('gateway', 'error'),
        { anonymous: true },
      );
      t.after(() => gateway.close());
      gateways.push(gateway.url);
    }
    await people.close();
    const answers = [];
    for (const url of gateways) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERIES.names }),
      });
      answers.push(
        (await response.json()) as {
          data?: { reviews: Array<{ id: string; author: unknown }> };
          errors?: Array<{ path?: unknown[]; extensions?: { code?: string } }>;
        },
      );
    }
    const [merged, unmerged] = answers;
    assert.deepEqual(merged, unmerged);
    assert.deepEqual(
      merged?.data?.reviews.map((r) => [r.id, r.author]),
      [
        ['r1', { id: 'p1', name: null }],
        ['r2', { id: 'p3', name: null }],
        ['r3', { id: 'ghost', name: null }],
      ],
    );
    assert.ok(merged?.errors?.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE'));
    assert.ok(
      merged?.errors?.some((e) => e.path?.join('.') === 'reviews.0.author.name') &&
        merged.errors.some((e) => e.path?.join('.') === 'reviews.2.editor.handle'),
      JSON.stringify(merged?.errors?.map((e) => e.path)),
    );
  });

  test('a merged answer without data sends each read on its own', async (t) => {
    const reviews = await serve(reviewsSchema());
    const people = await serve(peopleSchema(), (query) => query.includes('_1__entities'));
    t.after(() => Promise.all([reviews.close(), people.close()]));
    const gateway = await createGateway(
      anonymousGatewayConfigSchema.parse({
        PORT: '0',
        SUBGRAPHS: `reviews=${reviews.url},people=${people.url}`,
        ASSERTION_SECRET: 'x'.repeat(40),
        LOG_LEVEL: 'error',
      }),
      createLogger('gateway', 'error'),
      { anonymous: true },
    );
    t.after(() => gateway.close());
    const before = people.bodies.length;
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERIES.names }),
    });
    const answer = (await response.json()) as {
      data?: unknown;
      errors?: Array<{ path?: unknown }>;
    };
    assert.deepEqual(
      answer.errors?.map((e) => e.path),
      [['reviews', 2, 'author', 'name']],
    );
    assert.deepEqual(answer.data, {
      reviews: [
        {
          id: 'r1',
          body: 'good',
          author: { id: 'p1', name: 'Ana' },
          editor: { name: 'Bo', handle: '@p2' },
        },
        {
          id: 'r2',
          body: 'fine',
          author: { id: 'p3', name: 'Cy' },
          editor: { name: 'Ana', handle: '@p1' },
        },
        {
          id: 'r3',
          body: 'odd',
          author: { id: 'ghost', name: null },
          editor: { name: 'Cy', handle: '@p3' },
        },
      ],
    });
    const sent = people.bodies.slice(before).map((b) => b.query.includes('_1__entities'));
    assert.deepEqual(sent, [true, false, false], 'merged, refused, then each alone');
  });
});
