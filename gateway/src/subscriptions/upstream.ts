import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode, codedError, serviceUnavailable } from '@mindscape/platform';
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { clientExtensions } from '../client-errors.js';
import type { ClientQueue } from './client-queue.js';

export type UpstreamEvent = FormattedExecutionResult<Record<string, unknown>, unknown>;

export interface UpstreamRequest {
  /** The subgraph's HTTP GraphQL URL; its WebSocket is on the same path. */
  url: string;
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
  /** A fresh signed assertion for each (re)connection: each is accepted once, for seconds. */
  connectionParams: () => Promise<Record<string, unknown>>;
}

export interface UpstreamCounters {
  delivered(count: number): void;
  reconnected(): void;
}

/** Clients written to between two turns of the event loop (about 10 ms of writes). */
const BROADCAST_SLICE = 1000;

/** Sent to clients after an upstream reconnection. */
export const EVENTS_MAY_HAVE_BEEN_MISSED: ExecutionResult = {
  data: null,
  errors: [
    codedError(
      ErrorCode.EVENTS_MAY_HAVE_BEEN_MISSED,
      'The event source reconnected; events may have been missed. Re-read the current state.',
    ),
  ],
};

/**
 * Clients that asked the same whole operation (same document, variables and identity): the
 * rest of the plan runs once per event for all of them, and events keep their order.
 */
export class SharedOperation {
  readonly clients = new Set<ClientQueue<ExecutionResult>>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly merge: (event: UpstreamEvent) => Promise<ExecutionResult>,
    private readonly counters: UpstreamCounters,
  ) {}

  deliver(event: UpstreamEvent): void {
    this.enqueue(async () => {
      const result = await this.merge(event).catch((): ExecutionResult => ({
        data: null,
        errors: [codedError(ErrorCode.INTERNAL_SERVER_ERROR, 'This event could not be completed.')],
      }));
      await this.broadcast(result);
    });
  }

  notify(result: ExecutionResult): void {
    this.enqueue(() => this.broadcast(result));
  }

  /** The upstream ended (completed, or refused on resubscription): end every client. */
  finish(result?: ExecutionResult): void {
    this.enqueue(async () => {
      if (result) await this.broadcast(result);
      for (const client of [...this.clients]) client.end();
    });
  }

  /**
   * Hands the event to every client, a slice at a time: a slice's clients are written to
   * in one go (client-queue.ts), then the loop reads its sockets before the next slice, so
   * ten thousand writes never hold pings, joins and other streams' events for long.
   */
  private async broadcast(result: ExecutionResult): Promise<void> {
    const clients = [...this.clients];
    for (let from = 0; from < clients.length; from += BROADCAST_SLICE) {
      if (from > 0) await setImmediate();
      for (const client of clients.slice(from, from + BROADCAST_SLICE)) client.push(result);
    }
    this.counters.delivered(clients.length);
  }

  /** Steps run in order; one that throws must not stop the ones after it. */
  private enqueue(step: () => Promise<void>): void {
    this.chain = this.chain.then(step).catch(() => undefined);
  }
}

/**
 * One graphql-ws subscription to a subgraph, shared by every client operation whose plan has
 * the same primary fetch, variables and identity. Once it has been live, a dropped socket is
 * reconnected with jittered backoff and the clients are told events may have been missed; a
 * first connection that fails is reported to the clients waiting for it.
 */
export class Upstream {
  readonly operations = new Map<string, SharedOperation>();
  /** Settles on the first event (no errors) or on a refusal (its errors). */
  readonly ready: Promise<readonly GraphQLError[] | undefined>;
  private readonly client: Client;
  private readonly unsubscribe: () => void;
  private live = false;
  private closed = false;
  private gapBeforeFirstEvent = false;

  constructor(
    request: UpstreamRequest,
    counters: UpstreamCounters,
    private readonly onClosed: () => void,
  ) {
    let settle!: (errors: readonly GraphQLError[] | undefined) => void;
    let settled = false;
    this.ready = new Promise((resolve) => {
      settle = (errors) => {
        if (settled) return;
        settled = true;
        resolve(errors);
      };
    });
    this.client = createClient({
      url: request.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: request.connectionParams,
      lazy: true,
      keepAlive: 10_000,
      retryAttempts: Number.MAX_SAFE_INTEGER,
      shouldRetry: () => this.live && !this.closed,
      retryWait: (retries) =>
        sleep(Math.min(5_000, 100 * 2 ** retries) * (0.5 + Math.random() / 2)),
      on: {
        connected: (_socket, _payload, wasRetry) => {
          this.live = true;
          if (!wasRetry) return;
          counters.reconnected();
          for (const operation of this.operations.values())
            operation.notify(EVENTS_MAY_HAVE_BEEN_MISSED);
        },
      },
    });
    this.unsubscribe = this.client.subscribe<Record<string, unknown>>(
      {
        query: request.query,
        variables: request.variables,
        ...(request.operationName ? { operationName: request.operationName } : {}),
      },
      {
        next: (event) => {
          settle(undefined);
          if (this.gapBeforeFirstEvent) {
            this.gapBeforeFirstEvent = false;
            for (const operation of this.operations.values())
              operation.notify(EVENTS_MAY_HAVE_BEEN_MISSED);
          }
          for (const operation of this.operations.values()) operation.deliver(event);
        },
        error: (error) => {
          const errors = upstreamErrors(error);
          settle(errors);
          for (const operation of this.operations.values())
            operation.finish({ data: null, errors });
          this.close();
        },
        complete: () => {
          settle(undefined);
          for (const operation of this.operations.values()) operation.finish();
          this.close();
        },
      },
    );
  }

  /** This upstream replaces another (re-authorization): its clients hear of the gap first. */
  announceGapAtFirstEvent(): void {
    this.gapBeforeFirstEvent = true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    // dispose() awaits a connection attempt in progress and rejects when it fails (the
    // subgraph is down): nothing to do about it here, and unhandled it would end the gateway.
    void Promise.resolve()
      .then(() => this.client.dispose())
      .catch(() => undefined);
    this.onClosed();
  }
}

/**
 * graphql-ws rejects with the server's GraphQL errors, or with a close event. A subgraph's
 * errors keep only the extensions clients may see (client-errors.ts), as over HTTP; one without
 * a code is masked on its way out, as every uncoded error over WebSocket is (errorForClient).
 */
export function upstreamErrors(error: unknown): GraphQLError[] {
  if (Array.isArray(error)) {
    return error.map(
      (e: {
        message?: string;
        extensions?: Record<string, unknown>;
        path?: ReadonlyArray<string | number>;
      }) =>
        new GraphQLError(e.message ?? 'Subscription refused', {
          extensions: clientExtensions(e.extensions ?? {}),
          ...(e.path ? { path: e.path } : {}),
        }),
    );
  }
  return [serviceUnavailable('The subscription source is unavailable; try again shortly.')];
}
