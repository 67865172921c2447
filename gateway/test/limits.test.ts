import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { buildSchema, getOperationAST, parse, specifiedRules, validate } from 'graphql';
import type { Client } from 'graphql-ws';
import { NegativePagingArgument, operationCost } from '../src/cost.js';
import { maxRootFields } from '../src/limits.js';
import {
  errorCodes,
  graphql,
  graphqlWsClient,
  signUp,
  useTestStack,
  type GraphQLResponse,
} from '@mindscape/test-kit';

/** POSTs a body as it is (graphql() sends no operationName). */
async function post(url: string, body: Record<string, unknown>): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

type FirstAnswer = { errors: Array<{ message: string; extensions?: { code?: string } }> } | string;

/** The first thing a subscription gets: its errors, or 'event', 'complete', 'closed <code>'. */
function firstAnswer(
  client: Client,
  payload: { query: string; operationName?: string },
): Promise<FirstAnswer> {
  return new Promise((resolve) => {
    client.subscribe(payload, {
      next: () => resolve('event'),
      complete: () => resolve('complete'),
      error: (error) =>
        resolve(
          Array.isArray(error)
            ? { errors: error as Extract<FirstAnswer, object>['errors'] }
            : `closed ${(error as { code?: number }).code}`,
        ),
    });
  });
}

const codesOf = (answer: FirstAnswer) =>
  typeof answer === 'string' ? answer : answer.errors.map((e) => e.extensions?.code);

/** `me { consents { owner { consents { owner … } } } }`, `levels` deep. */
const deep = (levels: number) => {
  let inner = 'id';
  for (let i = 0; i < levels; i++)
    inner = (levels - 1 - i) % 2 === 0 ? `owner { ${inner} }` : `consents { ${inner} }`;
  return `{ me { consents { ${inner} } } }`;
};

