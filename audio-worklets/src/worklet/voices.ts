import { NoiseSource } from '../dsp/noise.js';
import { cosine, sine } from '../dsp/sine.js';
import { SmoothParam } from '../dsp/smooth.js';
import { dbToGain } from '../dsp/units.js';
import { PARAM_BOUNDS } from '../program/bounds.js';
import type { Voice } from '../program/format.js';

/**
 * A voice renders into the stereo mix, adding to what is there. Phases are float64 cycles,
 * advanced by the smoothed frequency each sample, so a frequency change never jumps the
 * waveform. Nothing here allocates once constructed.
 */
export abstract class VoiceRenderer {
  readonly params = new Map<string, SmoothParam>();
  /** The same parameters as an array: iterated per block without allocating an iterator. */
  private readonly paramList: SmoothParam[] = [];
  readonly gain: SmoothParam;
  private readonly pan: SmoothParam;
  private spinPhase = 0;
  /** Set when the voice has faded out after removal; the processor then drops it. */
  finished = false;
  private removing = false;

  constructor(
    readonly spec: Voice,
    protected readonly sampleRate: number,
  ) {
    this.gain = this.param('gainDb', dbToGain(spec.gainDb), 0.05, 0, 1);
    this.pan = this.param('pan', spec.pan, 0.05);
    const angle = (spec.pan + 1) / 8;
    this.panLeft = cosine(angle);
    this.panRight = sine(angle);
  }

  /** Registers a parameter, bounded as the program format bounds it. */
  protected param(
    name: string,
    initial: number,
    smoothing = 0.02,
    min?: number,
    max?: number,
  ): SmoothParam {
    const bounds = PARAM_BOUNDS[name] ?? [-Infinity, Infinity];
    const param = new SmoothParam(
      initial,
      this.sampleRate,
      smoothing,
      min ?? bounds[0],
      max ?? bounds[1],
    );
    this.params.set(name, param);
    this.paramList.push(param);
    return param;
  }

  /** Fades out over 50 ms, then reports finished. */
  remove(): void {
    this.removing = true;
    this.gain.ramp(0, 0, 0, 'step');
  }

  /** Equal-power ear gains at the end of the previous block, for per-block interpolation. */
  private panLeft = Math.SQRT1_2;
  private panRight = Math.SQRT1_2;

  render(left: Float32Array, right: Float32Array, frames: number, frame: number): void {
    for (let p = 0; p < this.paramList.length; p++) this.paramList[p]!.beginBlock(frame, frames);
    if (this.spec.type === 'binaural') {
      for (let i = 0; i < frames; i++) {
        const gain = this.gain.next(i);
        left[i]! += this.sample(i) * gain;
        right[i]! += this.right * gain;
      }
    } else {
      // Position moves slowly (pan glides, spin ≤ 1 turn/s): ear gains are computed once per
      // block and interpolated across it, which is smooth and spares two cos/sin per sample.
      for (let i = 0; i < frames; i++) this.pan.next(i);
      let position = this.pan.value;
      if (this.spec.spinHz > 0) {
        this.spinPhase += (this.spec.spinHz * frames) / this.sampleRate;
        this.spinPhase -= Math.floor(this.spinPhase);
        position = Math.max(
          -1,
          Math.min(1, position + sine(this.spinPhase) * (1 - Math.abs(position))),
        );
      }
      const angle = (position + 1) / 8; // a quarter turn across the stereo field, in cycles
      const toLeft = cosine(angle);
      const toRight = sine(angle);
      const stepLeft = (toLeft - this.panLeft) / frames;
      const stepRight = (toRight - this.panRight) / frames;
      for (let i = 0; i < frames; i++) {
        const sample = this.sample(i) * this.gain.next(i);
        left[i]! += sample * (this.panLeft + stepLeft * i);
        right[i]! += sample * (this.panRight + stepRight * i);
      }
      this.panLeft = toLeft;
      this.panRight = toRight;
    }
    if (this.removing && this.gain.value < 1e-5) this.finished = true;
  }

  /** A binaural voice's right ear for the sample just made. */
  protected right = 0;

  /** The voice's mono sample (or left ear for binaural) at block index `i`. */
  protected abstract sample(i: number): number;

  /** Phase, exposed for the state the engine reports (e.g. the breath pacer's). */
  get cycle(): number {
    return 0;
  }
}

/** Two tones a beat apart: in separate ears (binaural) or mixed in both (monaural). */
class BeatPair extends VoiceRenderer {
  private readonly carrier: SmoothParam;
  private readonly beat: SmoothParam;
  private low = 0;
  private high = 0;
  constructor(spec: Extract<Voice, { type: 'binaural' | 'monaural' }>, sampleRate: number) {
    super(spec, sampleRate);
    this.carrier = this.param('carrierHz', spec.carrierHz, 0.05);
    this.beat = this.param('beatHz', spec.beatHz, 0.05);
  }
  protected sample(i: number): number {
    const carrier = this.carrier.next(i);
    const beat = this.beat.next(i);
    const low = sine(this.low);
    const high = sine(this.high);
    this.low += carrier / this.sampleRate;
    this.high += (carrier + beat) / this.sampleRate;
    if (this.low >= 1) this.low -= 1;
    if (this.high >= 1) this.high -= 1;
    if (this.spec.type === 'binaural') {
      // Left ear the carrier, right ear carrier + beat.
      this.right = high;
      return low;
    }
    return 0.5 * (low + high);
  }
}

