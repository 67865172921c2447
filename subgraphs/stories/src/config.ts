import { logLevelVar, portVar, secretVar } from '@mindscape/platform';
import { z } from 'zod';

export const storiesConfigSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: portVar(4002),
  NEO4J_URI: z.string().default('bolt://127.0.0.1:7687'),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1),
  /** Playthroughs are documents: where they are kept. */
  MONGODB_URI: z.string().default('mongodb://127.0.0.1:27017/'),
  STORIES_DB: z.string().default('mindscape_stories'),
  /** Where a reader's live state is asked for adaptive choices. */
  EMOTIONS_URL: z.url().default('http://127.0.0.1:4004'),
  ASSERTION_SECRET: secretVar(),
  /**
   * Largest story source importStory accepts, in bytes; under the gateway's 2 MB body limit
   * (a 5,000-passage Twee file is about 1 MB).
   */
  MAX_IMPORT_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_900_000),
  /** Carries storyChanged events between instances. */
  REDIS_URL: z.string().optional(),
  LOG_LEVEL: logLevelVar(),
});

export type StoriesConfig = z.infer<typeof storiesConfigSchema>;
