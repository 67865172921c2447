import { dbToGain } from './units.js';

/**
 * A peak limiter at a ceiling (−1 dBFS): gain falls at once when a sample would pass the
 * ceiling and recovers slowly (release), so the output never exceeds it and loud passages
 * are not pumped. Stereo-linked, so the image does not shift.
 */
export class PeakLimiter {
  readonly ceiling: number;
  private gain = 1;
  private readonly release: number;

  constructor(sampleRate: number, ceilingDb = -1, releaseSeconds = 0.25) {
    this.ceiling = dbToGain(ceilingDb);
    this.release = 1 - Math.exp(-1 / (releaseSeconds * sampleRate));
  }

  /** Limits the block in place. */
  process(left: Float32Array, right: Float32Array, frames: number): void {
    const ceiling = this.ceiling;
    for (let i = 0; i < frames; i++) {
      const peak = Math.max(Math.abs(left[i]!), Math.abs(right[i]!));
      this.gain += (1 - this.gain) * this.release;
      if (peak * this.gain > ceiling) this.gain = ceiling / peak;
      // Rounding to float32 may land a hair above the ceiling: keep it below.
      left[i] = clamp(left[i]! * this.gain, ceiling);
      right[i] = clamp(right[i]! * this.gain, ceiling);
    }
  }

  /** How much the limiter is taking off now, in dB (for the engine's state). */
  get reductionDb(): number {
    return 20 * Math.log10(this.gain);
  }
}

function clamp(sample: number, ceiling: number): number {
  const bound = Math.fround(ceiling) > ceiling ? ceiling * (1 - 1e-7) : ceiling;
  return sample > bound ? bound : sample < -bound ? -bound : sample;
}
