import { isDuplicateKey } from '@mindscape/platform';
import type { Model } from 'mongoose';
import type { SampleDoc } from '../models/index.js';

/** Most samples one write carries; a single larger batch still goes whole. */
const MAX_SAMPLES_PER_WRITE = 20_000;

interface Waiting {
  docs: SampleDoc[];
  resolve: (alreadyStored: Set<number>) => void;
  reject: (error: unknown) => void;
}

interface WriteError {
  code: number;
  index?: number;
}

/**
 * Group commit for samples. A thousand wearables each sending a sample a second are a thousand
 * small inserts a second, and an engine that commits each on its own (FerretDB on SQLite, one
 * writer at a time) queues them until the ingest takes seconds. Here a write goes out at once
 * when none is in flight; samples that arrive meanwhile wait for it and then go together in
 * one unordered insert. Nothing waits on a timer, so a lone wearable's write is as fast as
 * before, and every request is still answered only after the database acknowledged its own
 * samples (decision 0027).
 */
export class SampleWriter {
  private readonly waiting: Waiting[] = [];
  private writing = false;
  /** Writes made and requests they carried, for the benchmark. */
  readonly counts = { writes: 0, requests: 0 };

  constructor(private readonly collection: Model<SampleDoc>['collection']) {}

  /**
   * Stores `docs`; resolves with the indexes (into `docs`) of those already stored (a retried
   * batch), once the database has acknowledged the rest. Rejects when the write failed for
   * another reason; what was stored then counts as already stored on the client's retry.
   */
  insert(docs: SampleDoc[]): Promise<Set<number>> {
    if (docs.length === 0) return Promise.resolve(new Set());
    return new Promise((resolve, reject) => {
      this.waiting.push({ docs, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) await this.write(this.nextGroup());
    } finally {
      this.writing = false;
    }
  }

  private nextGroup(): Waiting[] {
    const group = [this.waiting.shift()!];
    let samples = group[0]!.docs.length;
    while (
      this.waiting.length > 0 &&
      samples + this.waiting[0]!.docs.length <= MAX_SAMPLES_PER_WRITE
    ) {
      const next = this.waiting.shift()!;
      samples += next.docs.length;
      group.push(next);
    }
    return group;
  }

  private async write(group: Waiting[]): Promise<void> {
    this.counts.writes++;
    this.counts.requests += group.length;
    try {
      await this.collection.insertMany(
        group.flatMap((w) => w.docs),
        { ordered: false },
      );
      for (const waiting of group) waiting.resolve(new Set());
    } catch (error) {
      const duplicates = duplicateIndexes(error);
      if (!duplicates) {
        for (const waiting of group) waiting.reject(error);
        return;
      }
      // Back from the write's indexes to each request's own.
      let offset = 0;
      for (const waiting of group) {
        const own = new Set<number>();
        for (let i = 0; i < waiting.docs.length; i++) if (duplicates.has(offset + i)) own.add(i);
        offset += waiting.docs.length;
        waiting.resolve(own);
      }
    }
  }
}

/**
 * The indexes of an unordered insert's duplicate-key errors, or undefined when the write failed
 * otherwise (or an error does not say which sample it was about).
 */
function duplicateIndexes(error: unknown): Set<number> | undefined {
  const writeErrors = (error as { writeErrors?: WriteError[] | WriteError }).writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  if (list.length === 0) return undefined;
  if (list.some((e) => !isDuplicateKey(e) || typeof e.index !== 'number')) return undefined;
  return new Set(list.map((e) => e.index!));
}
