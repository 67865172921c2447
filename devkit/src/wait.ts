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

/**
 * Ports handed out for servers whose URL must be known before they start: below Linux's
 * ephemeral range (32768–60999), from which the kernel picks the port of every `listen(0)`
 * (the in-process test stacks' servers) and of every outgoing connection. A port chosen there
 * and released can be taken by either in the moment before its server binds it (the
 * scale-out test once found its companion replica's port taken); below it, only another
 * server choosing the same one at random can.
 */
const SERVER_PORTS = { from: 20_000, to: 32_000 };
/** Well-known ports in that range that the project's engines take by default (MongoDB's). */
const TAKEN_BY_DEFAULT = new Set([27017, 27018, 27019, 28017]);

/** A loopback port nothing listens on right now (for a server whose URL must be known first). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port =
      SERVER_PORTS.from + Math.floor(Math.random() * (SERVER_PORTS.to - SERVER_PORTS.from));
    if (!TAKEN_BY_DEFAULT.has(port) && (await canListen(port))) return port;
  }
  return listenOnce(0); // the range is crowded: whatever the kernel gives
}

async function canListen(port: number): Promise<boolean> {
  return listenOnce(port).then(
    () => true,
    () => false,
  );
}

/** Binds `port` on loopback (0: any) and releases it at once; answers the port bound. */
function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const bound = (server.address() as { port: number }).port;
      server.close(() => resolve(bound));
    });
  });
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
