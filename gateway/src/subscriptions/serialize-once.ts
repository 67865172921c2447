import type { ExecutionResult } from 'graphql';
import type { WebSocket, WebSocketServer } from 'ws';

/**
 * What a `next` message's payload is replaced with while graphql-ws stringifies the message;
 * the socket's send puts the event's one encoding in its place. The key with its unescaped
 * quotes can only be the message's own `payload` key (a client's id is escaped inside its
 * string), and the payload itself is the marker, so nothing else in the message matches.
 */
const MARKER = '\u0000mindscape-shared-payload';
const MARKED_PAYLOAD = `"payload":${JSON.stringify(MARKER)}`;

/**
 * Each event once for every client that shares its merge (docs/decisions/0031). The hub hands
 * one result object to all of an upstream's subscribers; graphql-ws would stringify and UTF-8
 * encode it again for every socket. Here the result is encoded once (a WeakMap keyed by the
 * result), and each socket's message is its own short envelope (`{"id":…,"type":"next",`)
 * around the shared bytes.
 *
 * graphql-ws stringifies a message and hands it to the socket in the same synchronous step, so
 * the bytes the replacer chose travel to the send beside it without a lookup.
 */
export class SharedPayloads {
  private readonly encoded = new WeakMap<object, Buffer>();
  /** The encoding the last stringified message refers to, taken by the next send. */
  private pending: Buffer | undefined;
  /** Messages sent with a shared encoding, and encodings made (the test reads them). */
  readonly counts = { shared: 0, encoded: 0 };

  /** graphql-ws `onNext`: the result itself, so the payload keeps the hub's shared object. */
  readonly onNext = (
    _ctx: unknown,
    _id: unknown,
    _payload: unknown,
    _args: unknown,
    result: ExecutionResult,
  ): ExecutionResult => result;

  /** graphql-ws `jsonMessageReplacer`: a next message's payload becomes the marker. */
  readonly jsonMessageReplacer = sharedPayloadReplacer((value) => {
    this.pending = this.encode(value);
    return MARKER;
  });

  /** Makes each socket's send put the shared encoding in place of the marker. */
  install(wss: WebSocketServer): void {
    wss.on('connection', (socket: WebSocket) => {
      const send = socket.send.bind(socket) as (...args: unknown[]) => void;
      socket.send = ((data: unknown, ...rest: unknown[]) => {
        const shared = this.pending;
        this.pending = undefined;
        const callback = rest.find((arg) => typeof arg === 'function');
        const at = shared && typeof data === 'string' ? data.lastIndexOf(MARKED_PAYLOAD) : -1;
        if (shared && at >= 0) {
          this.counts.shared++;
          const text = data as string;
          const message = Buffer.concat([
            Buffer.from(`${text.slice(0, at)}"payload":`),
            shared,
            Buffer.from(text.slice(at + MARKED_PAYLOAD.length)),
          ]);
          // A text frame, as graphql-ws's own string messages are.
          return send(message, { binary: false }, callback);
        }
        return send(data, ...rest);
      }) as typeof socket.send;
    });
  }

  private encode(result: object): Buffer {
    let bytes = this.encoded.get(result);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(result));
      this.encoded.set(result, bytes);
      this.counts.encoded++;
    }
    return bytes;
  }
}

/**
 * A replacer (JSON.stringify calls it with the holder as `this`) that hands the payload of a
 * `next` message to `replace`.
 */
function sharedPayloadReplacer(replace: (payload: object) => string) {
  return function (this: unknown, key: string, value: unknown): unknown {
    if (key !== 'payload' || !isNextMessage(this) || typeof value !== 'object' || !value)
      return value;
    return replace(value);
  };
}

function isNextMessage(holder: unknown): boolean {
  return (
    typeof holder === 'object' &&
    holder !== null &&
    (holder as { type?: unknown }).type === 'next' &&
    typeof (holder as { id?: unknown }).id === 'string'
  );
}
