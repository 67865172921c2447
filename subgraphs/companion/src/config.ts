import { logLevelVar, portVar, secretVar } from '@mindscape/platform';
import { z } from 'zod';

export const companionConfigSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: portVar(4003),
  NEO4J_URI: z.string().default('bolt://127.0.0.1:7687'),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1),
  /** Conversations, messages, profiles and safety events are documents. */
  MONGODB_URI: z.string().default('mongodb://127.0.0.1:27017/'),
  COMPANION_DB: z.string().default('mindscape_companion'),
  ASSERTION_SECRET: secretVar(),
  /**
   * Keys for text at rest, "id:base64url(32 bytes)" separated by commas; the first seals new
   * text, the others still open what they sealed (rotation). npm start generates one.
   */
  COMPANION_KEYS: z
    .string({ error: 'is required (npm start generates a development value)' })
    .regex(
      /^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{43}(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{43})*$/,
      'must be "id:key,…" with 32-byte base64url keys',
    ),
  /** The users subgraph (consents for crisis alerts). */
  USERS_URL: z.url().default('http://127.0.0.1:4001'),
  /** The emotions subgraph (the person's live state, for tone). */
  EMOTIONS_URL: z.url().default('http://127.0.0.1:4004'),
  /** An OpenAI-compatible chat completions endpoint; unset: the built-in offline responder. */
  COMPANION_LLM_URL: z.url().optional(),
  COMPANION_LLM_MODEL: z.string().default('local'),
  COMPANION_LLM_KEY: z.string().optional(),
  /** Largest message a person may send, in characters. */
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(100).max(100_000).default(4_000),
  /** Carries reply chunks and safety events between instances. */
  REDIS_URL: z.string().optional(),
  LOG_LEVEL: logLevelVar(),
});

export type CompanionConfig = z.infer<typeof companionConfigSchema>;