describe('query limits at the gateway', () => {
  const stack = useTestStack();
  let token: string;
  before(async () => {
    token = (await signUp(stack.gatewayUrl)).accessToken;
  });

  test('an ordinary nested query passes', async () => {
    const ok = await graphql(stack.gatewayUrl, deep(3), {}, { token });
    assert.equal(ok.status, 200);
    assert.equal(ok.errors, undefined);
  });

  test('too deep, too many aliases, too many tokens: 400 with a code, nothing executed', async () => {
    const tooDeep = await graphql(stack.gatewayUrl, deep(16), {}, { token });
    assert.equal(tooDeep.status, 400);
    assert.deepEqual([...new Set(errorCodes(tooDeep))], ['GRAPHQL_VALIDATION_FAILED']);
    assert.match(JSON.stringify(tooDeep.errors), /[Dd]epth/);

    // Aliases of __typename are not counted by graphql-armor; aliases of real fields are.
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const tooManyAliases = await graphql(stack.gatewayUrl, aliases, {}, { token });
    assert.equal(tooManyAliases.status, 400);
    assert.match(JSON.stringify(tooManyAliases.errors), /[Aa]liases/);

    const tokens = `{ me { ${Array(6000).fill('id').join(' ')} } }`;
    const tooManyTokens = await graphql(stack.gatewayUrl, tokens, {}, { token });
    assert.equal(tooManyTokens.status, 400);
    assert.deepEqual(errorCodes(tooManyTokens), ['GRAPHQL_PARSE_FAILED']);
    assert.match(tooManyTokens.errors![0]!.message, /tokens/);
  });

  test('batched HTTP requests are refused', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    assert.equal(response.status, 400);
  });

  test('the same limits hold for subscriptions over WebSocket', async () => {
    const client = graphqlWsClient(stack.gatewayUrl, { authorization: `Bearer ${token}` });
    const aliases = `subscription { ${Array.from({ length: 20 }, (_, i) => `a${i}: stateChanged { stress }`).join(' ')} }`;
    const errors = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: aliases },
        { next: () => resolve('event'), error: resolve, complete: () => resolve('complete') },
      );
    });
    await client.dispose();
    assert.ok(Array.isArray(errors), JSON.stringify(errors));
    assert.match(JSON.stringify(errors), /[Aa]liases/);
    assert.match(JSON.stringify(errors), /GRAPHQL_VALIDATION_FAILED/, 'the code HTTP gives');
  });

  test('a fragment cycle at the operation root is a 400 over HTTP; over WebSocket the socket survives', async () => {
    const cycle = `{ ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }`;
    const refused = await graphql(stack.gatewayUrl, cycle, {}, { token });
    assert.equal(refused.status, 400);
    assert.deepEqual([...new Set(errorCodes(refused))], ['GRAPHQL_VALIDATION_FAILED']);
    assert.match(refused.errors![0]!.message, /Cannot spread fragment "A" within itself/);

    const client = graphqlWsClient(stack.gatewayUrl, { authorization: `Bearer ${token}` });
    const closes: unknown[] = [];
    client.on('closed', (event) => closes.push(event));
    const wsCycle =
      'subscription { ...A } fragment A on Subscription { stateChanged { stress } ...B } ' +
      'fragment B on Subscription { ...A }';
    const answer = await firstAnswer(client, { query: wsCycle });
    assert.deepEqual([...new Set(codesOf(answer))], ['GRAPHQL_VALIDATION_FAILED']);
    // A later answer on the same socket shows it is still open.
    const later = await firstAnswer(client, { query: 'subscription { nothingHere }' });
    assert.deepEqual(codesOf(later), ['GRAPHQL_VALIDATION_FAILED']);
    assert.deepEqual(closes, [], 'the socket was not closed');
    await client.dispose();
  });

  test('lists are priced by their size: a deep list of lists is refused, naming the limit', async () => {
    // Shallow enough for the depth limit, but three nested lists with no size argument:
    // 20 × 20 × 20 rows at the default list size.
    const refused = await graphql(stack.gatewayUrl, deep(4), {}, { token });
    assert.equal(refused.status, 400);
    assert.deepEqual(errorCodes(refused), ['GRAPHQL_VALIDATION_FAILED']);
    assert.match(refused.errors![0]!.message, /cost limit of 5000 exceeded: estimated \d+/);

    const client = graphqlWsClient(stack.gatewayUrl, { authorization: `Bearer ${token}` });
    const ws = await firstAnswer(client, {
      query:
        'subscription { emotionRecorded { user { consents { owner { consents { owner { consents { id } } } } } } } }',
    });
    await client.dispose();
    assert.deepEqual(codesOf(ws), ['GRAPHQL_VALIDATION_FAILED']);
    assert.match(JSON.stringify(ws), /cost limit of 5000 exceeded/);
    assert.doesNotMatch(JSON.stringify(ws), /"http"/, 'the HTTP status stays on HTTP');
  });

  test('negative paging arguments are a 400 BAD_USER_INPUT, not a 500', async () => {
    for (const [query, variables] of [
      ['{ stories(limit: -1) { id } }', {}],
      ['query($o: Int) { stories(offset: $o) { id } }', { o: -5 }],
    ] as const) {
      const refused = await graphql(stack.gatewayUrl, query, variables, { token });
      assert.equal(refused.status, 400, query);
      assert.deepEqual(errorCodes(refused), ['BAD_USER_INPUT'], query);
      assert.match(refused.errors![0]!.message, /must be zero or more/);
    }
  });

  test('an unknown operationName is a 400 OPERATION_RESOLUTION_FAILURE over HTTP and WebSocket', async () => {
    const unknown = await post(stack.gatewayUrl, {
      query: 'query Known { __typename }',
      operationName: 'Unknown',
    });
    assert.equal(unknown.status, 400);
    assert.deepEqual(errorCodes(unknown), ['OPERATION_RESOLUTION_FAILURE']);
    assert.match(unknown.errors![0]!.message, /Unknown operation named "Unknown"/);
    const unnamed = await post(stack.gatewayUrl, {
      query: 'query A { __typename } query B { __typename }',
    });
    assert.equal(unnamed.status, 400);
    assert.deepEqual(errorCodes(unnamed), ['OPERATION_RESOLUTION_FAILURE']);

    const client = graphqlWsClient(stack.gatewayUrl, { authorization: `Bearer ${token}` });
    const ws = await firstAnswer(client, {
      query: 'subscription Known { stateChanged { stress } }',
      operationName: 'Unknown',
    });
    await client.dispose();
    assert.deepEqual(codesOf(ws), ['OPERATION_RESOLUTION_FAILURE']);
  });

  test('introspection and field suggestions are off unless GRAPHQL_INTROSPECTION is set', async () => {
    const introspect = '{ __schema { queryType { name } } }';
    const closed = await graphql(stack.gatewayUrl, introspect);
    assert.equal(closed.status, 400);
    assert.deepEqual(errorCodes(closed), ['GRAPHQL_VALIDATION_FAILED']);
    const misspelt = await graphql(stack.gatewayUrl, '{ mee { id } }');
    assert.deepEqual(errorCodes(misspelt), ['GRAPHQL_VALIDATION_FAILED']);
    assert.doesNotMatch(JSON.stringify(misspelt.errors), /Did you mean/);

    const misspeltSubscription = { query: 'subscription { stateChangd { stress } }' };
    const client = graphqlWsClient(stack.gatewayUrl, { authorization: `Bearer ${token}` });
    const overSocket = await firstAnswer(client, misspeltSubscription);
    await client.dispose();
    assert.deepEqual(codesOf(overSocket), ['GRAPHQL_VALIDATION_FAILED']);
    assert.match(JSON.stringify(overSocket), /Cannot query field/);
    assert.doesNotMatch(JSON.stringify(overSocket), /Did you mean/);

    const subgraphs = `users=${stack.users.url},emotions=${stack.emotions.url},stories=${stack.stories.url}`;
    const development = await stack.addGateway(subgraphs, { GRAPHQL_INTROSPECTION: 'true' });
    const open = await graphql(development.url, introspect);
    assert.deepEqual(open.data, { __schema: { queryType: { name: 'Query' } } });
    const suggested = await graphql(development.url, '{ mee { id } }');
    assert.match(suggested.errors![0]!.message, /Did you mean "me"/);
    const developer = graphqlWsClient(development.url, { authorization: `Bearer ${token}` });
    const hinted = await firstAnswer(developer, misspeltSubscription);
    await developer.dispose();
    assert.match(JSON.stringify(hinted), /Did you mean/);
  });
});

