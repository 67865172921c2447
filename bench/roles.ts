/** Starting the benchmark servers of servers.ts as child processes, and reading their memory. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadDevSecrets } from '../scripts/stack/dev-secrets.js';
import { engineEnvironment, startEngines } from '../scripts/stack/engines.js';

export interface Role<T> {
  details: T;
  child: ChildProcess;
  stop(): Promise<void>;
}

const SERVERS = fileURLToPath(new URL('./servers.ts', import.meta.url));

export async function startRole<T = { url: string }>(
  role: string,
  env: Record<string, string> = {},
): Promise<Role<T>> {
  // BENCH_PROFILE=subgraphs (a role) writes a V8 CPU profile of that role to .local/profiles.
  const profile =
    process.env.BENCH_PROFILE === role ? ['--cpu-prof', '--cpu-prof-dir=.local/profiles'] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', SERVERS, role], {
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const details = await new Promise<T>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line) as T);
    });
  });
  return {
    details,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** Resident memory of a child process, from /proc (Linux). */
export async function residentBytes(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb * 1024;
}

/** CPU time (user + system) a process has used so far, in ms (Linux, 100 ticks a second). */
export async function cpuMs(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface SubgraphsDetails {
  /** A gateway in the subgraphs' process, for seeding and writes (not the one measured). */
  url: string;
  users: string;
  emotions: string;
  secret: string;
}

/**
 * The engines and the subgraphs for a gateway benchmark; `start` adds more roles (gateways)
 * over them. Everything is stopped at the end, whatever happens.
 */
export async function withSubgraphs(
  run: (
    subgraphs: Role<SubgraphsDetails>,
    start: (role: string) => Promise<Role<{ url: string }>>,
  ) => Promise<void>,
): Promise<void> {
  const engines = await startEngines(await loadDevSecrets());
  Object.assign(process.env, engineEnvironment(engines));
  const roles: Role<unknown>[] = [];
  try {
    console.log('starting the subgraphs…');
    const subgraphs = await startRole<SubgraphsDetails>('subgraphs');
    roles.push(subgraphs);
    await run(subgraphs, async (role) => {
      const started = await startRole(role, {
        BENCH_USERS_URL: subgraphs.details.users,
        BENCH_EMOTIONS_URL: subgraphs.details.emotions,
        BENCH_SECRET: subgraphs.details.secret,
      });
      roles.push(started);
      return started;
    });
  } finally {
    for (const role of roles.reverse()) await role.stop();
    await engines.stop();
  }
}
