import type { Seconds } from './units.js';

/** The shapes a scheduled change can take (SBaGen's "slide" is linear, its "drop" stepped). */
export type Curve = 'linear' | 'slide' | 'exponential' | 'sigmoid' | 'step' | 'drop';

/** How far along (0–1) a change of this shape is at fraction `x` of its duration. */
export function curveAt(curve: Curve, x: number, from: number, to: number): number {
  const t = x <= 0 ? 0 : x >= 1 ? 1 : x;
  switch (curve) {
    case 'linear':
    case 'slide':
      return from + (to - from) * t;
    case 'exponential':
      // Equal ratios in equal times (how pitch and beat rates are heard); linear through 0.
      return from > 0 && to > 0 ? from * (to / from) ** t : from + (to - from) * t;
    case 'sigmoid': {
      const s = 1 / (1 + Math.exp(-12 * (t - 0.5)));
      const s0 = 1 / (1 + Math.exp(6));
      return from + ((to - from) * (s - s0)) / (1 - 2 * s0);
    }
    case 'drop': {
      // SBaGen's drop: an exponential descent taken in 20 even steps (the smoother rounds them).
      const stepped = Math.floor(t * 20) / 20;
      return from > 0 && to > 0 ? from * (to / from) ** stepped : from + (to - from) * stepped;
    }
    case 'step':
      return t >= 1 ? to : from;
  }
}

/**
 * One parameter of a voice: a scheduled change (any curve) sampled per block, followed by a
 * one-pole smoother per sample, so neither a ramp nor a sudden set is heard as steps
 * ("zipper noise"). Holds no arrays: nothing is allocated while rendering.
 */
export class SmoothParam {
  /** The smoothed value the DSP reads, advanced per sample. */
  value: number;
  private target: number;
  private from = 0;
  private to = 0;
  private startFrame = 0;
  private endFrame = -1;
  private curve: Curve = 'linear';
  private blockStart = 0;
  private blockStep = 0;
  private settled = false;
  private readonly coefficient: number;

  constructor(
    initial: number,
    sampleRate: number,
    smoothing: Seconds = 0.02,
    readonly min = -Infinity,
    readonly max = Infinity,
  ) {
    this.value = this.clamp(initial);
    this.target = this.value;
    // Time constant `smoothing`: 63 % of a jump covered in that time.
    this.coefficient = 1 - Math.exp(-1 / (smoothing * sampleRate));
  }

  /** Goes to `value` now (smoothed). */
  set(value: number): void {
    this.endFrame = -1;
    this.target = this.clamp(value);
  }

  /** Goes from wherever it is to `to` over [startFrame, startFrame + frames), along `curve`. */
  ramp(to: number, startFrame: number, frames: number, curve: Curve): void {
    this.from =
      this.endFrame >= 0 && startFrame < this.endFrame ? this.scheduledAt(startFrame) : this.target;
    this.to = this.clamp(to);
    this.startFrame = startFrame;
    this.endFrame = startFrame + Math.max(1, frames);
    this.curve = curve;
  }

  /** The goal at `frame` (before smoothing). */
  scheduledAt(frame: number): number {
    if (this.endFrame < 0 || frame < this.startFrame) return this.target;
    if (frame >= this.endFrame) return this.to;
    return curveAt(
      this.curve,
      (frame - this.startFrame) / (this.endFrame - this.startFrame),
      this.from,
      this.to,
    );
  }

  /** Called once per block before its samples: where the goal moves within the block. */
  beginBlock(frame: number, frames: number): void {
    if (this.endFrame >= 0) {
      const start = this.scheduledAt(frame);
      const end = this.scheduledAt(frame + frames);
      this.blockStart = start;
      this.blockStep = (end - start) / frames;
      if (frame >= this.endFrame) {
        this.target = this.to;
        this.endFrame = -1;
      } else if (frame >= this.startFrame) {
        this.target = start;
      }
    } else {
      this.blockStart = this.target;
      this.blockStep = 0;
    }
    // Arrived and not moving: most parameters, most of the time; skip the per-sample work.
    this.settled =
      this.blockStep === 0 &&
      Math.abs(this.blockStart - this.value) < 1e-9 * (1 + Math.abs(this.value));
    if (this.settled) this.value = this.blockStart;
  }

  /** The smoothed value at sample `i` of the block. */
  next(i: number): number {
    if (this.settled) return this.value;
    const goal = this.blockStart + this.blockStep * i;
    this.value += (goal - this.value) * this.coefficient;
    return this.value;
  }

  /** The goal the parameter is heading for (for the engine's exposed state). */
  get goal(): number {
    return this.endFrame >= 0 ? this.to : this.target;
  }

  private clamp(value: number): number {
    return Number.isFinite(value) ? Math.min(this.max, Math.max(this.min, value)) : this.target;
  }
}
