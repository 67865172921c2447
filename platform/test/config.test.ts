import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { ConfigError, loadConfig, portVar, secretVar } from '../src/index.js';

const schema = z.object({ PORT: portVar(4001), SECRET: secretVar() });

test('valid environment is parsed with defaults', () => {
  const config = loadConfig('svc', schema, { SECRET: 'x'.repeat(32) });
  assert.equal(config.PORT, 4001);
});

test('every bad variable is named in one error, with what to do', () => {
  assert.throws(
    () => loadConfig('svc', schema, { PORT: '99999', SECRET: 'short' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /PORT/);
      assert.match(error.message, /SECRET: must be at least 32 characters/);
      assert.match(error.message, /README/);
      return true;
    },
  );
});
