/**
 * The graph scaled out on one machine, as `deploy/` runs it on many: one Redis, two replicas
 * of every subgraph behind a balancer each, three gateways whose SUBGRAPHS name those
 * balancers, and one balancer in front of the gateways. Every service is its own process
 * (so a test can kill -9 one), on the engines the environment names, with fresh databases
 * dropped on close.
 */
import { openDatabase } from '@mindscape/platform';
import { freePort, progress, startRedisServer, type Supervised } from '@mindscape/devkit';
import { removeStoriesOf, uniqueName } from '@mindscape/test-kit';
import { generateSecrets } from '../../scripts/stack/dev-secrets.js';
import type { Engines } from '../../scripts/stack/engines.js';
import { serviceSpecs, startServices, type ServiceSpec } from '../../scripts/stack/services.js';
import { startBalancer, type TcpBalancer } from './balancer.js';
import { enginesFromEnvironment, type Databases, type SubgraphName } from './stack.js';

export const subgraphNames: readonly SubgraphName[] = ['users', 'emotions', 'stories', 'companion'];

export interface ClusterOptions {
  /** @default 3 */
  gateways?: number;
  /** Replicas of each subgraph. @default 2 */
  replicas?: number;
}

/**
 * Loopback clients are many people here, so the limits step aside (the values the
 * reliability scenarios' gateways use, reliability/src/stack.ts).
 */
const clusterGatewayEnv = {
  RATE_LIMIT_PER_IP_PER_MINUTE: '10000000',
  RATE_LIMIT_PER_PERSON_PER_MINUTE: '10000000',
  DEVICE_TOKEN_CACHE_MS: '60000',
  SUBSCRIPTIONS_PER_CONNECTION: '1000',
};

export class Cluster {
  private readonly running = new Map<string, Supervised & { port: number }>();
  /** People whose stories the cluster removes from the shared Neo4j on close. */
  readonly authors: string[] = [];
  /** How long each service took to answer /health, and each phase of the start (ms). */
  readonly startup = new Map<string, number>();

  private constructor(
    readonly databases: Databases,
    private readonly mongoUri: string,
    private readonly redis: Awaited<ReturnType<typeof startRedisServer>>,
    /** By subgraph name, and `front` for the gateways. */
    readonly balancers: Map<string, TcpBalancer>,
    /** Gateway service names, in order ("gateway-1", …). */
    readonly gatewayNames: string[],
  ) {}