class Isochronic extends VoiceRenderer {
  private readonly tone: SmoothParam;
  private readonly rate: SmoothParam;
  private readonly duty: SmoothParam;
  private tonePhase = 0;
  private pulsePhase = 0;
  constructor(
    private readonly iso: Extract<Voice, { type: 'isochronic' }>,
    sampleRate: number,
  ) {
    super(iso, sampleRate);
    this.tone = this.param('toneHz', iso.toneHz, 0.05);
    this.rate = this.param('rateHz', iso.rateHz, 0.05);
    this.duty = this.param('duty', iso.duty, 0.05);
  }
  protected sample(i: number): number {
    const tone = this.tone.next(i);
    const rate = this.rate.next(i);
    const duty = this.duty.next(i);
    const out = sine(this.tonePhase) * pulseEnvelope(this.pulsePhase, duty, this.iso.edge);
    this.tonePhase += tone / this.sampleRate;
    this.pulsePhase += rate / this.sampleRate;
    if (this.tonePhase >= 1) this.tonePhase -= 1;
    if (this.pulsePhase >= 1) this.pulsePhase -= 1;
    return out;
  }
}

/** A pulse's loudness at `phase` (0–1) of its period: on for `duty`, raised-cosine edges. */
export function pulseEnvelope(phase: number, duty: number, edge: number): number {
  if (phase >= duty) return 0;
  const rise = edge * duty;
  if (phase < rise) return 0.5 - 0.5 * cosine(phase / rise / 2);
  if (phase > duty - rise) return 0.5 - 0.5 * cosine((duty - phase) / rise / 2);
  return 1;
}

class Tone extends VoiceRenderer {
  private readonly frequency: SmoothParam;
  private phase = 0;
  private readonly harmonics: Float64Array;
  private readonly norm: number;
  constructor(spec: Extract<Voice, { type: 'tone' }>, sampleRate: number) {
    super(spec, sampleRate);
    this.frequency = this.param('frequencyHz', spec.frequencyHz, 0.05);
    this.harmonics = Float64Array.from(spec.harmonics);
    this.norm = 1 / (1 + spec.harmonics.reduce((sum, a) => sum + a, 0));
  }
  protected sample(i: number): number {
    const frequency = this.frequency.next(i);
    const nyquist = this.sampleRate / 2;
    let out = sine(this.phase);
    for (let h = 0; h < this.harmonics.length; h++) {
      // Harmonics above Nyquist would fold back as other pitches: left out.
      if (frequency * (h + 2) < nyquist)
        out += this.harmonics[h]! * sine((this.phase * (h + 2)) % 1);
    }
    this.phase += frequency / this.sampleRate;
    if (this.phase >= 1) this.phase -= 1;
    return out * this.norm;
  }
}

class Noise extends VoiceRenderer {
  private readonly source: NoiseSource;
  constructor(spec: Extract<Voice, { type: 'noise' }>, sampleRate: number) {
    super(spec, sampleRate);
    this.source = new NoiseSource(spec.color, spec.seed, sampleRate);
  }
  protected sample(): number {
    return this.source.next();
  }
}

class Breath extends VoiceRenderer {
  private readonly rate: SmoothParam;
  private readonly depth: SmoothParam;
  private breathPhase = 0;
  private tonePhase = 0;
  private readonly noise: NoiseSource;
  constructor(
    private readonly breath: Extract<Voice, { type: 'breath' }>,
    sampleRate: number,
  ) {
    super(breath, sampleRate);
    this.rate = this.param('ratePerMinute', breath.ratePerMinute, 0.5);
    this.depth = this.param('depth', breath.depth, 0.5);
    this.noise = new NoiseSource('pink', breath.seed, sampleRate);
  }
  protected sample(i: number): number {
    const rate = this.rate.next(i);
    const depth = this.depth.next(i);
    const swell = breathEnvelope(this.breathPhase, this.breath.inhaleRatio);
    let source: number;
    if (this.breath.source === 'noise') source = this.noise.next();
    else {
      source = sine(this.tonePhase);
      this.tonePhase += this.breath.toneHz / this.sampleRate;
      if (this.tonePhase >= 1) this.tonePhase -= 1;
    }
    this.breathPhase += rate / 60 / this.sampleRate;
    if (this.breathPhase >= 1) this.breathPhase -= 1;
    return source * (1 - depth + depth * swell);
  }
  override get cycle(): number {
    return this.breathPhase;
  }
}

/** The swell at `phase` (0–1) of a breath: rising while breathing in, falling while out. */
export function breathEnvelope(phase: number, inhale: number): number {
  return phase < inhale
    ? 0.5 - 0.5 * cosine(phase / inhale / 2)
    : 0.5 + 0.5 * cosine((phase - inhale) / (1 - inhale) / 2);
}

export function createVoice(spec: Voice, sampleRate: number): VoiceRenderer {
  switch (spec.type) {
    case 'binaural':
    case 'monaural':
      return new BeatPair(spec, sampleRate);
    case 'isochronic':
      return new Isochronic(spec, sampleRate);
    case 'tone':
      return new Tone(spec, sampleRate);
    case 'noise':
      return new Noise(spec, sampleRate);
    case 'breath':
      return new Breath(spec, sampleRate);
    default:
      throw new Error(`unknown voice type ${(spec as { type: unknown }).type}`);
  }
}
