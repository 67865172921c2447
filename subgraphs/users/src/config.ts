import { logLevelVar, portVar, secretVar } from '@mindscape/platform';
import type { JWK } from 'jose';
import { z } from 'zod';

export const usersConfigSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: portVar(4001),
  MONGODB_URI: z.string().default('mongodb://127.0.0.1:27017/'),
  /** Each subgraph keeps its own database, so they can move to separate servers. */
  USERS_DB: z.string().default('mindscape_users'),
  ASSERTION_SECRET: secretVar(),
  AUTH_SIGNING_KEY: z
    .string({ error: 'is required: a private EC P-256 JWK with a "kid" (npm start generates one)' })
    .transform((text, ctx) => {
      try {
        const jwk = JSON.parse(text) as JWK;
        if (jwk.kty === 'EC' && jwk.crv === 'P-256' && jwk.d && jwk.kid) return jwk;
      } catch {
        // reported below
      }
      ctx.addIssue({
        code: 'custom',
        message: 'must be a private EC P-256 JWK (JSON) with "d" and "kid"',
      });
      return z.NEVER;
    }),
  /**
   * Services that keep personal data and delete it when an account is deleted, as
   * `name=http://host:port` pairs (each serves POST /internal/accounts/delete).
   */
  ACCOUNT_DATA_SERVICES: z
    .string()
    .default(
      'emotions=http://127.0.0.1:4004,stories=http://127.0.0.1:4002,companion=http://127.0.0.1:4003',
    )
    .refine(
      (text) =>
        text
          .split(',')
          .map((pair) => pair.trim())
          .filter(Boolean)
          .every((pair) => /^[a-z][a-z0-9-]*=/.test(pair) && URL.canParse(pair.split('=')[1]!)),
      'must be name=http://host:port pairs, comma-separated',
    ),
  /** Set when several instances (or the gateways) share revocation events over Redis. */
  REDIS_URL: z.string().optional(),
  LOG_LEVEL: logLevelVar(),
});

export type UsersConfig = z.infer<typeof usersConfigSchema>;
