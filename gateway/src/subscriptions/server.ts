import type { Server } from 'node:http';
import {
  badRequest,
  ErrorCode,
  tooManySubscriptions,
  withErrorCode,
  type Identity,
  type Logger,
} from '@mindscape/platform';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Authenticator } from '../authenticate.js';
import { errorForClient, resultsForClients } from '../client-errors.js';
import type { OperationAllowList } from '../allow-list.js';
import type { RateLimits } from '../rate-limits.js';
import { refuseServerMessagesFromClients } from './client-messages.js';
import type { DeliverNow } from './client-queue.js';
import { CloseCode } from './close-codes.js';
import { federatedSubscribe, type FederatedSubscriptionDeps } from './execute.js';
import { SharedPayloads } from './serialize-once.js';
import { EVENTS_MAY_HAVE_BEEN_MISSED } from './upstream.js';

/** Distinct operations kept validated per schema; the oldest goes first. */
const VALIDATED_OPERATIONS = 500;

function remember(
  validated: WeakMap<GraphQLSchema, Map<string, DocumentNode>>,
  schema: GraphQLSchema,
  query: string,
  document: DocumentNode,
): void {
  let documents = validated.get(schema);
  if (!documents) validated.set(schema, (documents = new Map()));
  if (documents.size >= VALIDATED_OPERATIONS) documents.delete(documents.keys().next().value!);
  documents.set(query, document);
}

export interface SubscriptionServerOptions {
  rateLimits: RateLimits;
  allowList?: OperationAllowList;
  maxSubscriptionsPerConnection: number;
  /** graphql-ws pings this often and drops a socket whose pong does not come within as long. */
  keepAliveMs: number;
  /** The checks HTTP runs once the variables are known (limits.ts): operation name, cost. */
  checkOperation: (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Readonly<Record<string, unknown>> | undefined,
  ) => unknown;
  /** Validation errors as HTTP gives them: coded, suggestions hidden in production. */
  validationErrors: (errors: readonly GraphQLError[]) => GraphQLError[];
  /** Origins whose pages may open sockets (a socket without Origin is not from a browser). */
  webOrigins: readonly string[];
  /** Hears the errors whose message is masked before they reach a client. */
  logger?: Logger;
}

/**
 * graphql-ws on the gateway's /graphql path. The token travels as
 * `connectionParams.authorization` ("Bearer …"); a connection whose token does not verify is
 * closed with 4403 (close-codes.ts names every code). Each subscription runs from its query
 * plan (execute.ts). Errors carry the codes HTTP gives the same operation.
 */
