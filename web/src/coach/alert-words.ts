import type { SafetyLevel } from '../gql/graphql';

/** How serious the safety guard judged a message, for a coach reading at a glance. */
export const LEVEL: Record<SafetyLevel, { label: string; seen: string }> = {
  NONE: { label: 'No risk', seen: 'nothing of concern' },
  CONCERN: { label: 'Concern', seen: 'words of distress, with no sign of immediate danger' },
  ELEVATED: { label: 'Elevated risk', seen: 'signs of serious risk of harm' },
  IMMINENT: { label: 'Imminent danger', seen: 'signs of danger to life right now' },
};

/** Whose risk the message spoke of. */
export const SUBJECT: Record<string, string> = {
  SELF: 'to themselves',
  OTHER: 'to someone they are worried about',
};

/** "The safety guard saw signs of danger to life right now, to themselves." */
export function whatTheGuardSaw(level: SafetyLevel, subject: string): string {
  return `The safety guard saw ${LEVEL[level].seen}, ${SUBJECT[subject] ?? 'to someone'}. Crisis lines were shown to them first.`;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "just now", "3 minutes ago", "yesterday": how long ago, from `now` (ms since the epoch). */
export function timeAgo(iso: string, now: number, locale?: string): string {
  const elapsed = now - new Date(iso).getTime();
  if (elapsed < 45_000) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS)
    if (elapsed >= ms || unit === 'minute') return format.format(-Math.round(elapsed / ms), unit);
  return 'just now';
}
