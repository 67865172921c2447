import { randomUUID } from 'node:crypto';
import { codedError, ErrorCode, forbidden, notFound } from '@mindscape/platform';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { passageLinks } from '../interchange/links.js';
import { isEndingPassage } from '../interchange/source-graph.js';
import type { StorySource } from '../interchange/story-source.js';
import { toNumber, type Edit, type StoryFields } from '../model.js';

/**
 * Writes an imported story in one transaction, in batches (UNWIND): a story, its scenes and
 * their choices, and LEADS_TO where a choice names an existing scene. A failure writes
 * nothing. Returns the new story's id.
 */
export async function insertStory(
  driver: Driver,
  source: StorySource,
  authorId: string,
  about: { summary: string; language: string } = { summary: '', language: 'en' },
): Promise<string> {
  const storyId = randomUUID();
  const scenes = source.passages.map((passage, order) => ({
    id: randomUUID(),
    name: passage.name,
    text: passage.text,
    tags: passage.tags,
    position: passage.position ?? null,
    size: passage.size ?? null,
    metadata: Object.keys(passage.metadata).length ? JSON.stringify(passage.metadata) : null,
    isEnding: isEndingPassage(passage.name, passage.tags),
    order,
  }));
  const idByName = new Map(scenes.map((scene) => [scene.name, scene.id]));
  const choices = source.passages.flatMap((passage, index) =>
    passageLinks(passage.text).map((link, order) => ({
      id: randomUUID(),
      sceneId: scenes[index]!.id,
      text: link.text,
      targetName: link.target,
      targetId: idByName.get(link.target) ?? null,
      kind: link.kind === 'choice' ? 'CHOICE' : 'REDIRECT',
      order,
    })),
  );
  const { extra } = source;
  const session = driver.session();
  try {
    await session.executeWrite(async (tx) => {
      await tx.run(
        `CREATE (s:Story {id: $id, title: $title, summary: $summary, tags: [], language: $language,
           status: 'DRAFT', authorIds: [$authorId], version: 1, startSceneName: $start,
           format: $format, formatVersion: $formatVersion, ifid: $ifid, storyData: $storyData,
           script: $script, stylesheet: $stylesheet})`,
        {
          id: storyId,
          title: source.title || 'Untitled story',
          authorId,
          ...about,
          start: source.start ?? source.passages[0]?.name ?? null,
          format: source.format ?? null,
          formatVersion: source.formatVersion ?? null,
          ifid: source.ifid ?? null,
          storyData: JSON.stringify({ extra, tagColors: source.tagColors }),
          script: source.script,
          stylesheet: source.stylesheet,
        },
      );
      for (let i = 0; i < scenes.length; i += 1000) {
        await tx.run(
          `MATCH (s:Story {id: $storyId})
           UNWIND $scenes AS scene
           CREATE (s)-[:HAS_SCENE]->(:Scene {id: scene.id, name: scene.name, text: scene.text,
             tags: scene.tags, position: scene.position, size: scene.size,
             metadata: scene.metadata, isEnding: scene.isEnding, order: scene.order})`,
          { storyId, scenes: scenes.slice(i, i + 1000) },
        );
      }
      for (let i = 0; i < choices.length; i += 1000) {
        await tx.run(
          `UNWIND $choices AS choice
           MATCH (from:Scene {id: choice.sceneId})
           CREATE (from)-[:HAS_CHOICE]->(c:Choice {id: choice.id, text: choice.text,
             targetName: choice.targetName, kind: choice.kind, order: choice.order})
           WITH c, choice WHERE choice.targetId IS NOT NULL
           MATCH (to:Scene {id: choice.targetId})
           CREATE (c)-[:LEADS_TO]->(to)`,
          { choices: choices.slice(i, i + 1000) },
        );
      }
    });
  } finally {
    await session.close();
  }
  return storyId;
}

/**
 * Who may read a story (`s`), for Cypher that bypasses @neo4j/graphql's rules: everyone once
 * published, its authors while a draft. Needs the parameter `$readerId`. What readers who are
 * not authors read of it is a published version, never the working copy (AUTHORED_STORY).
 */
export const READABLE_STORY = "(s.status = 'PUBLISHED' OR $readerId IN s.authorIds)";

/** Who may read a story's working copy (`s`): its authors alone. Needs `$readerId`. */
export const AUTHORED_STORY = '($readerId IN s.authorIds)';

/**
 * A story's working copy as interchange source, if `userId` authors it. Reads bypass
 * @neo4j/graphql, so the rule is stated here too.
 */
export async function loadStorySource(
  driver: Driver,
  storyId: string,
  userId: string | undefined,
): Promise<StorySource | undefined> {
  const { records } = await driver.executeQuery(
    `MATCH (s:Story {id: $storyId})
     WHERE ${AUTHORED_STORY}
     OPTIONAL MATCH (s)-[:HAS_SCENE]->(scene:Scene)
     WITH s, scene ORDER BY scene.order
     RETURN s { .* } AS story, collect(scene { .* }) AS scenes`,
    { storyId, readerId: userId ?? null },
    { routing: 'READ' },
  );
  const record = records[0];
  if (!record) return undefined;
  return toStorySource(
    record.get('story') as StoryFields,
    record.get('scenes') as Array<Record<string, unknown>>,
  );
}

