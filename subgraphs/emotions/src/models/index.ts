import { Schema, type Connection } from 'mongoose';
import type { HrvFeatures } from '@mindscape/biosignals';
import type { Baseline } from '../state/stress-model.js';

/**
 * Biometric samples: one document per sample, unique on (person, device, timestamp), which is
 * what makes a retried batch change nothing (see docs/decisions/0005).
 */
const sampleSchema = new Schema(
  {
    userId: { type: String, required: true },
    deviceId: { type: String, required: true },
    t: { type: Date, required: true },
    heartRate: Number,
    rr: { type: [Number], default: undefined },
    respirationRate: Number,
    spo2: Number,
    skinTemperature: Number,
    steps: Number,
    receivedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
sampleSchema.index({ userId: 1, deviceId: 1, t: 1 }, { unique: true });
sampleSchema.index({ userId: 1, t: -1 });

export interface SampleDoc {
  userId: string;
  deviceId: string;
  t: Date;
  heartRate?: number;
  rr?: number[];
  respirationRate?: number;
  spo2?: number;
  skinTemperature?: number;
  steps?: number;
  receivedAt: Date;
}

export interface PhysioStateDoc {
  userId: string;
  /** End of the window: the newest sample's timestamp. */
  at: Date;
  heartRate: number | null;
  hrv: HrvFeatures | null;
  stress: number | null;
  arousal: number | null;
  valence: number | null;
  coherence: number | null;
  breathingRate: number | null;
  label: string;
  confidence: number;
}

/** Every published state, for history and charts. */
const stateSchema = new Schema(
  {
    userId: { type: String, required: true },
    at: { type: Date, required: true },
    heartRate: Number,
    hrv: Schema.Types.Mixed,
    stress: Number,
    arousal: Number,
    valence: Number,
    coherence: Number,
    breathingRate: Number,
    label: String,
    confidence: Number,
  },
  { versionKey: false },
);
stateSchema.index({ userId: 1, at: 1 });

/** The newest state per person, keyed by person, so a dashboard of N people is one query. */
const latestStateSchema = new Schema(
  { _id: String, state: Schema.Types.Mixed },
  { versionKey: false },
);

/** A person's running baseline of physiological markers. */
const baselineSchema = new Schema(
  { _id: String, baseline: Schema.Types.Mixed, lastUpdateAt: Date },
  { versionKey: false },
);
export interface BaselineDoc {
  _id: string;
  baseline: Baseline;
  lastUpdateAt: Date;
}

const checkInSchema = new Schema(
  {
    userId: { type: String, required: true },
    mood: { type: Number, required: true },
    energy: { type: Number, required: true },
    note: String,
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
checkInSchema.index({ userId: 1, createdAt: 1 });
export interface CheckInDoc {
  _id: import('mongoose').Types.ObjectId;
  userId: string;
  mood: number;
  energy: number;
  note?: string;
  createdAt: Date;
}

/** Journal entries with their emotion reading. */
const emotionReadingSchema = new Schema(
  {
    userId: { type: String, required: true },
    text: { type: String, required: true },
    labels: [{ _id: false, label: String, score: Number }],
    valence: Number,
    arousal: Number,
    language: String,
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
emotionReadingSchema.index({ userId: 1, createdAt: 1 });
export interface EmotionReadingDoc {
  _id: import('mongoose').Types.ObjectId;
  userId: string;
  text: string;
  labels: Array<{ label: string; score: number }>;
  valence: number;
  arousal: number;
  language: string;
  createdAt: Date;
}

/**
 * A listening session as the web app reports it; the body's change over it is computed here
 * from stored states, not taken from the client.
 */
const listeningSessionSchema = new Schema(
  {
    userId: { type: String, required: true },
    /** The client's id for this session: a retried save finds the first one. */
    clientId: { type: String, required: true },
    program: { type: String, required: true },
    startedAt: { type: Date, required: true },
    endedAt: { type: Date, required: true },
    exposureSeconds: { type: Number, required: true },
    adjustments: { type: Number, required: true },
    heartRateStart: Number,
    heartRateEnd: Number,
    rmssdStart: Number,
    rmssdEnd: Number,
    stressStart: Number,
    stressEnd: Number,
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
listeningSessionSchema.index({ userId: 1, clientId: 1 }, { unique: true });
listeningSessionSchema.index({ userId: 1, startedAt: 1 });
export interface ListeningSessionDoc {
  _id: import('mongoose').Types.ObjectId;
  userId: string;
  clientId: string;
  program: string;
  startedAt: Date;
  endedAt: Date;
  exposureSeconds: number;
  adjustments: number;
  heartRateStart?: number;
  heartRateEnd?: number;
  rmssdStart?: number;
  rmssdEnd?: number;
  stressStart?: number;
  stressEnd?: number;
  createdAt: Date;
}

/**
 * The last minute or so of each person's samples, in one document found by id. The live state
 * reads this instead of querying `samples`: FerretDB v1 does not use the compound index for
 * that range query and would scan the collection on every update.
 */
const recentWindowSchema = new Schema(
  { _id: String, version: { type: Number, required: true }, samples: [Schema.Types.Mixed] },
  { versionKey: false },
);
export type WindowSample = Omit<SampleDoc, 'userId' | 'receivedAt'>;
export interface RecentWindowDoc {
  _id: string;
  version: number;
  samples: WindowSample[];
}

export function emotionsModels(db: Connection) {
  return {
    samples: db.model<SampleDoc>('Sample', sampleSchema, 'samples'),
    states: db.model<PhysioStateDoc>('PhysioState', stateSchema, 'states'),
    latestStates: db.model<{ _id: string; state: PhysioStateDoc }>(
      'LatestState',
      latestStateSchema,
      'latest_states',
    ),
    baselines: db.model<BaselineDoc>('Baseline', baselineSchema, 'baselines'),
    checkIns: db.model<CheckInDoc>('CheckIn', checkInSchema, 'check_ins'),
    recentWindows: db.model<RecentWindowDoc>('RecentWindow', recentWindowSchema, 'recent_windows'),
    listeningSessions: db.model<ListeningSessionDoc>(
      'ListeningSession',
      listeningSessionSchema,
      'listening_sessions',
    ),
    emotionReadings: db.model<EmotionReadingDoc>(
      'EmotionReading',
      emotionReadingSchema,
      'emotion_readings',
    ),
  };
}
export type EmotionsModels = ReturnType<typeof emotionsModels>;

export async function syncIndexes(models: EmotionsModels): Promise<void> {
  await Promise.all(Object.values(models).map((model) => model.init()));
}
