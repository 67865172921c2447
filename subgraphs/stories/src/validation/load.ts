import type { Driver } from 'neo4j-driver';
import { authoredVersion, loadStoryState } from '../store/state.js';
import type { StoredValidation, ValidationCache } from './cache.js';

/**
 * The findings for a story `readerId` authors (validation reads the working copy), at its
 * current version: from the kept graph when it is at that version (one small query), else
 * from a full load that is then kept.
 */
export async function currentValidation(
  driver: Driver,
  cache: ValidationCache,
  storyId: string,
  readerId: string | undefined,
): Promise<StoredValidation | undefined> {
  const version = await authoredVersion(driver, storyId, readerId);
  if (version === undefined) return undefined;
  const kept = cache.validate(storyId, version);
  if (kept) return kept;
  const loaded = await loadStoryState(driver, storyId, readerId);
  if (!loaded) return undefined;
  cache.remember(storyId, loaded.version, loaded.state);
  return cache.validate(storyId, loaded.version)!;
}
