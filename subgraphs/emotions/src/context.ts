import type { EventBus, InternalClient, RequestAssertion } from '@mindscape/platform';
import type { TextEmotionReader } from '@mindscape/ml';
import DataLoader from 'dataloader';
import { consentLoader } from './access.js';
import type {
  CheckInDoc,
  EmotionReadingDoc,
  EmotionsModels,
  PhysioStateDoc,
} from './models/index.js';
import { personRangeLoader, type PersonRange } from './range-loader.js';
import type { SampleWriter } from './ingest/sample-writer.js';
import type { StateEngine } from './state/state-engine.js';

export interface EmotionsServices {
  models: EmotionsModels;
  engine: StateEngine;
  bus: EventBus;
  /** The users subgraph's internal routes: device owners, consents. */
  users: InternalClient;
  /** The text-emotion models (ml/), English and Korean. */
  reader: TextEmotionReader;
  /** Stores samples, concurrent requests' together (group commit). */
  samples: SampleWriter;
}

export interface EmotionsContext extends EmotionsServices {
  assertion: RequestAssertion;
  /** One "now" per request, so per-person ranges ending now share one batched query. */
  requestedAt: Date;
  /** Consents the caller holds, batched per request (access.ts). */
  consents: DataLoader<string, boolean>;
  /** Check-ins and journal readings per person and range, batched (range-loader.ts). */
  checkIns: DataLoader<PersonRange, CheckInDoc[], string>;
  emotionReadings: DataLoader<PersonRange, EmotionReadingDoc[], string>;
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
    requestedAt: new Date(),
    consents: consentLoader(services.users, assertion),
    checkIns: personRangeLoader(services.models.checkIns, 'createdAt', 100_000),
    emotionReadings: personRangeLoader(services.models.emotionReadings, 'createdAt', 10_000),
    latestState: new DataLoader((ids) => services.engine.currentStates(ids)),
  };
}
