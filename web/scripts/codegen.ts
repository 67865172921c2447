/**
 * npm run codegen -w @mindscape/web: writes the composed schema (web/schema.graphql) and the
 * typed operations (web/src/gql/) from the GraphQL documents in web/src. Both are committed; a
 * test fails when either is out of date.
 */
import { writeFile } from 'node:fs/promises';
import { generate } from '@graphql-codegen/cli';
import { composedApiSchema } from './composed-schema.js';
import { codegenConfig } from './codegen-config.js';

const schemaFile = new URL('../schema.graphql', import.meta.url);
await writeFile(schemaFile, await composedApiSchema());
await generate(codegenConfig(), true);
console.log('web/schema.graphql and web/src/gql/ are up to date.');
