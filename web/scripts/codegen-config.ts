import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

const web = fileURLToPath(new URL('..', import.meta.url));

/** One configuration for writing the typed operations and for checking they are current. */
export function codegenConfig(output = `${web}/src/gql/`): CodegenConfig {
  return {
    schema: `${web}/schema.graphql`,
    documents: [`${web}/src/**/*.{ts,tsx}`, `!${web}/src/gql/**`],
    ignoreNoDocuments: false,
    silent: true,
    generates: {
      [output]: {
        preset: 'client',
        // Operations as strings with their types: the browser bundle carries no GraphQL parser.
        config: {
          documentMode: 'string',
          enumsAsTypes: true,
          useTypeImports: true,
          strictScalars: true,
          scalars: { DateTime: 'string' },
        },
        presetConfig: { fragmentMasking: false },
      },
    },
  };
}
