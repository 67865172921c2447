/**
 * The stack as `npm start` runs it, one operating-system process per service, so a scenario
 * can `kill -9` one: the engines named by the environment (MONGODB_URI, NEO4J_URI, …), Redis
 * from `startRedisServer` when asked for, and the services from `scripts/stack/services.ts`
 * on free loopback ports, each with fresh databases dropped on close.
 */
import { randomUUID } from 'node:crypto';
import { openDatabase } from '@mindscape/platform';
import { freePort, isHttpOk, progress, startRedisServer, type Supervised } from '@mindscape/devkit';
import { removeStoriesOf, testEngines, uniqueName, until } from '@mindscape/test-kit';
import { generateSecrets } from '../../scripts/stack/dev-secrets.js';
import type { Engines } from '../../scripts/stack/engines.js';
import { serviceSpecs, startServices, type ServiceSpec } from '../../scripts/stack/services.js';

export type SubgraphName = 'users' | 'emotions' | 'stories' | 'companion';

export interface EngineUris {
  mongoUri: string;
  neo4j: { uri: string; user: string; password: string };
}

export interface ProcessStackOptions {
  /** The subgraphs to run (users always runs: the gateway needs it). @default users, emotions */
  subgraphs?: SubgraphName[];
  /** Start a redis-server of our own and point every service at it. */
  redis?: boolean;
  /** Extra instances: another emotions instance and another gateway over it (both on Redis). */
  second?: boolean;
  /** Engines other than the environment's (the engine-restart scenario brings its own). */
  engines?: EngineUris;
  /** Environment for the gateway(s) over the scenario defaults. */
  gatewayEnv?: Record<string, string>;
  /** Environment for every service. */
  serviceEnv?: Record<string, string>;
}

/** Every scenario's gateway: loopback clients are many people here, so limits step aside. */
const scenarioGatewayEnv = {
  RATE_LIMIT_PER_IP_PER_MINUTE: '10000000',
  RATE_LIMIT_PER_PERSON_PER_MINUTE: '10000000',
  DEVICE_TOKEN_CACHE_MS: '60000',
  SUBSCRIPTIONS_PER_CONNECTION: '1000',
};

export function enginesFromEnvironment(): EngineUris {
  const e = testEngines();
  return {
    mongoUri: e.mongoUri,
    neo4j: { uri: e.neo4jUri, user: e.neo4jUser, password: e.neo4jPassword },
  };
}

/** Each service's MongoDB database, fresh for the stack and dropped on close. */
export interface Databases {
  USERS_DB: string;
  EMOTIONS_DB: string;
  STORIES_DB: string;
  COMPANION_DB: string;
}

export class ProcessStack {
  private readonly running = new Map<string, Supervised>();
  /** Processes this stack ended on purpose (kill, stop): any other exit is a crash. */
  private readonly ended = new Set<Supervised>();
  /** Services that exited without being told to, as "name (exit code or signal)". */
  readonly crashes: string[] = [];
  /** People whose stories the stack removes from the shared Neo4j on close. */
  readonly authors: string[] = [];

  private constructor(
    readonly specs: Map<string, ServiceSpec>,
    readonly databases: Databases,
    readonly engines: EngineUris,
    private readonly redis: Awaited<ReturnType<typeof startRedisServer>> | undefined,
    private readonly ownEngines: boolean,
  ) {}

  static async start(options: ProcessStackOptions = {}): Promise<ProcessStack> {
    const subgraphs = new Set<SubgraphName>(['users', ...(options.subgraphs ?? ['emotions'])]);
    const engines = options.engines ?? enginesFromEnvironment();
    const secrets = await generateSecrets();
    const ports = {
      USERS_PORT: String(await freePort()),
      EMOTIONS_PORT: String(await freePort()),
      STORIES_PORT: String(await freePort()),
      COMPANION_PORT: String(await freePort()),
      GATEWAY_PORT: String(await freePort()),
      WEB_PORT: String(await freePort()),
    };
    const redis =
      options.redis || options.second ? await startRedisServer(await freePort()) : undefined;
    const databases: Databases = {
      USERS_DB: uniqueName('rel_users'),
      EMOTIONS_DB: uniqueName('rel_emotions'),
      STORIES_DB: uniqueName('rel_stories'),
      COMPANION_DB: uniqueName('rel_companion'),
    };
    const asEngines: Engines = { ...engines, pids: [], stop: async () => {} };
    const all = serviceSpecs(asEngines, secrets, {
      ...ports,
      LOG_LEVEL: process.env.RELIABILITY_LOG_LEVEL ?? 'warn',
    });
    const extraEnv = {
      ...databases,
      ...(redis ? { REDIS_URL: redis.url } : {}),
      ...options.serviceEnv,
    };
    const specs = new Map<string, ServiceSpec>();
    for (const spec of all) {
      if (spec.name === 'web' || spec.name === 'gateway') continue;
      if (!subgraphs.has(spec.name as SubgraphName)) continue;
      specs.set(spec.name, { ...spec, env: { ...spec.env, ...extraEnv } });
    }
    const gatewaySpec = all.find((s) => s.name === 'gateway')!;
    const gateway = (name: string, emotionsPort: string, port: number): ServiceSpec => ({
      ...gatewaySpec,
      name,
      port,
      env: {
        ...gatewaySpec.env,
        ...extraEnv,
        ...scenarioGatewayEnv,
        ...options.gatewayEnv,
        PORT: String(port),
        SUBGRAPHS: [...specs.values()]
          .filter((s) => subgraphs.has(s.name as SubgraphName))
          .map((s) => {
            const port = s.name === 'emotions' ? emotionsPort : String(s.port);
            return `${s.name}=http://127.0.0.1:${port}/graphql`;
          })
          .join(','),
      },
    });
    const stack = new ProcessStack(specs, databases, engines, redis, options.engines !== undefined);
    if (options.second && subgraphs.has('emotions')) {
      const emotions = specs.get('emotions')!;
      const port = await freePort();
      specs.set('emotions-2', {
        ...emotions,
        name: 'emotions-2',
        port,
        env: { ...emotions.env, PORT: String(port), OTEL_SERVICE_NAME: 'emotions-2' },
      });
      specs.set('gateway', gateway('gateway', ports.EMOTIONS_PORT, Number(ports.GATEWAY_PORT)));
      specs.set('gateway-2', gateway('gateway-2', String(port), await freePort()));
    } else {
      specs.set('gateway', gateway('gateway', ports.EMOTIONS_PORT, Number(ports.GATEWAY_PORT)));
    }
    try {
      for (const name of specs.keys()) await stack.startService(name);
    } catch (error) {
      await stack.close();
      throw error;
    }
    return stack;
  }

