import { isDuplicateKey } from '@mindscape/platform';
import type { Model } from 'mongoose';
import { GroupCommit } from '../group-commit.js';
import type { SampleDoc } from '../models/index.js';

interface WriteError {
  code: number;
  index?: number;
}

/**
 * Samples, stored with group commit (group-commit.ts): concurrent requests' samples go in one
 * unordered insert, and each request learns which of its own were already stored (a retried
 * batch). Every request is still answered only after the database acknowledged its samples
 * (decision 0027).
 */
export class SampleWriter {
  private readonly commits: GroupCommit<SampleDoc, boolean>;

  constructor(collection: Model<SampleDoc>['collection']) {
    this.commits = new GroupCommit(async (docs) => {
      try {
        await collection.insertMany(docs, { ordered: false });
        return docs.map(() => false);
      } catch (error) {
        const duplicates = duplicateIndexes(error);
        if (!duplicates) throw error;
        return docs.map((_, i) => duplicates.has(i));
      }
    });
  }

  /** Writes made and requests they carried, for tests and the benchmark. */
  get counts(): { writes: number; requests: number } {
    return { writes: this.commits.counts.writes, requests: this.commits.counts.submissions };
  }

  /**
   * Stores `docs`; resolves with the indexes (into `docs`) of those already stored, once the
   * database has acknowledged the rest. Rejects when the write failed for another reason; what
   * was stored then counts as already stored on the client's retry.
   */
  async insert(docs: SampleDoc[]): Promise<Set<number>> {
    const duplicate = await this.commits.submit(docs);
    const stored = new Set<number>();
    duplicate.forEach((isDuplicate, i) => isDuplicate && stored.add(i));
    return stored;
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
