import type { Duplex } from 'node:stream';
import type { ExecutionResult } from 'graphql';
import type { WebSocket, WebSocketServer } from 'ws';
import type { DeliverNow } from './client-queue.js';

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
  /**
   * Messages sent with a shared encoding through graphql-ws, messages written as pre-built
   * frames (`deliverNow`), and encodings made (the tests read them).
   */
  readonly counts = { shared: 0, framed: 0, encoded: 0 };

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

  /**
   * A subscription's `next` messages as whole WebSocket frames written straight to the
   * connection (docs/decisions/0031): the id's part of the message is built once per
   * subscription, the event's once per event, and each client costs one buffer and one write,
   * without graphql-ws's round of promises or ws's framing and corked writev.
   *
   * Undefined when a compression extension was negotiated (ws must then frame every message;
   * the server turns it off). Sound because ws writes each of its own frames to the connection
   * whole and at once when nothing is compressed, so frames written here cannot land inside one.
   * A connection with bytes still waiting for the network (a slow client) or a socket that is
   * closing gets false, and the event takes graphql-ws's path, whose awaited sends keep the
   * client's queue bounded (client-queue.ts).
   */
  deliverNow(
    socket: WebSocket,
    connection: Duplex,
    id: string,
  ): DeliverNow<ExecutionResult> | undefined {
    if (socket.extensions !== '') return undefined;
    const head = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
    return (result) => {
      if (socket.readyState !== socket.OPEN || connection.destroyed) return false;
      if (connection.writableLength > 0) return false;
      let frame: Buffer;
      try {
        frame = textFrame(head, this.encode(result));
      } catch {
        // Not encodable here: graphql-ws's path takes it and reports it to this client alone.
        return false;
      }
      connection.write(frame);
      this.counts.framed++;
      return true;
    };
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

/** An unmasked, unfragmented text frame (RFC 6455 §5.2) of `head`, `payload` and `}`. */
function textFrame(head: Buffer, payload: Buffer): Buffer {
  const length = head.length + payload.length + 1;
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81; // FIN, opcode 1 (text)
  if (headerLength === 2) {
    frame[1] = length;
  } else if (headerLength === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  head.copy(frame, headerLength);
  payload.copy(frame, headerLength + head.length);
  frame[headerLength + length - 1] = 0x7d; // }
  return frame;
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
