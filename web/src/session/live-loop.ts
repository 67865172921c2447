import {
  BiometricController,
  type BodyState,
  type Decision,
} from '@mindscape/audio-worklets/controller';
import { SoundSession, type EngineState } from '@mindscape/audio-worklets/engine';
import { AudioContext, type IAnalyserNode, type IAudioContext } from 'standardized-audio-context';
import type { GraphClient } from '../lib/graph/client';
import { RecordListeningSession, StateChanged } from '../lib/operations';
import { initialValue, type ProgramChoice } from './programs';

export const WORKLET_URL = '/worklets/mindscape-worklet.js';
/** The loudest the master may be set: a safe cap well under full scale. */
export const MAX_VOLUME_DB = -6;
export const MIN_VOLUME_DB = -48;

/** One body reading as the page shows it. */
export interface Reading {
  at: number;
  heartRate: number | null;
  rmssd: number | null;
  stress: number | null;
  coherence: number | null;
  breathingRate: number | null;
  label: string;
  confidence: number;
}

/** How long one reading took from the graph to the sound: for the loop-delay measurement. */
export interface LoopTiming {
  /** The newest sample's time (the state's `updatedAt`), ms since the epoch. */
  sampleAt: number;
  /** When the state event reached this page. */
  receivedAt: number;
  /** When the audio thread confirmed the parameter change. */
  appliedAt: number;
  param: Decision['param'];
  to: number;
}

/** When a state event reached this page: for the graph-to-page part of the loop delay. */
export interface LoopArrival {
  /** The newest sample's time (the state's `updatedAt`), ms since the epoch. */
  sampleAt: number;
  receivedAt: number;
}

export interface LoopSnapshot {
  reading: Reading | null;
  engine: EngineState | null;
  decisions: readonly Decision[];
  timings: readonly LoopTiming[];
  /** The last 500 state events' arrivals, decisions or not. */
  arrivals: readonly LoopArrival[];
  problem: string | null;
  volumeDb: number;
}

const now = () => performance.timeOrigin + performance.now();

/**
 * The closed loop in the browser: the person's `stateChanged` events feed the biometric
 * controller, whose decisions become glides in the audio engine. Plain TypeScript: the page
 * renders its snapshots; tests read them from `window.mindscapeSession`.
 */
export class LiveLoop {
  private snap: LoopSnapshot;
  private readonly listeners = new Set<() => void>();
  private unsubscribe: (() => void) | undefined;
  private readonly startedAt = Date.now();
  private readonly clientId = crypto.randomUUID();
  readonly analyser: IAnalyserNode<IAudioContext>;

  private constructor(
    private readonly graph: GraphClient,
    readonly choice: ProgramChoice,
    private readonly context: IAudioContext,
    private readonly session: SoundSession,
    private readonly controller: BiometricController,
    volumeDb: number,
  ) {
    this.snap = {
      reading: null,
      engine: null,
      decisions: [],
      timings: [],
      arrivals: [],
      problem: null,
      volumeDb,
    };
    this.analyser = context.createAnalyser();
    this.analyser.fftSize = 8192;
    this.analyser.smoothingTimeConstant = 0.6;
    session.node.connect(this.analyser);
    session.onState((engine) => this.update({ engine }));
  }

  /** Starts the sound. Call from a click: browsers start audio only on a person's gesture. */
  static async start(
    graph: GraphClient,
    choice: ProgramChoice,
    volumeDb: number,
  ): Promise<LiveLoop> {
    const context = new AudioContext({ latencyHint: 'playback' });
    await context.resume();
    const program = {
      ...choice.program,
      master: { ...choice.program.master, gainDb: clampVolume(volumeDb) },
    };
    const session = await SoundSession.create(context, program, WORKLET_URL);
    const controller = new BiometricController(
      {
        beatHz: initialValue(choice.program, choice.beat.voice, choice.beat.param),
        ratePerMinute: choice.breathVoice
          ? initialValue(choice.program, choice.breathVoice, 'ratePerMinute')
          : 6,
      },
      {
        targetBeatHz: choice.beat.target,
        beatBounds: choice.beat.band,
        // Without a pacer there is no breath to lead: a band of one value makes no decisions.
        ...(choice.breathVoice ? {} : { breathBounds: [6, 6] as const }),
      },
    );
    const loop = new LiveLoop(graph, choice, context, session, controller, clampVolume(volumeDb));
    loop.listen();
    return loop;
  }

