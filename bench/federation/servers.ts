/**
 * The federation benchmark's servers, one role per process tree:
 * `tsx bench/federation/servers.ts <role>`; prints one JSON line `{ "url", "pids" }` when ready.
 *
 * - subgraphs: the four subgraphs in one process, on a hand-written node:http server that
 *   computes the answer to each distinct request body once (with @apollo/subgraph, so the
 *   answers are real federation answers) and then serves it from a map. The gateways send the
 *   same few bodies over and over, so a request costs a map lookup and a write: the gateway
 *   saturates first on two cores, as with the public benchmarks' Rust subgraphs. (Plain
 *   @apollo/subgraph behind @apollo/server costs about as much CPU per request as a gateway.)
 * - ours | apollo | hive | hive-router: a gateway, as BENCH_WORKERS node:cluster workers
 *   sharing one port (the primary only forks and waits). ours: MindScape's createGateway,
 *   anonymous (ours-unmerged: the same with MERGE_SUBGRAPH_READS=false); apollo: stock @apollo/gateway + @apollo/server standalone; hive:
 *   @graphql-hive/gateway-runtime; hive-router: the same with @graphql-hive/router-runtime's
 *   Rust query planner. The Hive rows deduplicate identical in-flight requests as in the
 *   public benchmark's configuration unless BENCH_DEDUP=false.
 */
