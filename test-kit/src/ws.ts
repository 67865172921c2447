import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { until } from './until.js';

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

export interface EventLog<T> {
  /** Every `next` payload so far, errors included. */
  results: Array<{ data?: T | null; errors?: ReadonlyArray<{ extensions?: { code?: unknown } }> }>;
  /** Resolves once `count` payloads arrived; rejects after `timeoutMs` or on a socket error. */
  until(count: number, timeoutMs?: number): Promise<void>;
  stop(): void;
}

/** Subscribes and records what arrives, for tests that count and compare events. */
export function recordEvents<T = Record<string, unknown>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): EventLog<T> {
  const results: EventLog<T>['results'] = [];
  let failure: unknown;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        results.push(result as EventLog<T>['results'][number]);
        wake();
      },
      error: (error) => {
        failure = error;
        wake();
      },
      complete: wake,
    },
  );
  return {
    results,
    stop,
    until(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (results.length >= count) done(resolve);
          else if (failure !== undefined) done(() => reject(asError(failure)));
        };
        const timer = setTimeout(
          () =>
            done(() =>
              reject(new Error(`${results.length} of ${count} events after ${timeoutMs} ms`)),
            ),
          timeoutMs,
        );
        const done = (finish: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          finish();
        };
        waiters.add(check);
        check();
      });
    },
  };
}

function asError(failure: unknown): Error {
  if (failure instanceof Error) return failure;
  const code = (failure as { code?: number }).code;
  return new Error(code !== undefined ? `socket closed with ${code}` : JSON.stringify(failure));
}

/**
 * Causes events until every log has heard one, then returns. A subscription is live end to
 * end only once an event reaches it (the gateway answers a client once its upstream has), so
 * only an event can tell a test it may start. `cause` makes one event and answers what marks
 * it in the event's data (an id, a text; nothing: any event counts). Once every log has heard
 * the latest mark nothing caused earlier is still on its way, since one subscription's events
 * keep their order.
 */
export async function untilHeard(
  logs: ReadonlyArray<EventLog<unknown>>,
  cause: () => Promise<string | readonly string[] | void>,
  {
    timeoutMs = 20_000,
    roundMs = 500,
  }: {
    /** Give up after this long. */
    timeoutMs?: number;
    /** How long one caused event is waited for before another is caused. */
    roundMs?: number;
  } = {},
): Promise<void> {
  const heard = (log: EventLog<unknown>, marks: readonly string[]) =>
    marks.length === 0
      ? log.results.length > 0
      : log.results.some((r) =>
          marks.some((mark) => JSON.stringify(r.data ?? null).includes(mark)),
        );
  await until(
    `every subscription (${logs.length}) to hear a caused event`,
    async () => {
      const marks = [(await cause()) ?? []].flat();
      // A round that passes unheard counts as "not yet"; its message says what each log had.
      await until('this round’s event', () => logs.every((log) => heard(log, marks)), {
        timeoutMs: roundMs,
      }).catch(() => {
        throw new Error(`events so far per subscription: ${logs.map((l) => l.results.length)}`);
      });
      return true;
    },
    { timeoutMs, intervalMs: 0 },
  );
}
