import { mkdir, writeFile } from 'node:fs/promises';
import { browserBundles } from '@mindscape/audio-worklets/build';

/**
 * Writes the audio engine's worklet module to public/worklets/: one self-contained ES module,
 * served as a static file so Next's bundler never splits or wraps it (an AudioWorklet module
 * cannot import chunks).
 */
export async function writeWorklet(): Promise<string> {
  const bundles = await browserBundles(['mindscape-worklet']);
  const dir = new URL('../public/worklets/', import.meta.url);
  await mkdir(dir, { recursive: true });
  const file = new URL('mindscape-worklet.js', dir);
  await writeFile(file, bundles['mindscape-worklet.js']!);
  return file.pathname;
}
