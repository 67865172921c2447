import type { WebSocket, WebSocketServer } from 'ws';
import { CloseCode } from './close-codes.js';

/**
 * The server's messages under graphql-transport-ws (a client sends connection_init, ping,
 * pong, subscribe and complete): graphql-ws parses these from anyone but handles them only
 * as a client.
 */
const SERVER_ONLY = new Set(['connection_ack', 'next', 'error']);

/**
 * The protocol closes a socket that sends a message of another direction with 4400, but
 * graphql-ws 6 parses `connection_ack`, `next` and `error` from a client as valid and then
 * fails on them with 4500 (an internal error). Registered on the server before graphql-ws,
 * this listener refuses such frames first, with 4400, so they never reach it.
 */
export function refuseServerMessagesFromClients(wss: WebSocketServer): void {
  wss.on('connection', (socket: WebSocket) => {
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event === 'message' && isServerMessage(args[0])) {
        socket.close(CloseCode.BadRequest, 'Clients may not send this message type');
        return false;
      }
      return emit(event, ...args);
    }) as typeof socket.emit;
  });
}

function isServerMessage(data: unknown): boolean {
  try {
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
    const type = (JSON.parse(text) as { type?: unknown } | null)?.type;
    return typeof type === 'string' && SERVER_ONLY.has(type);
  } catch {
    return false; // not JSON: graphql-ws answers that with 4400 itself
  }
}
