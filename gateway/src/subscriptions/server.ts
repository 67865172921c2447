import type { Server } from 'node:http';
import type { Identity } from '@mindscape/platform';
import { GraphQLError, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
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
      // Parsed with the token limit and validated with the same rules as HTTP operations.
      onSubscribe: (ctx, _id, payload) => {
        let document;
        try {
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