/** A story as interchange source, from its stored fields and scenes (in any order). */
export function toStorySource(
  story: StoryFields,
  scenes: Array<Record<string, unknown>>,
): StorySource {
  const stored = JSON.parse(story.storyData ?? '{}') as {
    extra?: Record<string, unknown>;
    tagColors?: Record<string, string>;
  };
  const ordered = [...scenes].sort((a, b) => toNumber(a.order) - toNumber(b.order));
  return {
    title: story.title ?? '',
    ...(story.ifid ? { ifid: story.ifid } : {}),
    ...(story.format ? { format: story.format } : {}),
    ...(story.formatVersion ? { formatVersion: story.formatVersion } : {}),
    ...(story.startSceneName ? { start: story.startSceneName } : {}),
    tagColors: stored.tagColors ?? {},
    extra: stored.extra ?? {},
    script: story.script ?? '',
    stylesheet: story.stylesheet ?? '',
    passages: ordered.map((scene) => ({
      name: String(scene.name),
      text: String(scene.text),
      tags: (scene.tags as string[] | null) ?? [],
      ...(scene.position ? { position: String(scene.position) } : {}),
      ...(scene.size ? { size: String(scene.size) } : {}),
      metadata: scene.metadata
        ? (JSON.parse(String(scene.metadata)) as Record<string, unknown>)
        : {},
    })),
  };
}

/**
 * Locks the story (a write to it) before comparing its version, so two concurrent edits
 * against the same version cannot both pass: the loser gets CONFLICT.
 */
export async function lockStory(
  tx: ManagedTransaction,
  edit: Edit,
  authorId: string,
): Promise<void> {
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

/** The story's edit version after a change. */
export async function setVersion(
  tx: ManagedTransaction,
  storyId: string,
  version: number,
): Promise<void> {
  await tx.run('MATCH (s:Story {id: $storyId}) SET s.version = $version', { storyId, version });
}

/** Deletes the story with everything it holds: scenes, choices, history, versions. */
export async function deleteStoryGraph(tx: ManagedTransaction, storyId: string): Promise<void> {
  await tx.run(
    `MATCH (s:Story {id: $storyId})
     OPTIONAL MATCH (s)-[:HAS_SCENE]->(scene:Scene)
     OPTIONAL MATCH (scene)-[:HAS_CHOICE]->(c:Choice)
     WITH s, collect(DISTINCT scene) + collect(DISTINCT c) AS parts
     OPTIONAL MATCH (s)-[:HAS_EDIT|HAS_VERSION]->(kept)
     // Aggregate first, then add: Neo4j 5 refuses an aggregate inside a larger expression.
     WITH s, parts, collect(kept) AS history
     WITH s, parts + history AS doomed
     FOREACH (n IN doomed | DETACH DELETE n)
     DETACH DELETE s`,
    { storyId },
  );
}

/** NOT_FOUND unless `userId` authors the story. */
export async function requireAuthor(
  driver: Driver,
  storyId: string,
  userId: string,
): Promise<void> {
  const { records } = await driver.executeQuery(
    'MATCH (s:Story {id: $storyId}) WHERE $userId IN s.authorIds RETURN s.id',
    { storyId, userId },
    { routing: 'READ' },
  );
  if (records.length === 0) throw notFound(`Story ${storyId} (one you author)`);
}

/**
 * Sets the summary and the authors (null: kept); the new authors must hold one of the current
 * ones. Returns the story's start scene name, or undefined when the authors were refused.
 */
export async function updateDetails(
  tx: ManagedTransaction,
  storyId: string,
  details: { summary: string | null; authorIds: string[] | null },
): Promise<{ start: string | null } | undefined> {
  const { records } = await tx.run(
    `MATCH (s:Story {id: $storyId})
     WITH s, s.authorIds AS before
     WHERE $authorIds IS NULL OR any(id IN before WHERE id IN $authorIds)
     SET s.summary = coalesce($summary, s.summary), s.authorIds = coalesce($authorIds, before)
     RETURN s.startSceneName AS start`,
    { storyId, ...details },
  );
  return records[0] && { start: records[0].get('start') as string | null };
}

const FIELDS = '.title, .ifid, .format, .formatVersion, .storyData, .script, .stylesheet';

/** The story-wide fields a published version keeps besides its scenes. */
export async function storyFields(tx: ManagedTransaction, storyId: string): Promise<StoryFields> {
  const { records } = await tx.run(
    `MATCH (s:Story {id: $storyId}) RETURN s { ${FIELDS} } AS story`,
    {
      storyId,
    },
  );
  return records[0]!.get('story') as StoryFields;
}
