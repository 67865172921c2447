import type { Edit, StoryChange, StoryState } from '../model.js';
import { sceneIdsOf } from '../store/scenes.js';
import { readState, writeState } from '../store/state.js';
import { storyFields } from '../store/stories.js';
import {
  createVersion,
  versionContent,
  type StoryVersion,
  type VersionContent,
} from '../store/versions.js';
import type { StoryEditor } from './step.js';

/**
 * Publishing keeps the whole story as an immutable version; restoring writes a version's
 * scenes back as a new, undoable edit.
 */
export async function publishStory(
  editor: StoryEditor,
  edit: Edit,
  authorId: string,
): Promise<{ change: StoryChange; version: StoryVersion }> {
  const { change, result } = await editor.step(edit, authorId, 'PUBLISHED', async (tx) => {
    const state = await readState(tx, edit.storyId, 'all');
    const version = await createVersion(tx, edit.storyId, {
      storyVersion: edit.expectedVersion + 1,
      authorId,
      content: { story: await storyFields(tx, edit.storyId), state },
    });
    return {
      result: version,
      after: { start: state.start, scenes: {} },
    };
  });
  return { change, version: result };
}

/** Restores a version's scenes and start (story fields stay): an edit, so undo takes it back. */
export async function restoreVersion(
  editor: StoryEditor,
  edit: Edit,
  authorId: string,
  number: number,
): Promise<StoryChange> {
  const target: { content?: VersionContent; current?: string[] } = {};
  const { change } = await editor.edit(edit, authorId, 'VERSION_RESTORED', {
    touches: async (tx) => {
      target.content = await versionContent(tx, edit.storyId, number);
      target.current = await sceneIdsOf(tx, edit.storyId);
      return [...new Set([...target.current, ...Object.keys(target.content.state.scenes)])];
    },
    apply: async (tx) => {
      const { state } = target.content!;
      // Scenes the version did not have go; the version's come back as they were.
      const scenes: StoryState['scenes'] = {};
      for (const id of target.current!) scenes[id] = null;
      Object.assign(scenes, state.scenes);
      await writeState(tx, edit.storyId, { start: state.start, scenes });
    },
  });
  return change;
}
