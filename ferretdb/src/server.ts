import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isPortOpen, progress, supervise, waitFor, type Supervised } from '@mindscape/devkit';
import { buildFerretDb, ferretHome } from './build.js';

export interface FerretDbOptions {
  /** @default 27017 */
  port?: number;
  /** Where the SQLite files live; kept across restarts. @default ferretdb/.ferretdb/data */
  dataDir?: string;
}

export interface RunningMongo {
  uri: string;
  /** The process, when this call started one; undefined when one was already listening. */
  server?: Supervised;
  stop(): Promise<void>;
}

/** Starts FerretDB on loopback (building it first if needed), or reuses one already listening. */
export async function startFerretDb({
  port = 27017,
  dataDir = join(ferretHome, 'data'),
}: FerretDbOptions = {}): Promise<RunningMongo> {
  const uri = `mongodb://127.0.0.1:${port}/`;
  if (await isPortOpen(port)) {
    progress('ferretdb', `something already listens on ${port}; using it as the MongoDB server`);
    return { uri, stop: async () => {} };
  }
  const binary = await buildFerretDb();
  await mkdir(dataDir, { recursive: true });
  const server = supervise('ferretdb', binary, [
    '--handler=sqlite',
    `--sqlite-url=file:${dataDir}/`,
    `--listen-addr=127.0.0.1:${port}`,
    '--debug-addr=-',
    '--telemetry=disable',
    `--state-dir=${dataDir}`,
    '--log-level=error',
  ]);
  await waitFor(`FerretDB on 127.0.0.1:${port}`, () => isPortOpen(port), {
    alive: server.alive,
    timeoutMs: 30_000,
  });
  progress('ferretdb', `ready at ${uri} (data in ${dataDir})`);
  return { uri, server, stop: () => server.stop() };
}
