import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureBuilt, webDir } from '../scripts/build.js';

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

/** A port nothing listens on now (the web app's origin must be known before the gateway starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The production web app (built first if its sources changed) against `gatewayUrl`. */
export async function startWebServer(gatewayUrl: string, port?: number): Promise<WebServer> {
  await ensureBuilt();
  const chosen = port ?? (await freePort());
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(webDir, '..', 'node_modules', 'next', 'dist', 'bin', 'next'),
      'start',
      '--port',
      String(chosen),
      '--hostname',
      '127.0.0.1',
    ],
    {
      cwd: webDir,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, GATEWAY_URL: gatewayUrl, NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  const url = `http://127.0.0.1:${chosen}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode})`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await sleep(100);
  }
  return {
    url,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Percentile of a sorted copy (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
