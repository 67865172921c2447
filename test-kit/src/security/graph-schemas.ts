import { composeServices } from '@apollo/composition';
import {
  Kind,
  buildASTSchema,
  buildClientSchema,
  getIntrospectionQuery,
  parse,
  type GraphQLSchema,
  type IntrospectionQuery,
  type StringValueNode,
} from 'graphql';
import type { TestStack } from '../stack.js';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy.js';

/** A subgraph of the running stack, as the gateway sees it. */
export interface SubgraphUnderTest {
  name: string;
  url: string;
  /** Its SDL, as it answered the gateway's composition query. */
  sdl: string;
  schema: GraphQLSchema;
  /** Entity types and their key fields (`@key(fields: "id")` → ["id"]). */
  entityKeys: Map<string, string[]>;
  /** The proxy a recording gateway reaches it through. */
  proxy: RecordingProxy;
}

export interface RecordedGraph {
  /** The client-facing schema of the one graph. */
  api: GraphQLSchema;
  /** How `api` was obtained: the gateway's introspection, or composing the subgraphs' SDL. */
  source: 'introspection' | 'composition';
  subgraphs: SubgraphUnderTest[];
  /** A gateway whose every subgraph request passes a recording proxy. */
  gatewayUrl: string;
  close(): Promise<void>;
}

/**
 * Every subgraph the stack runs (each property with a subgraph's /graphql URL, so one added to
 * the stack is found without a change here).
 */
export function stackSubgraphs(stack: TestStack): Array<{ name: string; url: string }> {
  const found: Array<{ name: string; url: string }> = [];
  for (const name of Object.keys(stack) as Array<keyof TestStack>) {
    if (name === 'gateway' || name === 'gatewayUrl') continue;
    let value: unknown;
    try {
      value = stack[name];
    } catch {
      continue; // a stopped subgraph
    }
    const url = (value as { url?: unknown } | undefined)?.url;
    if (typeof url === 'string' && url.endsWith('/graphql')) found.push({ name, url });
  }
  return found;
}

/**
 * Puts a recording proxy in front of every subgraph, starts a gateway through them (so its
 * composition queries and assertions are on record), and reads the graph's schema: by
 * introspecting that gateway, or, when introspection is refused, by composing the SDL each
 * subgraph gave the gateway, as the web app's codegen composes it.
 */
export async function recordGraph(
  stack: TestStack,
  settings: Record<string, string> = {},
): Promise<RecordedGraph> {
  const proxies: RecordingProxy[] = [];
  const listed = stackSubgraphs(stack);
  for (const { url } of listed) proxies.push(await startRecordingProxy(url));
  const gateway = await stack.addGateway(
    listed.map(({ name }, i) => `${name}=${proxies[i]!.url}`).join(','),
    settings,
  );
  const subgraphs = listed.map(({ name, url }, i): SubgraphUnderTest => {
    const proxy = proxies[i]!;
    const sdl = serviceSdl(proxy);
    if (!sdl) throw new Error(`No _service SDL from the ${name} subgraph passed its proxy.`);
    return { name, url, sdl, schema: subgraphSchema(sdl), entityKeys: entityKeys(sdl), proxy };
  });
  const introspected = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  }).then((r) => r.json() as Promise<{ data?: IntrospectionQuery }>);
  let api: GraphQLSchema;
  let source: RecordedGraph['source'];
  if (introspected.data?.__schema) {
    api = buildClientSchema(introspected.data);
    source = 'introspection';
  } else {
    api = composeApiSchema(subgraphs);
    source = 'composition';
  }
  return {
    api,
    source,
    subgraphs,
    gatewayUrl: gateway.url,
    async close() {
      for (const proxy of proxies) await proxy.close();
    },
  };
}

/** The SDL in the last `_service { sdl }` answer the proxy passed. */
function serviceSdl(proxy: RecordingProxy): string | undefined {
  for (const exchange of [...proxy.exchanges].reverse()) {
    if (!exchange.body.includes('_service')) continue;
    try {
      const sdl = (JSON.parse(exchange.answer) as { data?: { _service?: { sdl?: string } } }).data
        ?._service?.sdl;
      if (sdl) return sdl;
    } catch {
      // not JSON: keep looking
    }
  }
  return undefined;
}

/** A subgraph's schema from its SDL, federation directives left unchecked. */
function subgraphSchema(sdl: string): GraphQLSchema {
  const document = parse(sdl);
  return buildASTSchema(
    {
      ...document,
      definitions: document.definitions.filter(
        (d) => d.kind !== Kind.SCHEMA_EXTENSION && d.kind !== Kind.SCHEMA_DEFINITION,
      ),
    },
    { assumeValidSDL: true },
  );
}

function entityKeys(sdl: string): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const definition of parse(sdl).definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION
    )
      continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const fields = directive.arguments?.find((a) => a.name.value === 'fields');
      if (fields?.value.kind !== Kind.STRING) continue;
      const resolvable = directive.arguments?.find((a) => a.name.value === 'resolvable');
      if (resolvable?.value.kind === Kind.BOOLEAN && !resolvable.value.value) continue;
      keys.set(definition.name.value, (fields.value as StringValueNode).value.split(/\s+/));
    }
  }
  return keys;
}

function composeApiSchema(subgraphs: SubgraphUnderTest[]): GraphQLSchema {
  const composed = composeServices(
    subgraphs.map(({ name, sdl, url }) => ({ name, typeDefs: parse(sdl), url })),
  );
  if (composed.errors)
    throw new Error(`The subgraphs do not compose:\n${composed.errors.join('\n')}`);
  return composed.schema.toAPISchema().toGraphQLJSSchema();
}