  static async start({ gateways = 3, replicas = 2 }: ClusterOptions = {}): Promise<Cluster> {
    const began = Date.now();
    const engines = enginesFromEnvironment();
    const secrets = await generateSecrets();
    const redis = await startRedisServer(await freePort());
    const databases: Databases = {
      USERS_DB: uniqueName('scale_users'),
      EMOTIONS_DB: uniqueName('scale_emotions'),
      STORIES_DB: uniqueName('scale_stories'),
      COMPANION_DB: uniqueName('scale_companion'),
    };
    const balancers = new Map<string, TcpBalancer>();
    const gatewayNames = Array.from({ length: gateways }, (_, i) => `gateway-${i + 1}`);
    const cluster = new Cluster(databases, engines.mongoUri, redis, balancers, gatewayNames);
    try {
      // Replica ports first: each subgraph's balancer must know them.
      const replicaPorts = new Map<string, number>();
      for (const subgraph of subgraphNames)
        for (let i = 1; i <= replicas; i++) replicaPorts.set(`${subgraph}-${i}`, await freePort());
      for (const subgraph of subgraphNames) {
        const backends = [...replicaPorts]
          .filter(([name]) => name.startsWith(`${subgraph}-`))
          .map(([name, port]) => ({ name, port }));
        balancers.set(subgraph, await startBalancer(subgraph, backends));
      }
      const gatewayPorts = await Promise.all(gatewayNames.map(() => freePort()));
      balancers.set(
        'front',
        await startBalancer(
          'front',
          gatewayNames.map((name, i) => ({ name, port: gatewayPorts[i]! })),
        ),
      );

      // Services reach one another through the balancers: the specs are built on their ports.
      const asEngines: Engines = { ...engines, pids: [], stop: async () => {} };
      const specs = serviceSpecs(asEngines, secrets, {
        USERS_PORT: String(balancers.get('users')!.port),
        EMOTIONS_PORT: String(balancers.get('emotions')!.port),
        STORIES_PORT: String(balancers.get('stories')!.port),
        COMPANION_PORT: String(balancers.get('companion')!.port),
        GATEWAY_PORT: String(balancers.get('front')!.port),
        LOG_LEVEL: process.env.RELIABILITY_LOG_LEVEL ?? 'warn',
      });
      const shared = { ...databases, REDIS_URL: redis.url };
      const replica = (spec: ServiceSpec, name: string, port: number): ServiceSpec => ({
        ...spec,
        name,
        port,
        env: { ...spec.env, ...shared, PORT: String(port), OTEL_SERVICE_NAME: name },
      });
      const subgraphSpecs = [...replicaPorts].map(([name, port]) =>
        replica(
          specs.find((s) => name.startsWith(`${s.name}-`))!,
          name,
          port,
        ),
      );
      const gatewaySpec = specs.find((s) => s.name === 'gateway')!;
      const gatewaySpecs = gatewayNames.map((name, i) => {
        const spec = replica(gatewaySpec, name, gatewayPorts[i]!);
        return { ...spec, env: { ...spec.env, ...clusterGatewayEnv } };
      });

      // In parallel: on two cores the encoder-loading companions set the pace either way.
      await cluster.startAll(subgraphSpecs);
      cluster.startup.set('subgraphs', Date.now() - began);
      progress('cluster', `${subgraphSpecs.length} subgraph replicas are up`);
      await cluster.startAll(gatewaySpecs);
      cluster.startup.set('whole cluster', Date.now() - began);
      progress('cluster', `${gateways} gateways are up behind ${cluster.frontUrl}`);
    } catch (error) {
      await cluster.close();
      throw error;
    }
    return cluster;
  }

  /** The front balancer: what clients use. */
  get frontUrl(): string {
    return `http://127.0.0.1:${this.balancers.get('front')!.port}/graphql`;
  }

  /** A gateway reached directly, past the front balancer (1-based, as its name). */
  gatewayUrl(index: number): string {
    return this.url(this.gatewayNames[index - 1]!);
  }

  url(name: string): string {
    const port = this.running.get(name)?.port;
    if (port === undefined) throw new Error(`${name} is not running`);
    return `http://127.0.0.1:${port}/graphql`;
  }

  get redisUrl(): string {
    return this.redis.url;
  }

  /** Process id of every running service, by name. */
  pids(): Map<string, number> {
    return new Map(
      [...this.running].flatMap(([name, s]) => (s.process.pid ? [[name, s.process.pid]] : [])),
    );
  }

  /** Sends a signal (kill -9 by default) and resolves once the process has exited. */
  async kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const service = this.running.get(name);
    if (!service?.alive()) throw new Error(`${name} is not running`);
    service.process.kill(signal);
    await service.exited;
    this.running.delete(name);
    progress('cluster', `${name} ended (${signal})`);
  }

  async close(): Promise<void> {
    const stopping = (names: string[]) =>
      Promise.all(names.map((name) => this.running.get(name)?.stop()));
    await stopping(this.gatewayNames);
    await stopping([...this.running.keys()]);
    this.running.clear();
    for (const balancer of this.balancers.values()) await balancer.close();
    await this.redis.stop().catch(() => undefined);
    for (const name of Object.values(this.databases)) {
      const db = await openDatabase(this.mongoUri, name);
      await db.dropDatabase().catch(() => undefined);
      await db.close();
    }
    // Neo4j Community has one database, shared by every run on the environment's engines.
    if (this.authors.length > 0) await removeStoriesOf(this.authors);
  }

  /** Starts services in parallel; each is kept (for close) as soon as it answers. */
  private async startAll(specs: ServiceSpec[]): Promise<void> {
    const results = await Promise.allSettled(
      specs.map(async (spec) => {
        const began = Date.now();
        const [started] = await startServices([spec]);
        this.running.set(spec.name, Object.assign(started!, { port: spec.port }));
        this.startup.set(spec.name, Date.now() - began);
      }),
    );
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
