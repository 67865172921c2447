import { readFileSync } from 'node:fs';
import { applySchema, countingDriver } from '@mindscape/neo4j';
import {
  createLogger,
  eventBusFor,
  InternalClient,
  internalOnly,
  mergeResolvers,
  openDatabase,
  pingDatabase,
  startSubgraphService,
  type RunningService,
} from '@mindscape/platform';
import { printSubgraphSchema } from '@apollo/subgraph';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { GraphQLSchema } from 'graphql';
import neo4j from 'neo4j-driver';
import { Counter } from 'prom-client';
import type { StoriesConfig } from './config.js';
import { authoringResolvers } from './authoring/resolvers.js';
import { accountDeletionRoute } from './internal-routes.js';
import { PublishedVersions } from './store/published.js';
import { ValidationCache } from './validation/cache.js';
import { playthroughModel } from './playthroughs/model.js';
import { PlaytestPool } from './playthroughs/playtest-pool.js';
import { playthroughResolvers } from './playthroughs/resolvers.js';
import { guardArguments } from './argument-guards.js';
import type { StoriesContext } from './context.js';
import { storiesResolvers } from './resolvers.js';

const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

export type StoriesSubgraph = RunningService;

/**
 * The stories subgraph: @neo4j/graphql generates reads and writes from schema.graphql (its
 * @authorization rules decide who sees and changes what, with the gateway's identity as the
 * JWT); import, export and validation are resolvers of their own.
 */
/**
 * The subgraph's schema as the gateway composes it, built without a database: for tools that
 * compose the graph offline (the web app's typed operations).
 */
export async function storiesSubgraphSdl(): Promise<string> {
  const schema = await new Neo4jGraphQL({ typeDefs }).getSubgraphSchema();
  return printSubgraphSchema(schema);
}

export async function createStoriesSubgraph(config: StoriesConfig): Promise<StoriesSubgraph> {
  const logger = createLogger('stories', config.LOG_LEVEL);
  // Every Cypher statement is counted: one GraphQL read should be one round trip.
  const statements = new Counter({
    name: 'stories_cypher_statements_total',
    help: 'Cypher statements the stories subgraph sent to Neo4j',
    registers: [],
  });
  const driver = countingDriver(
    neo4j.driver(config.NEO4J_URI, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD)),
    () => statements.inc(),
  );
  const validations = new ValidationCache();
  const published = new PublishedVersions(driver);
  const playtests = new PlaytestPool();
  const bus = await eventBusFor(config.REDIS_URL);
  const db = await openDatabase(config.MONGODB_URI, config.STORIES_DB);
  try {
    const playthroughs = playthroughModel(db);
    await playthroughs.syncIndexes();
    await driver.verifyConnectivity();
    await applySchema(config.NEO4J_URI, config.NEO4J_USER, config.NEO4J_PASSWORD);
    // importStory answers through the generated schema, which exists only once built.
    const built: { schema?: GraphQLSchema } = {};
    const neo = new Neo4jGraphQL({
      typeDefs,
      driver,
      resolvers: mergeResolvers([
        storiesResolvers(
          driver,
          config.MAX_IMPORT_BYTES,
          () => built.schema!,
          validations,
          published,
          playtests,
        ),
        authoringResolvers(driver, bus, validations),
        playthroughResolvers(
          driver,
          published,
          playthroughs,
          new InternalClient(config.EMOTIONS_URL, config.ASSERTION_SECRET),
        ),
      ]),
    });
    const schema = await neo.getSubgraphSchema();
    guardArguments(schema);
    built.schema = schema;
    const service = await startSubgraphService<StoriesContext>({
      name: 'stories',
      schema,
      assertionSecret: config.ASSERTION_SECRET,
      // The gateway's verified identity is the JWT @neo4j/graphql's rules read ($jwt.sub).
      // A wearable's device token has no business with stories: it reads as anonymous here.
      context: (given) => {
        const { identity, ...rest } = given;
        const person = identity?.via === 'session' ? identity : undefined;
        return {
          assertion: person ? { ...rest, identity: person } : rest,
          ...(person ? { jwt: { sub: person.userId } } : {}),
        };
      },
      logger,
      host: config.HOST,
      port: config.PORT,
      subscriptions: true,
      // The users subgraph carries a person's account deletion here.
      routes: (app) => {
        app.use('/internal', ...internalOnly(config.ASSERTION_SECRET));
        accountDeletionRoute({ driver, playthroughs, logger })(app);
      },
      metrics: [statements],
      bodyLimit: `${Math.ceil((config.MAX_IMPORT_BYTES * 1.2) / 1_000_000)}mb`,
      readiness: async () => {
        await driver.verifyConnectivity();
        await pingDatabase(db);
      },
      // @neo4j/graphql's authorization errors carry no GraphQL code of their own.
      errorCode: (error) =>
        ({
          Neo4jGraphQLForbiddenError: 'FORBIDDEN',
          Neo4jGraphQLAuthenticationError: 'UNAUTHENTICATED',
        })[error.name],
    });
    return {
      ...service,
      async close() {
        await service.close();
        await playtests.close();
        await bus.close();
        await driver.close();
        await db.close();
      },
    };
  } catch (error) {
    await playtests.close();
    await bus.close();
    await driver.close();
    await db.close();
    throw error;
  }
}
