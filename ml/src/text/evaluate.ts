import type { LabelledText } from './dataset.js';
import { EKMAN, EMOTION_LABELS, SENTIMENT } from './labels.js';
import { decide, group, multiLabelMetrics, type Metrics } from './metrics.js';
import type { TextEmotionModel } from './model.js';

export interface Evaluation {
  labels: Metrics;
  ekman: Metrics;
  sentiment: Metrics;
  examples: number;
}

/** The model on a held-out split, with its own (dev-tuned) thresholds, for 28 labels and both groupings. */
export async function evaluate(model: TextEmotionModel, data: LabelledText[]): Promise<Evaluation> {
  return evaluateScores(await model.scores(data.map((d) => d.text)), model.params.thresholds, data);
}

/** Any model's scores of a held-out split, decided with its (dev-tuned) thresholds. */
export function evaluateScores(
  scores: number[][],
  thresholds: number[],
  data: LabelledText[],
): Evaluation {
  const predicted = decide(scores, thresholds);
  const gold = data.map((d) => new Set(d.labels));
  const grouped = (grouping: Record<string, readonly string[]>) =>
    multiLabelMetrics(
      Object.keys(grouping),
      group(predicted, EMOTION_LABELS, grouping),
      group(gold, EMOTION_LABELS, grouping),
    );
  return {
    labels: multiLabelMetrics(EMOTION_LABELS, predicted, gold),
    ekman: grouped(EKMAN),
    sentiment: grouped(SENTIMENT),
    examples: data.length,
  };
}
