import DataLoader from 'dataloader';
import type { Model } from 'mongoose';

/** One person's documents in a time range: `{ userId, from, to }`. */
export interface PersonRange {
  userId: string;
  from: Date;
  to: Date;
}

/**
 * A person's documents over a range, for many people at once: the keys of one request that
 * share a range are one query (`userId: { $in }`), however many people a dashboard shows.
 * `perPerson` bounds what one person contributes to the answer.
 */
export function personRangeLoader<T extends { userId: string }>(
  model: Model<T>,
  timeField: string,
  perPerson: number,
): DataLoader<PersonRange, T[], string> {
  return new DataLoader(
    async (keys) => {
      const byRange = new Map<string, PersonRange[]>();
      for (const key of keys) {
        const range = `${key.from.toISOString()}|${key.to.toISOString()}`;
        byRange.set(range, [...(byRange.get(range) ?? []), key]);
      }
      const found = new Map<string, T[]>();
      await Promise.all(
        [...byRange.values()].map(async (group) => {
          const { from, to } = group[0]!;
          const userIds = [...new Set(group.map((k) => k.userId))];
          // Streamed, so one prolific person costs reading time but never more than
          // `perPerson` documents of memory, and cannot crowd the others out of the answer.
          const cursor = model
            .find({ userId: { $in: userIds }, [timeField]: { $gte: from, $lte: to } } as never)
            .sort({ [timeField]: 1 })
            .lean()
            .cursor();
          for await (const raw of cursor) {
            const doc = raw as unknown as T;
            const key = cacheKey({ userId: doc.userId, from, to });
            const list = found.get(key);
            if (!list) found.set(key, [doc]);
            else if (list.length < perPerson) list.push(doc);
          }
        }),
      );
      return keys.map((key) => found.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );
}

function cacheKey({ userId, from, to }: PersonRange): string {
  return `${userId}|${from.toISOString()}|${to.toISOString()}`;
}
