import type { Hz, Seconds } from '../dsp/units.js';

/** One reading of the body, as the graph's `stateChanged` gives it; any field may be missing. */
export interface BodyState {
  /** Milliseconds since the epoch. */
  at: number;
  heartRate?: number | null;
  /** RMSSD, ms. */
  hrv?: number | null;
  /** 0 calm … 1 very stressed. */
  stress?: number | null;
  /** 0 … 1 (heart-rhythm coherence). */
  coherence?: number | null;
  /** Breaths per minute. */
  breathingRate?: number | null;
}

export interface ControllerSettings {
  /** Where the program wants the beat to end up (e.g. alpha for relax). */
  targetBeatHz: Hz;
  /** Safety bounds: nothing leaves them, whatever comes in. */
  beatBounds: readonly [Hz, Hz];
  breathBounds: readonly [number, number];
  /** The breath rate to lead toward (resonance breathing). */
  targetBreathRate: number;
  /** Every change glides at least this long (the issue asks for ≥ 5 s). */
  glideSeconds: Seconds;
  /** A change smaller than this is not made (beat, Hz). */
  hysteresisHz: Hz;
  /** Without a reading for this long, the controller returns to the program's own values. */
  silenceSeconds: Seconds;
}

export const DEFAULT_SETTINGS: ControllerSettings = {
  targetBeatHz: 8,
  beatBounds: [1, 30],
  breathBounds: [4, 12],
  targetBreathRate: 6,
  glideSeconds: 8,
  hysteresisHz: 0.5,
  silenceSeconds: 30,
};

export interface Decision {
  at: number;
  param: 'beatHz' | 'ratePerMinute';
  from: number;
  to: number;
  glideSeconds: Seconds;
  /** In words, for the dashboard: "beat 10 → 8 Hz: stress fell (0.62 → 0.35)". */
  reason: string;
}

/** Below this (smoothed) stress the person counts as calm; above the upper bound, stressed. */
const STRESS_EMA = 0.3;
const MAX_BEAT_STEP = 2;

/**
 * Turns a stream of body readings into targets for the sound: the beat starts near the
 * person's arousal (iso principle) and is led toward the program's target band as stress
 * falls; the breath pacer starts at the measured breathing rate and leads it down toward ~6
 * a minute. Readings are checked (NaN, impossible values and jumps are ignored or smoothed),
 * changes glide, small ones are not made (hysteresis), and each decision is logged with its
 * reason. Pure: the web app and the tests feed it the same way.
 */
export class BiometricController {
  private stress: number | undefined;
  private lastStressSeen: number | undefined;
  private lastReading = -Infinity;
  private lastDecision = -Infinity;
  private readonly settings: ControllerSettings;
  beatHz: Hz;
  ratePerMinute: number;
  readonly log: Decision[] = [];

