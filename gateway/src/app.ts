import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  badRequest,
  createHttpShell,
  createLogger,
  logUnexpectedErrors,
  requestIdOf,
  type Identity,
  type Logger,
} from '@mindscape/platform';
import { CircuitState } from 'cockatiel';
import cors from 'cors';
import express from 'express';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { Gauge, Histogram } from 'prom-client';
import { anonymousAuthenticator, createAuthenticator } from './authenticate.js';
import { queryLimits } from './limits.js';
import { createRateLimits } from './rate-limits.js';
import { OperationAllowList } from './allow-list.js';
import { forClient } from './client-errors.js';
import type { GatewayConfig } from './config.js';
import { AssertingDataSource, type GatewayContext } from './data-source.js';
import { serveGraphQL } from './http-graphql.js';
import { WriteEpoch } from './inflight.js';
import { SubscriptionHub } from './subscriptions/hub.js';
import { SupergraphPlans } from './subscriptions/plans.js';
import { serveFederatedSubscriptions } from './subscriptions/server.js';

export interface RunningGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

export class CompositionError extends Error {
  override name = 'CompositionError';
}

/** What only code can choose, never the environment. */
export interface GatewayOptions {
  /**
   * Serve a graph with no people in it, without the users subgraph: every request is
   * anonymous (one with an Authorization header is refused) and nothing is signed with
   * ASSERTION_SECRET: subgraph fetches and subscription connections carry no assertion, so
   * MindScape's subgraphs, which require one, refuse them. For the federation benchmark's
   * public subgraphs (bench/federation); never for a deployment.
   * @default false
   */
  anonymous?: boolean;
}