test('root fields are counted through fragments', () => {
  const schema = buildSchema('type Query { a: Int b: Int c: Int }');
  const run = (query: string) =>
    validate(schema, parse(query), [maxRootFields(2)]).map((e) => e.message);
  assert.deepEqual(run('{ a b }'), []);
  assert.match(
    run('{ a ...F } fragment F on Query { b c }')[0]!,
    /root fields limit of 2 exceeded, found 3/,
  );
  assert.match(run('{ a ... on Query { b c } }')[0]!, /found 3/);
});

test('root fields: a fragment cycle is reported by graphql-js, not followed without end', () => {
  const schema = buildSchema('type Query { a: Int b: Int }');
  const cycle = parse('{ ...A } fragment A on Query { a ...B } fragment B on Query { b ...A }');
  const errors = validate(schema, cycle, [...specifiedRules, maxRootFields(20)]);
  assert.ok(errors.some((e) => /Cannot spread fragment "A" within itself/.test(e.message)));
});

test('root fields: fragments spreading each other twice are counted in linear time', () => {
  const schema = buildSchema('type Query { a: Int }');
  // F0 spreads F1 twice, F1 spreads F2 twice, …: 2^40 root fields if each spread were walked.
  const chain = Array.from(
    { length: 40 },
    (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  const bomb = parse(`{ ...F0 } ${chain.join(' ')} fragment F40 on Query { a }`);
  const started = performance.now();
  const messages = validate(schema, bomb, [maxRootFields(20)]).map((e) => e.message);
  assert.ok(performance.now() - started < 1000);
  assert.match(messages[0]!, /found 1099511627776/);
});

describe('the cost estimate', () => {
  const schema = buildSchema(`
    type Query { stories(limit: Int, offset: Int): [Story!]! storiesConnection(first: Int): Connection! me: Person }
    type Connection { edges: [Edge!]! totalCount: Int! }
    type Edge { node: Story! }
    type Story { id: ID! tags: [String!]! scenes(limit: Int): [Scene!]! }
    type Scene { id: ID! choices: [Choice!]! }
    type Choice { id: ID! }
    type Person { id: ID! }
  `);
  const cost = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    return operationCost(schema, document, getOperationAST(document)!, variables, {
      defaultListSize: 10,
    });
  };

  test('an object costs 2 and a scalar 1; a list of scalars is one scalar', () => {
    assert.equal(cost('{ me { id } }'), 3);
    assert.equal(cost('{ stories(limit: 1) { id tags } }'), 4);
  });

  test('a list multiplies by its limit, or by the default size; lists of lists multiply', () => {
    assert.equal(cost('{ stories { id } }'), 10 * 3);
    assert.equal(cost('{ stories(limit: 300) { id } }'), 300 * 3);
    assert.equal(cost('{ stories(limit: 2) { scenes(limit: 3) { id } } }'), 2 * (2 + 3 * 3));
    assert.equal(cost('{ stories { scenes { choices { id } } } }'), 10 * (2 + 10 * (2 + 10 * 3)));
  });

  test('a variable size counts as its value, else its default', () => {
    const query = 'query($n: Int = 4) { stories(limit: $n) { id } }';
    assert.equal(cost(query, { n: 300 }), 300 * 3);
    assert.equal(cost(query), 4 * 3);
  });

  test("a connection's first sizes its edges", () => {
    assert.equal(
      cost('{ storiesConnection(first: 5) { totalCount edges { node { id } } } }'),
      2 + 1 + 5 * (2 + 2 + 1),
    );
  });

  test('fragments cost what they select, wherever they are spread', () => {
    const query =
      '{ stories(limit: 2) { ...S } me { id } } fragment S on Story { scenes(limit: 3) { ...C } } fragment C on Scene { id }';
    assert.equal(cost(query), 2 * (2 + 3 * 3) + 3);
  });

  test('a negative paging argument is refused, naming it', () => {
    assert.throws(() => cost('{ stories(offset: -1) { id } }'), NegativePagingArgument);
    assert.throws(
      () => cost('query($n: Int) { stories(limit: $n) { id } }', { n: -3 }),
      /stories\(limit: -3\): limit must be zero or more/,
    );
  });
});
