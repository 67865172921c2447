import { integrate, mean } from './statistics.js';

export interface Spectrum {
  /** Hz, evenly spaced. */
  frequencies: Float64Array;
  /** ms²/Hz, scaled so that its integral over the grid equals the series' variance. */
  power: Float64Array;
}

/** Grid of the spectrum: fine enough for the 0.030 Hz coherence window. */
export const SPECTRUM_MIN_HZ = 0.0033;
export const SPECTRUM_MAX_HZ = 0.5;
export const SPECTRUM_STEP_HZ = 0.001;

/**
 * Lomb–Scargle periodogram (Press & Rybicki's form, with the τ offset) of an unevenly sampled
 * series: NN intervals at their beat times need no resampling or interpolation, and gaps
 * simply leave no samples. The raw periodogram is rescaled so that its integral equals the
 * series' variance, which puts band powers in ms² as Kubios and NeuroKit2 report them.
 */
export function lombScargle(seconds: readonly number[], values: readonly number[]): Spectrum {
  const n = Math.round((SPECTRUM_MAX_HZ - SPECTRUM_MIN_HZ) / SPECTRUM_STEP_HZ) + 1;
  const frequencies = new Float64Array(n);
  const power = new Float64Array(n);
  const m = mean(values);
  const y = values.map((v) => v - m);
  const variance = y.reduce((sum, v) => sum + v * v, 0) / (y.length - 1);
  for (let k = 0; k < n; k++) {
    const f = SPECTRUM_MIN_HZ + k * SPECTRUM_STEP_HZ;
    const w = 2 * Math.PI * f;
    let s2 = 0;
    let c2 = 0;
    for (const t of seconds) {
      s2 += Math.sin(2 * w * t);
      c2 += Math.cos(2 * w * t);
    }
    const tau = Math.atan2(s2, c2) / (2 * w);
    let yc = 0;
    let ys = 0;
    let cc = 0;
    let ss = 0;
    for (let i = 0; i < seconds.length; i++) {
      const c = Math.cos(w * (seconds[i]! - tau));
      const s = Math.sin(w * (seconds[i]! - tau));
      yc += y[i]! * c;
      ys += y[i]! * s;
      cc += c * c;
      ss += s * s;
    }
    frequencies[k] = f;
    power[k] = 0.5 * ((cc > 0 ? (yc * yc) / cc : 0) + (ss > 0 ? (ys * ys) / ss : 0));
  }
  const area = integrate(
    Array.from(frequencies),
    Array.from(power),
    SPECTRUM_MIN_HZ,
    SPECTRUM_MAX_HZ,
  );
  if (area > 0) for (let k = 0; k < n; k++) power[k] = (power[k]! * variance) / area;
  return { frequencies, power };
}
