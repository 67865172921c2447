/**
 * Engines of a scenario's own, on other ports and in temporary data folders, started by the
 * project's helpers (`startNeo4j`, `startFerretDb`) exactly as `npm start` runs them, so they
 * can be stopped, killed and restarted without touching the engines other tests share.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFerretDb, type RunningMongo } from '@mindscape/ferretdb';
import { applySchema, startNeo4j, type RunningNeo4j } from '@mindscape/neo4j';
import { freePort, progress } from '@mindscape/devkit';
import type { EngineUris } from './stack.js';

export type EngineName = 'neo4j' | 'mongo';

export class OwnEngines {
  private neo4j: RunningNeo4j | undefined;
  private mongo: RunningMongo | undefined;

  private constructor(
    private readonly dir: string,
    private readonly neo4jPort: number,
    private readonly mongoPort: number,
    private readonly password: string,
  ) {}

  static async start(): Promise<OwnEngines> {
    const dir = await mkdtemp(join(tmpdir(), 'mindscape-reliability-'));
    const engines = new OwnEngines(
      dir,
      await freePort(),
      await freePort(),
      randomBytes(18).toString('base64url'),
    );
    try {
      await Promise.all([engines.startEngine('neo4j'), engines.startEngine('mongo')]);
      await applySchema(engines.uris.neo4j.uri, 'neo4j', engines.password);
    } catch (error) {
      await engines.close();
      throw error;
    }
    return engines;
  }

  get uris(): EngineUris {
    return {
      mongoUri: `mongodb://127.0.0.1:${this.mongoPort}/`,
      neo4j: { uri: `bolt://127.0.0.1:${this.neo4jPort}`, user: 'neo4j', password: this.password },
    };
  }

  async startEngine(name: EngineName): Promise<void> {
    if (name === 'neo4j') {
      this.neo4j = await startNeo4j({
        password: this.password,
        boltPort: this.neo4jPort,
        dataDir: join(this.dir, 'neo4j'),
        // Beside the shared engines on a 2-core machine: a small heap is plenty for a scenario.
        heap: '512m',
      });
    } else {
      this.mongo = await startFerretDb({
        port: this.mongoPort,
        dataDir: join(this.dir, 'ferretdb'),
      });
    }
  }

  /** SIGTERM: the engine's own clean shutdown (Neo4j checkpoints, SQLite closes its WAL). */
  async stopEngine(name: EngineName): Promise<void> {
    const running = name === 'neo4j' ? this.neo4j : this.mongo;
    await running?.stop();
  }

  /** kill -9: whatever was not yet durable is gone. */
  async killEngine(name: EngineName): Promise<void> {
    const server = (name === 'neo4j' ? this.neo4j : this.mongo)?.server;
    if (!server?.process.pid || !server.alive()) throw new Error(`${name} is not running`);
    process.kill(server.process.pid, 'SIGKILL');
    await server.exited;
    progress('reliability', `killed ${name} (SIGKILL)`);
  }

  pids(): number[] {
    return [this.neo4j?.server?.process.pid, this.mongo?.server?.process.pid].filter(
      (pid): pid is number => pid !== undefined,
    );
  }

  async close(): Promise<void> {
    await this.neo4j?.stop().catch(() => undefined);
    await this.mongo?.stop().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}
