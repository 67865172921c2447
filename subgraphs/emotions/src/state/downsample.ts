import type { PhysioStateDoc } from '../models/index.js';

const numeric = [
  'heartRate',
  'stress',
  'arousal',
  'valence',
  'coherence',
  'breathingRate',
  'confidence',
] as const;

/**
 * At most `points` states over [from, to]: equal time buckets, numeric fields averaged, the
 * label and HRV of each bucket's last state kept. Fewer states than points pass through.
 */
export function downsample(
  states: PhysioStateDoc[],
  from: Date,
  to: Date,
  points: number,
): PhysioStateDoc[] {
  if (states.length <= points) return states;
  const span = to.getTime() - from.getTime();
  const buckets = new Map<number, PhysioStateDoc[]>();
  for (const state of states) {
    const bucket = Math.min(
      points - 1,
      Math.floor(((state.at.getTime() - from.getTime()) / span) * points),
    );
    const group = buckets.get(bucket);
    if (group) group.push(state);
    else buckets.set(bucket, [state]);
  }
  return [...buckets.values()].map((group) => {
    const last = group.at(-1)!;
    const merged: PhysioStateDoc = { ...last };
    const average = (field: (typeof numeric)[number]) => {
      const values = group.map((s) => s[field]).filter((v): v is number => typeof v === 'number');
      return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
    };
    for (const field of numeric) if (field !== 'confidence') merged[field] = average(field);
    merged.confidence = average('confidence') ?? 0;
    return merged;
  });
}
