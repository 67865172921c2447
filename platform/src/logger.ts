import { pino, type DestinationStream, type Level, type Logger } from 'pino';

export type { Logger };

/**
 * Fields that carry a credential or a person's secret, by name. Logs never show their values,
 * at whatever depth an object puts them (a request, an error's config, connection params).
 */
export const SECRET_FIELDS = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-mindscape-assertion',
  'connectionParams',
  'token',
  'accessToken',
  'refreshToken',
  'password',
] as const;

/** How deep under a logged object a secret field is still found (err.config.headers.x is 3). */
const REDACT_DEPTH = 4;

/** pino redact paths for every secret field at depths 0 to REDACT_DEPTH. */
export const REDACT_PATHS = SECRET_FIELDS.flatMap((field) =>
  Array.from({ length: REDACT_DEPTH + 1 }, (_, depth) =>
    `${'*.'.repeat(depth)}["${field}"]`.replace('.[', '['),
  ),
);

/**
 * One JSON line per event, tagged with the service name; level from LOG_LEVEL. Secret fields
 * are redacted as a second line of defence: the first is not logging requests' headers at all.
 * `destination` is for tests that read what was logged.
 */
export function createLogger(
  service: string,
  level: Level | 'silent' | string = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
): Logger {
  const options = {
    name: service,
    level,
    base: { service },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
