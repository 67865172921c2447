/** One calendar day (UTC) of a person's check-ins and state. */
export interface Day {
  /** Days since the epoch. */
  day: number;
  /** Mean of the day's check-ins, 1..5; null when there was none. */
  mood: number | null;
  energy: number | null;
  /** Mean physiological stress that day, 0..1; null without data. */
  stress: number | null;
}

export const DAY_MS = 24 * 3600_000;
export const dayOf = (date: Date) => Math.floor(date.getTime() / DAY_MS);

/** Groups check-ins and states into consecutive days from the first to the last. */
export function dailySeries(
  checkIns: ReadonlyArray<{ createdAt: Date; mood: number; energy: number }>,
  states: ReadonlyArray<{ at: Date; stress: number | null }>,
): Day[] {
  const sums = new Map<number, { mood: number[]; energy: number[]; stress: number[] }>();
  const bucket = (d: number) =>
    sums.get(d) ?? (sums.set(d, { mood: [], energy: [], stress: [] }), sums.get(d)!);
  for (const c of checkIns) {
    const b = bucket(dayOf(c.createdAt));
    b.mood.push(c.mood);
    b.energy.push(c.energy);
  }
  for (const s of states) if (s.stress !== null) bucket(dayOf(s.at)).stress.push(s.stress);
  if (sums.size === 0) return [];
  const first = Math.min(...sums.keys());
  const last = Math.max(...sums.keys());
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const b = sums.get(first + i);
    return {
      day: first + i,
      mood: mean(b?.mood ?? []),
      energy: mean(b?.energy ?? []),
      stress: mean(b?.stress ?? []),
    };
  });
}
