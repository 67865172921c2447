/**
 * The safety guard's decision for one message: rules find risk phrases and read their context
 * (negation, whose wish, quotation, tense, plans), the classifier speaks where no rule found
 * anything, and the highest tier wins. Pure and synchronous: no network, no model server.
 */
import { riskClassifier } from './classifier.js';
import {
  clauseAround,
  clausesOf,
  hangulShare,
  normalizeMessage,
  quotedSpans,
  sentenceAround,
  type Span,
} from './normalize.js';
import type { PhraseContext, RiskKind, RiskRule, RuleSet } from './rule-set.js';
import { englishRules } from './rules-en.js';
import { koreanRules } from './rules-ko.js';
import {
  levelRank,
  minLevel,
  type AssessOptions,
  type RiskAssessment,
  type RiskLevel,
  type RiskSubject,
} from './types.js';

/** Both sets read every message: people mix languages, and each set only knows its own words. */
const RULE_SETS: readonly RuleSet[] = [englishRules, koreanRules];

/**
 * Above this probability the classifier alone raises a message to `concern`. Set high: it only
 * speaks for clauses no rule explained, and never above `concern`.
 */
export const CLASSIFIER_THRESHOLD = 0.8;

const MAX_CLASSIFIED_CHARS = 300;

const TIER_FLOOR: Record<RiskLevel, number> = {
  none: 0,
  concern: 0.25,
  elevated: 0.5,
  imminent: 0.75,
};

/** Kinds that are a person's own wish unless the words say otherwise. */
const FIRST_PERSON_KINDS: ReadonlySet<RiskKind> = new Set([
  'direct',
  'indirect',
  'slang',
  'self_harm',
  'attempt',
  'plan',
  'means_inquiry',
]);

interface Finding extends Span {
  rule: RiskRule;
  rules: RuleSet;
  level: RiskLevel;
  subject: RiskSubject;
  /** Context rule ids that changed the level or subject. */
  context: string[];
}

