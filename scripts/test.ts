/**
 * `npm test`: formatting, lint and type check, then every *.test.ts (unit and integration)
 * with Node's test runner against real engines. Engines already running are reused; ones this
 * script starts are stopped at the end. Exits non-zero on any failure. Prints how many tests
 * were skipped and why; with CI set in the environment a skipped test fails the run.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { progress, supervise } from '@mindscape/devkit';
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

/** Says what was skipped and why; under CI any skip is a failure. */
async function reportSkips(skipLog: string): Promise<void> {
  const lines = (await readFile(skipLog, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  await rm(skipLog, { force: true });
  const skipped = lines.map(
    (line) => JSON.parse(line) as { file: string; name: string; reason: string },
  );
  progress('test', `${skipped.length} test${skipped.length === 1 ? '' : 's'} skipped`);
  for (const { file, name, reason } of skipped)
    console.log(
      `  skipped: ${relative(repoRoot, file.replace(/^file:\/\//, ''))} › ${name}${reason ? ` (${reason})` : ''}`,
    );
  if (skipped.length > 0 && process.env.CI)
    throw new StepFailed(`${skipped.length} skipped under CI: every test must run here`);
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
  const skipLog = join(tmpdir(), `mindscape-skips-${process.pid}.jsonl`);
  await step(
    'tests (node --test)',
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${join(repoRoot, 'scripts', 'skip-reporter.mjs')}`,
      `--test-reporter-destination=${skipLog}`,
      '--test-concurrency=1',
      ...files,
    ],
    {
      ...process.env,
      ...engineEnvironment(engines),
      LOG_LEVEL: 'silent',
    },
  ).finally(() => reportSkips(skipLog));
} catch (error) {
  console.error(error instanceof StepFailed ? `\n${error.message}` : error);
  exitCode = 1;
} finally {
  await stopEngines();
}
process.exit(exitCode);
