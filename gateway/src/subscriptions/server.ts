import type { Server } from 'node:http';
import type { Identity } from '@mindscape/platform';
import { GraphQLError, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../authenticate.js';
import type { OperationAllowList } from '../allow-list.js';
import type { RateLimits } from '../rate-limits.js';
import { federatedSubscribe, type FederatedSubscriptionDeps } from './execute.js';

export interface SubscriptionServerOptions {
  rateLimits: RateLimits;
  allowList?: OperationAllowList;
  maxSubscriptionsPerConnection: number;
  keepAliveMs: number;
  /** Origins whose pages may open sockets (a socket without Origin is not from a browser). */
  webOrigins: readonly string[];
}

/** Close code sent when the supergraph changed: the standard "service restart", reconnect. */
export const SUPERGRAPH_CHANGED = 1012;

/**
 * graphql-ws on the gateway's /graphql path. The token travels as
 * `connectionParams.authorization` ("Bearer …"); a connection whose token does not verify is
 * closed with 4403. Each subscription runs from its query plan (execute.ts).
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
    // A page on another site must not open sockets in its visitor's name (browsers always send
    // Origin; wearables and servers send none).
    verifyClient: ({ origin }: { origin?: string }) =>
      !origin || options.webOrigins.includes(origin),
  });
  const serving = useServer<
    Record<string, unknown> | undefined,
    { identity?: Identity; verified?: boolean }
  >(
    {
      schema: () => schema(),
      // Parsed with the token limit and validated with the same rules as HTTP operations.
      onSubscribe: async (ctx, _id, payload) => {
        // graphql-ws has already registered this one.
        if (Object.keys(ctx.subscriptions).length > options.maxSubscriptionsPerConnection) {
          return [
            new GraphQLError(
              `At most ${options.maxSubscriptionsPerConnection} subscriptions per connection.`,
              { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } },
            ),
          ];
        }
        let document;
        try {
          if (ctx.extra.identity) await options.rateLimits.person(ctx.extra.identity.userId);
          options.allowList?.check(payload.query);
          document = parse(payload.query, { maxTokens: deps.maxTokens });
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema(), document, [...specifiedRules, ...deps.validationRules]);
        if (errors.length > 0) return errors;
        return {
          schema: schema(),
          document,
          variableValues: payload.variables ?? {},
          operationName: payload.operationName ?? null,
          contextValue: { identity: ctx.extra.identity },
        };
      },
      onConnect: async (ctx) => {
        try {
          await options.rateLimits.address(ctx.extra.request.socket.remoteAddress ?? 'unknown');
        } catch {
          ctx.extra.socket.close(4429, 'Too many connections from this address; retry later');
          return false;
        }
        try {
          const authorization = ctx.connectionParams?.authorization;
          const identity = await authenticator.identify(
            typeof authorization === 'string' ? authorization : undefined,
          );
          if (identity) ctx.extra.identity = identity;
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => ({ identity: ctx.extra.identity }),
      // Queries and mutations belong on HTTP, where limits, retries and caching apply.
      execute: () => ({
        errors: [
          new GraphQLError(
            'Only subscriptions are served over WebSocket; send queries and mutations over HTTP.',
            {
              extensions: { code: 'BAD_REQUEST' },
            },
          ),
        ],
      }),
      subscribe: (args) => {
        const identity = (args.contextValue as { identity?: Identity }).identity;
        return federatedSubscribe(deps, args, identity ? { identity } : {});
      },
    },
    wss,
  );

  // Keep-alive: a socket that has not answered the previous ping is gone (a phone that lost
  // its network never closes its socket); ending it releases its subscriptions.
  const alive = new WeakSet<WebSocket>();
  wss.on('connection', (socket) => {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
  });
  const pinger = setInterval(() => {
    for (const socket of wss.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, options.keepAliveMs);
  pinger.unref();

  return {
    /** Every client subscription ends; clients are told to reconnect to the new supergraph. */
    closeForSupergraphChange() {
      for (const socket of wss.clients)
        socket.close(SUPERGRAPH_CHANGED, 'Supergraph changed; subscribe again');
      deps.hub.closeAll();
    },
    async dispose() {
      clearInterval(pinger);
      deps.hub.closeAll();
      await serving.dispose();
    },
  };
}
