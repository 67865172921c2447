import { startFerretDb } from '@mindscape/ferretdb';
import { applySchema, startNeo4j } from '@mindscape/neo4j';
import { progress } from '@mindscape/devkit';
import type { DevSecrets } from './dev-secrets.js';

export interface Engines {
  mongoUri: string;
  neo4j: { uri: string; user: string; password: string };
  /** Processes this call started (none for servers that were already there). */
  pids: number[];
  stop(): Promise<void>;
}

/**
 * The data engines: the embedded ones on loopback, or existing servers named by MONGODB_URI
 * and NEO4J_URI (with NEO4J_USER / NEO4J_PASSWORD), which are then used as they are.
 */
export async function startEngines(
  secrets: DevSecrets,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Engines> {
  const stops: Array<() => Promise<void>> = [];
  const pids: number[] = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn();
  };
  try {
    const [mongoUri, neo4j] = await Promise.all([
      (async () => {
        if (env.MONGODB_URI) {
          progress('stack', 'using the MongoDB server named by MONGODB_URI');
          return env.MONGODB_URI;
        }
        const mongo = await startFerretDb();
        stops.push(mongo.stop);
        if (mongo.server?.process.pid) pids.push(mongo.server.process.pid);
        return mongo.uri;
      })(),
      (async () => {
        if (env.NEO4J_URI) {
          progress('stack', 'using the Neo4j server named by NEO4J_URI');
          if (!env.NEO4J_PASSWORD)
            throw new Error('NEO4J_URI is set, so NEO4J_PASSWORD must be set too.');
          return {
            uri: env.NEO4J_URI,
            user: env.NEO4J_USER ?? 'neo4j',
            password: env.NEO4J_PASSWORD,
          };
        }
        const server = await startNeo4j({ password: secrets.neo4jPassword });
        stops.push(server.stop);
        if (server.server?.process.pid) pids.push(server.server.process.pid);
        return { uri: server.uri, user: 'neo4j', password: secrets.neo4jPassword };
      })(),
    ]);
    const applied = await applySchema(neo4j.uri, neo4j.user, neo4j.password);
    progress('neo4j', `${applied} constraints and indexes in place`);
    return { mongoUri, neo4j, pids, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** How a child process (tests, benchmarks) is told where the engines are. */
export function engineEnvironment(engines: Engines): Record<string, string> {
  return {
    MONGODB_URI: engines.mongoUri,
    NEO4J_URI: engines.neo4j.uri,
    NEO4J_USER: engines.neo4j.user,
    NEO4J_PASSWORD: engines.neo4j.password,
  };
}
