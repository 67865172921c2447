import { RR_MAX, RR_MIN } from '@mindscape/biosignals';

export interface SampleInput {
  timestamp: Date;
  heartRate?: number | null;
  rrIntervals?: number[] | null;
  respirationRate?: number | null;
  spo2?: number | null;
  skinTemperature?: number | null;
  steps?: number | null;
}

/** A sample as stored: absent fields are left out rather than stored as null. */
export interface ValidSample {
  t: Date;
  heartRate?: number;
  rr?: number[];
  respirationRate?: number;
  spo2?: number;
  skinTemperature?: number;
  steps?: number;
}

export const MAX_FUTURE_MS = 5 * 60_000;
export const MAX_AGE_MS = 30 * 24 * 3600_000;
/** More RR intervals than this in one sample cannot have happened between two samples. */
const MAX_RR_PER_SAMPLE = 300;

const ranges = {
  heartRate: [25, 250, 'bpm'],
  respirationRate: [2, 60, 'breaths/min'],
  spo2: [50, 100, '%'],
  skinTemperature: [25, 45, '°C'],
  steps: [0, 1000, 'steps'],
} as const;

/** Returns the sample to store, or the reason it is rejected. */
export function validateSample(input: SampleInput, now: number): ValidSample | string {
  const t = input.timestamp.getTime();
  if (!Number.isFinite(t)) return 'timestamp is not a valid instant';
  if (t > now + MAX_FUTURE_MS) return 'timestamp is more than 5 minutes in the future';
  if (t < now - MAX_AGE_MS) return 'timestamp is more than 30 days old';

  const sample: ValidSample = { t: input.timestamp };
  for (const [field, [min, max, unit]] of Object.entries(ranges) as Array<
    [keyof typeof ranges, readonly [number, number, string]]
  >) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    if (!Number.isFinite(value)) return `${field} must be a finite number`;
    if (value < min || value > max) return `${field} ${value} is outside ${min}–${max} ${unit}`;
    sample[field] = value;
  }
  if (input.rrIntervals) {
    if (input.rrIntervals.length > MAX_RR_PER_SAMPLE)
      return `rrIntervals has more than ${MAX_RR_PER_SAMPLE} values`;
    const bad = input.rrIntervals.findIndex(
      (rr) => !Number.isFinite(rr) || rr < RR_MIN || rr > RR_MAX,
    );
    if (bad >= 0)
      return `rrIntervals[${bad}] = ${input.rrIntervals[bad]} is outside ${RR_MIN}–${RR_MAX} ms`;
    if (input.rrIntervals.length > 0) sample.rr = input.rrIntervals;
  }
  if (Object.keys(sample).length === 1)
    return 'the sample has no measurement besides its timestamp';
  return sample;
}
