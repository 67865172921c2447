/**
 * Identical subgraph reads in flight at the same moment share one request: a dashboard opened
 * by many tabs, or a person refreshing, costs the subgraph one answer. Only reads (mutations
 * are never merged), and only for the same identity, so no one sees an answer made for
 * someone else. Each caller gets its own copy: the gateway merges into what it receives.
 */
export class InflightReads<T> {
  private readonly pending = new Map<string, Promise<T>>();

  constructor(
    private readonly copy: (answer: T) => T,
    private readonly writes: WriteEpoch,
  ) {}

  async run(readKey: string | undefined, fetch: () => Promise<T>): Promise<T> {
    if (readKey === undefined) return fetch();
    // Only reads begun since the last write this gateway saw complete: a read sent after a
    // caller's own write was answered never joins one that may have read before it.
    const key = `${this.writes.current}\n${readKey}`;
    let shared = this.pending.get(key);
    if (!shared) {
      shared = fetch().finally(() => this.pending.delete(key));
      this.pending.set(key, shared);
      return shared;
    }
    return this.copy(await shared);
  }
}

/**
 * How many writes (mutations answered by a subgraph) and revocations this gateway has seen
 * complete. Shared reads are keyed with it, so a read that starts after a write never gets the
 * answer of a read that started before, whoever wrote: sharing never trades freshness.
 */
export class WriteEpoch {
  private count = 0;

  get current(): number {
    return this.count;
  }

  /** A write completed (before its answer reaches the client). */
  advance(): void {
    this.count++;
  }
}
