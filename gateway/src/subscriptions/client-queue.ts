/**
 * Writes an event to the client at once, or answers false (the socket is not idle: it has
 * bytes still waiting for the network, or is closing), and the event takes the queue's path.
 */
export type DeliverNow<T> = (item: T) => boolean;

/**
 * One client's pending events, bounded: a slow client (a phone on a bad network) loses its
 * oldest events rather than growing the gateway's memory. The graphql-ws server pulls from it
 * as an async iterator, at the pace the socket drains.
 *
 * While the server waits on an empty queue it has sent everything before, so an event may go
 * to `deliverNow` straight from the push (docs/decisions/0031): one write in the hub's loop
 * instead of a round of promises per client. The server stays waiting for the next one.
 */
export class ClientQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private ended = false;

  constructor(
    private readonly bound: number,
    private readonly onDrop: () => void,
    /** Called once, when the client leaves or the stream ends. */
    private readonly onEnd: () => void,
    private readonly deliverNow?: DeliverNow<T>,
  ) {}

  push(item: T): void {
    if (this.ended) return;
    const waiting = this.waiting;
    if (waiting) {
      if (this.deliverNow?.(item)) return;
      this.waiting = undefined;
      waiting({ value: item, done: false });
      return;
    }
    this.items.push(item);
    if (this.items.length > this.bound) {
      this.items.shift();
      this.onDrop();
    }
  }

  /** No more events; what is queued is still delivered. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.({ value: undefined, done: true });
    this.onEnd();
  }

  get size(): number {
    return this.items.length;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** The client unsubscribed or disconnected. */
  return(): Promise<IteratorResult<T>> {
    this.items.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
