import type { CleanBeats } from './beats.js';
import { lombScargle, type Spectrum } from './lomb-scargle.js';
import { integrate } from './statistics.js';

/** Task Force (1996) bands, Hz. */
export const BANDS = { vlf: [0.0033, 0.04], lf: [0.04, 0.15], hf: [0.15, 0.4] } as const;
/** Where a resonance (coherence) peak is looked for, and how wide it is (HeartMath's method). */
const COHERENCE_SEARCH: [number, number] = [0.04, 0.26];
const COHERENCE_WINDOW_HZ = 0.03;
/** Breathing shows as the spectral peak between 4.2 and 30 breaths a minute. */
const BREATHING_SEARCH: [number, number] = [0.07, 0.5];
/** Below this span a spectrum says little about LF (two cycles of 0.04 Hz need 50 s). */
export const MIN_SPECTRUM_SECONDS = 50;

export interface FrequencyDomain {
  lf: number;
  hf: number;
  lfHf: number;
  /** Peak power (0.030 Hz around the highest peak in 0.04–0.26 Hz) over the rest of 0.0033–0.4 Hz. */
  coherence: number;
  /** Breaths a minute, from the spectral peak in 0.07–0.5 Hz (respiratory sinus arrhythmia). */
  breathingRate: number;
}

export function frequencyDomain(beats: CleanBeats): FrequencyDomain | undefined {
  const span = (beats.seconds.at(-1) ?? 0) - (beats.seconds[0] ?? 0);
  if (beats.nn.length < 20 || span < MIN_SPECTRUM_SECONDS) return undefined;
  const spectrum = lombScargle(beats.seconds, beats.nn);
  const band = ([from, to]: readonly [number, number]) => bandPower(spectrum, from, to);
  const lf = band(BANDS.lf);
  const hf = band(BANDS.hf);
  const peak = peakFrequency(spectrum, COHERENCE_SEARCH);
  const peakPower = bandPower(
    spectrum,
    peak - COHERENCE_WINDOW_HZ / 2,
    peak + COHERENCE_WINDOW_HZ / 2,
  );
  const total = bandPower(spectrum, BANDS.vlf[0], BANDS.hf[1]);
  return {
    lf,
    hf,
    lfHf: hf > 0 ? lf / hf : NaN,
    coherence: total - peakPower > 0 ? peakPower / (total - peakPower) : NaN,
    breathingRate: peakFrequency(spectrum, BREATHING_SEARCH) * 60,
  };
}

function bandPower({ frequencies, power }: Spectrum, from: number, to: number): number {
  return integrate(Array.from(frequencies), Array.from(power), from, to);
}

function peakFrequency(
  { frequencies, power }: Spectrum,
  [from, to]: readonly [number, number],
): number {
  let best = from;
  let bestPower = -Infinity;
  frequencies.forEach((f, k) => {
    if (f >= from && f <= to && power[k]! > bestPower) {
      bestPower = power[k]!;
      best = f;
    }
  });
  return best;
}
