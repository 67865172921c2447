/**
 * A small classifier beside the rules: logistic regression over character n-grams, trained in
 * code from the project's own phrase list (training-phrases.ts) the first time it is needed.
 * Character n-grams see through spacing, endings and spelling in both languages, so it catches
 * paraphrases no rule names; it cannot read negation or idiom, which is why the rules decide and
 * it only speaks where they found nothing. Deterministic: zero start, fixed order, fixed epochs.
 */
import { normalizeMessage } from './normalize.js';
import { RISK_TRAINING, SAFE_TRAINING } from './training-phrases.js';

const N_GRAMS = [2, 3, 4] as const;
const EPOCHS = 40;
const LEARNING_RATE = 0.4;
const L2 = 1e-4;

/** Binary n-gram features of normalized text, each weighted 1/√count so long texts don't dominate. */
function features(normalized: string): Map<string, number> {
  const padded = ` ${normalized.replace(/\s+/g, ' ')} `;
  const grams = new Set<string>();
  for (const n of N_GRAMS)
    for (let i = 0; i + n <= padded.length; i++) grams.add(padded.slice(i, i + n));
  const weight = grams.size === 0 ? 0 : 1 / Math.sqrt(grams.size);
  return new Map([...grams].map((gram) => [gram, weight]));
}

export interface RiskClassifier {
  /** Probability that normalized text voices suicide or self-harm risk. */
  probability(normalized: string): number;
  /** How many n-grams carry a weight, and how long training took. */
  readonly size: number;
  readonly trainingMs: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function trainRiskClassifier(
  risk: readonly string[] = RISK_TRAINING,
  safe: readonly string[] = SAFE_TRAINING,
): RiskClassifier {
  const started = performance.now();
  // Interleave the two classes so each epoch's order is fixed and balanced.
  const examples: Array<{ x: Map<string, number>; y: number }> = [];
  for (let i = 0; i < Math.max(risk.length, safe.length); i++) {
    if (i < risk.length) examples.push({ x: features(normalizeMessage(risk[i]!)), y: 1 });
    if (i < safe.length) examples.push({ x: features(normalizeMessage(safe[i]!)), y: 0 });
  }
  const weights = new Map<string, number>();
  let bias = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const rate = LEARNING_RATE / (1 + epoch * 0.1);
    for (const { x, y } of examples) {
      let z = bias;
      for (const [gram, value] of x) z += (weights.get(gram) ?? 0) * value;
      const gradient = sigmoid(z) - y;
      bias -= rate * gradient;
      for (const [gram, value] of x) {
        const w = weights.get(gram) ?? 0;
        weights.set(gram, w - rate * (gradient * value + L2 * w));
      }
    }
  }
  const trainingMs = performance.now() - started;
  return {
    size: weights.size,
    trainingMs,
    probability(normalized: string) {
      let z = bias;
      for (const [gram, value] of features(normalized)) z += (weights.get(gram) ?? 0) * value;
      return sigmoid(z);
    },
  };
}

let shared: RiskClassifier | undefined;

/** The classifier every assessment uses, trained once per process on first use. */
export function riskClassifier(): RiskClassifier {
  shared ??= trainRiskClassifier();
  return shared;
}
