import type { Server } from 'node:http';
import type { Identity } from '@mindscape/platform';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Authenticator } from '../authenticate.js';
import { federatedSubscribe, type FederatedSubscriptionDeps } from './execute.js';

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
) {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 1024 * 1024 });
  return useServer<
    Record<string, unknown> | undefined,
    { identity?: Identity; verified?: boolean }
  >(
    {
      schema: () => schema(),
      onConnect: async (ctx) => {
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
}
