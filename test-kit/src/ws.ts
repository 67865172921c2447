import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client for tests: no retries, so a refusal shows up as an error at once. */
export function graphqlWsClient(
  httpUrl: string,
  connectionParams: Record<string, unknown>,
): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
  });
}
