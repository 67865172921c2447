/**
 * The crisis lines the companion's fixed crisis text names, as tap-to-call links. The text
 * itself is the companion's (subgraphs/companion/src/safety/resources.ts, reviewed word for
 * word); the page only makes its numbers callable, and lists them first, large. Once the
 * graph's answer is in, its `safety.lines` are shown; this copy (checked against the
 * companion's list by web/test/companion-page.test.ts) serves the moment before, while the
 * crisis text is already streaming in.
 */
export interface CrisisLine {
  /** As written and read: "988", "1577-0199". */
  number: string;
  label: string;
  tel: `tel:${string}`;
  sms?: `sms:${string}`;
  /** For danger to life right now (police, ambulance). */
  emergency: boolean;
}

export type SafetyLocale = 'en' | 'ko';

export const CRISIS_LINES: Record<SafetyLocale, readonly CrisisLine[]> = {
  en: [
    {
      number: '988',
      label: 'Suicide & Crisis Lifeline (US): call or text, 24/7',
      tel: 'tel:988',
      sms: 'sms:988',
      emergency: false,
    },
    {
      number: '911',
      label: 'Emergency services (US), or your local emergency number',
      tel: 'tel:911',
      emergency: true,
    },
  ],
  ko: [
    { number: '109', label: '자살예방상담전화 (24시간)', tel: 'tel:109', emergency: false },
    {
      number: '1577-0199',
      label: '정신건강위기상담전화 (24시간)',
      tel: 'tel:15770199',
      emergency: false,
    },
    { number: '112', label: '긴급 신고 (경찰)', tel: 'tel:112', emergency: true },
    { number: '119', label: '긴급 신고 (구급·소방)', tel: 'tel:119', emergency: true },
  ],
};

const ALL = [...CRISIS_LINES.en, ...CRISIS_LINES.ko];

/** A number standing alone in the text (not part of a longer number). */
const mentions = (text: string, number: string) =>
  new RegExp(`(^|[^\\d-])${number.replace(/-/g, '-?')}($|[^\\d-])`).test(text);

/**
 * The lines to show for a reply: the safety locale's list when the graph said which, else the
 * lines whose numbers the crisis text names (both locales' numbers are distinct).
 */
export function crisisLinesFor(
  locale: string | null | undefined,
  crisisText: string,
): CrisisLine[] {
  if (locale === 'en' || locale === 'ko') return [...CRISIS_LINES[locale]];
  return ALL.filter((line) => mentions(crisisText, line.number));
}

/**
 * A reply split into its fixed crisis text and the rest. The companion streams the crisis text
 * as the reply's first piece (ending in a blank line); failing that, the leading paragraphs up
 * to the last one naming a crisis line within the first three.
 */
export function splitCrisis(text: string, firstPiece?: string): { crisis: string; rest: string } {
  if (firstPiece && firstPiece.endsWith('\n\n') && text.startsWith(firstPiece))
    return { crisis: firstPiece.trim(), rest: text.slice(firstPiece.length).trim() };
  const paragraphs = text.split(/\n\s*\n/);
  let last = -1;
  paragraphs.slice(0, 3).forEach((paragraph, index) => {
    if (ALL.some((line) => mentions(paragraph, line.number))) last = index;
  });
  if (last < 0) return { crisis: '', rest: text };
  return {
    crisis: paragraphs
      .slice(0, last + 1)
      .join('\n\n')
      .trim(),
    rest: paragraphs
      .slice(last + 1)
      .join('\n\n')
      .trim(),
  };
}

/** Whether streamed text so far opens with crisis resources (before the graph says so). */
export const opensWithCrisisText = (firstPiece: string | undefined) =>
  !!firstPiece &&
  firstPiece.endsWith('\n\n') &&
  ALL.some((line) => mentions(firstPiece, line.number));
