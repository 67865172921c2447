import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSchema, graphql } from 'graphql';
import { guardArguments } from '../src/argument-guards.js';

// The subgraph's own guard, without the gateway in front (which checks paging too).
const schema = buildSchema(`
  input StoryWhere { title: String, authorIds: IDFilter, AND: [StoryWhere!], NOT: StoryWhere }
  input IDFilter { includes: ID }
  type Story { id: ID!, scenes(limit: Int, offset: Int): [String!]! }
  type Query { stories(where: StoryWhere, limit: Int, offset: Int): [Story!]! }
`);
schema.getQueryType()!.getFields().stories!.resolve = () => [{ id: '1', scenes: [] }];
guardArguments(schema);

const run = (source: string, variableValues: Record<string, unknown> = {}) =>
  graphql({ schema, source, variableValues });

test('negative paging anywhere in the selection is BAD_USER_INPUT naming field.argument', async () => {
  for (const [source, variables, field] of [
    ['{ stories(limit: -1) { id } }', {}, 'stories.limit'],
    ['query($o: Int) { stories(offset: $o) { id } }', { o: -3 }, 'stories.offset'],
    ['{ stories { ...F } } fragment F on Story { scenes(limit: -1) }', {}, 'scenes.limit'],
    ['{ stories { ... on Story { scenes(offset: -9) } } }', {}, 'scenes.offset'],
  ] as const) {
    const { errors } = await run(source, variables);
    assert.equal(errors?.[0]?.extensions.code, 'BAD_USER_INPUT', source);
    assert.equal(errors?.[0]?.extensions.field, field, source);
  }
  const fine = await run('{ stories(limit: 0, offset: 2) { id scenes(limit: 5) } }');
  assert.equal(fine.errors, undefined);
});

test('a filter on a private field is refused, at any depth and through variables', async () => {
  for (const [source, variables] of [
    ['{ stories(where: { authorIds: { includes: "u1" } }) { id } }', {}],
    [
      '{ stories(where: { AND: [{ title: "x" }, { NOT: { authorIds: { includes: "u1" } } }] }) { id } }',
      {},
    ],
    [
      'query($w: StoryWhere) { stories(where: $w) { id } }',
      { w: { authorIds: { includes: 'u' } } },
    ],
  ] as const) {
    const { errors } = await run(source, variables);
    assert.equal(errors?.[0]?.extensions.code, 'BAD_USER_INPUT', source);
    assert.equal(errors?.[0]?.extensions.field, 'stories.where', source);
  }
  const fine = await run('{ stories(where: { title: "x" }) { id } }');
  assert.equal(fine.errors, undefined);
});
