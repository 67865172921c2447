import { codedError, ErrorCode, type EventBus } from '@mindscape/platform';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { ValidationCache } from '../validation/cache.js';
import type { ChangeKind, Edit, StoryChange, StoryState } from '../model.js';
import { recordEdit, takeStep } from '../store/history.js';
import { readState, writeState } from '../store/state.js';
import { deleteStoryGraph, lockStory, setVersion } from '../store/stories.js';

/** What an edit will do: the scenes it may change (read before it runs), then the change. */
export interface EditPlan<T> {
  touches(tx: ManagedTransaction): Promise<string[]>;
  apply(tx: ManagedTransaction): Promise<T>;
}

export const storyTopic = (storyId: string) => `story:${storyId}`;

/**
 * Every change to a story's scenes goes through here: one transaction that locks the story,
 * refuses a stale `expectedVersion`, records the touched scenes before and after (the undo
 * history), raises the version, and — once committed — tells co-authors and brings the
 * incremental validation up to date.
 */
export class StoryEditor {
  constructor(
    private readonly driver: Driver,
    private readonly bus: EventBus,
    private readonly validations: ValidationCache,
  ) {}

  /** A recorded edit (undoable). */
  async edit<T>(
    edit: Edit,
    authorId: string,
    kind: ChangeKind,
    plan: EditPlan<T>,
  ): Promise<{ change: StoryChange; result: T }> {
    return this.step(edit, authorId, kind, async (tx) => {
      const ids = await plan.touches(tx);
      const before = await readState(tx, edit.storyId, ids);
      const result = await plan.apply(tx);
      const after = await readState(tx, edit.storyId, ids);
      await recordEdit(tx, edit.storyId, { kind, authorId, before, after });
      return { result, after };
    });
  }

  /** Undo (write back the newest edit's "before") or redo (the oldest undone's "after"). */
  async replay(edit: Edit, authorId: string, direction: 'undo' | 'redo'): Promise<StoryChange> {
    const kind = direction === 'undo' ? 'UNDONE' : 'REDONE';
    const { change } = await this.step(edit, authorId, kind, async (tx) => {
      const step = await takeStep(tx, edit.storyId, direction);
      if (!step)
        throw codedError(
          ErrorCode.NOTHING_TO_REPLAY,
          `There is nothing to ${direction} in this story.`,
          {
            field: 'storyId',
          },
        );
      await writeState(tx, edit.storyId, step.state);
      return { result: undefined, after: step.state };
    });
    return change;
  }

  /** Deletes the story with everything it holds: scenes, choices, history, versions. */
  async deleteStory(edit: Edit, authorId: string): Promise<void> {
    await this.step(edit, authorId, 'STORY_DELETED', async (tx) => {
      await deleteStoryGraph(tx, edit.storyId);
      return { result: undefined, after: { start: null, scenes: {} } };
    });
  }

  /**
   * The locked, versioned part every change shares. `body` returns what it did and the
   * touched scenes' state after it, for the validation cache.
   */
  async step<T>(
    edit: Edit,
    authorId: string,
    kind: ChangeKind,
    body: (tx: ManagedTransaction) => Promise<{ result: T; after: StoryState }>,
  ): Promise<{ change: StoryChange; result: T }> {
    const session = this.driver.session();
    let done: { result: T; after: StoryState };
    try {
      done = await session.executeWrite(async (tx) => {
        await lockStory(tx, edit, authorId);
        const outcome = await body(tx);
        await setVersion(tx, edit.storyId, edit.expectedVersion + 1);
        return outcome;
      });
    } finally {
      await session.close();
    }
    const version = edit.expectedVersion + 1;
    this.validations.patch(edit.storyId, edit.expectedVersion, version, done.after);
    const change: StoryChange = {
      storyId: edit.storyId,
      version,
      kind,
      sceneIds: Object.keys(done.after.scenes),
      authorId,
    };
    await this.bus.publish(storyTopic(edit.storyId), change);
    return { change, result: done.result };
  }
}
