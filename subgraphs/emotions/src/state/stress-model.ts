import type { HrvFeatures } from '@mindscape/biosignals';

/**
 * Physiological stress and arousal relative to the person's own baseline.
 *
 * Three markers, each as a z-score against a baseline: heart rate (up under stress), ln RMSSD
 * (vagal tone, down under stress) and ln Baevsky stress index (rigidity, up under stress).
 * A new person starts from population norms for resting adults; their own running mean and
 * variance take over as windows arrive (the population prior weighs as PRIOR_WINDOWS windows).
 * No model was trained for this: there is no labelled stress data here, so it is a
 * transparent rule whose direction is tested, not an accuracy claim.
 */
export interface MarkerStats {
  n: number;
  mean: number;
  /** Sum of squared deviations (Welford). */
  m2: number;
}

export interface Baseline {
  heartRate: MarkerStats;
  lnRmssd: MarkerStats;
  lnStressIndex: MarkerStats;
}

/** Resting adults: HR 70 ± 10 bpm, RMSSD ≈ 40 ms (ln SD 0.5), Baevsky SI ≈ 120 (ln SD 0.6). */
const POPULATION = {
  heartRate: [70, 10],
  lnRmssd: [Math.log(40), 0.5],
  lnStressIndex: [Math.log(120), 0.6],
} as const;
const PRIOR_WINDOWS = 30;

export const emptyBaseline = (): Baseline => ({
  heartRate: { n: 0, mean: 0, m2: 0 },
  lnRmssd: { n: 0, mean: 0, m2: 0 },
  lnStressIndex: { n: 0, mean: 0, m2: 0 },
});

export interface Markers {
  heartRate: number;
  lnRmssd: number;
  lnStressIndex: number;
}

export function markersOf(hrv: HrvFeatures, heartRate: number | null): Markers | undefined {
  const hr = heartRate ?? hrv.meanHr;
  if (
    hr === null ||
    hrv.rmssd === null ||
    hrv.rmssd <= 0 ||
    hrv.stressIndex === null ||
    hrv.stressIndex <= 0
  )
    return undefined;
  return { heartRate: hr, lnRmssd: Math.log(hrv.rmssd), lnStressIndex: Math.log(hrv.stressIndex) };
}

/** Adds one window to the baseline (Welford's update; returns a new object). */
export function updateBaseline(baseline: Baseline, markers: Markers): Baseline {
  const next = structuredClone(baseline);
  for (const key of Object.keys(markers) as Array<keyof Markers>) {
    const s = next[key];
    s.n += 1;
    const delta = markers[key] - s.mean;
    s.mean += delta / s.n;
    s.m2 += delta * (markers[key] - s.mean);
  }
  return next;
}

/** The baseline's mean and SD for a marker, blended with the population prior. */
function reference(stats: MarkerStats, [popMean, popSd]: readonly [number, number]) {
  const w = stats.n / (stats.n + PRIOR_WINDOWS);
  const personalSd = stats.n > 1 ? Math.sqrt(stats.m2 / (stats.n - 1)) : popSd;
  // A floor on the SD keeps a very steady person's small wobbles from reading as alarms.
  return {
    mean: w * stats.mean + (1 - w) * popMean,
    sd: Math.max(w * personalSd + (1 - w) * popSd, popSd * 0.3),
  };
}

export interface Estimate {
  stress: number;
  arousal: number;
  /** How much of the baseline is the person's own (0 new, → 1). */
  baselineMaturity: number;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

export function estimate(markers: Markers, baseline: Baseline): Estimate {
  const z = (key: keyof Markers) => {
    const { mean, sd } = reference(baseline[key], POPULATION[key]);
    return (markers[key] - mean) / sd;
  };
  const zHr = z('heartRate');
  const zVagal = -z('lnRmssd');
  const zRigid = z('lnStressIndex');
  return {
    stress: logistic(0.8 * ((zHr + zVagal + zRigid) / Math.sqrt(3))),
    arousal: logistic(0.8 * (0.6 * zHr + 0.4 * zVagal)),
    baselineMaturity: baseline.heartRate.n / (baseline.heartRate.n + PRIOR_WINDOWS),
  };
}

/** Circumplex reading of arousal and valence. */
export function labelOf(stress: number, arousal: number, valence: number): string {
  if (stress >= 0.7 || (arousal >= 0.65 && valence < -0.2)) return 'stressed';
  if (arousal >= 0.65) return 'activated';
  if (stress <= 0.3 && arousal <= 0.4) return valence >= 0 ? 'calm' : 'low';
  if (stress <= 0.45) return 'relaxed';
  return 'neutral';
}
