/** What the safety guard says about one incoming message. */

/** Ordered tiers: each one asks more of the reply than the one before. */
export const RISK_LEVELS = ['none', 'concern', 'elevated', 'imminent'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Whose risk the message speaks of: the person writing, someone else, or not clear. */
export type RiskSubject = 'self' | 'other' | 'unknown';

export type SafetyLocale = 'en' | 'ko';

export interface RiskAssessment {
  level: RiskLevel;
  subject: RiskSubject;
  /** Ids of the rules that decided (and of those that softened) the level, e.g. `en.direct.kill_self`. */
  reasons: string[];
  /** Language of the crisis text to answer with: the caller's, else the message's script. */
  locale: SafetyLocale;
  /**
   * 0..1, monotone in `level` (none < 0.25 ≤ concern < 0.5 ≤ elevated < 0.75 ≤ imminent); within a
   * tier it is ordered by the classifier's probability.
   */
  score: number;
}

export interface AssessOptions {
  /** Language of the person (their profile); by default the script of the message decides. */
  locale?: SafetyLocale;
}

export const levelRank = (level: RiskLevel): number => RISK_LEVELS.indexOf(level);

export const minLevel = (a: RiskLevel, b: RiskLevel): RiskLevel =>
  levelRank(a) <= levelRank(b) ? a : b;
