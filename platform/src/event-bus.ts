import { EventEmitter } from 'node:events';

/**
 * A subscription to a topic, listening from the moment `subscribe` returns (not from the
 * first `next()`, as an async generator would): events published after `ready` settles are
 * certain to arrive, in order. Subscription resolvers await `ready` before they answer, so a
 * stream is live once the subscription is accepted and nothing published after is lost.
 */
export interface TopicSubscription<T> extends AsyncIterable<T> {
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
  attach: (push: (payload: T) => void) => () => void,
): TopicSubscription<T> {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  const push = (payload: T) => {
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
 * What a subscription resolver answers: the topic's events, each presented for the field
 * (`undefined` skips one), listening before the resolver returns, so the stream is live once
 * the subscription is accepted. Ending the stream (the client leaves, even before its first
 * read) stops listening.
 */
export async function liveStream<T, R>(
  bus: EventBus,
  topic: string,
  present: (event: T) => R | undefined | Promise<R | undefined>,
): Promise<AsyncIterableIterator<R>> {
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
        const presented = await present(event);
        if (presented !== undefined) yield presented;
      }
    } finally {
      stop.abort();
    }
  })();
  const iterator: AsyncIterableIterator<R> = {
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
 * A subscription resolver's answer: `open` checks who asks and starts listening (liveStream);
 * a refusal is thrown at the stream's first read, which graphql-ws answers with an `error`
 * message carrying the coded errors, the shape clients and the gateway expect of a refused
 * subscription (a rejected resolver would answer `next` with the errors, then `complete`).
 */
export async function acceptedStream<R>(
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
