/**
 * Identical subgraph reads in flight at the same moment share one request: a dashboard opened
 * by many tabs, or a person refreshing, costs the subgraph one answer. Only reads (mutations
 * are never merged), and only for the same identity, so no one sees an answer made for
 * someone else. Each caller gets its own copy: the gateway merges into what it receives.
 */
export class InflightReads<T> {
  private readonly pending = new Map<string, Promise<T>>();

  constructor(private readonly copy: (answer: T) => T) {}

  async run(key: string | undefined, fetch: () => Promise<T>): Promise<T> {
    if (key === undefined) return fetch();
    let shared = this.pending.get(key);
    if (!shared) {
      shared = fetch().finally(() => this.pending.delete(key));
      this.pending.set(key, shared);
      return shared;
    }
    return this.copy(await shared);
  }
}
