import { badUserInput } from '@mindscape/platform';
import { compileExpression } from 'filtrex';

/**
 * Choice rules are small expressions over the reader's live state (`stress`, `arousal`, from
 * 0 to 1) and the playthrough's variables, e.g. `stress >= 0.6 and visits < 3`. filtrex
 * compiles them to functions without `eval` of author text: no property access beyond the
 * names given, no calls besides its few math functions.
 */
export type Rule = (facts: Record<string, unknown>) => boolean;

const MAX_RULE = 500;

export function compileRule(expression: string, field: string): Rule {
  if (expression.length > MAX_RULE)
    throw badUserInput(
      field,
      `A rule is at most ${MAX_RULE} characters.`,
      `≤ ${MAX_RULE} characters`,
    );
  let compiled: (facts: Record<string, unknown>) => unknown;
  try {
    compiled = compileExpression(expression);
  } catch (error) {
    throw badUserInput(
      field,
      `The rule "${expression}" does not parse: ${(error as Error).message.split('\n')[0]}`,
      'comparisons of stress, arousal and story variables with and / or / not, e.g. "stress >= 0.6"',
    );
  }
  // Unknown names and type errors come back as Error values: they count as "no".
  return (facts) => compiled(facts) === true;
}
