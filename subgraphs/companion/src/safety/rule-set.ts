import type { RiskLevel, RiskSubject } from './types.js';

/** What a risk phrase says, which decides how context may soften or sharpen it. */
export type RiskKind =
  | 'direct' // wanting to die or to kill oneself, said outright
  | 'indirect' // hopelessness, being a burden, wanting to disappear
  | 'slang' // kms, unalive, 자살각
  | 'self_harm' // cutting, burning, 자해
  | 'attempt' // an attempt, which is recent or past
  | 'plan' // means ready, a note written, a time set
  | 'means_inquiry' // how many pills would it take
  | 'topic' // the word alone, with no one's wish attached
  | 'help'; // asking for a crisis line

export interface RiskRule {
  /** Stable id, reported in `RiskAssessment.reasons`: `<locale>.<kind>.<name>`. */
  id: string;
  tier: Exclude<RiskLevel, 'none'>;
  kind: RiskKind;
  /** Global, over normalized text. */
  pattern: RegExp;
  /** For phrases whose subject is fixed by the words themselves ("kys" is said to someone). */
  subject?: RiskSubject;
}

/** A phrase that shares words with a risk phrase but is not one ("dying of laughter"). */
export interface IdiomRule {
  id: string;
  pattern: RegExp;
}

/** Text around a risk phrase, within its clause. */
export interface PhraseContext {
  before: string;
  phrase: string;
  after: string;
  /** The phrase sits inside quotation marks. */
  quoted: boolean;
}

export interface RuleSet {
  risks: readonly RiskRule[];
  idioms: readonly IdiomRule[];
  isNegated(context: PhraseContext): boolean;
  /** Whose wish the phrase is, when the words say so; undefined leaves it to the default. */
  subjectOf(context: PhraseContext): RiskSubject | undefined;
  /** The phrase is a song's, a film's, a book's: a title or a line, not the person's. */
  isMediaLine(context: PhraseContext): boolean;
  /** "used to", "years ago", "예전에": a time that is over. */
  distalPast: RegExp;
  /** "still", "again", "요즘": whatever tense the verb has, this is now. */
  present: RegExp;
  /** "I'm better now", "지금은 괜찮아". */
  recovery: RegExp;
  /** "tonight", "tomorrow", "오늘 밤", "내일": a time set ahead, which with a wish makes a plan. */
  timing: RegExp;
  /** "today", "right now", "오늘", "지금": a plan only beside a decision ("going to", "거야"). */
  soon: RegExp;
  /** "going to", "거야": a decision, not only a wish. */
  intent: RegExp;
  /** Pills, rope, a bridge, 수면제, 옥상. */
  means: RegExp;
  /** "last night", "아까": an attempt that may still need a doctor. */
  recent: RegExp;
  /** "me too", "나도": the clause before, now said of oneself. */
  echo: RegExp;
}
