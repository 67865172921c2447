import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  createLogger,
  openDatabase,
  pingDatabase,
  startSubgraphService,
  type RunningService,
} from '@mindscape/platform';
import { gql } from 'graphql-tag';
import { accessTokenIssuer } from './accounts/access-tokens.js';
import { Sessions } from './accounts/sessions.js';
import { SignInThrottle, type ThrottleLimits } from './accounts/throttle.js';
import type { UsersConfig } from './config.js';
import { usersContext, type UsersServices } from './context.js';
import { internalRoutes } from './internal-routes.js';
import { syncIndexes, usersModels } from './models/index.js';
import { resolvers } from './resolvers/index.js';

const typeDefs = gql(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

export interface UsersSubgraph extends RunningService {
  services: UsersServices;
}

/** Connects to MongoDB, ensures indexes, and serves the users subgraph. */
export async function createUsersSubgraph(
  config: UsersConfig,
  options: { throttle?: Partial<ThrottleLimits> } = {},
): Promise<UsersSubgraph> {
  const logger = createLogger('users', config.LOG_LEVEL);
  const db = await openDatabase(config.MONGODB_URI, config.USERS_DB);
  const models = usersModels(db);
  await syncIndexes(models);
  const issuer = await accessTokenIssuer(config.AUTH_SIGNING_KEY);
  const services: UsersServices = {
    models,
    sessions: new Sessions(models, issuer),
    throttle: new SignInThrottle(models.signInFailures, options.throttle),
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
  });
  return {
    ...service,
    services,
    async close() {
      await service.close();
      await db.close();
    },
  };
}
