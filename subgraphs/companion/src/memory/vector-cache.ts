import type { MemoryStore } from './store.js';

interface PersonVectors {
  epoch: string;
  version: number;
  dimensions: number;
  ids: string[];
  /** Row i is memory i's unit vector. */
  vectors: Float32Array;
  recordedAt: Float64Array;
  /** Infinity while current. */
  expiredAt: Float64Array;
}

/**
 * The vector path, owner first: each person's vectors are held in this process and brought up
 * to date by version (only memories changed since are read; a forgetting reloads them all),
 * then scored exactly. A person's 10,000 memories are 20 MB and a few milliseconds of dot
 * products, where a scan in Cypher took hundreds. People least recently searched are dropped
 * past `maxVectors`.
 */
export class VectorCache {
  private readonly people = new Map<string, PersonVectors>();
  private held = 0;

  constructor(
    private readonly store: MemoryStore,
    private readonly maxVectors = 200_000,
  ) {}

  async search(owner: string, query: number[], asOf: number, k: number) {
    const entry = await this.current(owner);
    const { dimensions: d, vectors, ids } = entry;
    const scores: Array<{ id: string; score: number }> = [];
    for (let row = 0; row < ids.length; row++) {
      if (entry.recordedAt[row]! > asOf || entry.expiredAt[row]! <= asOf) continue;
      let dot = 0;
      const base = row * d;
      for (let i = 0; i < d; i++) dot += vectors[base + i]! * query[i]!;
      scores.push({ id: ids[row]!, score: dot });
    }
    return scores.sort((a, b) => b.score - a.score).slice(0, k);
  }

  private async current(owner: string): Promise<PersonVectors> {
    const { version, forgotAt, epoch } = await this.store.version(owner);
    let entry = this.people.get(owner);
    if (entry && entry.epoch === epoch && entry.version === version) {
      this.touch(owner, entry);
      return entry;
    }
    // Same memory since we last looked, nothing forgotten: read only what changed.
    const known = entry && entry.epoch === epoch && forgotAt <= entry.version ? entry : undefined;
    const changed = await this.store.vectorsSince(owner, known?.version ?? 0);
    entry = known ? this.merge(known, version, changed) : this.fresh(epoch, version, changed);
    this.remember(owner, entry);
    return entry;
  }

  private fresh(
    epoch: string,
    version: number,
    rows: Awaited<ReturnType<MemoryStore['vectorsSince']>>,
  ) {
    const dimensions = rows[0]?.embedding.length ?? 0;
    const entry: PersonVectors = {
      epoch,
      version,
      dimensions,
      ids: rows.map((r) => r.id),
      vectors: new Float32Array(rows.length * dimensions),
      recordedAt: Float64Array.from(rows, (r) => r.recordedAt),
      expiredAt: Float64Array.from(rows, (r) => r.expiredAt ?? Infinity),
    };
    rows.forEach((r, i) => entry.vectors.set(r.embedding, i * dimensions));
    return entry;
  }

  private merge(
    entry: PersonVectors,
    version: number,
    changed: Awaited<ReturnType<MemoryStore['vectorsSince']>>,
  ): PersonVectors {
    const index = new Map(entry.ids.map((id, i) => [id, i]));
    const added = changed.filter((r) => !index.has(r.id));
    const dimensions = entry.dimensions || (changed[0]?.embedding.length ?? 0);
    const n = entry.ids.length + added.length;
    const grown: PersonVectors = {
      epoch: entry.epoch,
      version,
      dimensions,
      ids: [...entry.ids, ...added.map((r) => r.id)],
      vectors: new Float32Array(n * dimensions),
      recordedAt: new Float64Array(n),
      expiredAt: new Float64Array(n),
    };
    grown.vectors.set(entry.vectors);
    grown.recordedAt.set(entry.recordedAt);
    grown.expiredAt.set(entry.expiredAt);
    for (const r of changed) {
      const row = index.get(r.id) ?? entry.ids.length + added.indexOf(r);
      grown.vectors.set(r.embedding, row * dimensions);
      grown.recordedAt[row] = r.recordedAt;
      grown.expiredAt[row] = r.expiredAt ?? Infinity;
    }
    return grown;
  }

  private remember(owner: string, entry: PersonVectors) {
    const previous = this.people.get(owner);
    if (previous) this.held -= previous.ids.length;
    this.people.delete(owner);
    this.people.set(owner, entry);
    this.held += entry.ids.length;
    // Map order is insertion order: the first are the least recently searched.
    for (const [other, held] of this.people) {
      if (this.held <= this.maxVectors || other === owner) break;
      this.people.delete(other);
      this.held -= held.ids.length;
    }
  }

  private touch(owner: string, entry: PersonVectors) {
    this.people.delete(owner);
    this.people.set(owner, entry);
  }
}
