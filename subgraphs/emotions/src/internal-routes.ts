import { serveAccountDeletion, type Logger } from '@mindscape/platform';
import type { Express } from 'express';
import type { EmotionsServices } from './context.js';

/**
 * POST /internal/accounts/delete `{"userId"}`: the users subgraph asks this when a person
 * deletes their account (docs/decisions/0022). Everything kept about them goes: samples,
 * states, the live state and window, baseline, check-ins, journal readings and listening
 * sessions. Deleting what is already gone answers the same, so the users subgraph may retry.
 * Registered behind the `/internal` guard.
 */
export function accountDeletionRoute(services: EmotionsServices, logger: Logger) {
  return (app: Express) => {
    serveAccountDeletion(app, logger, (userId) => deletePersonData(services, userId));
  };
}

export async function deletePersonData(services: EmotionsServices, userId: string): Promise<void> {
  // A state update already scheduled would write the live state back after the deletion.
  await services.engine.forget(userId);
  const { models } = services;
  await Promise.all([
    models.samples.deleteMany({ userId }),
    models.states.deleteMany({ userId }),
    models.latestStates.deleteOne({ _id: userId }),
    models.recentWindows.deleteOne({ _id: userId }),
    models.baselines.deleteOne({ _id: userId }),
    models.checkIns.deleteMany({ userId }),
    models.emotionReadings.deleteMany({ userId }),
    models.listeningSessions.deleteMany({ userId }),
  ]);
}
