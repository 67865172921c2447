import type { ExecutionResult } from 'graphql';
import type { WebSocket, WebSocketServer } from 'ws';

/**
 * What a `next` message's payload is replaced with while graphql-ws stringifies the message;
 * the socket's send puts the event's one encoding in its place. JSON.stringify escapes the
 * NUL, so the marker is a fixed run of text no payload can produce at the end of a message.
 */
const MARKER = '\u0000mindscape-shared-payload';
const MARKER_TAIL = `"payload":${JSON.stringify(MARKER)}}`;

/**
 * Each event once for every client that shares its merge (docs/decisions/0030). The hub hands
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
        if (shared && typeof data === 'string' && data.endsWith(MARKER_TAIL)) {
          this.counts.shared++;
          const head = data.slice(0, data.length - MARKER_TAIL.length);
          const message = Buffer.concat([Buffer.from(`${head}"payload":`), shared, CLOSE_BRACE]);
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

const CLOSE_BRACE = Buffer.from('}');

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
