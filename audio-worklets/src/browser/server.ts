import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { browserBundles } from './build.js';

/**
 * A loopback server for a page and the browser bundles (AudioWorklets need a secure context,
 * which localhost is). `onUpload` takes POST /upload/<name> bodies: how the harness page hands
 * rendered samples back. Port 0 picks a free one.
 */
export async function serveBrowserFiles(
  page: string,
  port = 0,
  onUpload?: (name: string, body: Buffer) => void,
): Promise<{ server: Server; baseUrl: string }> {
  const files = await browserBundles();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (onUpload && req.method === 'POST' && path.startsWith('/upload/')) {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        onUpload(decodeURIComponent(path.slice('/upload/'.length)), Buffer.concat(chunks));
        res.writeHead(204).end();
      });
      return;
    }
    const file = files[path.slice(1)];
    if (path === '/' || path === '/index.html')
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    else if (file) res.writeHead(200, { 'content-type': 'text/javascript' }).end(file);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
