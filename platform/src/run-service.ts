import type { z } from 'zod';
import { ConfigError, loadConfig } from './config.js';

/**
 * A service's main: validate its configuration, start it, stop it cleanly on SIGTERM/SIGINT.
 * Errors the reader can act on (configuration, composition) print as plain text, not a stack.
 */
export async function runService<S extends z.ZodType>(
  name: string,
  schema: S,
  start: (config: z.infer<S>) => Promise<{ close(): Promise<void> }>,
  readableErrors: Array<new (...args: never[]) => Error> = [],
): Promise<void> {
  try {
    const service = await start(loadConfig(name, schema));
    const stop = async () => {
      await service.close();
      process.exit(0);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  } catch (error) {
    const readable =
      error instanceof ConfigError || readableErrors.some((type) => error instanceof type);
    console.error(readable ? (error as Error).message : error);
    process.exit(1);
  }
}
