import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Server } from 'node:http';
import express, { type Express, type Request } from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Metric } from 'prom-client';
import { ErrorCode, codedError, isEngineUnavailable } from './errors.js';
import { createHttpShell } from './http-shell.js';
import {
  IDENTITY_HEADER,
  InvalidAssertionError,
  ReplayGuard,
  matchesOperation,
  verifyAssertion,
  type OperationBody,
  type RequestAssertion,
  type VerifiedAssertion,
} from './identity.js';
import type { Logger } from './logger.js';

export interface SubgraphServiceOptions<TContext extends BaseContext> {
  /** Service name, used in logs and metrics. */
  name: string;
  schema: GraphQLSchema;
  /** Secret shared with the gateway, to verify its signed request assertions. */
  assertionSecret: string;
  /** Builds the per-request context from what the gateway asserted. */
  context: (assertion: RequestAssertion) => Promise<TContext> | TContext;
  logger: Logger;
  /** @default '127.0.0.1' (subgraphs trust only the gateway) */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Throws when the service cannot serve (e.g. its database is unreachable). */
  readiness?: () => Promise<void>;
  /** Adds routes outside GraphQL (JWKS, internal endpoints) before the GraphQL route. */
  routes?: (app: Express) => void;
  /** Largest accepted request body. @default '2mb' */
  bodyLimit?: string;
  /**
   * Serve subscriptions over graphql-ws on the same path. The gateway puts its assertion in
   * `connectionParams['x-mindscape-assertion']`. @default false
   */
  subscriptions?: boolean;
  /**
   * Codes for errors a library raises on purpose but without a GraphQL code (e.g.
   * @neo4j/graphql's "Forbidden"), so they reach clients as such rather than masked.
   */
  errorCode?: (error: Error) => string | undefined;
  /** Metrics of the service's own, served on GET /metrics with the standard ones. */
  metrics?: Metric[];
  /** Apollo Server plugins of the service's own, after the shell's. */
  plugins?: ApolloServerPlugin<TContext>[];
}

export interface RunningService {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * One subgraph behind the HTTP shell, on POST /graphql. The gateway's assertion is verified
 * before any resolver runs; without one the request is anonymous.
 */
export async function startSubgraphService<TContext extends BaseContext>(
  options: SubgraphServiceOptions<TContext>,
): Promise<RunningService> {
  const { name, logger, host = '127.0.0.1', bodyLimit = '2mb' } = options;
  const shell = createHttpShell(name, logger, options.readiness);
  for (const metric of options.metrics ?? []) shell.metrics.registerMetric(metric);
  options.routes?.(shell.app);

  // One memory of used assertions for HTTP and WebSocket alike: each is accepted once.
  const replay = new ReplayGuard();
  const websockets = options.subscriptions
    ? serveSubscriptions(shell.server, options, replay)
    : undefined;
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    plugins: [
      {
        serverWillStart: async () => ({
          drainServer: async () => void (await websockets?.dispose()),
        }),
      },
      ApolloServerPluginDrainHttpServer({ httpServer: shell.server }),
      // Traces go to Apollo Studio, which MindScape does not use; skip the per-field cost.
      ApolloServerPluginInlineTraceDisabled(),
      codeLibraryErrors(options.errorCode),
      logUnexpectedErrors(logger),
      ...(options.plugins ?? []),
    ],
    formatError: maskUnexpected,
  });
  await apollo.start();
  shell.app.use(
    '/graphql',
    express.json({ limit: bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        options.context(await readAssertion(req, options.name, options.assertionSecret, replay)),
    }),
  );

  const port = await shell.listen(options.port, host);
  const url = `http://${host}:${port}/graphql`;
  logger.info({ url }, `${name} subgraph listening`);
  return {
    url,
    port,
    async close() {
      shell.drain();
      await apollo.stop();
      await shell.close();
    },
  };
}

