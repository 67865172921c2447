import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { browserBundles } from './build.js';

/** Serves the demo page (each preset playable) and its bundles; port 0 picks a free one. */
export async function serveDemo(port: number): Promise<Server> {
  const files = await browserBundles();
  const page = await readFile(new URL('../../demo/index.html', import.meta.url), 'utf8');
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.slice(1);
    if (path === '' || path === 'index.html')
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    else if (files[path])
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(files[path]);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
