import { badUserInput } from '@mindscape/platform';
import type { Edit, StoryChange } from '../model.js';
import { updateDetails } from '../store/stories.js';
import type { StoryEditor } from './step.js';

/** What updateStoryDetails may change: the catalogue summary and who co-authors. */
export interface StoryDetails {
  summary?: string | null;
  authorIds?: string[] | null;
}

export const MAX_SUMMARY = 5_000;
export const MAX_AUTHORS = 20;
/** A users subgraph id (a MongoDB ObjectId in hex). */
const USER_ID = /^[0-9a-f]{24}$/;

/** Checks the input before anything is read; BAD_USER_INPUT names the field at fault. */
export function checkStoryDetails(details: StoryDetails): void {
  if (details.summary == null && details.authorIds == null)
    throw badUserInput(
      'summary',
      'Nothing to change: give a summary or authorIds.',
      'summary or authorIds',
    );
  if (details.summary != null && details.summary.length > MAX_SUMMARY)
    throw badUserInput(
      'summary',
      `A summary is at most ${MAX_SUMMARY.toLocaleString('en')} characters.`,
      `≤ ${MAX_SUMMARY} characters`,
    );
  if (details.authorIds != null) {
    const ids = new Set(details.authorIds);
    if (ids.size === 0 || ids.size > MAX_AUTHORS || [...ids].some((id) => !USER_ID.test(id)))
      throw badUserInput(
        'authorIds',
        `A story has 1–${MAX_AUTHORS} authors, each a user id.`,
        `1–${MAX_AUTHORS} user ids`,
      );
  }
}

/**
 * Changes the summary and the authors as one versioned step (co-authors hear of it through
 * storyChanged). The new authors must keep at least one of the current ones, so a story is
 * never handed wholly to people none of its authors still is.
 */
export async function updateStoryDetails(
  editor: StoryEditor,
  edit: Edit,
  authorId: string,
  details: StoryDetails,
): Promise<StoryChange> {
  checkStoryDetails(details);
  const authorIds = details.authorIds ? [...new Set(details.authorIds)] : null;
  const { change } = await editor.step(edit, authorId, 'DETAILS_CHANGED', async (tx) => {
    const updated = await updateDetails(tx, edit.storyId, {
      summary: details.summary ?? null,
      authorIds,
    });
    if (!updated)
      throw badUserInput(
        'authorIds',
        'Keep at least one of the story’s current authors.',
        'a list holding one of the current authors',
      );
    return { result: undefined, after: { start: updated.start, scenes: {} } };
  });
  return change;
}
