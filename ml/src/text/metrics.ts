export interface LabelScore {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Metrics {
  macroF1: number;
  microF1: number;
  perLabel: Record<string, LabelScore>;
}

const f1Of = (tp: number, fp: number, fn: number) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));

/** Multi-label metrics: `predicted` and `gold` are sets of class indices per example. */
export function multiLabelMetrics(
  names: readonly string[],
  predicted: Array<Set<number>>,
  gold: Array<Set<number>>,
): Metrics {
  const tp = new Array(names.length).fill(0);
  const fp = new Array(names.length).fill(0);
  const fn = new Array(names.length).fill(0);
  predicted.forEach((p, i) => {
    const g = gold[i]!;
    for (const c of p) (g.has(c) ? tp : fp)[c]++;
    for (const c of g) if (!p.has(c)) fn[c]++;
  });
  const perLabel: Record<string, LabelScore> = {};
  names.forEach((name, c) => {
    perLabel[name] = {
      precision: tp[c] + fp[c] ? tp[c] / (tp[c] + fp[c]) : 0,
      recall: tp[c] + fn[c] ? tp[c] / (tp[c] + fn[c]) : 0,
      f1: f1Of(tp[c], fp[c], fn[c]),
      support: tp[c] + fn[c],
    };
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    macroF1: sum(names.map((n) => perLabel[n]!.f1)) / names.length,
    microF1: f1Of(sum(tp), sum(fp), sum(fn)),
    perLabel,
  };
}

/** Per-label thresholds that maximise that label's F1 on the given (tuning) data. */
export function tuneThresholds(
  scores: number[][],
  gold: Array<Set<number>>,
  labels: number,
): number[] {
  return Array.from({ length: labels }, (_, c) => {
    let best = 0.5;
    let bestF1 = -1;
    // Whole hundredths: summing 0.01 drifts (0.30000000000000004), and the rounded threshold
    // kept below would then no longer be the one that was scored.
    for (let k = 2; k <= 90; k++) {
      const t = k / 100;
      let tp = 0;
      let fp = 0;
      let fn = 0;
      scores.forEach((row, i) => {
        const yes = row[c]! >= t;
        const truth = gold[i]!.has(c);
        if (yes && truth) tp++;
        else if (yes) fp++;
        else if (truth) fn++;
      });
      const f1 = f1Of(tp, fp, fn);
      if (f1 > bestF1) [best, bestF1] = [t, f1];
    }
    return best;
  });
}

/** Labels over threshold; the top label when none is (every GoEmotions text has a label). */
export function decide(scores: number[][], thresholds: number[]): Array<Set<number>> {
  return scores.map((row) => {
    const chosen = new Set(row.flatMap((s, c) => (s >= thresholds[c]! ? [c] : [])));
    if (chosen.size === 0) chosen.add(row.indexOf(Math.max(...row)));
    return chosen;
  });
}

/** Maps label sets onto a grouping (Ekman, sentiment). */
export function group(
  sets: Array<Set<number>>,
  labels: readonly string[],
  grouping: Record<string, readonly string[]>,
): Array<Set<number>> {
  const names = Object.keys(grouping);
  const groupOf = new Map(
    labels.map((label) => [label, names.findIndex((g) => grouping[g]!.includes(label))]),
  );
  return sets.map(
    (set) => new Set([...set].map((c) => groupOf.get(labels[c]!)!).filter((g) => g >= 0)),
  );
}