import cluster from 'node:cluster';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { anonymousGatewayConfigSchema, createGateway } from '@mindscape/gateway';
import { createLogger } from '@mindscape/platform';
import { execute, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { GATEWAY_ROLES, type GatewayRole } from './rows.js';
import { SUBGRAPH_NAMES, SUBGRAPH_SDL, subgraphSchema, type SubgraphName } from './subgraphs.js';

const role = process.argv[2];
const ready = (details: { url: string; pids: number[] }) => console.log(JSON.stringify(details));
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

/** `name=url` pairs, as the gateway's SUBGRAPHS setting. */
function subgraphUrls(): Array<{ name: SubgraphName; url: string }> {
  const base = env('BENCH_SUBGRAPHS_URL');
  return SUBGRAPH_NAMES.map((name) => ({ name, url: `${base}/${name}` }));
}

function supergraph(): string {
  const composed = composeServices(
    subgraphUrls().map(({ name, url }) => ({ name, url, typeDefs: parse(SUBGRAPH_SDL[name]) })),
  );
  if (!composed.supergraphSdl)
    throw new Error(`the subgraphs do not compose: ${composed.errors?.join('\n')}`);
  return composed.supergraphSdl;
}

async function serveSubgraphs() {
  const schemas = new Map(SUBGRAPH_NAMES.map((name) => [`/${name}`, subgraphSchema(name)]));
  const answers = new Map<string, Buffer>();
  const documents = new Map<string, DocumentNode>();
  // Bounded: a gateway that varies its requests endlessly costs execution, not memory.
  const MAX_ANSWERS = 10_000;
  const answer = async (schema: GraphQLSchema, body: string) => {
    const { query, variables, operationName } = JSON.parse(body) as {
      query: string;
      variables?: Record<string, unknown>;
      operationName?: string;
    };
    let document = documents.get(query);
    if (!document) documents.set(query, (document = parse(query)));
    const result = await execute({
      schema,
      document,
      variableValues: variables ?? null,
      operationName: operationName ?? null,
    });
    return Buffer.from(JSON.stringify(result));
  };
  let served = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // How many requests the gateways have sent so far, for the requests-per-query column.
    if (req.method === 'GET' && req.url === '/requests') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(String(served));
      return;
    }
    const schema = schemas.get(req.url ?? '');
    if (req.method !== 'POST' || !schema) {
      res.writeHead(404).end();
      return;
    }
    served++;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const key = `${req.url} ${body}`;
      const known = answers.get(key);
      const send = (payload: Buffer) =>
        res
          .writeHead(200, {
            'content-type': 'application/json',
            'content-length': payload.length,
          })
          .end(payload);
      if (known) return send(known);
      answer(schema, body).then(
        (payload) => {
          if (answers.size < MAX_ANSWERS) answers.set(key, payload);
          send(payload);
        },
        (error: unknown) => res.writeHead(400).end(String(error)),
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  ready({ url: `http://127.0.0.1:${port}`, pids: [process.pid] });
}

/** Starts one gateway worker on `port`. */
async function serveGateway(which: GatewayRole, port: number): Promise<void> {
  switch (which) {
    case 'ours':
    case 'ours-unmerged': {
      // Every protection of a deployment stays on (limits, cost, rate limits, resilience),
      // with the settings run.ts sends (BENCH_GATEWAY_SETTINGS) for one client at full speed.
      await createGateway(
        anonymousGatewayConfigSchema.parse({
          ...(JSON.parse(process.env.BENCH_GATEWAY_SETTINGS ?? '{}') as Record<string, string>),
          PORT: String(port),
          SUBGRAPHS: subgraphUrls()
            .map(({ name, url }) => `${name}=${url}`)
            .join(','),
          ASSERTION_SECRET: 'federation-benchmark-not-a-secret-'.repeat(2),
          LOG_LEVEL: 'error',
          ...(which === 'ours-unmerged' ? { MERGE_SUBGRAPH_READS: 'false' } : {}),
        }),
        createLogger('gateway', 'error'),
        { anonymous: true },
      );
      return;
    }
    case 'apollo': {
      const server = new ApolloServer({
        gateway: new ApolloGateway({ supergraphSdl: supergraph() }),
      });
      await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
      return;
    }
    case 'hive':
    case 'hive-router': {
      const runtime = createGatewayRuntime({
        supergraph: supergraph(),
        logging: 'error',
        inboundInflightRequestDeduplication: process.env.BENCH_DEDUP !== 'false',
        ...(which === 'hive-router' ? { unifiedGraphHandler } : {}),
      });
      const server = createServer(runtime);
      server.keepAliveTimeout = 60_000;
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      return;
    }
  }
}

/** The primary picks a free port, forks the workers and reports once all listen. */
async function primary(which: GatewayRole) {
  const workers = Number(process.env.BENCH_WORKERS ?? '1');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  // BENCH_PROFILE=<role> writes a V8 CPU profile of each of that role's workers.
  if (process.env.BENCH_PROFILE === which)
    cluster.setupPrimary({
      execArgv: [...process.execArgv, '--cpu-prof', '--cpu-prof-dir=.local/profiles'],
    });
  const forked = Array.from({ length: workers }, () =>
    cluster.fork({ BENCH_ROLE: which, BENCH_PORT: String(port) }),
  );
  await Promise.all(
    forked.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once('message', (message) => (message === 'listening' ? resolve() : undefined));
          worker.once('exit', (code) => reject(new Error(`${which} worker exited with ${code}`)));
        }),
    ),
  );
  ready({
    url: `http://127.0.0.1:${port}/graphql`,
    pids: [process.pid, ...forked.map((w) => w.process.pid!)],
  });
  process.once('SIGTERM', () => {
    // Workers end on SIGTERM (flushing a CPU profile) before the primary does.
    let left = forked.length;
    for (const worker of forked) {
      worker.once('exit', () => --left === 0 && process.exit(0));
      worker.process.kill('SIGTERM');
    }
  });
}

if (cluster.isWorker) {
  await serveGateway(env('BENCH_ROLE') as GatewayRole, Number(env('BENCH_PORT')));
  process.once('SIGTERM', () => process.exit(0));
  process.send!('listening');
} else if (role === 'subgraphs') {
  await serveSubgraphs();
} else if (GATEWAY_ROLES.includes(role as GatewayRole)) {
  await primary(role as GatewayRole);
} else {
  throw new Error(`unknown role ${role}: subgraphs | ${GATEWAY_ROLES.join(' | ')}`);
}