  private listen(): void {
    this.unsubscribe = this.graph.subscribe(
      StateChanged,
      {},
      {
        next: ({ stateChanged: state }) => {
          const receivedAt = now();
          const reading: Reading = {
            at: Date.parse(state.updatedAt),
            heartRate: state.heartRate ?? null,
            rmssd: state.hrv?.rmssd ?? null,
            stress: state.stress ?? null,
            coherence: state.coherence ?? null,
            breathingRate: state.breathingRate ?? null,
            label: state.label,
            confidence: state.confidence,
          };
          const body: BodyState = { ...reading, hrv: reading.rmssd };
          const decisions = this.controller.update(body);
          const arrivals = [...this.snap.arrivals, { sampleAt: reading.at, receivedAt }];
          this.update({ reading, arrivals: arrivals.slice(-500), problem: null });
          for (const decision of decisions) void this.apply(decision, reading.at, receivedAt);
        },
        error: (failure) => this.update({ problem: failure.message }),
      },
    );
  }

  private async apply(decision: Decision, sampleAt: number, receivedAt: number): Promise<void> {
    const voice = decision.param === 'beatHz' ? this.choice.beat.voice : this.choice.breathVoice;
    const param = decision.param === 'beatHz' ? this.choice.beat.param : 'ratePerMinute';
    const decisions = [...this.snap.decisions, decision].slice(-200);
    this.update({ decisions });
    if (!voice) return;
    try {
      await this.session.ramp(voice, param, decision.to, decision.glideSeconds, 'sigmoid');
      const timing = {
        sampleAt,
        receivedAt,
        appliedAt: now(),
        param: decision.param,
        to: decision.to,
      };
      this.update({ timings: [...this.snap.timings, timing].slice(-500) });
    } catch (error) {
      this.update({ problem: `The sound engine refused a change: ${(error as Error).message}` });
    }
  }

  /** Glides the volume (never above the cap) over a second. */
  setVolume(volumeDb: number): void {
    const to = clampVolume(volumeDb);
    void this.session.ramp('master', 'gainDb', to, 1, 'sigmoid').catch(() => undefined);
    this.update({ volumeDb: to });
  }

  private stopped: Promise<{ saved: boolean; message: string }> | undefined;

  /** Fades out, saves the session with its summary, and releases the audio device. Once. */
  stop(): Promise<{ saved: boolean; message: string }> {
    this.stopped ??= this.finish();
    return this.stopped;
  }

  private async finish(): Promise<{ saved: boolean; message: string }> {
    this.unsubscribe?.();
    const fadeSeconds = 2;
    this.session.stop(fadeSeconds);
    await new Promise((resolve) => setTimeout(resolve, fadeSeconds * 1000 + 100));
    const exposure = this.snap.engine?.exposureSeconds ?? 0;
    this.session.dispose();
    await this.context.close();
    const endedAt = Date.now();
    try {
      const { recordListeningSession: saved } = await this.graph.request(RecordListeningSession, {
        input: {
          clientId: this.clientId,
          program: this.choice.name,
          startedAt: new Date(this.startedAt).toISOString(),
          endedAt: new Date(endedAt).toISOString(),
          exposureSeconds: Math.min(exposure, (endedAt - this.startedAt) / 1000),
          adjustments: this.snap.decisions.length,
        },
      });
      return { saved: true, message: summaryText(saved) };
    } catch (error) {
      return {
        saved: false,
        message: `The session could not be saved: ${(error as Error).message}`,
      };
    }
  }

  snapshot = (): LoopSnapshot => this.snap;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(change: Partial<LoopSnapshot>): void {
    this.snap = { ...this.snap, ...change };
    for (const listener of this.listeners) listener();
  }
}

const clampVolume = (db: number) =>
  Math.min(MAX_VOLUME_DB, Math.max(MIN_VOLUME_DB, Number.isFinite(db) ? db : -18));

function summaryText(s: {
  durationSeconds: number;
  heartRateStart?: number | null;
  heartRateEnd?: number | null;
  rmssdStart?: number | null;
  rmssdEnd?: number | null;
}): string {
  const minutes = Math.round(s.durationSeconds / 6) / 10;
  const change = (label: string, from?: number | null, to?: number | null, unit = '') =>
    from != null && to != null ? `${label} ${Math.round(from)} → ${Math.round(to)}${unit}` : null;
  const parts = [
    `${minutes} min`,
    change('heart rate', s.heartRateStart, s.heartRateEnd, ' bpm'),
    change('HRV (RMSSD)', s.rmssdStart, s.rmssdEnd, ' ms'),
  ].filter(Boolean);
  return `Session saved: ${parts.join(', ')}.`;
}
