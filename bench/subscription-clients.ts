/**
 * A process of subscription clients for bench/subscriptions.ts, so the clients never share an
 * event loop with the server they measure. Forked with IPC; the parent sends
 *   { connect: { url, query, params, count } }  → opens `count` sockets, answers { connected }
 *   { sent: { text, at } }                       → when an event was written (epoch ms)
 *   { warmed: true }                             → answers { warm } (warm-up events since last asked)
 *   { count: true }                              → answers { received }
 *   { report: true }                             → answers { latencies, received }
 *   { close: true }                              → closes the sockets and exits
 * Times are epoch milliseconds with sub-millisecond precision (performance.timeOrigin + now),
 * comparable across processes on one machine.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

interface Connect {
  url: string;
  query: string;
  /** connection_init payloads, one per socket (cycled). */
  params: Array<Record<string, unknown>>;
  count: number;
}

type Message =
  | { connect: Connect }
  | { sent: { text: string; at: number } }
  | { warmed: true }
  | { count: true }
  | { report: true }
  | { close: true };

const now = () => performance.timeOrigin + performance.now();
const clients: Client[] = [];
/** Per event text: when each client received it. */
const arrivals = new Map<string, number[]>();
const sentAt = new Map<string, number>();
let warm = 0;

async function connect({ url, query, params, count }: Connect): Promise<void> {
  for (let i = 0; i < count; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, count - i) }, (_, j) => {
        const client = createClient({
          url: url.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          connectionParams: params[(i + j) % params.length]!,
          retryAttempts: 0,
        });
        clients.push(client);
        return new Promise<void>((resolve) => {
          const off = client.on('connected', () => (off(), resolve()));
          client.subscribe<{ emotionRecorded: { text: string } }>(
            { query },
            {
              next: ({ data }) => {
                const text = data?.emotionRecorded.text ?? '';
                if (text.startsWith('warm')) return void warm++;
                const list = arrivals.get(text) ?? [];
                list.push(now());
                arrivals.set(text, list);
              },
              error: () => {},
              complete: () => {},
            },
          );
        });
      }),
    );
  }
}

process.on('message', (message: Message) => {
  void (async () => {
    if ('connect' in message) {
      await connect(message.connect);
      process.send!({ connected: clients.length });
    } else if ('sent' in message) {
      sentAt.set(message.sent.text, message.sent.at);
    } else if ('warmed' in message) {
      process.send!({ warm });
      warm = 0;
    } else if ('count' in message) {
      let received = 0;
      for (const times of arrivals.values()) received += times.length;
      process.send!({ received });
    } else if ('report' in message) {
      const latencies: number[] = [];
      let received = 0;
      for (const [text, times] of arrivals) {
        received += times.length;
        const sent = sentAt.get(text);
        if (sent !== undefined) for (const at of times) latencies.push(at - sent);
      }
      process.send!({ latencies, received });
    } else if ('close' in message) {
      await Promise.all(clients.map((client) => client.dispose()));
      process.exit(0);
    }
  })();
});
