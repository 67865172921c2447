import { Schema, type Connection, type Types } from 'mongoose';

export interface PlaythroughStep {
  sceneId: string;
  sceneName: string;
  choiceId: string | null;
  at: Date;
  /** The reader's live stress when the step was taken, if known. */
  stress: number | null;
}

export interface PlaythroughDoc {
  _id: Types.ObjectId;
  storyId: string;
  /** The published version read; null: the working copy (its authors playing it). */
  version: number | null;
  readerId: string;
  sceneId: string;
  history: PlaythroughStep[];
  variables: Record<string, number>;
  finished: boolean;
  startedAt: Date;
  updatedAt: Date;
}

const MAX_STEPS = 5_000;

const stepSchema = new Schema<PlaythroughStep>(
  {
    sceneId: { type: String, required: true },
    sceneName: { type: String, required: true },
    choiceId: { type: String, default: null },
    at: { type: Date, required: true },
    stress: { type: Number, default: null },
  },
  { _id: false },
);

const playthroughSchema = new Schema<PlaythroughDoc>({
  storyId: { type: String, required: true },
  version: { type: Number, default: null },
  readerId: { type: String, required: true },
  sceneId: { type: String, required: true },
  history: {
    type: [stepSchema],
    validate: [(steps: unknown[]) => steps.length <= MAX_STEPS, 'at most 5,000 steps'],
  },
  variables: { type: Schema.Types.Mixed, default: {} },
  finished: { type: Boolean, default: false },
  startedAt: { type: Date, required: true },
  updatedAt: { type: Date, required: true },
});
playthroughSchema.index({ readerId: 1, updatedAt: -1 });

export function playthroughModel(db: Connection) {
  return db.model<PlaythroughDoc>('Playthrough', playthroughSchema, 'playthroughs');
}
export type PlaythroughModel = ReturnType<typeof playthroughModel>;
