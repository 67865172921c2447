import { codedError, ErrorCode, forbidden, notFound, type EventBus } from '@mindscape/platform';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { ValidationCache } from '../validation/cache.js';
import {
  toNumber,
  type ChangeKind,
  type Edit,
  type StoryChange,
  type StoryState,
} from '../model.js';
import { readState, recordEdit, takeStep, writeState } from './history.js';

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
      await tx.run(
        `MATCH (s:Story {id: $storyId})
         OPTIONAL MATCH (s)-[:HAS_SCENE]->(scene:Scene)
         OPTIONAL MATCH (scene)-[:HAS_CHOICE]->(c:Choice)
         WITH s, collect(DISTINCT scene) + collect(DISTINCT c) AS parts
         OPTIONAL MATCH (s)-[:HAS_EDIT|HAS_VERSION]->(kept)
         WITH s, parts + collect(kept) AS doomed
         FOREACH (n IN doomed | DETACH DELETE n)
         DETACH DELETE s`,
        edit,
      );
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
        await tx.run('MATCH (s:Story {id: $storyId}) SET s.version = $next', {
          storyId: edit.storyId,
          next: edit.expectedVersion + 1,
        });
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

/**
 * Locks the story (a write to it) before comparing its version, so two concurrent edits
 * against the same version cannot both pass: the loser gets CONFLICT.
 */
async function lockStory(tx: ManagedTransaction, edit: Edit, authorId: string): Promise<void> {
  const { records } = await tx.run(
    `MATCH (s:Story {id: $storyId}) SET s.version = s.version
     RETURN s.version AS version, $authorId IN s.authorIds AS author,
       s.status = 'PUBLISHED' AS published`,
    { storyId: edit.storyId, authorId },
  );
  const story = records[0];
  // Not an author of a draft: as if the story did not exist (drafts are private).
  if (!story || (!story.get('author') && !story.get('published')))
    throw notFound(`Story ${edit.storyId} (one you author)`);
  if (!story.get('author')) throw forbidden('Only the story’s authors change it.');
  const version = toNumber(story.get('version'));
  if (version !== edit.expectedVersion) {
    throw codedError(
      ErrorCode.CONFLICT,
      `The story changed since version ${edit.expectedVersion} (it is at ${version}); reload and edit again.`,
      { field: 'expectedVersion', currentVersion: version },
    );
  }
}
