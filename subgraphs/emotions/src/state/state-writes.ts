import { GroupCommit } from '../group-commit.js';
import type { EmotionsModels, PhysioStateDoc, WindowSample } from '../models/index.js';

/** A person's window document written over `version` (optimistic concurrency). */
export interface WindowUpdate {
  userId: string;
  version: number;
  samples: WindowSample[];
}

/**
 * The writes each person's update makes after publishing, grouped across people
 * (group-commit.ts): at a thousand people streaming, three writes per person and second are
 * three writes per round instead. Each person's updates still run one after another, so a
 * group holds at most one write of each kind per person.
 */
export interface StateWrites {
  /** Appends published states to the history. */
  states: GroupCommit<PhysioStateDoc, undefined>;
  /** Sets each person's newest state. */
  latest: GroupCommit<PhysioStateDoc, undefined>;
  /** Writes window documents; answers, per update, whether its version still matched. */
  windows: GroupCommit<WindowUpdate, boolean>;
}

export function stateWrites(models: EmotionsModels): StateWrites {
  return {
    states: new GroupCommit(async (states) => {
      await models.states.insertMany(states, { ordered: true });
      return states.map(() => undefined);
    }),
    latest: new GroupCommit(async (states) => {
      await models.latestStates.bulkWrite(
        states.map((state) => ({
          updateOne: { filter: { _id: state.userId }, update: { $set: { state } }, upsert: true },
        })),
        { ordered: false },
      );
      return states.map(() => undefined);
    }),
    windows: new GroupCommit(async (updates) => {
      const result = await models.recentWindows.bulkWrite(
        updates.map(({ userId, version, samples }) => ({
          updateOne: {
            filter: { _id: userId, version },
            update: { $set: { samples, version: version + 1 } },
          },
        })),
        { ordered: false },
      );
      if (result.matchedCount === updates.length) return updates.map(() => true);
      // Another instance moved a window, and the total does not say whose. Each is answered
      // "moved": it reads its document again and merges once more, which changes nothing for
      // the ones that were written (a sample the window holds keeps its first values).
      return updates.map(() => false);
    }),
  };
}
