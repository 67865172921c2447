import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generate } from '@graphql-codegen/cli';
import { codegenConfig } from '../scripts/codegen-config.js';
import { composedApiSchema } from '../scripts/composed-schema.js';

const web = new URL('../', import.meta.url);

test('the committed schema is the graph the subgraphs compose today', async () => {
  const committed = await readFile(new URL('schema.graphql', web), 'utf8');
  assert.equal(
    committed,
    await composedApiSchema(),
    'web/schema.graphql is stale: run npm run codegen -w @mindscape/web',
  );
});

test("the committed typed operations are what graphql-codegen writes for the app's documents", async () => {
  const out = await mkdtemp(join(tmpdir(), 'mindscape-gql-'));
  try {
    await generate(codegenConfig(`${out}/`), true);
    for (const file of await readdir(out)) {
      assert.equal(
        await readFile(new URL(`src/gql/${file}`, web), 'utf8'),
        await readFile(join(out, file), 'utf8'),
        `web/src/gql/${file} is stale: run npm run codegen -w @mindscape/web`,
      );
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
