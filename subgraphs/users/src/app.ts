import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  createLogger,
  eventBusFor,
  type EventBus,
  openDatabase,
  pingDatabase,
  REVOCATIONS_EXTENSION,
  startSubgraphService,
  type RunningService,
} from '@mindscape/platform';
import { gql } from 'graphql-tag';
import { accessTokenIssuer } from './accounts/access-tokens.js';
import { AccountDeletions, parseAccountDataServices } from './accounts/deletion.js';
import { Revocations } from './accounts/revocations.js';
import { Sessions } from './accounts/sessions.js';
import { SignInThrottle, type ThrottleLimits } from './accounts/throttle.js';
import type { UsersConfig } from './config.js';
import { usersContext, type UsersContext, type UsersServices } from './context.js';
import { internalRoutes } from './internal-routes.js';
import { syncIndexes, usersModels } from './models/index.js';
import { resolvers } from './resolvers/index.js';

/**
 * Returns what the operation revoked in the answer's extensions, so the gateway that carried
 * it refuses the revoked tokens before the client can send another request.
 */
const reportRevocations: ApolloServerPlugin<UsersContext> = {
  requestDidStart: async () => ({
    willSendResponse: async ({ contextValue, response }) => {
      const revoked = (contextValue as Partial<UsersContext> | undefined)?.revokedNow;
      if (!revoked?.length || response.body.kind !== 'single') return;
      const result = response.body.singleResult;
      result.extensions = { ...result.extensions, [REVOCATIONS_EXTENSION]: revoked };
    },
  }),
};

const typeDefs = gql(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

export interface UsersSubgraph extends RunningService {
  services: UsersServices;
}

/** Connects to MongoDB, ensures indexes, and serves the users subgraph. */
export async function createUsersSubgraph(
  config: UsersConfig,
  options: {
    throttle?: Partial<ThrottleLimits>;
    /** Carries revocations (tests share one with the gateway); else from REDIS_URL. */
    bus?: EventBus;
    /** How often pending account deletions are retried. @default 30000 */
    deletionRetryMs?: number;
  } = {},
): Promise<UsersSubgraph> {
  const logger = createLogger('users', config.LOG_LEVEL);
  const db = await openDatabase(config.MONGODB_URI, config.USERS_DB);
  const models = usersModels(db);
  await syncIndexes(models);
  const issuer = await accessTokenIssuer(config.AUTH_SIGNING_KEY);
  const bus = options.bus ?? (await eventBusFor(config.REDIS_URL));
  const revocations = new Revocations(models.revocations, bus);
  const deletions = new AccountDeletions(
    models.accountDeletions,
    parseAccountDataServices(config.ACCOUNT_DATA_SERVICES),
    config.ASSERTION_SECRET,
    logger,
    options.deletionRetryMs,
  );
  const services: UsersServices = {
    models,
    sessions: new Sessions(models, issuer, revocations),
    throttle: new SignInThrottle(models.signInFailures, options.throttle),
    revocations,
    deletions,
  };
  const service = await startSubgraphService({
    name: 'users',
    schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }),
    assertionSecret: config.ASSERTION_SECRET,
    context: (assertion) => usersContext(services, assertion),
    logger,
    host: config.HOST,
    port: config.PORT,
    readiness: () => pingDatabase(db),
    routes: internalRoutes(services, issuer, config.ASSERTION_SECRET, logger),
    plugins: [reportRevocations],
  });
  // Deletions left pending by a previous run (a service was down) are retried now.
  void deletions.sweep();
  return {
    ...service,
    services,
    async close() {
      revocations.close();
      await deletions.close();
      await service.close();
      if (!options.bus) await bus.close();
      await db.close();
    },
  };
}
