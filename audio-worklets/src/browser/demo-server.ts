import { readFile } from 'node:fs/promises';
import { serveBrowserFiles } from './server.js';

/** Serves the demo page (each preset playable) and its bundles; port 0 picks a free one. */
export async function serveDemo(port: number) {
  const page = await readFile(new URL('../../demo/index.html', import.meta.url), 'utf8');
  return serveBrowserFiles(page, port);
}
