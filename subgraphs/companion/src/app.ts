import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { TextEmotionReader } from '@mindscape/ml';
import { applySchema } from '@mindscape/neo4j';
import {
  InternalClient,
  createLogger,
  eventBusFor,
  internalOnly,
  openDatabase,
  pingDatabase,
  serveAccountDeletion,
  startSubgraphService,
  type EventBus,
  type RunningService,
} from '@mindscape/platform';
import { gql } from 'graphql-tag';
import neo4j from 'neo4j-driver';
import type { CompanionConfig } from './config.js';
import { companionContext, type CompanionServices } from './context.js';
import { companionModels } from './conversations/models.js';
import { TextVault } from './crypto/sealed-text.js';
import { loadEmbedder, loadSentenceEncoder } from './memory/embedder.js';
import type { Embedder } from './memory/retrieve.js';
import { MemoryStore } from './memory/store.js';
import { VectorCache } from './memory/vector-cache.js';
import { ChatCompletionsResponder } from './reply/llm.js';
import { OfflineResponder } from './reply/offline.js';
import { forgetPerson, resolvers } from './resolvers/index.js';
import { safetyGuard } from './safety-guard.js';

const typeDefs = gql(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

export interface CompanionSubgraph extends RunningService {
  services: CompanionServices;
}

export interface CompanionOptions {
  bus?: EventBus;
  /** Another sentence encoder (tests and the benchmark share one). */
  embedder?: Embedder;
  /** The clock, for conversations days apart in tests. */
  now?: () => number;
}

export async function createCompanionSubgraph(
  config: CompanionConfig,
  options: CompanionOptions = {},
): Promise<CompanionSubgraph> {
  const logger = createLogger('companion', config.LOG_LEVEL);
  const driver = neo4j.driver(
    config.NEO4J_URI,
    neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD),
    {
      disableLosslessIntegers: true,
    },
  );
  await driver.verifyConnectivity();
  await applySchema(config.NEO4J_URI, config.NEO4J_USER, config.NEO4J_PASSWORD);
  const db = await openDatabase(config.MONGODB_URI, config.COMPANION_DB);
  const models = companionModels(db);
  await Promise.all(Object.values(models).map((model) => model.syncIndexes()));
  const bus = options.bus ?? (await eventBusFor(config.REDIS_URL));
  const users = new InternalClient(config.USERS_URL, config.ASSERTION_SECRET);
  const emotions = new InternalClient(config.EMOTIONS_URL, config.ASSERTION_SECRET);
  const offline = new OfflineResponder();
  const store = new MemoryStore(driver);
  const services: CompanionServices = {
    models,
    store,
    vectors: new VectorCache(store),
    vault: new TextVault(config.COMPANION_KEYS),
    embedder: options.embedder ?? (await loadEmbedder()),
    // One sentence encoder for memory and the emotion reader; an injected embedder (tests)
    // leaves the reader to find its own, if one is provisioned.
    reader: await TextEmotionReader.load(
      undefined,
      options.embedder ? {} : { encoder: await loadSentenceEncoder() },
    ),
    bus,
    logger,
    safety: safetyGuard(),
    generators: config.COMPANION_LLM_URL
      ? [
          new ChatCompletionsResponder(
            config.COMPANION_LLM_URL,
            config.COMPANION_LLM_MODEL,
            config.COMPANION_LLM_KEY,
          ),
          offline,
        ]
      : [offline],
    async liveState(owner) {
      try {
        const { state } = await emotions.post<{ state: { stress: number; label: string } | null }>(
          '/internal/states/current',
          { userId: owner },
        );
        return state && { stress: state.stress, label: state.label };
      } catch {
        return null; // tone without the body's state is still a reply
      }
    },
    async mayWatchCrisis(ownerId, granteeId) {
      const { granted } = await users.post<{ granted: Record<string, boolean> }>(
        '/internal/consents/check',
        {
          ownerIds: [ownerId],
          granteeId,
          scope: 'CRISIS_ALERTS',
        },
      );
      return granted[ownerId] === true;
    },
    limits: { maxMessageChars: config.MAX_MESSAGE_CHARS },
    now: options.now ?? Date.now,
  };
  const service = await startSubgraphService({
    name: 'companion',
    schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }),
    assertionSecret: config.ASSERTION_SECRET,
    context: (assertion) => companionContext(services, assertion),
    logger,
    host: config.HOST,
    port: config.PORT,
    subscriptions: true,
    readiness: async () => {
      await pingDatabase(db);
      await driver.verifyConnectivity();
    },
    routes: (app) => {
      app.use('/internal', ...internalOnly(config.ASSERTION_SECRET));
      // The users subgraph's deleteAccount: everything the companion holds about the person.
      serveAccountDeletion(app, logger, async (userId) => ({
        memories: await forgetPerson(services, userId),
      }));
    },
  });
  return {
    ...service,
    services,
    async close() {
      await service.close();
      services.reader.dispose();
      await bus.close();
      await db.close();
      await driver.close();
    },
  };
}
