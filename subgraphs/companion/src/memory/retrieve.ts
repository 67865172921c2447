import type { TextVault } from '../crypto/sealed-text.js';
import type { MemoryRecord, MemoryStore } from './store.js';
import type { VectorCache } from './vector-cache.js';
import { searchTerms } from './terms.js';

/** Turns texts into unit vectors (the multilingual sentence encoder, ml/). */
export interface Embedder {
  readonly dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}

export type RetrievalPath = 'vector' | 'keyword' | 'graph';

export interface MemoryHit {
  memory: MemoryRecord;
  score: number;
  via: RetrievalPath[];
}

export interface RetrievalOptions {
  asOf?: number;
  limit?: number;
  /** Which paths to use (the benchmark compares them); all by default. */
  paths?: readonly RetrievalPath[];
  now?: number;
}

/** Reciprocal rank fusion's constant: ranks beyond ~60 barely count, as in the original paper. */
const RRF_K = 60;
const CANDIDATES = 30;
const RECENCY_HALF_LIFE_MS = 30 * 24 * 3600_000;

/**
 * Hybrid retrieval: the vector path (meaning, across languages), the keyword path (exact
 * words and names, through keyed-hash terms), and a graph expansion from the best of both
 * to memories about the same people and places; fused by reciprocal rank, then rescored by
 * importance and recency.
 */
export async function retrieve(
  deps: { store: MemoryStore; vault: TextVault; embedder: Embedder; vectors: VectorCache },
  owner: string,
  query: string,
  options: RetrievalOptions = {},
): Promise<MemoryHit[]> {
  const now = options.now ?? Date.now();
  const asOf = options.asOf ?? now;
  const limit = options.limit ?? 10;
  const paths = new Set(options.paths ?? ['vector', 'keyword', 'graph']);
  const termKeys = searchTerms(query).map((t) => deps.vault.term(owner, t));
  const [vectorHits, keywordHits] = await Promise.all([
    paths.has('vector')
      ? deps.embedder.embed([query]).then(([v]) => deps.vectors.search(owner, v!, asOf, CANDIDATES))
      : [],
    paths.has('keyword') ? deps.store.keyword(owner, termKeys, asOf, CANDIDATES) : [],
  ]);
  const fused = new Map<string, { score: number; via: Set<RetrievalPath> }>();
  const add = (hits: Array<{ id: string }>, via: RetrievalPath, weight = 1) =>
    hits.forEach((hit, rank) => {
      const entry = fused.get(hit.id) ?? { score: 0, via: new Set<RetrievalPath>() };
      entry.score += weight / (RRF_K + rank + 1);
      entry.via.add(via);
      fused.set(hit.id, entry);
    });
  add(vectorHits, 'vector');
  add(keywordHits, 'keyword');
  if (paths.has('graph')) {
    const seeds = [...fused.entries()]
      .sort((a, b) => b[1].score - a[1].score)
      .slice(0, 5)
      .map(([id]) => id);
    add(await deps.store.expand(owner, seeds, asOf, 10), 'graph', 0.5);
  }
  const ranked = [...fused.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, CANDIDATES);
  const memories = await deps.store.byIds(
    owner,
    ranked.map(([id]) => id),
  );
  const byId = new Map(memories.map((m) => [m.id, m]));
  return ranked
    .flatMap(([id, { score, via }]) => {
      const memory = byId.get(id);
      if (!memory) return [];
      const age = Math.max(0, now - memory.recordedAt);
      const recency = 0.5 ** (age / RECENCY_HALF_LIFE_MS);
      return [
        { memory, score: score * (1 + 0.3 * memory.importance + 0.2 * recency), via: [...via] },
      ];
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
