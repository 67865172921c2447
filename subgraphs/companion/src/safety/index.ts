/**
 * The companion's safety guard: every incoming message is assessed for suicide and self-harm
 * risk before anything else reads it, and a message at risk is answered first with fixed crisis
 * text (resources.ts), never with generated words.
 */
export { assessRisk, CLASSIFIER_THRESHOLD } from './assess.js';
/** Trains the classifier (~0.2 s, once per process); call at start-up so no message waits for it. */
export { riskClassifier } from './classifier.js';
export { CRISIS_LINES, crisisResponse, type CrisisLine, type CrisisResponse } from './resources.js';
export { normalizeMessage } from './normalize.js';
export {
  RISK_LEVELS,
  levelRank,
  type AssessOptions,
  type RiskAssessment,
  type RiskLevel,
  type RiskSubject,
  type SafetyLocale,
} from './types.js';