/** Composes the subgraphs (stopping on a composition error) and serves the one graph. */
export async function createGateway(
  config: GatewayConfig,
  logger: Logger = createLogger('gateway', config.LOG_LEVEL),
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  const usersUrl = config.SUBGRAPHS.find((s) => s.name === 'users')?.url;
  if (!options.anonymous && !usersUrl)
    throw new Error(
      'The gateway needs the users subgraph in SUBGRAPHS to verify who is calling ' +
        '(only an anonymous gateway, an option for benchmarks, runs without it).',
    );
  // An anonymous gateway holds no signing secret: it cannot vouch for anyone, over any transport.
  const assertionSecret = options.anonymous ? undefined : config.ASSERTION_SECRET;
  const authenticator =
    usersUrl && assertionSecret !== undefined
      ? createAuthenticator(
          new URL(usersUrl).origin,
          assertionSecret,
          config.DEVICE_TOKEN_CACHE_MS,
          logger,
        )
      : anonymousAuthenticator();
  // Ready once composed and listening, until shutdown: a subgraph that is down makes answers
  // partial (each subgraph's own /ready says so), not the gateway unready, or every gateway
  // would leave the load balancer together.
  const shell = createHttpShell('gateway', logger);
  shell.app.set('trust proxy', parseTrustProxy(config.TRUST_PROXY));

  const latency = new Histogram({
    name: 'gateway_subgraph_fetch_seconds',
    help: 'Subgraph fetch latency',
    labelNames: ['subgraph'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [shell.metrics],
  });
  const composed = new Gauge({
    name: 'gateway_subgraphs',
    help: 'Subgraphs in the composed supergraph',
    registers: [shell.metrics],
  });

  // Writes and revocations seen complete: shared reads never span one (inflight.ts).
  const writes = new WriteEpoch();
  authenticator.revocations.onRevocation(() => writes.advance());
  // One data source per subgraph, shared by queries and subscriptions: one circuit each.
  const serviceMap = Object.fromEntries(
    config.SUBGRAPHS.map(({ name, url }) => [
      name,
      new AssertingDataSource({
        name,
        url,
        ...(assertionSecret !== undefined ? { secret: assertionSecret } : {}),
        latency,
        timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
        breakAfter: config.CIRCUIT_BREAK_AFTER,
        halfOpenAfterMs: config.CIRCUIT_HALF_OPEN_AFTER_MS,
        readRetries: config.READ_RETRIES,
        writes,
        mergeReads: config.MERGE_SUBGRAPH_READS,
        ...(name === 'users'
          ? { onRevocations: (heard: unknown) => authenticator.revocations.hear(heard) }
          : {}),
      }),
    ]),
  );
  const circuitOpen = new Gauge({
    name: 'gateway_circuit_open',
    help: '1 while a subgraph circuit is open (failing fast) or half-open (probing), else 0',
    labelNames: ['subgraph'] as const,
    registers: [shell.metrics],
  });
  for (const source of Object.values(serviceMap)) {
    circuitOpen.set({ subgraph: source.subgraphName }, 0);
    source.policies.breaker.onStateChange((state) =>
      circuitOpen.set({ subgraph: source.subgraphName }, state === CircuitState.Closed ? 0 : 1),
    );
  }
  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({
      subgraphs: config.SUBGRAPHS,
      ...(config.SUPERGRAPH_POLL_MS > 0 ? { pollIntervalInMs: config.SUPERGRAPH_POLL_MS } : {}),
    }),
    buildService: ({ name }) => serviceMap[name]!,
    logger,
  });
  // Subscriptions: plans from the same supergraph, kept in step with every schema load.
  let plans: SupergraphPlans | undefined;
  let apiSchema: GraphQLSchema | undefined;
  // Set once the WebSocket server runs; a schema update before that has no one to tell.
  const live: { subscriptions?: ReturnType<typeof serveFederatedSubscriptions> } = {};
  gateway.onSchemaLoadOrUpdate(({ apiSchema: schema, coreSupergraphSdl }) => {
    const changed = plans !== undefined;
    apiSchema = schema;
    plans = new SupergraphPlans(coreSupergraphSdl);
    if (changed) {
      logger.info('supergraph changed; closing subscriptions so clients resubscribe');
      live.subscriptions?.closeForSupergraphChange();
    }
  });

  const limits = queryLimits(config);
  const allowList = config.OPERATION_ALLOW_LIST
    ? OperationAllowList.fromFile(config.OPERATION_ALLOW_LIST)
    : undefined;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    introspection: config.GRAPHQL_INTROSPECTION,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: shell.server }),
      subscriptionsOverWebSocketOnly,
      logUnexpectedErrors(logger),
      ...(allowList ? [allowList.plugin() as ApolloServerPlugin<GatewayContext>] : []),
      // graphql-armor's plugins never read the context.
      ...(limits.plugins as ApolloServerPlugin<GatewayContext>[]),
    ],
    // Unexpected errors masked, and only the extensions clients may see (client-errors.ts).
    formatError: forClient,
  });
  try {
    await apollo.start();
  } catch (error) {
    throw new CompositionError(
      `The gateway could not compose the subgraphs (${config.SUBGRAPHS.map((s) => `${s.name} at ${s.url}`).join(', ')}):\n` +
        `${(error as Error).message}\nCheck that every subgraph is running and that their schemas agree.`,
    );
  }
  composed.set(config.SUBGRAPHS.length);

  const rateLimits = createRateLimits(config);
  // Who is calling, established once per request (and counted once against their limit),
  // whether the request is answered by its own execution or by an identical one's.
  const callers = new WeakMap<express.Request, Promise<Identity | undefined>>();
  const caller = (req: express.Request) => {
    let identity = callers.get(req);
    if (!identity) {
      identity = authenticator.identify(req.headers.authorization).then(async (found) => {
        if (found) await rateLimits.person(found.userId);
        return found;
      });
      callers.set(req, identity);
    }
    return identity;
  };
  shell.app.use(
    '/graphql',
    // Browsers may call from the web app's origins only; tokens travel in a header, never a
    // cookie, so no credentials mode.
    cors({ origin: config.WEB_ORIGINS, methods: ['GET', 'POST'], maxAge: 600 }),
    // Counted before the body is read: a flood of malformed requests costs its sender too.
    (req, res, next) => {
      rateLimits.address(req.ip ?? 'unknown').then(
        () => next(),
        (error: GraphQLError) => {
          const http = error.extensions.http as { status?: number } | undefined;
          if (!http) return next(error);
          res
            .status(429)
            .set('retry-after', String(error.extensions.retryAfterSeconds))
            .json({
              errors: [{ message: error.message, extensions: { code: error.extensions.code } }],
            });
        },
      );
    },
    express.json({ limit: '2mb' }),
    serveGraphQL(apollo, {
      writes,
      // Identical queries in flight from the same caller share one execution (http-graphql.ts).
      ...(config.SHARE_INFLIGHT_QUERIES
        ? { callerKey: async (req: express.Request) => (await caller(req)) ?? null }
        : {}),
      context: async (req) => {
        const identity = await caller(req);
        const requestId = requestIdOf(req);
        return {
          assertion: {
            ...(identity ? { identity } : {}),
            ...(req.ip ? { clientIp: req.ip } : {}),
            ...(requestId ? { requestId } : {}),
          },
        };
      },
    }),
  );
  const subscriptions = serveFederatedSubscriptions(
    shell.server,
    authenticator,
    () => apiSchema!,
    {
      plans: () => plans!,
      apiSchema: () => apiSchema!,
      serviceMap,
      subgraphUrls: Object.fromEntries(config.SUBGRAPHS.map(({ name, url }) => [name, url])),
      ...(assertionSecret !== undefined ? { assertionSecret } : {}),
      validationRules: limits.validationRules,
      maxTokens: config.MAX_TOKENS,
      hub: new SubscriptionHub(config.SUBSCRIPTION_QUEUE_BOUND, shell.metrics),
    },
    {
      rateLimits,
      ...(allowList ? { allowList } : {}),
      maxSubscriptionsPerConnection: config.SUBSCRIPTIONS_PER_CONNECTION,
      webOrigins: config.WEB_ORIGINS,
      keepAliveMs: config.KEEPALIVE_MS,
      checkOperation: limits.checkOperation,
      validationErrors: limits.validationErrors,
      logger,
    },
  );
  live.subscriptions = subscriptions;
  const port = await shell.listen(config.PORT, config.HOST);
  const url = `http://${config.HOST}:${port}/graphql`;
  logger.info({ url, subgraphs: config.SUBGRAPHS.map((s) => s.name) }, 'gateway listening');
  return {
    url,
    port,
    async close() {
      shell.drain();
      await subscriptions.dispose();
      await authenticator.close();
      await apollo.stop();
      await shell.close();
      await rateLimits.close();
    },
  };
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * A subscription sent over HTTP is a client's mistake, not the gateway's failure
 * (@apollo/gateway would throw an internal error): 400, and where to send it.
 */
const subscriptionsOverWebSocketOnly: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') {
          throw badRequest(
            'Subscriptions are served over WebSocket (graphql-ws) on this same URL, not over HTTP.',
            400,
          );
        }
      },
    };
  },
};
