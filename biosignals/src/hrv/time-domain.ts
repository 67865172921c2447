import type { CleanBeats } from './beats.js';
import { mean, sampleStd } from './statistics.js';

export interface TimeDomain {
  meanNn: number;
  /** 60000 / mean NN. */
  meanHr: number;
  sdnn: number;
  rmssd: number;
  sdsd: number;
  nn50: number;
  pnn50: number;
}

/**
 * Task Force (1996) time-domain measures. Conventions where libraries differ:
 * - SDNN and SDSD use the sample standard deviation (ddof = 1), as NeuroKit2 does
 *   (hrv-analysis uses ddof = 0 for SDSD).
 * - pNN50 divides NN50 by the number of NN intervals (the Task Force definition; NeuroKit2
 *   and hrv-analysis do the same), i.e. by the differences used plus one.
 * - Differences across a gap, or touching a corrected beat, are left out.
 */
export function timeDomain(beats: CleanBeats): TimeDomain | undefined {
  if (beats.nn.length < 10) return undefined;
  const diffs: number[] = [];
  const starts = new Set(beats.segmentStarts);
  for (let i = 1; i < beats.nn.length; i++) {
    if (starts.has(i) || beats.corrected[i] || beats.corrected[i - 1]) continue;
    diffs.push(beats.nn[i]! - beats.nn[i - 1]!);
  }
  const meanNn = mean(beats.nn);
  const nn50 = diffs.filter((d) => Math.abs(d) > 50).length;
  return {
    meanNn,
    meanHr: 60_000 / meanNn,
    sdnn: sampleStd(beats.nn),
    rmssd: diffs.length ? Math.sqrt(mean(diffs.map((d) => d * d))) : NaN,
    sdsd: sampleStd(diffs),
    nn50,
    pnn50: diffs.length ? (100 * nn50) / (diffs.length + 1) : NaN,
  };
}
