import { mergeResolvers } from '@mindscape/platform';
import { checkInResolvers } from './check-in.js';
import { emotionResolvers } from './emotion.js';
import { forecastResolvers } from './forecast.js';
import { ingestResolvers } from './ingest.js';
import { listeningSessionResolvers } from './listening-session.js';
import { subscriptionResolvers } from './subscriptions.js';
import { userResolvers } from './user.js';

export const resolvers = mergeResolvers([
  userResolvers,
  ingestResolvers,
  checkInResolvers,
  subscriptionResolvers,
  emotionResolvers,
  forecastResolvers,
  listeningSessionResolvers,
]);
