import { chmod, cp, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capture, progress, run } from '@mindscape/devkit';
import { PATCH_LEVEL, patchFerretDb } from './patches.js';

/** The last FerretDB v1 release: its SQLite backend needs no PostgreSQL. */
export const FERRETDB_VERSION = 'v1.24.0';
const MODULE = 'github.com/FerretDB/FerretDB';

export const ferretHome = join(dirname(fileURLToPath(import.meta.url)), '..', '.ferretdb');
export const ferretBinary = join(
  ferretHome,
  'bin',
  `ferretdb-${FERRETDB_VERSION}-mindscape.${PATCH_LEVEL}`,
);

/**
 * Builds FerretDB from the Go module proxy, once. `go install pkg@version` cannot be used:
 * it asks the proxy for the module's version list, which the proxy refuses for this module,
 * and the release zip lacks `build/version/version.txt`, which FerretDB embeds at build time.
 * So: download the exact version, copy it somewhere writable, add that file, apply our
 * edits to its SQLite backend (patches.ts, decision 0033), build.
 */
export async function buildFerretDb(): Promise<string> {
  if (await exists(ferretBinary)) return ferretBinary;
  await requireGo();
  const started = Date.now();
  progress(
    'ferretdb',
    `building FerretDB ${FERRETDB_VERSION} with Go (first start only, about 2 minutes)`,
  );

  const json = await captureOrThrow('go', [
    'mod',
    'download',
    '-json',
    `${MODULE}@${FERRETDB_VERSION}`,
  ]);
  const { Dir: moduleDir } = JSON.parse(json) as { Dir: string };
  // A directory and a binary of this build's own, renamed into place at the end: two first
  // starts at once (tests and a server) each build whole instead of patching one tree twice.
  await mkdir(dirname(ferretBinary), { recursive: true });
  const source = await mkdtemp(join(ferretHome, 'src-'));
  const built = `${ferretBinary}.${process.pid}.part`;
  try {
    await cp(moduleDir, source, { recursive: true });
    await makeWritable(source);
    await writeFile(join(source, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    await patchFerretDb(source);

    let downloads = 0;
    await run('ferretdb', 'go', ['build', '-trimpath', '-o', built, './cmd/ferretdb'], {
      cwd: source,
      env: { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
      onLine: (line) => {
        if (line.startsWith('go: downloading') && ++downloads % 20 === 0) {
          progress('ferretdb', `${downloads} Go modules downloaded…`);
        }
      },
    });
    await rename(built, ferretBinary);
  } finally {
    await rm(source, { recursive: true, force: true });
    await rm(built, { force: true });
  }
  progress('ferretdb', `built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return ferretBinary;
}

async function requireGo(): Promise<void> {
  const version = await capture('go', ['version']);
  const match = version?.match(/go(\d+)\.(\d+)/);
  if (!match) {
    throw new Error(
      'FerretDB (the embedded MongoDB-wire server) is built with Go, and `go` was not found.\n' +
        'Install Go 1.21 or newer (e.g. `apt-get install golang-go` from bookworm-backports), ' +
        'or set MONGODB_URI to an existing MongoDB server.',
    );
  }
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major === 1 && minor < 21) {
    throw new Error(
      `Go ${major}.${minor} is too old to build FerretDB ${FERRETDB_VERSION}: install Go 1.21 or newer ` +
        '(it then fetches the toolchain FerretDB asks for), or set MONGODB_URI.',
    );
  }
}

async function captureOrThrow(command: string, args: string[]): Promise<string> {
  const out = await capture(command, args);
  if (out === undefined)
    throw new Error(`\`${command} ${args.join(' ')}\` failed; is the Go module proxy reachable?`);
  return out;
}

async function makeWritable(path: string): Promise<void> {
  await run('ferretdb', 'chmod', ['-R', 'u+w', path]);
  await chmod(path, 0o755);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
