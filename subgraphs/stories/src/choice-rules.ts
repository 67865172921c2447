import { badUserInput } from '@mindscape/platform';
import { compileExpression } from 'filtrex';

/**
 * Choice rules are small expressions over the reader's live state (`stress` and `arousal` from
 * 0 to 1, `valence` from −1 to 1, `heartRate` in beats a minute, `coherence` from 0 to 10,
 * `breathingRate` in breaths a minute) and the playthrough's variables, e.g.
 * `stress >= 0.6 and visits < 3` or `heartRate >= 100`. filtrex
 * compiles them to functions without `eval` of author text: no property access beyond the
 * names given, no calls besides its few math functions.
 */
export type Rule = (facts: Record<string, unknown>) => boolean;

/** What the reader's body says right now; every other name in a rule is a story variable. */
export const LIVE_STATE = new Set([
  'stress',
  'arousal',
  'valence',
  'heartRate',
  'coherence',
  'breathingRate',
]);

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
      'comparisons of stress, arousal, valence, heartRate, coherence, breathingRate and story variables with and / or / not, e.g. "stress >= 0.6"',
    );
  }
  // Unknown names and type errors come back as Error values: they count as "no".
  return (facts) => compiled(facts) === true;
}

const WORDS = new Set(
  'and or not in of if then else true false abs ceil floor log log2 log10 max min round sqrt exists empty mod'.split(
    ' ',
  ),
);

/** The story variables a rule or effect reads (what validation checks are set somewhere). */
export function ruleVariables(expression: string): string[] {
  const names = new Set<string>();
  const code = expression
    .replace(/"(?:[^"\\]|\\.)*"/g, ' ')
    .replace(/'((?:[^'\\]|\\.)*)'/g, (_, name: string) => {
      names.add(name);
      return ' ';
    });
  for (const match of code.matchAll(/[A-Za-z_$][\w$]*/g))
    if (!WORDS.has(match[0]) && !LIVE_STATE.has(match[0])) names.add(match[0]);
  return [...names];
}

export interface Effect {
  variable: string;
  value: (facts: Record<string, unknown>) => unknown;
  expression: string;
  reads: string[];
}

const MAX_EFFECTS = 20;

/**
 * A choice's effects on story variables: `name = expression` assignments separated by `;`,
 * e.g. `courage = courage + 1; metGuide = 1`. Values are numbers (true/false become 1/0).
 * Parsing alone (what validation needs: which variables are set and read) compiles nothing.
 */
export function parseEffects(
  text: string,
  field = 'effects',
): Array<{ variable: string; expression: string; reads: string[] }> {
  if (text.length > MAX_RULE * 2)
    throw badUserInput(
      field,
      `Effects are at most ${MAX_RULE * 2} characters.`,
      `≤ ${MAX_RULE * 2} characters`,
    );
  const parts = text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length > MAX_EFFECTS)
    throw badUserInput(
      field,
      `At most ${MAX_EFFECTS} effects per choice.`,
      `≤ ${MAX_EFFECTS} assignments`,
    );
  return parts.map((part) => {
    const match = /^([A-Za-z_]\w{0,49})\s*=(?!=)\s*(.+)$/s.exec(part);
    if (!match || LIVE_STATE.has(match[1]!))
      throw badUserInput(
        field,
        `"${part}" is not an assignment to a story variable.`,
        'name = expression; … (names other than the live state: stress, arousal, valence, heartRate, coherence, breathingRate)',
      );
    return { variable: match[1]!, expression: match[2]!, reads: ruleVariables(match[2]!) };
  });
}

/** Effects ready to apply: each expression compiled by filtrex. */
export function compileEffects(text: string, field = 'effects'): Effect[] {
  return parseEffects(text, field).map((effect) => {
    try {
      return { ...effect, value: compileExpression(effect.expression) };
    } catch (error) {
      throw badUserInput(
        field,
        `"${effect.expression}" does not parse: ${(error as Error).message.split('\n')[0]}`,
        'arithmetic over story variables, e.g. "courage + 1"',
      );
    }
  });
}

/** The variables after a choice's effects; a value that is not a finite number is skipped. */
export function applyEffects(
  effects: Effect[],
  variables: Record<string, number>,
  live: Record<string, unknown>,
): Record<string, number> {
  const next = { ...variables };
  for (const effect of effects) {
    // A variable not yet set counts as 0 here, so `visits = visits + 1` works the first time.
    const unset = Object.fromEntries(effect.reads.map((name) => [name, 0]));
    const raw = effect.value({ ...unset, ...next, ...live });
    const value = typeof raw === 'boolean' ? Number(raw) : raw;
    if (typeof value === 'number' && Number.isFinite(value)) next[effect.variable] = value;
  }
  return next;
}
