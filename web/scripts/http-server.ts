/**
 * The production web app behind its own HTTP server: Next's request handler, after the
 * socket has said who is calling. `next start` keeps a client-sent X-Forwarded-For as it is,
 * so the auth route could not tell a browser's address from one it made up; here the header
 * is replaced by the address the socket saw (or, behind proxies TRUST_PROXY names, the
 * address they forwarded for) before Next reads it.
 *
 * PORT (default 3000), HOST (default 127.0.0.1), TRUST_PROXY (default false).
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { clientAddress, trustedProxies } from '../src/server/client-address.js';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';
let trusted: ReturnType<typeof trustedProxies>;
try {
  trusted = trustedProxies(process.env.TRUST_PROXY);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const app = next({
  dev: false,
  dir: fileURLToPath(new URL('..', import.meta.url)),
  hostname,
  port,
});
await app.prepare();
const handle = app.getRequestHandler();
const server = createServer((request, response) => {
  request.headers['x-forwarded-for'] = clientAddress(
    request.socket.remoteAddress ?? '',
    [request.headers['x-forwarded-for'] ?? []].flat().join(','),
    trusted,
  );
  void handle(request, response);
});
server.listen(port, hostname, () => console.log(`ready on http://${hostname}:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => server.close(() => process.exit(0)));