const prefix = (rule: RiskRule) => rule.id.slice(0, 2);
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function matches(text: string, pattern: RegExp): Span[] {
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** Candidate phrases; where two overlap, the higher tier (then the longer phrase) keeps the span. */
function findPhrases(text: string, idiomSpans: Span[], reasons: string[]): Finding[] {
  const candidates: Finding[] = [];
  for (const rules of RULE_SETS)
    for (const rule of rules.risks)
      for (const span of matches(text, rule.pattern)) {
        if (idiomSpans.some((idiom) => overlaps(idiom, span))) continue;
        candidates.push({
          ...span,
          rule,
          rules,
          level: rule.tier,
          subject: 'unknown',
          context: [],
        });
      }
  candidates.sort(
    (a, b) =>
      levelRank(b.rule.tier) - levelRank(a.rule.tier) ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const candidate of candidates)
    if (!kept.some((k) => overlaps(k, candidate))) kept.push(candidate);
  kept.sort((a, b) => a.start - b.start);
  for (const finding of kept) reasons.push(finding.rule.id);
  return kept;
}

function readContext(text: string, finding: Finding, quotes: Span[], recovered: boolean): void {
  const { rule, rules } = finding;
  const clause = clauseAround(text, finding);
  const context: PhraseContext = {
    before: text.slice(clause.start, finding.start),
    phrase: text.slice(finding.start, finding.end),
    after: text.slice(finding.end, clause.end),
    quoted: quotes.some((q) => q.start <= finding.start && finding.end <= q.end),
  };
  const note = (id: string) => finding.context.push(`${prefix(rule)}.context.${id}`);

  if (rules.isNegated(context)) {
    finding.level = 'none';
    finding.subject = rules.subjectOf(context) ?? 'self';
    note('negated');
    return;
  }
  if (rules.isMediaLine(context)) {
    finding.level = 'none';
    finding.subject = 'unknown';
    note('media_line');
    return;
  }

  const spoken = rule.subject ?? rules.subjectOf(context);
  finding.subject = spoken ?? (FIRST_PERSON_KINDS.has(rule.kind) ? 'self' : 'unknown');
  if (context.quoted && rule.kind === 'topic') {
    // A quoted word with no wish attached ("the song 'Suicide'", 선생님이 '자살'이라는 말을).
    finding.level = 'none';
    note('quoted');
    return;
  }
  if (context.quoted && spoken === undefined && rule.kind !== 'help') {
    // Words in quotes with no speaker named: heard or cited, not clearly the person's own.
    finding.subject = 'unknown';
    finding.level = minLevel(finding.level, 'concern');
    note('quoted');
  }

  const clauseText = text.slice(clause.start, clause.end);
  const sentence = sentenceAround(text, finding);
  const sentenceText = text.slice(sentence.start, sentence.end);
  // "glad I'm still here" is recovery, not a present wish: read tense without it.
  const present = rules.present.test(
    clauseText.replace(new RegExp(rules.recovery.source, 'g'), ' '),
  );
  const pastVerb = /\b(?:wanted|was|were|tried|attempted|thought|felt|had|used)\b|었|았|했/.test(
    context.phrase + context.after.slice(0, 8),
  );
  const distal = rules.distalPast.test(clauseText);
  if (!present && (distal || (recovered && pastVerb))) {
    finding.level = minLevel(finding.level, 'concern');
    note(distal ? 'past' : 'recovered');
  } else if (finding.subject !== 'other' && finding.level !== 'none') {
    // Sharpen: an attempt just made, or a wish with a time and a means or a decision.
    if (rule.kind === 'attempt' && rules.recent.test(sentenceText)) {
      finding.level = 'imminent';
      note('recent_attempt');
    } else if (levelRank(finding.level) >= levelRank('elevated') && rule.kind !== 'means_inquiry') {
      const decided = rules.intent.test(sentenceText);
      if (!pastVerb && rules.timing.test(sentenceText)) {
        finding.level = 'imminent';
        note('plan_timing');
      } else if (decided && rules.soon.test(sentenceText)) {
        finding.level = 'imminent';
        note('plan_timing');
      } else if (decided && rules.means.test(sentenceText)) {
        finding.level = 'imminent';
        note('plan_means');
      }
    }
  }

  if (finding.subject === 'other' && finding.level !== 'none') {
    // Someone else's risk: answered with care and how to help; urgent if they have a plan.
    finding.level = finding.level === 'imminent' ? 'elevated' : minLevel(finding.level, 'concern');
    note('third_person');
  }
}

/** "My friend wants to die and honestly so do I": the echo makes it the person's own too. */
function echoes(text: string, findings: Finding[]): Finding[] {
  const echoed: Finding[] = [];
  for (const finding of findings) {
    if (finding.subject !== 'other' || finding.level === 'none') continue;
    const rest = text.slice(finding.end, finding.end + 80);
    if (RULE_SETS.some((rules) => rules.echo.test(rest)))
      echoed.push({
        ...finding,
        level: minLevel(finding.rule.tier, 'elevated'),
        subject: 'self',
        context: [`${prefix(finding.rule)}.context.echo`],
      });
  }
  return echoed;
}

const SUBJECT_ORDER: Record<RiskSubject, number> = { self: 2, other: 1, unknown: 0 };
// Korean usually leaves the subject out, so a Korean message counts as first person too.
const FIRST_PERSON = /\b(?:i|me|my|myself)\b|[\uAC00-\uD7A3]/;

export function assessRisk(text: string, options: AssessOptions = {}): RiskAssessment {
  const normalized = normalizeMessage(text);
  const reasons: string[] = [];

  const idiomSpans: Span[] = [];
  for (const rules of RULE_SETS)
    for (const idiom of rules.idioms) {
      const spans = matches(normalized, idiom.pattern);
      if (spans.length > 0) reasons.push(idiom.id);
      idiomSpans.push(...spans);
    }

  const findings = findPhrases(normalized, idiomSpans, reasons);
  const quotes = quotedSpans(normalized);
  const recovered = RULE_SETS.some((rules) => rules.recovery.test(normalized));
  for (const finding of findings) readContext(normalized, finding, quotes, recovered);
  findings.push(...echoes(normalized, findings));
  for (const finding of findings) reasons.push(...finding.context);

  // The classifier reads only clauses no rule explained (no idiom, no phrase found), so it can
  // catch a paraphrase but never overrule a negation or an idiom the rules recognised.
  const classifier = riskClassifier();
  const explained = [...idiomSpans, ...findings];
  let unexplained = 0;
  for (const clause of clausesOf(normalized)) {
    if (explained.some((span) => overlaps(span, clause))) continue;
    // Only clauses shaped like language: a few distinct words, not a 100 KB run of one.
    const words = normalized.slice(clause.start, clause.end).trim().slice(0, MAX_CLASSIFIED_CHARS);
    if (new Set(words.split(' ')).size < 2 || words.replace(/[^\p{L}]/gu, '').length < 4) continue;
    unexplained = Math.max(unexplained, classifier.probability(words));
  }
  // For the score within a tier: the message's opening, enough to read its tone.
  const probability = classifier.probability(normalized.slice(0, 2000));

  let best: { level: RiskLevel; subject: RiskSubject } = { level: 'none', subject: 'unknown' };
  for (const finding of findings) {
    const better =
      levelRank(finding.level) > levelRank(best.level) ||
      (finding.level === best.level &&
        SUBJECT_ORDER[finding.subject] > SUBJECT_ORDER[best.subject]);
    if (better) best = { level: finding.level, subject: finding.subject };
  }
  if (best.level === 'none' && unexplained >= CLASSIFIER_THRESHOLD) {
    best = { level: 'concern', subject: FIRST_PERSON.test(normalized) ? 'self' : 'unknown' };
    reasons.push('classifier.char_ngram');
  }
  if (best.level === 'none') {
    const neutralised = findings.find((f) => f.level === 'none');
    best.subject = neutralised?.subject ?? 'unknown';
  }

  const floor = TIER_FLOOR[best.level];
  const ceiling = best.level === 'imminent' ? 1 : floor + 0.25;
  const within = best.level === 'none' ? Math.min(probability, 0.999) : probability;
  const score = Math.round((floor + (ceiling - floor - 0.001) * within) * 1000) / 1000;

  return {
    level: best.level,
    subject: best.subject,
    reasons: [...new Set(reasons)],
    locale: options.locale ?? (hangulShare(normalized) >= 0.3 ? 'ko' : 'en'),
    score,
  };
}