  get gatewayUrl(): string {
    return this.url('gateway');
  }

  url(name: string): string {
    return `http://127.0.0.1:${this.spec(name).port}/graphql`;
  }

  get redisUrl(): string | undefined {
    return this.redis?.url;
  }

  spec(name: string): ServiceSpec {
    const spec = this.specs.get(name);
    if (!spec) throw new Error(`no service ${name} in this stack`);
    return spec;
  }

  pid(name: string): number {
    const pid = this.running.get(name)?.process.pid;
    if (pid === undefined) throw new Error(`${name} is not running`);
    return pid;
  }

  pids(): number[] {
    return [...this.running.values()].flatMap((s) => (s.process.pid ? [s.process.pid] : []));
  }

  /** Starts (or restarts) a service and resolves once it answers its health check. */
  async startService(name: string): Promise<void> {
    if (this.running.get(name)?.alive()) throw new Error(`${name} is already running`);
    const [started] = await startServices([this.spec(name)]);
    this.running.set(name, started!);
    void started!.exited.then((code) => {
      if (!this.ended.has(started!)) this.crashes.push(`${name} (${code})`);
    });
  }

  /** kill -9: no shutdown hook runs, sockets drop as a crash drops them. */
  async kill(name: string): Promise<void> {
    const child = this.running.get(name);
    if (!child?.alive()) throw new Error(`${name} is not running`);
    this.ended.add(child);
    process.kill(this.pid(name), 'SIGKILL');
    await child.exited;
    this.running.delete(name);
    progress('reliability', `killed ${name} (SIGKILL)`);
  }

  /** SIGTERM: the service's own graceful shutdown. */
  async stopService(name: string): Promise<void> {
    const child = this.running.get(name);
    if (child) this.ended.add(child);
    await child?.stop();
    this.running.delete(name);
  }

  async stopRedis(): Promise<void> {
    if (!this.redis) throw new Error('this stack runs without Redis');
    process.kill(this.redis.server.process.pid!, 'SIGKILL');
    await this.redis.server.exited;
  }

  /** A new redis-server on the same port (memory only: nothing survives, as after a crash). */
  async restartRedis(): Promise<void> {
    const port = Number(new URL(this.redis!.url).port);
    const again = await startRedisServer(port);
    Object.assign(this.redis!, again);
  }

  /**
   * Waits until every gateway has let go of its upstreams (its clients are gone), or until a
   * service crashed: a crash while clients leave is a crash too (close runs this first).
   */
  async quiesce(timeoutMs = 15_000): Promise<void> {
    const gateways = [...this.running.keys()].filter((n) => n.startsWith('gateway'));
    const upstreams = async (name: string) => {
      const text = await (await fetch(new URL('/metrics', this.url(name)))).text();
      const line = text.split('\n').find((l) => l.startsWith('gateway_subscription_upstreams'));
      return Number(line?.split(' ').pop() ?? NaN);
    };
    await until(
      'the gateways let go of their upstreams',
      async () =>
        this.crashes.length > 0 ||
        (await Promise.all(gateways.map(upstreams))).every((n) => n === 0),
      { timeoutMs, intervalMs: 100 },
    ).catch(() => undefined);
    // A gateway that answers after letting go has survived it (an unhandled rejection would
    // have ended it within the same turn of its event loop).
    await until(
      'the gateways answer after letting go',
      async () =>
        this.crashes.length > 0 ||
        (
          await Promise.all(gateways.map((n) => isHttpOk(new URL('/health', this.url(n)).href)))
        ).every(Boolean),
      { timeoutMs, intervalMs: 100 },
    ).catch(() => undefined);
  }

  /** True while the service's process runs. */
  isRunning(name: string): boolean {
    return this.running.get(name)?.alive() ?? false;
  }

  async close(): Promise<void> {
    await this.quiesce();
    for (const name of [...this.running.keys()].reverse()) await this.stopService(name);
    await this.redis?.stop().catch(() => undefined);
    for (const name of Object.values(this.databases)) {
      const db = await openDatabase(this.engines.mongoUri, name);
      await db.dropDatabase().catch(() => undefined);
      await db.close();
    }
    // Neo4j Community has one database, shared by every run on the environment's engines.
    if (this.authors.length > 0 && !this.ownEngines) await removeStoriesOf(this.authors);
  }
}

/** A throwaway name for people and stories in a scenario. */
export const runId = () => randomUUID().slice(0, 8);