  constructor(
    initial: { beatHz: Hz; ratePerMinute: number },
    settings: Partial<ControllerSettings> = {},
  ) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.settings.glideSeconds = Math.max(5, this.settings.glideSeconds);
    this.beatHz = clamp(initial.beatHz, this.settings.beatBounds);
    this.ratePerMinute = clamp(initial.ratePerMinute, this.settings.breathBounds);
    this.initial = { beatHz: this.beatHz, ratePerMinute: this.ratePerMinute };
  }

  private readonly initial: { beatHz: Hz; ratePerMinute: number };

  /** Takes one reading; returns the decisions it led to (often none). */
  update(reading: BodyState): Decision[] {
    const at = Number(reading.at);
    if (!Number.isFinite(at)) return [];
    const decisions: Decision[] = [];
    const stress =
      plausible(reading.stress, 0, 1) ??
      stressFromHeartRate(plausible(reading.heartRate, 25, 240)) ??
      stressFromHrv(plausible(reading.hrv, 1, 300));
    const breathing = plausible(reading.breathingRate, 2, 40);
    const coherence = plausible(reading.coherence, 0, 1);
    if (stress === undefined && breathing === undefined) return this.checkSilence(at);
    this.lastReading = at;
    // One change per glide: the sound must finish moving before it moves again.
    if (at - this.lastDecision < this.settings.glideSeconds * 1000) {
      if (stress !== undefined)
        this.stress =
          this.stress === undefined ? stress : this.stress + (stress - this.stress) * STRESS_EMA;
      return [];
    }
    if (stress !== undefined) {
      const before = this.stress;
      this.stress = before === undefined ? stress : before + (stress - before) * STRESS_EMA;
      if (coherence !== undefined && coherence >= 0.7) {
        // In the zone: hold the sound as it is.
      } else {
        const desired = this.desiredBeat(this.stress);
        const step = Math.max(-MAX_BEAT_STEP, Math.min(MAX_BEAT_STEP, desired - this.beatHz));
        const to = round(clamp(this.beatHz + step, this.settings.beatBounds));
        if (Math.abs(to - this.beatHz) >= this.settings.hysteresisHz) {
          const was = this.lastStressSeen;
          const trend =
            was === undefined ? 'stress at' : this.stress < was ? 'stress fell' : 'stress rose';
          decisions.push(
            this.decide(
              at,
              'beatHz',
              to,
              `beat ${fmt(this.beatHz)} → ${fmt(to)} Hz: ${trend} ${was === undefined ? '' : `${fmt(was)} → `}${fmt(this.stress)}`,
            ),
          );
          this.lastStressSeen = this.stress;
        }
      }
      if (this.lastStressSeen === undefined) this.lastStressSeen = this.stress;
    }
    if (breathing !== undefined) {
      // Lead the breath: a little slower than measured, never below the target.
      const lead = Math.max(
        this.settings.targetBreathRate,
        Math.min(this.ratePerMinute, breathing - 1),
      );
      const to = round(clamp(lead, this.settings.breathBounds));
      if (Math.abs(to - this.ratePerMinute) >= 0.5)
        decisions.push(
          this.decide(
            at,
            'ratePerMinute',
            to,
            `breath pacer ${fmt(this.ratePerMinute)} → ${fmt(to)}/min: breathing at ${fmt(breathing)}/min`,
          ),
        );
    }
    return decisions;
  }

  /** The beat for a stress level: from the person's arousal band toward the program's. */
  private desiredBeat(stress: number): Hz {
    const arousalBeat = 4 + 16 * stress; // 4 Hz (deep calm) … 20 Hz (high arousal)
    // Meet the person where they are, weighted toward the target as they calm down.
    return this.settings.targetBeatHz + (arousalBeat - this.settings.targetBeatHz) * stress;
  }

  /** No usable reading for a while: glide back to the program's own values. */
  private checkSilence(at: number): Decision[] {
    if (
      at - this.lastReading < this.settings.silenceSeconds * 1000 ||
      at - this.lastDecision < this.settings.glideSeconds * 1000
    )
      return [];
    const decisions: Decision[] = [];
    if (this.beatHz !== this.initial.beatHz)
      decisions.push(
        this.decide(
          at,
          'beatHz',
          this.initial.beatHz,
          `beat ${fmt(this.beatHz)} → ${fmt(this.initial.beatHz)} Hz: no body signal for ${this.settings.silenceSeconds} s`,
        ),
      );
    if (this.ratePerMinute !== this.initial.ratePerMinute)
      decisions.push(
        this.decide(
          at,
          'ratePerMinute',
          this.initial.ratePerMinute,
          `breath pacer back to ${fmt(this.initial.ratePerMinute)}/min: no body signal`,
        ),
      );
    this.stress = undefined;
    return decisions;
  }

  private decide(at: number, param: Decision['param'], to: number, reason: string): Decision {
    const decision: Decision = {
      at,
      param,
      from: param === 'beatHz' ? this.beatHz : this.ratePerMinute,
      to,
      glideSeconds: this.settings.glideSeconds,
      reason,
    };
    if (param === 'beatHz') this.beatHz = to;
    else this.ratePerMinute = to;
    this.lastDecision = at;
    this.log.push(decision);
    if (this.log.length > 500) this.log.shift();
    return decision;
  }
}

/** A number within [min, max], or undefined for anything else (NaN, strings, out of range). */
function plausible(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
    ? value
    : undefined;
}

/** Without a stress estimate, resting-to-exercise heart rate stands in (60 → 0, 120 → 1). */
function stressFromHeartRate(heartRate: number | undefined): number | undefined {
  return heartRate === undefined ? undefined : Math.max(0, Math.min(1, (heartRate - 60) / 60));
}

/** Failing both, low heart rate variability stands in (RMSSD 60 ms → 0, 10 ms → 1). */
function stressFromHrv(rmssd: number | undefined): number | undefined {
  return rmssd === undefined ? undefined : Math.max(0, Math.min(1, (60 - rmssd) / 50));
}

const clamp = (value: number, [min, max]: readonly [number, number]) =>
  Math.min(max, Math.max(min, value));
const round = (value: number) => Math.round(value * 10) / 10;
const fmt = (value: number) => (Math.round(value * 100) / 100).toString();
