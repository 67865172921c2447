import { connect, createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** True when something accepts TCP connections on host:port right now. */
export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A loopback port nothing listens on right now (for a server whose URL must be known first). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface WaitOptions {
  /** @default 60000 */
  timeoutMs?: number;
  /** @default 250 */
  intervalMs?: number;
  /** Stop waiting early when the process we wait for has died. */
  alive?: () => boolean;
}

/**
 * Polls `check` until it returns true. `describe` says what we were waiting for, so a timeout
 * tells the reader where to look.
 */
export async function waitFor(
  describe: string,
  check: () => Promise<boolean>,
  { timeoutMs = 60_000, intervalMs = 250, alive = (): boolean => true }: WaitOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (!alive())
      throw new Error(`${describe}: the process exited before it was ready (see its output above)`);
    await sleep(intervalMs);
  }
  throw new Error(`${describe}: not ready after ${Math.round(timeoutMs / 1000)} s`);
}

export async function isHttpOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}
