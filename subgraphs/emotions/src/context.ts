import type { EventBus, InternalClient, RequestAssertion } from '@mindscape/platform';
import type { TextEmotionReader } from '@mindscape/ml';
import DataLoader from 'dataloader';
import type { EmotionsModels, PhysioStateDoc } from './models/index.js';
import type { StateEngine } from './state/state-engine.js';

export interface EmotionsServices {
  models: EmotionsModels;
  engine: StateEngine;
  bus: EventBus;
  /** The users subgraph's internal routes: device owners, consents. */
  users: InternalClient;
  /** The text-emotion models (ml/), English and Korean. */
  reader: TextEmotionReader;
}

export interface EmotionsContext extends EmotionsServices {
  assertion: RequestAssertion;
  /** Newest state per person, batched: a dashboard of N people is one query. */
  latestState: DataLoader<string, PhysioStateDoc | null>;
}

export function emotionsContext(
  services: EmotionsServices,
  assertion: RequestAssertion,
): EmotionsContext {
  return {
    ...services,
    assertion,
    latestState: new DataLoader(async (ids) => {
      const docs = await services.models.latestStates
        .find({ _id: { $in: [...ids] } })
        .lean()
        .exec();
      const byId = new Map(docs.map((d) => [d._id, d.state]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
