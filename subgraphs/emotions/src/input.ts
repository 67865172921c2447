import { badUserInput } from '@mindscape/platform';

export interface Range {
  from: Date;
  to: Date;
}

/** `from` before `to`, and no longer than `maxMs`; BAD_USER_INPUT naming the field otherwise. */
export function checkRange({ from, to }: Range, maxMs: number, allowed: string): void {
  if (to.getTime() <= from.getTime())
    throw badUserInput('to', '`to` must be after `from`.', allowed);
  if (to.getTime() - from.getTime() > maxMs)
    throw badUserInput('from', 'The range is too long.', allowed);
}

// Newlines and tabs belong in written text (notes, journal lines); other control characters do not.
const controlCharacters = /[^\P{Cc}\n\r\t]/u;

/** True when a person's free text holds control characters other than line breaks and tabs. */
export const hasControlCharacters = (text: string) => controlCharacters.test(text);
