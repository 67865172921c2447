import { z } from 'zod';

/**
 * Validates the environment once, at start-up, against a service's schema. A bad or missing
 * variable stops the process with one line per problem and what to do about it.
 */
export function loadConfig<S extends z.ZodType>(
  service: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    return `  - ${name}: ${issue.message}`;
  });
  throw new ConfigError(
    `${service}: invalid configuration\n${lines.join('\n')}\n` +
      'Set these environment variables (see README.md, "Configuration") and start again.',
  );
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A TCP port given as an environment string; 0 lets the system pick a free one. */
export const portVar = (fallback: number) =>
  z.coerce.number().int().min(0).max(65535).default(fallback);

/** A secret shared by the gateway and subgraphs; long enough to resist brute force. */
export const secretVar = () =>
  z
    .string({ error: 'is required (npm start generates a development value)' })
    .min(32, 'must be at least 32 characters');

export const logLevelVar = () =>
  z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');
