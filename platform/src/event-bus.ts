import { EventEmitter } from 'node:events';
import { ErrorCode, codedError } from './errors.js';

/**
 * A subscription to a topic, listening from the moment `subscribe` returns (not from the
 * first `next()`, as an async generator would): events published after `ready` settles are
 * certain to arrive, in order. Subscription resolvers await `ready` before they answer, so a
 * stream is live once the subscription is accepted and nothing published after is lost.
 */
/**
 * Yielded in place of an event when events may have been lost on the way (the connection to
 * Redis dropped and came back): subscribers re-read what they follow.
 */
export const EVENTS_GAP: unique symbol = Symbol('events may have been missed');

export interface TopicSubscription<T> extends AsyncIterable<T | typeof EVENTS_GAP> {
  /** Settles once the subscription is in place everywhere events come from (Redis: SUBSCRIBE confirmed). */
  readonly ready: Promise<void>;
}

/**
 * Carries domain events (a person's state changed, a story was edited) from the service that
 * produced them to every subscriber. In-process by default; a Redis implementation of this
 * interface takes over when several instances run.
 */
export interface EventBus {
  publish<T>(topic: string, payload: T): Promise<void>;
  /** Events published on `topic` from now on (see TopicSubscription); ends when `signal` aborts. */
  subscribe<T>(topic: string, signal: AbortSignal): TopicSubscription<T>;
  close(): Promise<void>;
}

/**
 * The buffer between a bus's listener and the subscriber's loop: events queue until read, and
 * an abort ends the loop (events still queued then are not delivered). `detach` runs once,
 * when the loop ends or the signal aborts, whichever is first.
 */
export function topicSubscription<T>(
  signal: AbortSignal,
  ready: Promise<void>,
  attach: (push: (payload: T | typeof EVENTS_GAP) => void) => () => void,
): TopicSubscription<T> {
  const queue: Array<T | typeof EVENTS_GAP> = [];
  let wake: (() => void) | undefined;
  const push = (payload: T | typeof EVENTS_GAP) => {
    queue.push(payload);
    wake?.();
  };
  let detached = false;
  const detachListener = signal.aborted ? () => undefined : attach(push);
  const detach = () => {
    if (detached) return;
    detached = true;
    signal.removeEventListener('abort', onAbort);
    detachListener();
  };
  const onAbort = () => {
    detach();
    wake?.();
  };
  signal.addEventListener('abort', onAbort, { once: true });
  return {
    ready,
    async *[Symbol.asyncIterator]() {
      try {
        await ready;
        while (!signal.aborted) {
          if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          while (queue.length > 0 && !signal.aborted) yield queue.shift()!;
        }
      } finally {
        detach();
      }
    },
  };
}

export class InProcessEventBus implements EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Each live subscription is one listener; thousands per topic are normal here.
    this.emitter.setMaxListeners(0);
  }

  async publish<T>(topic: string, payload: T): Promise<void> {
    this.emitter.emit(topic, payload);
  }

  subscribe<T>(topic: string, signal: AbortSignal): TopicSubscription<T> {
    return topicSubscription<T>(signal, Promise.resolve(), (push) => {
      const listener = (payload: T) => push(payload);
      this.emitter.on(topic, listener);
      return () => this.emitter.off(topic, listener);
    });
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/**
 * What a subscription resolver answers: the topic's events, each presented as the value of
 * `field` (`undefined` skips one), listening before the resolver returns, so the stream is live
 * once the subscription is accepted. A gap in the bus becomes one result with the coded error
 * EVENTS_MAY_HAVE_BEEN_MISSED (the stream goes on), as the gateway announces its own gaps.
 * Ending the stream (the client leaves, even before its first read) stops listening.
 */
async function liveStream<T, R>(
  bus: EventBus,
  topic: string,
  field: string,
  present: (event: T) => R | undefined | Promise<R | undefined>,
): Promise<AsyncIterableIterator<Record<string, R>>> {
  const stop = new AbortController();
  const live = bus.subscribe<T>(topic, stop.signal);
  try {
    await live.ready;
  } catch (error) {
    stop.abort();
    throw error;
  }
  const events = (async function* () {
    try {
      for await (const event of live) {
        if (event === EVENTS_GAP) {
          yield gapResult<R>(field);
          continue;
        }
        const presented = await present(event);
        if (presented !== undefined) yield { [field]: presented };
      }
    } finally {
      stop.abort();
    }
  })();
  const iterator: AsyncIterableIterator<Record<string, R>> = {
    next: () => events.next(),
    // A generator never read ignores return(): the abort is what stops listening then.
    return: () => {
      stop.abort();
      return events.return(undefined);
    },
    throw: (error?: unknown) => {
      stop.abort();
      return events.throw(error);
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/**
 * A payload whose field fails with EVENTS_MAY_HAVE_BEEN_MISSED when resolved: graphql-js turns
 * it into one result with that error and keeps the subscription open.
 */
function gapResult<R>(field: string): Record<string, R> {
  return Object.defineProperty({}, field, {
    enumerable: true,
    get() {
      throw codedError(
        ErrorCode.EVENTS_MAY_HAVE_BEEN_MISSED,
        'The event source lost its connection for a moment; events may have been missed. Re-read the current state.',
      );
    },
  }) as Record<string, R>;
}

/**
 * A subscription resolver's answer: `open` checks who asks and starts listening (liveStream);
 * a refusal is thrown at the stream's first read, which graphql-ws answers with an `error`
 * message carrying the coded errors, the shape clients and the gateway expect of a refused
 * subscription (a rejected resolver would answer `next` with the errors, then `complete`).
 */
async function acceptedStream<R>(
  open: () => Promise<AsyncIterableIterator<R>>,
): Promise<AsyncIterableIterator<R>> {
  try {
    return await open();
  } catch (refusal) {
    const refused: AsyncIterableIterator<R> = {
      next: () => Promise.reject(refusal as Error),
      return: () => Promise.resolve({ done: true, value: undefined }),
      [Symbol.asyncIterator]: () => refused,
    };
    return refused;
  }
}

/** What a subscription may stream once its caller is allowed: a topic, and how to present it. */
export interface AllowedStream<T, R> {
  topic: string;
  present: (event: T) => R | undefined | Promise<R | undefined>;
}

/**
 * A subscription field's stream: `allow` checks who asks and names the topic (throwing to
 * refuse); then it listens (liveStream), and a refusal reaches the client as graphql-ws's
 * `error` message (acceptedStream).
 */
export function authorizedStream<T, R>(
  bus: EventBus,
  field: string,
  allow: () => Promise<AllowedStream<T, R>>,
): Promise<AsyncIterableIterator<Record<string, R>>> {
  return acceptedStream(async () => {
    const { topic, present } = await allow();
    return liveStream(bus, topic, field, present);
  });
}
