import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isPortOpen, progress, supervise, waitFor, type Supervised } from '@mindscape/devkit';
import { neo4jHome, provisionNeo4j } from './provision.js';

export interface Neo4jOptions {
  password: string;
  /** @default 7687 */
  boltPort?: number;
  /** Database files; kept across restarts. @default neo4j/.neo4j/data */
  dataDir?: string;
  /** Java heap; the page cache comes on top. @default '1g' */
  heap?: string;
}

export interface RunningNeo4j {
  uri: string;
  server?: Supervised;
  stop(): Promise<void>;
}

/** Starts the embedded Neo4j on loopback, or reuses a server already listening on the port. */
export async function startNeo4j({
  password,
  boltPort = 7687,
  dataDir = join(neo4jHome, 'data'),
  heap = '1g',
}: Neo4jOptions): Promise<RunningNeo4j> {
  const uri = `bolt://127.0.0.1:${boltPort}`;
  if (await isPortOpen(boltPort)) {
    progress('neo4j', `something already listens on ${boltPort}; using it as Neo4j`);
    return { uri, stop: async () => {} };
  }
  const classpath = await provisionNeo4j();
  await mkdir(dataDir, { recursive: true });
  let ready = false;
  const server = supervise(
    'neo4j',
    'java',
    [`-Xmx${heap}`, '-XX:+UseG1GC', '-cp', classpath, 'MindscapeNeo4j'],
    {
      env: {
        ...process.env,
        NEO4J_HOME: dataDir,
        NEO4J_BOLT_PORT: String(boltPort),
        NEO4J_PASSWORD: password,
      },
      onLine: (line) => {
        if (line.startsWith('MINDSCAPE_NEO4J_READY')) ready = true;
      },
    },
  );
  await waitFor(`Neo4j on ${uri}`, async () => ready, { alive: server.alive, timeoutMs: 180_000 });
  progress('neo4j', `ready at ${uri} (data in ${dataDir})`);
  return { uri, server, stop: () => server.stop(30_000) };
}
