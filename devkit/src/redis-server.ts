import { capture } from './child.js';
import { progress } from './progress.js';
import { supervise, type Supervised } from './child.js';
import { isPortOpen, waitFor } from './wait.js';

/**
 * Debian's redis-server on loopback, in memory only (the bus keeps nothing), for tests and
 * for running several instances of a service locally.
 */
export async function startRedisServer(
  port: number,
): Promise<{ url: string; server: Supervised; stop(): Promise<void> }> {
  if ((await capture('redis-server', ['--version'])) === undefined) {
    throw new Error(
      'redis-server was not found: install it (apt-get install redis-server) or set REDIS_URL.',
    );
  }
  const server = supervise(
    'redis',
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { echo: false },
  );
  await waitFor(`redis-server on ${port}`, () => isPortOpen(port), {
    alive: server.alive,
    timeoutMs: 15_000,
  });
  progress('redis', `ready at redis://127.0.0.1:${port}`);
  return { url: `redis://127.0.0.1:${port}`, server, stop: () => server.stop() };
}
