import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A long-running child process whose output is shown with a name prefix. */
export interface Supervised {
  name: string;
  process: ChildProcess;
  /** True until the process exits. */
  alive(): boolean;
  /** Resolves with the exit code (or signal) once the process ends. */
  exited: Promise<number | string | null>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface SuperviseOptions extends SpawnOptions {
  /** Called with each line of stdout and stderr, after printing it. */
  onLine?: (line: string) => void;
  /** Print the child's lines (default true). Lines are always passed to onLine. */
  echo?: boolean;
}

export function supervise(
  name: string,
  command: string,
  args: string[],
  { onLine, echo = true, ...options }: SuperviseOptions = {},
): Supervised {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let running = true;
  const exited = new Promise<number | string | null>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve(code ?? signal);
    });
    child.once('error', (error) => {
      running = false;
      process.stderr.write(`[${name}] could not start ${command}: ${error.message}\n`);
      resolve(null);
    });
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      if (echo) process.stdout.write(`[${name}] ${line}\n`);
      onLine?.(line);
    });
  }
  return {
    name,
    process: child,
    alive: () => running,
    exited,
    async stop(graceMs = 10_000) {
      if (!running) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a command to completion; rejects with its last output lines when it fails. */
export async function run(
  name: string,
  command: string,
  args: string[],
  options: SuperviseOptions = {},
): Promise<void> {
  const tail: string[] = [];
  const child = supervise(name, command, args, {
    echo: false,
    ...options,
    onLine: (line) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      options.onLine?.(line);
    },
  });
  const code = await child.exited;
  if (code !== 0) {
    throw new Error(
      `${name}: \`${command} ${args.join(' ')}\` failed (${code}):\n${tail.join('\n')}`,
    );
  }
}

/** Runs a command and returns its stdout, or undefined when it cannot run. */
export async function capture(command: string, args: string[]): Promise<string | undefined> {
  const lines: string[] = [];
  const child = supervise(command, command, args, { echo: false, onLine: (l) => lines.push(l) });
  const code = await child.exited;
  return code === 0 ? lines.join('\n') : undefined;
}
