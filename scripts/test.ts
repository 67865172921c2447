/**
 * `npm test`: formatting, lint and type check, then every *.test.ts (unit and integration)
 * with Node's test runner against real engines. Engines already running are reused; ones this
 * script starts are stopped at the end. Exits non-zero on any failure.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { progress, supervise } from '@mindscape/platform/dev';
import { loadDevSecrets, repoRoot } from './stack/dev-secrets.js';
import { engineEnvironment, startEngines } from './stack/engines.js';

const skipStatic = process.argv.includes('--skip-static');
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));

async function step(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  progress('test', `${name}…`);
  const child = supervise(name, command, args, {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await child.exited;
  if (code !== 0) throw new StepFailed(`${name} failed (exit ${code})`);
}

class StepFailed extends Error {}

async function testFiles(dir = repoRoot): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await testFiles(path)));
    else if (entry.name.endsWith('.test.ts')) found.push(relative(repoRoot, path));
  }
  return found.sort();
}

const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);
let stopEngines = async () => {};
let exitCode = 0;
try {
  if (!skipStatic) {
    await step('format check (prettier)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
    await step('lint (eslint)', bin('eslint'), ['.', '--max-warnings', '0']);
    await step('type check (tsc)', bin('tsc'), ['-p', 'tsconfig.json']);
    await step('type check of the web app (tsc)', bin('tsc'), ['-p', 'web/tsconfig.json']);
  }
  const files = (await testFiles()).filter(
    (file) => filters.length === 0 || filters.some((f) => file.includes(f)),
  );
  progress('test', `starting the engines for ${files.length} test files`);
  const engines = await startEngines(await loadDevSecrets());
  stopEngines = engines.stop;
  await step(
    'tests (node --test)',
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
    {
      ...process.env,
      ...engineEnvironment(engines),
      LOG_LEVEL: 'silent',
    },
  );
} catch (error) {
  console.error(error instanceof StepFailed ? `\n${error.message}` : error);
  exitCode = 1;
} finally {
  await stopEngines();
}
process.exit(exitCode);
