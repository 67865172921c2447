import type { Driver } from 'neo4j-driver';
import { readState } from '../authoring/history.js';
import { toNumber, type StoryState } from '../model.js';
import { AUTHORED_STORY } from '../store.js';
import type { StoredValidation, ValidationCache } from './cache.js';

/**
 * The findings for a story `readerId` authors (validation reads the working copy), at its current version: from the kept graph
 * when it is at that version (one small query), else from a full load that is then kept.
 */
export async function currentValidation(
  driver: Driver,
  cache: ValidationCache,
  storyId: string,
  readerId: string | undefined,
): Promise<StoredValidation | undefined> {
  const { records } = await driver.executeQuery(
    `MATCH (s:Story {id: $storyId}) WHERE ${AUTHORED_STORY} RETURN s.version AS version`,
    { storyId, readerId: readerId ?? null },
    { routing: 'READ' },
  );
  if (!records[0]) return undefined;
  const kept = cache.validate(storyId, toNumber(records[0].get('version')));
  if (kept) return kept;
  const loaded = await loadStoryState(driver, storyId, readerId);
  if (!loaded) return undefined;
  cache.remember(storyId, loaded.version, loaded.state);
  return cache.validate(storyId, loaded.version)!;
}

/** Every scene of a story `readerId` authors, with its version, in one read transaction. */
export async function loadStoryState(
  driver: Driver,
  storyId: string,
  readerId: string | undefined,
): Promise<{ version: number; state: StoryState; authorIds: string[] } | undefined> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(async (tx) => {
      const { records } = await tx.run(
        `MATCH (s:Story {id: $storyId}) WHERE ${AUTHORED_STORY}
         RETURN s.version AS version, s.authorIds AS authorIds`,
        { storyId, readerId: readerId ?? null },
      );
      if (!records[0]) return undefined;
      return {
        version: toNumber(records[0].get('version')),
        authorIds: records[0].get('authorIds') as string[],
        state: await readState(tx, storyId, 'all'),
      };
    });
  } finally {
    await session.close();
  }
}
