import { cleanBeats, type Beat } from './beats.js';
import { frequencyDomain } from './frequency-domain.js';
import { stressIndex } from './stress-index.js';
import { timeDomain } from './time-domain.js';

export * from './beats.js';
export { BANDS, MIN_SPECTRUM_SECONDS } from './frequency-domain.js';
export { lombScargle } from './lomb-scargle.js';

/** HRV of one window. A figure the data cannot support is null, never a made-up number. */
export interface HrvFeatures {
  meanHr: number | null;
  sdnn: number | null;
  rmssd: number | null;
  sdsd: number | null;
  pnn50: number | null;
  nn50: number | null;
  lf: number | null;
  hf: number | null;
  lfHf: number | null;
  stressIndex: number | null;
  coherence: number | null;
  breathingRate: number | null;
  beats: number;
  artefacts: number;
  /** Seconds from the first to the last beat. */
  durationSeconds: number;
}

const finite = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? null : x);

export function hrvFeatures(beats: readonly Beat[]): HrvFeatures {
  const clean = cleanBeats(beats);
  const time = timeDomain(clean);
  const freq = frequencyDomain(clean);
  return {
    meanHr: finite(time?.meanHr),
    sdnn: finite(time?.sdnn),
    rmssd: finite(time?.rmssd),
    sdsd: finite(time?.sdsd),
    pnn50: finite(time?.pnn50),
    nn50: finite(time?.nn50),
    lf: finite(freq?.lf),
    hf: finite(freq?.hf),
    lfHf: finite(freq?.lfHf),
    stressIndex: finite(stressIndex(clean.nn)),
    coherence: finite(freq?.coherence),
    breathingRate: finite(freq?.breathingRate),
    beats: clean.nn.length,
    artefacts: clean.artefacts,
    durationSeconds: (clean.seconds.at(-1) ?? 0) - (clean.seconds[0] ?? 0),
  };
}
