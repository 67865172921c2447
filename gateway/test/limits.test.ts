import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSchema, parse, validate } from 'graphql';
import { maxRootFields } from '../src/limits.js';
import {
  errorCodes,
  graphql,
  graphqlWsClient,
  signUp,
  startTestStack,
  type TestStack,
} from '@mindscape/test-kit';

/** `me { consents { owner { consents { owner … } } } }`, `levels` deep. */
const deep = (levels: number) => {
  let inner = 'id';
  for (let i = 0; i < levels; i++)
    inner = (levels - 1 - i) % 2 === 0 ? `owner { ${inner} }` : `consents { ${inner} }`;
  return `{ me { consents { ${inner} } } }`;
};

describe('query limits at the gateway', () => {
  let stack: TestStack;
  let token: string;
  before(async () => {
    stack = await startTestStack();
    token = (await signUp(stack.gatewayUrl)).accessToken;
  });
  after(() => stack.close());

  test('an ordinary nested query passes', async () => {
    const ok = await graphql(stack.gatewayUrl, deep(4), {}, { token });
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
