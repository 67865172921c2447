// The AudioWorkletGlobalScope (sampleRate, currentFrame, registerProcessor) is declared in
// worklet-scope.d.ts; referenced here so any program that type-checks this file sees it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- a .d.ts has no module to import
/// <reference path="./worklet-scope.d.ts" />
import { PeakLimiter } from '../dsp/limiter.js';
import { SmoothParam, type Curve } from '../dsp/smooth.js';
import { dbToGain } from '../dsp/units.js';
import type { Program, Voice } from '../program/format.js';
import { createVoice, type VoiceRenderer } from './voices.js';

/** What the main thread may ask of a running engine (validated here too: it is input). */
export type EngineMessage =
  | {
      type: 'ramp';
      target: string;
      param: string;
      to: number;
      seconds: number;
      curve?: Curve;
      /** When set, the engine answers `{ type: 'applied', id }` once the glide is scheduled. */
      id?: number;
    }
  | { type: 'add'; voice: Voice }
  | { type: 'remove'; id: string }
  | { type: 'stop'; seconds: number };

/** What the engine reports, about four times a second. */
export interface EngineState {
  frame: number;
  seconds: number;
  /** Seconds of sound actually heard (above −60 dBFS), for the exposure count. */
  exposureSeconds: number;
  limiterReductionDb: number;
  /** Each voice's parameters as they are heading (goals, in program units). */
  voices: Record<string, Record<string, number>>;
  /** Where the breath pacer is in its breath (0–1), if there is one. */
  breathCycle: number | null;
}

const REPORT_SECONDS = 0.25;
const AUDIBLE = dbToGain(-60);

/**
 * The whole engine in one processor: every voice renders into the mix, then the master gain
 * with its fades, then the limiter at −1 dBFS. One node per session keeps the graph small
 * and every voice sample-aligned. The program comes in processorOptions, so an offline render
 * is fully determined before it starts; live changes come as messages.
 */
class MindscapeEngine extends AudioWorkletProcessor {
  private readonly voices: VoiceRenderer[] = [];
  private readonly master: SmoothParam;
  private readonly limiter = new PeakLimiter(sampleRate);
  private readonly program: Program;
  private exposureFrames = 0;
  private nextReport = 0;
  private stopAtFrame = Infinity;

  constructor(options: { processorOptions: { program: unknown } }) {
    super();
    // The main thread validated the program (SoundSession); here every parameter is still
    // clamped to its bounds, whatever arrives.
    this.program = options.processorOptions.program as Program;
    for (const voice of this.program.voices) this.voices.push(createVoice(voice, sampleRate));
    const { master, durationSeconds } = this.program;
    this.master = new SmoothParam(0, sampleRate, 0.05, 0, dbToGain(0));
    // Fade in from silence, hold, fade out by the end.
    this.master.ramp(dbToGain(master.gainDb), 0, master.fadeInSeconds * sampleRate, 'sigmoid');
    for (const ramp of this.program.ramps)
      this.schedule(
        ramp.target,
        ramp.param,
        ramp.to,
        ramp.atSeconds * sampleRate,
        ramp.durationSeconds * sampleRate,
        ramp.curve,
      );
    this.stopAtFrame = durationSeconds * sampleRate;
    this.fadeOutAt((durationSeconds - master.fadeOutSeconds) * sampleRate, master.fadeOutSeconds);
    this.port.onmessage = (event: MessageEvent<EngineMessage>) => this.receive(event.data);
  }

  private pendingFade: { at: number; seconds: number } | null = null;

  private fadeOutAt(frame: number, seconds: number): void {
    this.pendingFade = { at: Math.max(0, frame), seconds: Math.max(1, seconds) };
  }

