import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from '../../gql/graphql';
import { reconnectAfter, reconnectDelayMs, type Reconnect } from './close-codes';
import { failureOf, GraphFailure, networkFailure, type GraphErrorPayload } from './errors';

/** Where the client gets the access token from, and how it asks for a fresh one. */
export interface TokenSource {
  token(): string | null;
  /** A token good for a while yet (refreshed first if it is about to expire). */
  freshToken(): Promise<string | null>;
  /** A new access token after the old one was refused; null when the sign-in has ended. */
  refresh(): Promise<string | null>;
  /** The gateway revoked this sign-in (close code 4902): forget it; the person signs in again. */
  revoked(): void;
}

const isCloseEvent = (value: unknown): value is { code: number; reason: string } =>
  typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;

export const revokedFailure = () =>
  new GraphFailure(
    'ACCESS_REVOKED',
    'You were signed out (your session was ended or revoked). Please sign in again.',
  );

interface Response<R> {
  data?: R | null;
  errors?: GraphErrorPayload[];
}

/**
 * The web app's one way to the graph: queries and mutations over HTTP to the gateway,
 * subscriptions over graphql-ws on the same URL. A refused token is refreshed once, silently,
 * and the request sent again.
 */
export class GraphClient {
  private ws: Client | null = null;

  constructor(
    readonly url: string,
    private readonly tokens: TokenSource,
  ) {}

  async request<R, V>(document: TypedDocumentString<R, V>, variables?: V): Promise<R> {
    let response = await this.post<R>(document.toString(), variables, this.tokens.token());
    if (response.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      const fresh = await this.tokens.refresh();
      if (fresh) response = await this.post<R>(document.toString(), variables, fresh);
    }
    if (response.errors?.length || !response.data) throw failureOf(response.errors ?? []);
    return response.data;
  }

  /**
   * Subscribes; `next` gets each event, `error` each failure (in plain words via GraphFailure).
   * Returns the function that ends the subscription. The socket reconnects by itself.
   */
  subscribe<R, V>(
    document: TypedDocumentString<R, V>,
    variables: V,
    sink: { next(data: R): void; error(failure: Error): void },
  ): () => void {
    return this.socket().subscribe<R>(
      { query: document.toString(), variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          if (result.errors?.length) sink.error(failureOf(result.errors as GraphErrorPayload[]));
          if (result.data) sink.next(result.data);
        },
        error: (error) =>
          sink.error(
            Array.isArray(error)
              ? failureOf(error)
              : isCloseEvent(error) && reconnectAfter(error.code) === 'sign-in-again'
                ? revokedFailure()
                : networkFailure(),
          ),
        complete: () => undefined,
      },
    );
  }

  /** Closes the socket (sign-out: the next subscription connects with the next identity). */
  close(): void {
    void this.ws?.dispose();
    this.ws = null;
  }

  /**
   * The socket, reacting to the gateway's close codes (close-codes.ts): revoked → no
   * reconnection, the sign-in ends; token expired or refused → refresh, then reconnect;
   * rate limited → reconnect after a long pause; anything else → graphql-ws's short pause.
   */
  private socket(): Client {
    if (this.ws) return this.ws;
    /** How the last close asked to reconnect. */
    let after: Reconnect = 'reconnect';
    /**
     * The socket dropped (not a lazy close after the last subscription ended): the next
     * connection says it resumes, and the gateway starts each stream with the gap notice.
     */
    let resumed = false;
    const ws = createClient({
      url: this.url.replace(/^http/, 'ws'),
      lazy: true,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: (closed) =>
        !isCloseEvent(closed) || reconnectAfter(closed.code) !== 'sign-in-again',
      retryWait: (retries) =>
        new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(retries, after))),
      on: {
        connected: () => {
          after = 'reconnect';
        },
        closed: (closed) => {
          resumed = !isCloseEvent(closed) || closed.code !== 1000;
          if (!isCloseEvent(closed)) return;
          after = reconnectAfter(closed.code);
          if (after === 'sign-in-again' && this.ws === ws) {
            this.ws = null;
            this.tokens.revoked();
          }
        },
      },
      connectionParams: async () => {
        // A socket authenticates once, when it connects: make sure the token is fresh (a new
        // one when the gateway said the last had expired or was refused).
        const token =
          after === 'refresh-then-reconnect'
            ? await this.tokens.refresh()
            : await this.tokens.freshToken();
        return {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(resumed ? { resumed: true } : {}),
        };
      },
    });
    this.ws = ws;
    return ws;
  }

  private async post<R>(query: string, variables: unknown, token: string | null) {
    let response: globalThis.Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw networkFailure();
    }
    try {
      return (await response.json()) as Response<R>;
    } catch {
      throw networkFailure();
    }
  }
}
