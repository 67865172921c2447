import {
  AudioWorkletNode,
  OfflineAudioContext,
  type IAudioContext,
  type IAudioWorkletNode,
  type IOfflineAudioContext,
} from 'standardized-audio-context';
import type { Curve } from '../dsp/smooth.js';
import type { Decibels, Hz, Seconds } from '../dsp/units.js';
import {
  parseProgram,
  type Program,
  type ProgramInput,
  type VoiceInput,
} from '../program/format.js';
import type { EngineMessage, EngineState } from '../worklet/processor.js';

export type { EngineState };

type AnyContext = IAudioContext | IOfflineAudioContext;

/** A parameter value in its unit: Hz for frequencies and rates, dB for gains. */
export type ParamValue = Hz | Decibels | number;

const loaded = new WeakMap<object, Promise<void>>();

/**
 * A sound session on the main thread: one engine node playing a program, with typed
 * controls. Every change is a glide in the worklet (no parameter jumps), and the engine's
 * state (parameter goals, exposure, breath cycle) arrives about four times a second.
 */
export class SoundSession {
  private listeners = new Set<(state: EngineState) => void>();
  /** The latest state the engine reported. */
  state: EngineState | null = null;
  readonly errors: string[] = [];
  private lastId = 0;
  private readonly pending = new Map<
    number,
    { resolve: () => void; reject: (error: Error) => void }
  >();

  private constructor(
    readonly context: AnyContext,
    readonly node: IAudioWorkletNode<AnyContext>,
    readonly program: Program,
  ) {
    node.port.onmessage = (event: MessageEvent) => {
      const data = event.data as {
        type: string;
        state?: EngineState;
        message?: string;
        id?: number;
      };
      if (data.type === 'state' && data.state) {
        this.state = data.state;
        for (const listener of this.listeners) listener(data.state);
      } else if (data.type === 'applied' && data.id !== undefined) {
        this.pending.get(data.id)?.resolve();
        this.pending.delete(data.id);
      } else if (data.type === 'error' && data.message) {
        this.errors.push(data.message);
        if (data.id !== undefined) {
          this.pending.get(data.id)?.reject(new Error(data.message));
          this.pending.delete(data.id);
        }
      }
    };
  }

  /** Loads the worklet module once per context and starts the program (validated first). */
  static async create(
    context: AnyContext,
    program: ProgramInput,
    workletUrl: string,
  ): Promise<SoundSession> {
    const parsed = parseProgram(program);
    if (!loaded.has(context)) loaded.set(context, context.audioWorklet!.addModule(workletUrl));
    await loaded.get(context);
    // standardized-audio-context leaves it undefined where the browser has no AudioWorklet.
    if (!AudioWorkletNode) throw new Error('This browser cannot run AudioWorklets.');
    const node = new AudioWorkletNode(context, 'mindscape-engine', {
      numberOfInputs: 0,
      numberOfOutputs: 1,
      outputChannelCount: [2],
      processorOptions: { program: parsed },
    });
    node.connect(context.destination);
    return new SoundSession(context, node, parsed);
  }

  /**
   * Glides a voice's (or the master's) parameter to `to` over `seconds` along `curve`.
   * Resolves when the engine has scheduled the glide (its audio thread took it), rejects with
   * the engine's reason if it refused.
   */
  ramp(
    target: string,
    param: string,
    to: ParamValue,
    seconds: Seconds = 5,
    curve: Curve = 'sigmoid',
  ): Promise<void> {
    const id = ++this.lastId;
    const applied = new Promise<void>((resolve, reject) =>
      this.pending.set(id, { resolve, reject }),
    );
    this.send({ type: 'ramp', target, param, to, seconds, curve, id });
    return applied;
  }

  addVoice(voice: VoiceInput): void {
    const [parsed] = parseProgram({ name: 'voice', voices: [voice] }).voices;
    this.send({ type: 'add', voice: parsed! });
  }

  /** Fades the voice out (50 ms) and drops it. */
  removeVoice(id: string): void {
    this.send({ type: 'remove', id });
  }

  /** Fades everything out over `seconds` (at least 1). */
  stop(seconds: Seconds = 3): void {
    this.send({ type: 'stop', seconds });
  }

  onState(listener: (state: EngineState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    for (const { reject } of this.pending.values()) reject(new Error('the session ended'));
    this.pending.clear();
    this.node.port.onmessage = null;
    this.node.disconnect();
    this.listeners.clear();
  }

  private send(message: EngineMessage): void {
    this.node.port.postMessage(message);
  }
}

/** Renders a program offline, faster than real time; resolves with the rendered buffer. */
export async function renderOffline(
  program: ProgramInput,
  {
    seconds,
    sampleRate = 48_000,
    workletUrl,
  }: { seconds: Seconds; sampleRate?: number; workletUrl: string },
) {
  const context = new OfflineAudioContext({
    numberOfChannels: 2,
    length: Math.round(seconds * sampleRate),
    sampleRate,
  });
  await SoundSession.create(context, program, workletUrl);
  return context.startRendering();
}
