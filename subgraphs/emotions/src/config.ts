import { logLevelVar, portVar, secretVar } from '@mindscape/platform';
import { z } from 'zod';

export const emotionsConfigSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: portVar(4004),
  MONGODB_URI: z.string().default('mongodb://127.0.0.1:27017/'),
  EMOTIONS_DB: z.string().default('mindscape_emotions'),
  ASSERTION_SECRET: secretVar(),
  /** Where the users subgraph answers internal questions (device owners, consents). */
  USERS_URL: z.url().default('http://127.0.0.1:4001'),
  /** Set when several instances run: state events then travel over Redis. */
  REDIS_URL: z.string().optional(),
  LOG_LEVEL: logLevelVar(),
});

export type EmotionsConfig = z.infer<typeof emotionsConfigSchema>;