  private receive(message: EngineMessage): void {
    try {
      switch (message.type) {
        case 'ramp':
          this.schedule(
            message.target,
            message.param,
            Number(message.to),
            currentFrame,
            Math.max(0, Number(message.seconds)) * sampleRate,
            message.curve ?? 'linear',
          );
          if (message.id !== undefined) this.port.postMessage({ type: 'applied', id: message.id });
          break;
        case 'add': {
          const voice = message.voice;
          if (this.voices.some((v) => v.spec.id === voice.id && !v.finished))
            throw new Error(`voice ${voice.id} exists`);
          this.voices.push(createVoice(voice, sampleRate));
          break;
        }
        case 'remove':
          this.voices.find((voice) => voice.spec.id === message.id)?.remove();
          break;
        case 'stop':
          // Slow fades only: at least a second.
          this.fadeOutAt(currentFrame, message.seconds);
          this.stopAtFrame = currentFrame + Math.max(1, message.seconds) * sampleRate;
          break;
      }
    } catch (error) {
      const id = message.type === 'ramp' ? message.id : undefined;
      this.port.postMessage({ type: 'error', message: (error as Error).message, id });
    }
  }

  private schedule(
    target: string,
    param: string,
    to: number,
    startFrame: number,
    frames: number,
    curve: Curve,
  ): void {
    if (target === 'master') {
      if (param !== 'gainDb') throw new Error('the master has only gainDb');
      this.master.ramp(dbToGain(Math.min(0, to)), startFrame, frames, curve);
      return;
    }
    const voice = this.voices.find((v) => v.spec.id === target && !v.finished);
    const smooth = voice?.params.get(param);
    if (!smooth) throw new Error(`no parameter ${param} on voice ${target}`);
    smooth.ramp(param === 'gainDb' ? dbToGain(Math.min(0, to)) : to, startFrame, frames, curve);
  }

  override process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const output = outputs[0]!;
    const left = output[0]!;
    const right = output[1] ?? output[0]!;
    // The block size is what the host gives, not assumed to be 128.
    const frames = left.length;
    const frame = currentFrame;
    if (this.pendingFade && frame + frames > this.pendingFade.at) {
      this.master.ramp(0, this.pendingFade.at, this.pendingFade.seconds * sampleRate, 'sigmoid');
      this.pendingFade = null;
    }
    left.fill(0);
    right.fill(0);
    for (let v = 0; v < this.voices.length; v++) {
      const voice = this.voices[v]!;
      if (!voice.finished) voice.render(left, right, frames, frame);
    }
    this.master.beginBlock(frame, frames);
    let peak = 0;
    for (let i = 0; i < frames; i++) {
      const gain = this.master.next(i);
      left[i]! *= gain;
      right[i]! *= gain;
      const level = Math.max(Math.abs(left[i]!), Math.abs(right[i]!));
      if (level > peak) peak = level;
    }
    this.limiter.process(left, right, frames);
    if (peak > AUDIBLE) this.exposureFrames += frames;
    if (frame >= this.nextReport) {
      this.nextReport = frame + REPORT_SECONDS * sampleRate;
      this.port.postMessage({ type: 'state', state: this.state(frame) });
    }
    return frame + frames < this.stopAtFrame + sampleRate;
  }

  private state(frame: number): EngineState {
    const voices: EngineState['voices'] = {};
    let breathCycle: number | null = null;
    for (const voice of this.voices) {
      if (voice.finished) continue;
      const params: Record<string, number> = {};
      for (const [name, param] of voice.params)
        params[name] = name === 'gainDb' ? 20 * Math.log10(Math.max(param.goal, 1e-6)) : param.goal;
      voices[voice.spec.id] = params;
      if (voice.spec.type === 'breath') breathCycle = voice.cycle;
    }
    return {
      frame,
      seconds: frame / sampleRate,
      exposureSeconds: this.exposureFrames / sampleRate,
      limiterReductionDb: this.limiter.reductionDb,
      voices,
      breathCycle,
    };
  }
}

registerProcessor('mindscape-engine', MindscapeEngine);
