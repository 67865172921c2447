/** One heartbeat: when it ended (ms since the epoch) and the RR interval before it (ms). */
export interface Beat {
  time: number;
  rr: number;
}

/** A beat series after artefact handling. */
export interface CleanBeats {
  /** Beat times in seconds from the first beat. */
  seconds: number[];
  /** NN intervals (ms): artefacts replaced by their local median. */
  nn: number[];
  /** True where the original interval was an artefact and was replaced. */
  corrected: boolean[];
  /** Index at which each contiguous segment starts (a gap in the data starts a new one). */
  segmentStarts: number[];
  artefacts: number;
}

/** Plausible RR range (ms): 24 to 240 bpm. Outside it, a value is an artefact, not a beat. */
export const RR_MIN = 250;
export const RR_MAX = 2500;
/** A beat deviating more than this from its local median is ectopic or mis-detected. */
const ECTOPIC_TOLERANCE = 0.2;
/** Neighbours on each side for the local median. */
const MEDIAN_HALF_WIDTH = 5;
/** More time between two beats than their RR plus this means beats are missing: a gap. */
const GAP_SLACK_MS = 1500;

/**
 * Artefact handling, in the spirit of Kubios' threshold correction:
 * 1. beats are sorted by time and exact duplicates dropped;
 * 2. a gap (missing beats) splits the series into segments; successive differences are
 *    never taken across a gap;
 * 3. an interval outside 250–2500 ms, or more than 20 % from the median of its 5 neighbours
 *    on each side (same segment), is replaced by that median.
 * Time-domain difference measures skip differences that touch a corrected beat.
 */
export function cleanBeats(input: readonly Beat[]): CleanBeats {
  const beats = [...input]
    .filter((b) => Number.isFinite(b.time) && Number.isFinite(b.rr))
    .sort((a, b) => a.time - b.time);
  const unique = beats.filter((b, i) => i === 0 || b.time !== beats[i - 1]!.time);
  const segmentStarts: number[] = [];
  unique.forEach((beat, i) => {
    if (i === 0 || beat.time - unique[i - 1]!.time > Math.min(beat.rr, RR_MAX) + GAP_SLACK_MS)
      segmentStarts.push(i);
  });

  const nn: number[] = [];
  const corrected: boolean[] = [];
  let artefacts = 0;
  segmentStarts.forEach((start, s) => {
    const end = segmentStarts[s + 1] ?? unique.length;
    const raw = unique.slice(start, end).map((b) => b.rr);
    const plausible = raw.map((rr) => rr >= RR_MIN && rr <= RR_MAX);
    raw.forEach((rr, i) => {
      const neighbours: number[] = [];
      for (
        let j = Math.max(0, i - MEDIAN_HALF_WIDTH);
        j <= Math.min(raw.length - 1, i + MEDIAN_HALF_WIDTH);
        j++
      ) {
        if (j !== i && plausible[j]) neighbours.push(raw[j]!);
      }
      const med = neighbours.length > 0 ? median(neighbours) : rr;
      const bad =
        !plausible[i] || (neighbours.length >= 2 && Math.abs(rr - med) > ECTOPIC_TOLERANCE * med);
      nn.push(bad ? med : rr);
      corrected.push(bad);
      if (bad) artefacts++;
    });
  });
  const t0 = unique[0]?.time ?? 0;
  return {
    seconds: unique.map((b) => (b.time - t0) / 1000),
    nn,
    corrected,
    segmentStarts,
    artefacts,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Beats from wearable samples: each sample carries the RR intervals that ended by its
 * timestamp, oldest first, so the last one ends at the timestamp and each earlier one ends
 * where the next began.
 */
export function beatsFromSamples(
  samples: ReadonlyArray<{ timestamp: number; rrIntervals?: readonly number[] | null }>,
): Beat[] {
  const beats: Beat[] = [];
  for (const { timestamp, rrIntervals } of samples) {
    if (!rrIntervals?.length) continue;
    let end = timestamp;
    const own: Beat[] = [];
    for (let i = rrIntervals.length - 1; i >= 0; i--) {
      own.push({ time: end, rr: rrIntervals[i]! });
      end -= rrIntervals[i]!;
    }
    beats.push(...own.reverse());
  }
  return beats;
}