export function serveFederatedSubscriptions(
  server: Server,
  authenticator: Authenticator,
  schema: () => GraphQLSchema,
  deps: FederatedSubscriptionDeps,
  options: SubscriptionServerOptions,
) {
  const wss = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: 1024 * 1024,
    // No compression: events go out as frames built once (serialize-once.ts), which a
    // compressed connection could not take. Events are small; the frames stay cheap.
    perMessageDeflate: false,
    // A page on another site must not open sockets in its visitor's name (browsers always send
    // Origin; wearables and servers send none).
    verifyClient: ({ origin }: { origin?: string }) =>
      !origin || options.webOrigins.includes(origin),
  });
  refuseServerMessagesFromClients(wss);
  const payloads = new SharedPayloads();
  payloads.install(wss);
  /**
   * Every error a client reads here is formatted as HTTP's are (client-errors.ts): graphql-ws's
   * `next` and `error` messages, and events written straight to the socket (`deliverNow`).
   */
  const unexpected = (error: unknown) =>
    options.logger?.error({ err: error }, 'unexpected subscription error');
  const forClients = resultsForClients(unexpected);
  const forClientsNow = (deliver: DeliverNow<ExecutionResult> | undefined) =>
    deliver && ((result: ExecutionResult) => deliver(forClients(result)));
  /**
   * Documents that parsed and validated, per schema and query text: a thousand clients
   * subscribing to the same operation (a reconnect storm after a gateway ends) parse and
   * validate it once. The checks that depend on who asks and on variables still run each time.
   */
  const validated = new WeakMap<GraphQLSchema, Map<string, DocumentNode>>();
  const serving = useServer<
    Record<string, unknown> | undefined,
    { identity?: Identity; verified?: boolean; resumed?: boolean }
  >(
    {
      schema: () => schema(),
      onNext: (ctx, id, payload, args, result) =>
        payloads.onNext(ctx, id, payload, args, forClients(result)),
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => errorForClient(error, unexpected).toJSON()),
      jsonMessageReplacer: payloads.jsonMessageReplacer,
      // Parsed with the token limit and validated with the same rules as HTTP operations.
      onSubscribe: async (ctx, id, payload) => {
        // graphql-ws has already registered this one.
        if (Object.keys(ctx.subscriptions).length > options.maxSubscriptionsPerConnection) {
          return [tooManySubscriptions(options.maxSubscriptionsPerConnection)];
        }
        const current = schema();
        let document;
        try {
          if (ctx.extra.identity) await options.rateLimits.person(ctx.extra.identity.userId);
          options.allowList?.check(payload.query);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          return [forSocket(error)];
        }
        document = validated.get(current)?.get(payload.query);
        if (!document) {
          try {
            document = parse(payload.query, { maxTokens: deps.maxTokens });
          } catch (error) {
            if (!(error instanceof GraphQLError)) throw error;
            return [withErrorCode(error, ErrorCode.GRAPHQL_PARSE_FAILED)];
          }
          let errors: readonly GraphQLError[];
          try {
            errors = validate(current, document, [...specifiedRules, ...deps.validationRules]);
          } catch (error) {
            // A rule that reads directive arguments throws on a variable with no value (HTTP
            // answers this as a validation failure too).
            if (!(error instanceof GraphQLError)) throw error;
            errors = [error];
          }
          if (errors.length > 0) return options.validationErrors(errors);
          remember(validated, current, payload.query, document);
        }
        try {
          options.checkOperation(
            current,
            document,
            payload.operationName,
            payload.variables ?? undefined,
          );
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          return [forSocket(error)];
        }
        return {
          schema: current,
          document,
          variableValues: payload.variables ?? {},
          operationName: payload.operationName ?? null,
          contextValue: {
            identity: ctx.extra.identity,
            resumed: ctx.extra.resumed === true,
            deliverNow: forClientsNow(
              payloads.deliverNow(ctx.extra.socket, ctx.extra.request.socket, id),
            ),
          },
        };
      },
      onConnect: async (ctx) => {
        try {
          await options.rateLimits.address(ctx.extra.request.socket.remoteAddress ?? 'unknown');
        } catch {
          ctx.extra.socket.close(
            CloseCode.RateLimited,
            'Too many connections from this address; retry later',
          );
          return false;
        }
        // A client reconnecting after its socket dropped (its gateway ended, say) says so: each
        // of its subscriptions then starts with the gap notice, as after an upstream's reconnect.
        ctx.extra.resumed = ctx.connectionParams?.resumed === true;
        try {
          const authorization = ctx.connectionParams?.authorization;
          const identity = await authenticator.identify(
            typeof authorization === 'string' ? authorization : undefined,
          );
          if (identity) {
            ctx.extra.identity = identity;
            // Closed on revocation and when the token expires (gateway/src/revocation.ts).
            authenticator.revocations.watch(
              ctx.extra.socket,
              identity,
              authenticator.expiresAt(identity),
            );
          }
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => ({ identity: ctx.extra.identity }),
      // Queries and mutations belong on HTTP, where limits, retries and caching apply.
      execute: () => ({
        errors: [
          badRequest(
            'Only subscriptions are served over WebSocket; send queries and mutations over HTTP.',
          ),
        ],
      }),
      subscribe: async (args) => {
        const { identity, resumed, deliverNow } = args.contextValue as {
          identity?: Identity;
          resumed?: boolean;
          deliverNow?: DeliverNow<ExecutionResult>;
        };
        try {
          const stream = await federatedSubscribe(
            deps,
            args,
            identity ? { identity } : {},
            deliverNow,
          );
          return resumed && Symbol.asyncIterator in stream ? afterTheGap(stream) : stream;
        } catch (error) {
          // A value the operation needs but did not get (a variable of a directive): the
          // client's mistake, answered as an error message on a socket that stays open.
          if (!(error instanceof GraphQLError)) throw error;
          return {
            errors: [
              error.extensions.code ? error : withErrorCode(error, ErrorCode.BAD_USER_INPUT),
            ],
          };
        }
      },
    },
    wss,
    // graphql-ws's keep-alive: a socket that misses a pong is gone (a phone that lost its
    // network never closes its socket); ending it releases its subscriptions.
    options.keepAliveMs,
  );

  // A revoked consent makes the grantee's shared upstreams authorize again (hub.ts).
  const stopHearing = authenticator.revocations.onRevocation((r) => deps.hub.revoked(r));

  return {
    /** Every client subscription ends; clients are told to reconnect to the new supergraph. */
    closeForSupergraphChange() {
      for (const socket of wss.clients)
        socket.close(CloseCode.SupergraphChanged, 'Supergraph changed; subscribe again');
      deps.hub.closeAll();
    },
    async dispose() {
      stopHearing();
      deps.hub.closeAll();
      await serving.dispose();
    },
  };
}

/**
 * A resumed client's stream: the gap notice first, then the events. A plain iterator, not a
 * generator: a generator queues `return()` behind a pending `next()`, and with events written
 * straight to idle sockets (serialize-once.ts) that `next()` may never settle, so a client's
 * `complete` would never reach the stream and its events would keep coming.
 */
function afterTheGap(
  stream: AsyncIterableIterator<ExecutionResult>,
): AsyncIterableIterator<ExecutionResult> {
  let noticed = false;
  const done = { value: undefined, done: true } as const;
  return {
    next() {
      if (noticed) return stream.next();
      noticed = true;
      return Promise.resolve({ value: EVENTS_MAY_HAVE_BEEN_MISSED, done: false });
    },
    return: () => stream.return?.() ?? Promise.resolve(done),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** An error as a socket client reads it: the HTTP status it would have had stays behind. */
function forSocket(error: GraphQLError): GraphQLError {
  if (!('http' in error.extensions)) return error;
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    extensions,
  });
}
