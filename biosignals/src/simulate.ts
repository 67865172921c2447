import type { Beat } from './hrv/beats.js';

/** How a heart behaves in one phase of a scenario. */
export interface HeartPhase {
  name: string;
  seconds: number;
  /** Mean RR interval, ms. */
  meanRr: number;
  /** Breaths a minute, and the respiratory sinus arrhythmia they cause (ms, peak). */
  breathingRate: number;
  rsaAmplitude: number;
  /** Mayer-wave (≈0.1 Hz) amplitude, ms. */
  mayerAmplitude: number;
  /** Beat-to-beat noise, ms (uniform, peak-to-peak). */
  noise: number;
}

/** Illustrative physiology, not anyone's recording. */
export const HEART_PHASES = {
  rest: {
    name: 'rest',
    seconds: 180,
    meanRr: 900,
    breathingRate: 14,
    rsaAmplitude: 45,
    mayerAmplitude: 20,
    noise: 20,
  },
  stress: {
    name: 'stress',
    seconds: 180,
    meanRr: 620,
    breathingRate: 20,
    rsaAmplitude: 6,
    mayerAmplitude: 6,
    noise: 6,
  },
  'slow-breathing': {
    name: 'slow-breathing',
    seconds: 240,
    meanRr: 880,
    breathingRate: 6,
    rsaAmplitude: 90,
    mayerAmplitude: 5,
    noise: 10,
  },
} satisfies Record<string, HeartPhase>;

export type ScenarioName = keyof typeof SCENARIOS;

/** Scenarios of 10 minutes; `stress` and `slow-breathing` start from rest. */
export const SCENARIOS = {
  rest: [{ ...HEART_PHASES.rest, seconds: 600 }],
  stress: [HEART_PHASES.rest, { ...HEART_PHASES.stress, seconds: 420 }],
  'slow-breathing': [
    { ...HEART_PHASES.stress, seconds: 240 },
    { ...HEART_PHASES['slow-breathing'], seconds: 360 },
  ],
} satisfies Record<string, HeartPhase[]>;

/** Parameters ease from one phase to the next over this long, as a body does. */
const TRANSITION_SECONDS = 20;

/** A small seeded PRNG (mulberry32), so a scenario replays identically. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Beats of a whole scenario, starting at `start` (ms since the epoch). */
export function simulateHeart(phases: readonly HeartPhase[], { start = 0, seed = 1 } = {}): Beat[] {
  const random = seededRandom(seed);
  const total = phases.reduce((sum, p) => sum + p.seconds, 0);
  const beats: Beat[] = [];
  let breathPhase = 0;
  let t = 0;
  while (t < total) {
    const p = phaseAt(phases, t);
    const rr =
      p.meanRr +
      p.rsaAmplitude * Math.sin(breathPhase) +
      p.mayerAmplitude * Math.sin(2 * Math.PI * 0.1 * t) +
      (random() - 0.5) * p.noise;
    // The breathing oscillator integrates its own rate, so a rate change bends the wave instead of jumping.
    breathPhase += (2 * Math.PI * (p.breathingRate / 60) * rr) / 1000;
    t += rr / 1000;
    beats.push({ time: start + Math.round(t * 1000), rr: Math.round(rr * 1000) / 1000 });
  }
  return beats;
}

function phaseAt(phases: readonly HeartPhase[], t: number): HeartPhase {
  let begin = 0;
  for (let i = 0; i < phases.length; i++) {
    const phase = phases[i]!;
    const end = begin + phase.seconds;
    if (t < end || i === phases.length - 1) {
      const previous = phases[i - 1];
      const into = t - begin;
      if (!previous || into >= TRANSITION_SECONDS) return phase;
      const w = into / TRANSITION_SECONDS;
      const mix = (key: 'meanRr' | 'breathingRate' | 'rsaAmplitude' | 'mayerAmplitude' | 'noise') =>
        previous[key] * (1 - w) + phase[key] * w;
      return {
        ...phase,
        meanRr: mix('meanRr'),
        breathingRate: mix('breathingRate'),
        rsaAmplitude: mix('rsaAmplitude'),
        mayerAmplitude: mix('mayerAmplitude'),
        noise: mix('noise'),
      };
    }
    begin = end;
  }
  return phases.at(-1)!;
}

/** Groups beats into wearable samples of `everyMs`: heart rate and the RR intervals that ended in each. */
export function samplesFromBeats(
  beats: readonly Beat[],
  everyMs = 1000,
): Array<{ timestamp: number; heartRate: number; rrIntervals: number[] }> {
  const samples: Array<{ timestamp: number; heartRate: number; rrIntervals: number[] }> = [];
  let current: { timestamp: number; rr: number[] } | undefined;
  for (const beat of beats) {
    const slot = Math.ceil(beat.time / everyMs) * everyMs;
    if (!current || current.timestamp !== slot) {
      if (current) samples.push(toSample(current));
      current = { timestamp: slot, rr: [] };
    }
    current.rr.push(beat.rr);
  }
  if (current) samples.push(toSample(current));
  return samples;
}

function toSample({ timestamp, rr }: { timestamp: number; rr: number[] }) {
  const mean = rr.reduce((a, b) => a + b, 0) / rr.length;
  return { timestamp, heartRate: Math.round(60_000 / mean), rrIntervals: rr };
}
