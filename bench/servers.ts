/**
 * One server per process for the gateway benchmarks, so a gateway never shares an event loop
 * with the subgraphs or with the load generator. `tsx bench/servers.ts <role>`; settings come
 * in BENCH_* environment variables; the process prints one JSON line `{ "url": … }` when ready.
 *
 * Roles:
 * - subgraphs: the users and emotions subgraphs (test kit, fresh databases).
 * - ours: the MindScape gateway.
 * - apollo: stock @apollo/gateway + @apollo/server with only what the subgraphs require (a
 *   verified access token turned into the signed identity assertion).
 * - hive: @graphql-hive/gateway-runtime on the same supergraph, with the same assertion.
 */
import { createServer } from 'node:http';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGateway, gatewayConfigSchema } from '@mindscape/gateway';
import {
  IDENTITY_HEADER,
  createLogger,
  signAssertion,
  type OperationBody,
  type RequestAssertion,
} from '@mindscape/platform';
import { startTestStack } from '@mindscape/test-kit';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { parse } from 'graphql';
import { UNLIMITED_RATES } from './measure.js';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const role = process.argv[2];
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
/** Carries the caller's identity to onFetch and keys Hive's in-flight deduplication per person. */
const IDENTITY_PROPAGATED = 'x-bench-identity';
const ready = (details: Record<string, unknown>) => console.log(JSON.stringify(details));

/**
 * What every baseline must do for these subgraphs: token → identity, then per fetch an
 * assertion signed for that subgraph and that operation.
 */
function identityAsserter(usersOrigin: string, secret: string) {
  const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', usersOrigin));
  const identify = async (authorization: string | null | undefined): Promise<RequestAssertion> => {
    const token = authorization?.replace(/^Bearer /, '');
    if (!token) return {};
    const { payload } = await jwtVerify(token, jwks, {
      issuer: 'mindscape-users',
      audience: 'mindscape',
    });
    return { identity: { userId: String(payload.sub), via: 'session' } };
  };
  return {
    identify,
    sign: (assertion: RequestAssertion, service: string, operation: OperationBody) =>
      signAssertion(assertion, secret, { service, operation }),
  };
}

function subgraphs() {
  return [
    { name: 'users', url: env('BENCH_USERS_URL') },
    { name: 'emotions', url: env('BENCH_EMOTIONS_URL') },
  ];
}

switch (role) {
  case 'subgraphs': {
    const stack = await startTestStack({ gateway: UNLIMITED_RATES });
    ready({
      url: stack.gatewayUrl,
      users: stack.users.url,
      emotions: stack.emotions.url,
      secret: stack.secret,
    });
    process.once('SIGTERM', () => void stack.close().then(() => process.exit(0)));
    break;
  }
  case 'ours': {
    const gateway = await createGateway(
      gatewayConfigSchema.parse({
        PORT: '0',
        SUBGRAPHS: subgraphs()
          .map((s) => `${s.name}=${s.url}`)
          .join(','),
        ASSERTION_SECRET: env('BENCH_SECRET'),
        ...UNLIMITED_RATES,
        SUBSCRIPTIONS_PER_CONNECTION: '1000',
        LOG_LEVEL: 'error',
      }),
      createLogger('gateway', 'error'),
    );
    ready({ url: gateway.url });
    break;
  }
  case 'apollo': {
    const assert = identityAsserter(new URL(env('BENCH_USERS_URL')).origin, env('BENCH_SECRET'));
    class Asserting extends RemoteGraphQLDataSource<{ authorization?: string }> {
      constructor(
        private readonly service: string,
        url: string,
      ) {
        super({ url });
      }
      override async willSendRequest({
        request,
        context,
      }: Parameters<NonNullable<RemoteGraphQLDataSource['willSendRequest']>>[0]) {
        const assertion = await assert.identify(
          (context as { authorization?: string }).authorization,
        );
        request.http?.headers.set(
          IDENTITY_HEADER,
          await assert.sign(assertion, this.service, {
            query: request.query ?? '',
            variables: request.variables,
          }),
        );
      }
    }
    const server = new ApolloServer({
      gateway: new ApolloGateway({
        supergraphSdl: new IntrospectAndCompose({ subgraphs: subgraphs() }),
        buildService: ({ name, url }) => new Asserting(name, url!),
      }),
    });
    const { url } = await startStandaloneServer(server, {
      listen: { port: 0, host: '127.0.0.1' },
      context: async ({ req }) => ({ authorization: req.headers.authorization }),
    });
    ready({ url: new URL('/graphql', url).href });
    break;
  }
  case 'hive': {
    const secret = env('BENCH_SECRET');
    const assert = identityAsserter(new URL(env('BENCH_USERS_URL')).origin, secret);
    const sdlQuery = { query: '{ _service { sdl } }' };
    const services = await Promise.all(
      subgraphs().map(async ({ name, url }) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [IDENTITY_HEADER]: await assert.sign({}, name, sdlQuery),
          },
          body: JSON.stringify(sdlQuery),
        });
        const { data } = (await response.json()) as { data: { _service: { sdl: string } } };
        return { name, url, typeDefs: parse(data._service.sdl) };
      }),
    );
    const composed = composeServices(services);
    if (!composed.supergraphSdl) throw new Error(`composition: ${String(composed.errors)}`);
    const runtime = createGatewayRuntime({
      supergraph: composed.supergraphSdl,
      logging: 'error',
      // Hive's documented way to send per-request headers upstream; its in-flight
      // deduplication of subgraph requests then keys on them (headers set later in onFetch
      // are not part of that key, and answers would be shared across people).
      propagateHeaders: {
        fromClientToSubgraphs: async ({ request }) => ({
          [IDENTITY_PROPAGATED]: JSON.stringify(
            await assert.identify(request.headers.get('authorization')),
          ),
        }),
      },
      // The assertion is bound to each fetch's body, which only onFetch sees.
      plugins: () => [
        {
          onFetch: async ({ url, options, setOptions }) => {
            const headers = new Headers(options.headers as HeadersInit);
            const service = subgraphs().find((s) => s.url === url)?.name;
            const assertion = JSON.parse(
              headers.get(IDENTITY_PROPAGATED) ?? '{}',
            ) as RequestAssertion;
            headers.delete(IDENTITY_PROPAGATED);
            if (service && typeof options.body === 'string') {
              const operation = JSON.parse(options.body) as OperationBody;
              headers.set(IDENTITY_HEADER, await assert.sign(assertion, service, operation));
            }
            setOptions({ ...options, headers: Object.fromEntries(headers) });
          },
        },
      ],
    });
    const server = createServer(runtime);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    ready({ url: `http://127.0.0.1:${address.port}/graphql` });
    break;
  }
  default:
    throw new Error(`unknown role ${role}: subgraphs | ours | apollo | hive`);
}
