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
