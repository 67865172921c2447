import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompositionError, createGateway, gatewayConfigSchema } from '@mindscape/gateway';
import { createLogger } from '@mindscape/platform';

test('a subgraph that cannot be reached stops start-up with a readable message', async () => {
  const config = gatewayConfigSchema.parse({
    PORT: '0',
    SUBGRAPHS: 'users=http://127.0.0.1:9/graphql',
    ASSERTION_SECRET: 'x'.repeat(40),
  });
  await assert.rejects(
    createGateway(config, createLogger('gateway', 'silent')),
    (error: unknown) => {
      assert.ok(error instanceof CompositionError);
      assert.match(error.message, /users at http:\/\/127\.0\.0\.1:9\/graphql/);
      assert.match(error.message, /Check that every subgraph is running/);
      return true;
    },
  );
});

test('a malformed subgraph list is a configuration error, not a crash later', () => {
  const result = gatewayConfigSchema.safeParse({
    SUBGRAPHS: 'users=not a url,Bad Name=http://x',
    ASSERTION_SECRET: 'x'.repeat(40),
  });
  assert.equal(result.success, false);
});
