import { readFile } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { storiesSubgraphSdl } from '@mindscape/stories';
import { parse, printSchema } from 'graphql';

const repo = new URL('../../', import.meta.url);
const sdlOf = (dir: string) => readFile(new URL(`${dir}/schema.graphql`, repo), 'utf8');

/**
 * The graph's client-facing schema, composed offline from the subgraphs' own schemas exactly
 * as the gateway composes them: what the web app's typed operations are generated against.
 */
export async function composedApiSchema(): Promise<string> {
  const subgraphs = [
    { name: 'users', sdl: await sdlOf('subgraphs/users') },
    { name: 'stories', sdl: await storiesSubgraphSdl() },
    { name: 'emotions', sdl: await sdlOf('subgraphs/emotions') },
    { name: 'companion', sdl: await sdlOf('subgraphs/companion') },
  ];
  const composed = composeServices(
    subgraphs.map(({ name, sdl }) => ({
      name,
      typeDefs: parse(sdl),
      url: `http://${name}.invalid/graphql`,
    })),
  );
  if (composed.errors)
    throw new Error(`The subgraphs do not compose:\n${composed.errors.join('\n')}`);
  return printSchema(composed.schema.toAPISchema().toGraphQLJSSchema());
}
