import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestStack } from '@mindscape/test-kit';
import { WebSocket } from 'ws';

const stack = useTestStack({ gateway: { WEB_ORIGINS: 'http://127.0.0.1:3000' } });

const preflight = (origin: string) =>
  fetch(stack.gatewayUrl, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,authorization',
    },
  });

test("the web app's origin may call the graph from a browser; another site may not", async () => {
  const allowed = await preflight('http://127.0.0.1:3000');
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://127.0.0.1:3000');
  assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /authorization/);
  const refused = await preflight('https://evil.example');
  assert.equal(refused.headers.get('access-control-allow-origin'), null);
});

/** Resolves with 'open' or the HTTP status the upgrade was refused with. */
function connect(origin?: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(stack.gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', {
      ...(origin ? { origin } : {}),
    });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
    socket.on('error', () => undefined);
  });
}

test("sockets open from the web app's origin and from clients without one, not from another site", async () => {
  assert.equal(await connect('http://127.0.0.1:3000'), 'open');
  assert.equal(await connect(), 'open');
  assert.equal(await connect('https://evil.example'), '401');
});
