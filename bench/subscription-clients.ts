/**
 * A process of subscription clients for bench/subscriptions.ts, so the clients never share an
 * event loop with the server they measure. Forked with IPC; the parent sends
 *   { connect: { url, query, params, count } }  → opens `count` sockets, answers { connected }
 *   { sent: { text, at } }                       → when an event was written (epoch ms)
 *   { warmed: true }                             → answers { warm } (warm-up events since last asked)
 *   { count: true }                              → answers { received }
 *   { report: true }                             → answers { latencies, spans, received, unexpected }
 *   { close: true }                              → closes the sockets and exits
 * Times are epoch milliseconds with sub-millisecond precision (performance.timeOrigin + now),
 * comparable across processes on one machine.
 */
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
const sockets: WebSocket[] = [];
/** Per event text: when each client received it. */
const arrivals = new Map<string, number[]>();
const sentAt = new Map<string, number>();
let warm = 0;
/** Messages other than the stream's events (errors, an early complete): should stay 0. */
let unexpected = 0;

/**
 * One subscriber speaking graphql-transport-ws on a bare `ws` socket: connection_init, then
 * subscribe once acknowledged, pong to pings. Thin on purpose: the clients' processes share
 * the machine's two cores with the gateway they measure, and graphql-ws's client spent about
 * twice this per message (docs/decisions/0031). The arrival time is read as the message
 * arrives, before it is parsed.
 */
function subscriber(url: string, query: string, params: Record<string, unknown>) {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', {
    perMessageDeflate: false,
  });
  sockets.push(socket);
  return new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: params })),
    );
    socket.on('message', (data) => {
      const at = now();
      const message = JSON.parse(String(data)) as {
        type: string;
        payload?: { data?: { emotionRecorded?: { text: string } } };
      };
      if (message.type === 'next') {
        const text = message.payload?.data?.emotionRecorded?.text ?? '';
        if (text.startsWith('warm')) return void warm++;
        const list = arrivals.get(text) ?? [];
        list.push(at);
        arrivals.set(text, list);
      } else if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
        resolve();
      } else if (message.type === 'ping') {
        socket.send('{"type":"pong"}');
      } else if (message.type !== 'pong') {
        unexpected++;
      }
    });
    socket.once('close', () => reject(new Error('closed before connection_ack')));
  });
}

async function connect({ url, query, params, count }: Connect): Promise<void> {
  for (let i = 0; i < count; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, count - i) }, (_, j) =>
        subscriber(url, query, params[(i + j) % params.length]!),
      ),
    );
  }
}

process.on('message', (message: Message) => {
  void (async () => {
    if ('connect' in message) {
      await connect(message.connect);
      process.send!({ connected: sockets.length });
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
      /** Per event, this process's first and last arrival after the write: the fan-out's spread. */
      const spans: Array<{ text: string; first: number; last: number }> = [];
      let received = 0;
      for (const [text, times] of arrivals) {
        received += times.length;
        const sent = sentAt.get(text);
        if (sent === undefined) continue;
        for (const at of times) latencies.push(at - sent);
        spans.push({ text, first: Math.min(...times) - sent, last: Math.max(...times) - sent });
      }
      process.send!({ latencies, spans, received, unexpected });
    } else if ('close' in message) {
      await Promise.all(
        sockets.map((socket) => {
          if (socket.readyState === WebSocket.CLOSED) return undefined;
          const closed = new Promise((resolve) => socket.once('close', resolve));
          socket.close(1000);
          return closed;
        }),
      );
      process.exit(0);
    }
  })();
});
