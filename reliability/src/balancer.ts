/**
 * A TCP load balancer on loopback for the scale-out test: each new connection goes to the
 * next backend in turn, and a backend that refuses the connection is skipped for the next,
 * so a killed backend's new connections land on the others. It forwards bytes, so HTTP
 * keep-alive and WebSocket upgrades pass through untouched; a connection lives and dies with
 * its backend, as behind haproxy in TCP mode.
 *
 * Hand-written rather than Debian's haproxy: it is fifty lines on loopback, needs no install
 * or config file on CI machines, starts in-process in milliseconds, and tells the test which
 * backend each connection went to. It is not for production (no health checks, no timeouts).
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface Backend {
  /** A name for reports ("gateway-2"). */
  name: string;
  port: number;
}

export interface TcpBalancer {
  /** The port clients connect to. */
  port: number;
  /** Connections open now, by backend name. */
  open(): Map<string, number>;
  /** Connections a backend refused since the start (each was passed on to the next). */
  refused(): Map<string, number>;
  /** Stops accepting and ends every connection. */
  close(): Promise<void>;
}

export async function startBalancer(
  name: string,
  backends: readonly Backend[],
  port = 0,
): Promise<TcpBalancer> {
  if (backends.length === 0) throw new Error(`balancer ${name}: no backends`);
  let next = 0;
  const open = new Map<string, Set<Socket>>(backends.map((b) => [b.name, new Set()]));
  const refused = new Map<string, number>(backends.map((b) => [b.name, 0]));

  /**
   * Tries every backend once, from this connection's own turn on (a shared counter would let
   * concurrent connections skip the one live backend between them); the client's bytes wait
   * (paused) meanwhile.
   */
  const forward = (client: Socket, start: number, tried = 0): void => {
    if (tried === backends.length || client.destroyed) {
      client.destroy();
      return;
    }
    const backend = backends[(start + tried) % backends.length]!;
    const upstream = connect({ host: '127.0.0.1', port: backend.port });
    upstream.once('error', () => {
      refused.set(backend.name, refused.get(backend.name)! + 1);
      forward(client, start, tried + 1);
    });
    upstream.once('connect', () => {
      upstream.removeAllListeners('error');
      if (client.destroyed) {
        upstream.destroy();
        return;
      }
      const sockets = open.get(backend.name)!;
      sockets.add(client);
      const end = () => {
        sockets.delete(client);
        client.destroy();
        upstream.destroy();
      };
      for (const socket of [client, upstream]) {
        socket.setNoDelay(true);
        socket.once('error', end);
        socket.once('close', end);
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
  };

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    client.once('error', () => client.destroy());
    forward(client, next++ % backends.length);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as { port: number }).port,
    open: () => new Map([...open].map(([b, sockets]) => [b, sockets.size])),
    refused: () => new Map(refused),
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const sockets of open.values()) for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
