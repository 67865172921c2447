/**
 * Builds the web app for production when its sources changed since the last build: the
 * worklet module into public/worklets/, then `next build`. `npm run build -w @mindscape/web`
 * forces a build; `npm start` and the tests call `ensureBuilt()`.
 */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { supervise, type Supervised } from '@mindscape/devkit';
import { writeWorklet } from './worklet.js';

export const webDir = fileURLToPath(new URL('..', import.meta.url));
const repo = join(webDir, '..');
const NEXT = join(repo, 'node_modules', 'next', 'dist', 'bin', 'next');
const nextEnv = (env: Record<string, string> = {}) => ({
  ...process.env,
  ...env,
  NEXT_TELEMETRY_DISABLED: '1',
});
/** What the build is made of: a change in any of these calls for a new build. */
const SOURCES = [
  join(webDir, 'src'),
  join(webDir, 'next.config.ts'),
  join(webDir, 'package.json'),
  join(repo, 'audio-worklets', 'src'),
  join(repo, 'biosignals', 'src'),
];

async function newestChange(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path))
    newest = Math.max(newest, await newestChange(join(path, entry)));
  return newest;
}

const log = (message: string) => console.log(`[web] ${message}`);

export async function build(): Promise<void> {
  log('building the worklet module and the app (about a minute)…');
  await writeWorklet();
  const began = Date.now();
  // next build adds its build folder's type globs to tsconfig.json; with NEXT_DIST_DIR set that
  // is a folder of one checkout's, so the committed file is put back afterwards.
  const tsconfig = join(webDir, 'tsconfig.json');
  const committed = await readFile(tsconfig, 'utf8');
  // webpack, not Turbopack: the workspace packages import `./x.js` for `./x.ts` (next.config.ts).
  const code = await supervise('next', process.execPath, [NEXT, 'build', '--webpack'], {
    cwd: webDir,
    env: nextEnv(),
  }).exited.finally(() => writeFile(tsconfig, committed));
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  log(`built in ${((Date.now() - began) / 1000).toFixed(0)} s`);
}

/** Builds unless the last build is newer than every source. */
export async function ensureBuilt(): Promise<void> {
  const built =
    (await stat(join(webDir, process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID')).catch(() => null))
      ?.mtimeMs ?? 0;
  const worklet = await stat(join(webDir, 'public', 'worklets', 'mindscape-worklet.js')).catch(
    () => null,
  );
  let newest = 0;
  for (const source of SOURCES) newest = Math.max(newest, await newestChange(source));
  if (built > newest && worklet) {
    log('the production build is current');
    return;
  }
  await build();
}

/**
 * The production build on loopback (or `host`), as the stack and tests run it: Next's handler
 * behind scripts/http-server.ts, which tells the app the caller's real address.
 */
export function startNext(
  port: number,
  env: Record<string, string>,
  host = '127.0.0.1',
): Supervised {
  return supervise(
    'next',
    process.execPath,
    ['--import', 'tsx', join(webDir, 'scripts', 'http-server.ts')],
    {
      cwd: webDir,
      env: nextEnv({ ...env, NODE_ENV: 'production', PORT: String(port), HOST: host }),
    },
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await build();
