import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { badUserInput, notFound } from '@mindscape/platform';
import type { StorySource } from '../interchange/story-source.js';
import { toNumber, type StoryFields, type StoryState } from '../model.js';
import { READABLE_STORY, toStorySource } from './stories.js';

/**
 * Published versions: publishing stores the whole story (fields, scenes, choices with their
 * rules) as one StoryVersion node no operation changes afterwards.
 */
export interface StoryVersion {
  storyId: string;
  number: number;
  /** The story's edit version it was published at. */
  storyVersion: number;
  publishedAt: string;
  /** Who published it: told to the story's authors only. */
  publishedBy: string | null;
  title: string;
  sceneCount: number;
}

export interface VersionContent {
  story: StoryFields;
  state: StoryState;
}

/** Marks the story published and keeps `content` as its next version. */
export async function createVersion(
  tx: ManagedTransaction,
  storyId: string,
  version: { storyVersion: number; authorId: string; content: VersionContent },
): Promise<StoryVersion> {
  const { records } = await tx.run(
    `MATCH (s:Story {id: $storyId}) SET s.status = 'PUBLISHED'
     WITH s OPTIONAL MATCH (s)-[:HAS_VERSION]->(v:StoryVersion)
     WITH s, count(v) + 1 AS number
     CREATE (s)-[:HAS_VERSION]->(v:StoryVersion {storyId: s.id, number: number,
       storyVersion: $storyVersion, publishedAt: toString(datetime()), publishedBy: $authorId,
       title: s.title, sceneCount: $sceneCount,
       content: $content})
     RETURN v { .storyId, .number, .storyVersion, .publishedAt, .publishedBy, .title,
       .sceneCount } AS version`,
    {
      storyId,
      storyVersion: version.storyVersion,
      authorId: version.authorId,
      sceneCount: Object.keys(version.content.state.scenes).length,
      content: JSON.stringify(version.content),
    },
  );
  return toVersion(records[0]!.get('version'));
}

/**
 * The newest published version of a story `readerId` may read (or version `number`), without
 * its content; undefined when there is none for them.
 */
export async function findVersion(
  driver: Driver,
  storyId: string,
  readerId: string | undefined,
  number: number | null,
): Promise<StoryVersion | undefined> {
  const { records } = await driver.executeQuery(
    `MATCH (s:Story {id: $storyId}) WHERE ${READABLE_STORY}
     MATCH (s)-[:HAS_VERSION]->(v:StoryVersion)
     WHERE $number IS NULL OR v.number = $number
     RETURN v { .storyId, .number, .storyVersion, .publishedAt, .publishedBy, .title,
       .sceneCount } AS version
     ORDER BY v.number DESC LIMIT 1`,
    { storyId, readerId: readerId ?? null, number },
    { routing: 'READ' },
  );
  return records[0] && toVersion(records[0].get('version') as Record<string, unknown>);
}

/** A version's content (no reader check: callers have made it). */
export async function readVersionContent(
  driver: Driver,
  storyId: string,
  number: number,
): Promise<VersionContent> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    return await session.executeRead((tx) => versionContent(tx, storyId, number));
  } finally {
    await session.close();
  }
}

export async function listVersions(
  driver: Driver,
  storyId: string,
  readerId: string,
): Promise<StoryVersion[]> {
  const { records } = await driver.executeQuery(
    `MATCH (s:Story {id: $storyId}) WHERE ${READABLE_STORY}
     OPTIONAL MATCH (s)-[:HAS_VERSION]->(v:StoryVersion)
     WITH s, v ORDER BY v.number DESC
     RETURN [x IN collect(v { .storyId, .number, .storyVersion, .publishedAt, .title,
       .sceneCount, publishedBy: CASE WHEN $readerId IN s.authorIds THEN v.publishedBy END })
       WHERE x IS NOT NULL] AS versions`,
    { storyId, readerId },
    { routing: 'READ' },
  );
  if (!records[0]) throw notFound(`Story ${storyId} (published, or one you author)`);
  return (records[0].get('versions') as Array<Record<string, unknown>>).map(toVersion);
}

/** A published version as interchange source, for whoever may read the story. */
export async function versionSource(
  driver: Driver,
  storyId: string,
  readerId: string | undefined,
  number: number,
): Promise<StorySource | undefined> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(async (tx) => {
      const { records } = await tx.run(
        `MATCH (s:Story {id: $storyId}) WHERE ${READABLE_STORY} RETURN s.id`,
        { storyId, readerId: readerId ?? null },
      );
      if (!records[0]) return undefined;
      const { story, state } = await versionContent(tx, storyId, number);
      return toStorySource(
        { ...story, startSceneName: state.start },
        Object.values(state.scenes).flatMap((scene) => (scene ? [scene] : [])) as unknown as Array<
          Record<string, unknown>
        >,
      );
    });
  } finally {
    await session.close();
  }
}

export async function versionContent(
  tx: ManagedTransaction,
  storyId: string,
  number: number,
): Promise<VersionContent> {
  const { records } = await tx.run(
    'MATCH (:Story {id: $storyId})-[:HAS_VERSION]->(v:StoryVersion {number: $number}) RETURN v.content AS content',
    { storyId, number },
  );
  if (!records[0])
    throw badUserInput(
      'version',
      `The story has no version ${number}.`,
      'a published version number',
    );
  return JSON.parse(records[0].get('content') as string) as VersionContent;
}

function toVersion(raw: Record<string, unknown>): StoryVersion {
  return {
    ...(raw as unknown as StoryVersion),
    number: toNumber(raw.number),
    storyVersion: toNumber(raw.storyVersion),
    sceneCount: toNumber(raw.sceneCount),
  };
}
