import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  eventBusFor,
  internalOnly,
  InternalClient,
  createLogger,
  openDatabase,
  pingDatabase,
  startSubgraphService,
  type EventBus,
  type RunningService,
} from '@mindscape/platform';
import { TextEmotionReader } from '@mindscape/ml';
import { gql } from 'graphql-tag';
import { SampleWriter } from './ingest/sample-writer.js';
import type { EmotionsConfig } from './config.js';
import { emotionsContext, type EmotionsServices } from './context.js';
import { accountDeletionRoute } from './internal-routes.js';
import { emotionsModels, syncIndexes } from './models/index.js';
import { resolvers } from './resolvers/index.js';
import { StateEngine, type StateEngineOptions } from './state/state-engine.js';

const typeDefs = gql(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

export interface EmotionsSubgraph extends RunningService {
  services: EmotionsServices;
}

export async function createEmotionsSubgraph(
  config: EmotionsConfig,
  options: { bus?: EventBus; engine?: Partial<StateEngineOptions> } = {},
): Promise<EmotionsSubgraph> {
  const logger = createLogger('emotions', config.LOG_LEVEL);
  const db = await openDatabase(config.MONGODB_URI, config.EMOTIONS_DB);
  const models = emotionsModels(db);
  await syncIndexes(models);
  const bus = options.bus ?? (await eventBusFor(config.REDIS_URL));
  const engine = new StateEngine(models, bus, logger, options.engine);
  const services: EmotionsServices = {
    models,
    engine,
    bus,
    users: new InternalClient(config.USERS_URL, config.ASSERTION_SECRET),
    reader: await TextEmotionReader.load(),
    samples: new SampleWriter(models.samples.collection),
  };
  const service = await startSubgraphService({
    name: 'emotions',
    schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }),
    assertionSecret: config.ASSERTION_SECRET,
    context: (assertion) => emotionsContext(services, assertion),
    logger,
    host: config.HOST,
    port: config.PORT,
    subscriptions: true,
    readiness: () => pingDatabase(db),
    routes: (app) => {
      app.use('/internal', ...internalOnly(config.ASSERTION_SECRET));
      accountDeletionRoute(services, logger)(app);
      // A reader's live state for the stories subgraph's adaptive choices.
      app.post('/internal/states/current', async (req, res) => {
        const userId = (req.body as { userId?: unknown } | undefined)?.userId;
        if (typeof userId !== 'string' || userId.length > 64) {
          res.status(400).json({ error: 'body must be {"userId"}' });
          return;
        }
        const [state] = await engine.currentStates([userId]);
        // What story rules may test (stories/src/choice-rules.ts LIVE_STATE), and when.
        res.json({
          state: state
            ? {
                stress: state.stress,
                arousal: state.arousal,
                valence: state.valence,
                heartRate: state.heartRate,
                coherence: state.coherence,
                breathingRate: state.breathingRate,
                label: state.label,
                at: state.at,
              }
            : null,
        });
      });
    },
  });
  return {
    ...service,
    services,
    async close() {
      // No more samples come in, then the engine writes what waits (its windows).
      await service.close();
      await engine.close();
      services.reader.dispose();
      await bus.close();
      await db.close();
    },
  };
}