/**
 * graphql-ws on the HTTP server's /graphql path. A connection needs a valid assertion, and
 * runs only the operation that assertion was signed for.
 */
function serveSubscriptions<TContext extends BaseContext>(
  server: Server,
  options: SubgraphServiceOptions<TContext>,
  replay: ReplayGuard,
) {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  return useServer<Record<string, unknown> | undefined, { verified?: VerifiedAssertion }>(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const token = ctx.connectionParams?.[IDENTITY_HEADER];
        if (typeof token !== 'string') return false;
        try {
          ctx.extra.verified = await verifyAssertion(token, options.assertionSecret, {
            service: options.name,
            replay,
          });
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        const verified = ctx.extra.verified;
        if (verified && matchesOperation(verified, payload)) return undefined;
        return [
          codedError(
            ErrorCode.UNAUTHENTICATED,
            'This connection was authorised for another operation.',
          ),
        ];
      },
      context: (ctx) => options.context(ctx.extra.verified?.assertion ?? {}),
    },
    wss,
  );
}

/**
 * Every request must carry the gateway's assertion for this service and this very operation
 * (anonymous callers' too, with no identity in it): a subgraph reached directly answers
 * nothing, not even its SDL.
 */
async function readAssertion(
  req: Request,
  service: string,
  secret: string,
  replay: ReplayGuard,
): Promise<RequestAssertion> {
  const token = req.headers[IDENTITY_HEADER];
  try {
    if (typeof token !== 'string' || token === '') {
      throw new InvalidAssertionError('no assertion');
    }
    const operation = operationOf(req);
    if (!operation) throw new InvalidAssertionError('no operation to bind to');
    return (await verifyAssertion(token, secret, { service, replay, operation })).assertion;
  } catch (error) {
    if (error instanceof InvalidAssertionError) {
      throw codedError(
        ErrorCode.UNAUTHENTICATED,
        'This service answers the gateway only; call the graph through it.',
        {},
        401,
      );
    }
    throw error;
  }
}

/** The operation as Apollo Server will read it: a JSON body for POST, the query string for GET. */
function operationOf(req: Request): OperationBody | undefined {
  const source = (req.method === 'GET' ? req.query : req.body) as Record<string, unknown>;
  if (typeof source?.query !== 'string') return undefined;
  let variables = source.variables;
  if (typeof variables === 'string') {
    try {
      variables = JSON.parse(variables) as unknown;
    } catch {
      return undefined;
    }
  }
  if (variables !== undefined && variables !== null && typeof variables !== 'object')
    return undefined;
  return { query: source.query, variables: variables as OperationBody['variables'] };
}

/** Errors we did not raise on purpose carry no internals to the client. */
export function maskUnexpected(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR') {
    return { ...formatted, message: 'Internal server error; it has been logged.' };
  }
  return formatted;
}

/**
 * Gives library errors their code before they are logged or masked: the service's own mapping
 * (`errorCode`) first, then a database that is not answering, SERVICE_UNAVAILABLE with a plain
 * message (the driver's names hosts and internals), so a client knows to try again.
 */
function codeLibraryErrors(
  errorCode: ((error: Error) => string | undefined) | undefined,
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (error.extensions?.code !== undefined) continue;
            const original = error.originalError ?? error;
            const code = errorCode?.(original);
            if (code) {
              (error.extensions as Record<string, unknown>).code = code;
            } else if (isEngineUnavailable(original)) {
              (error.extensions as Record<string, unknown>).code = ErrorCode.SERVICE_UNAVAILABLE;
              (error as { message: string }).message =
                'A data store is not answering right now; try again shortly.';
            }
          }
        },
      };
    },
  };
}

export function logUnexpectedErrors(logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            // Errors raised on purpose carry a code; only the rest are worth an operator's look.
            const code = error.extensions?.code;
            if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
              logger.error(
                { err: error.originalError ?? error, path: error.path },
                'unexpected resolver error',
              );
            }
          }
        },
      };
    },
  };
}
