import { freePort, isHttpOk, waitFor } from '@mindscape/devkit';
import { ensureBuilt, startNext } from '../scripts/build.js';

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

/** The production web app (built first if its sources changed) against `gatewayUrl`. */
export async function startWebServer(gatewayUrl: string, port?: number): Promise<WebServer> {
  await ensureBuilt();
  const chosen = port ?? (await freePort());
  const server = startNext(chosen, { GATEWAY_URL: gatewayUrl });
  const url = `http://127.0.0.1:${chosen}`;
  await waitFor('the web app', () => isHttpOk(`${url}/api/health`), {
    alive: server.alive,
    timeoutMs: 30_000,
    intervalMs: 100,
  });
  return { url, close: () => server.stop() };
}
