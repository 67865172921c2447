import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from '../../gql/graphql';
import { failureOf, networkFailure, type GraphErrorPayload } from './errors';

/** Where the client gets the access token from, and how it asks for a fresh one. */
export interface TokenSource {
  token(): string | null;
  /** A token good for a while yet (refreshed first if it is about to expire). */
  freshToken(): Promise<string | null>;
  /** A new access token after the old one was refused; null when the sign-in has ended. */
  refresh(): Promise<string | null>;
}

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
        error: (error) => sink.error(Array.isArray(error) ? failureOf(error) : networkFailure()),
        complete: () => undefined,
      },
    );
  }

  /** Closes the socket (sign-out: the next subscription connects with the next identity). */
  close(): void {
    void this.ws?.dispose();
    this.ws = null;
  }

  private socket(): Client {
    this.ws ??= createClient({
      url: this.url.replace(/^http/, 'ws'),
      lazy: true,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      connectionParams: async () => {
        // A socket authenticates once, when it connects: make sure the token is fresh.
        const token = await this.tokens.freshToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    });
    return this.ws;
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
