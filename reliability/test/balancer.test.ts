/** The scale-out test's TCP balancer, against real sockets on loopback. */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, createServer, type Server } from 'node:net';
import { after, describe, test } from 'node:test';
import { freePort } from '@mindscape/devkit';
import { startBalancer } from '../src/balancer.js';

/** A backend that answers each connection with its name, then closes. */
async function namedServer(name: string): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.end(name));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as { port: number }).port };
}

/** Connects through the balancer and reads what the backend said (empty: refused). */
async function ask(port: number): Promise<string> {
  const socket = connect({ host: '127.0.0.1', port });
  let said = '';
  socket.on('data', (chunk) => (said += String(chunk)));
  socket.on('error', () => undefined);
  await once(socket, 'close');
  return said;
}

describe('TCP balancer', () => {
  const servers: Server[] = [];
  after(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

  test('round-robin over live backends, one connection each in turn', async () => {
    const a = await namedServer('a');
    const b = await namedServer('b');
    servers.push(a.server, b.server);
    const balancer = await startBalancer('test', [
      { name: 'a', port: a.port },
      { name: 'b', port: b.port },
    ]);
    try {
      const said = [];
      for (let i = 0; i < 4; i++) said.push(await ask(balancer.port));
      assert.deepEqual(said, ['a', 'b', 'a', 'b']);
    } finally {
      await balancer.close();
    }
  });

  test('connections at once all reach the one live backend past the dead ones', async () => {
    const live = await namedServer('live');
    servers.push(live.server);
    const balancer = await startBalancer('test', [
      { name: 'dead-1', port: await freePort() },
      { name: 'dead-2', port: await freePort() },
      { name: 'live', port: live.port },
    ]);
    try {
      const said = await Promise.all(Array.from({ length: 9 }, () => ask(balancer.port)));
      assert.deepEqual(said, Array<string>(9).fill('live'));
      assert.ok(balancer.refused().get('dead-1')! > 0);
    } finally {
      await balancer.close();
    }
  });
});
