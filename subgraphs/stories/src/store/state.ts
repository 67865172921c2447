import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { toNumber, type SceneState, type StoryState } from '../model.js';
import { relinkByName } from './scenes.js';
import { AUTHORED_STORY } from './stories.js';

export async function readState(
  tx: ManagedTransaction,
  storyId: string,
  sceneIds: string[] | 'all',
): Promise<StoryState> {
  const { records } = await tx.run(
    // Only the touched scenes, looked up by id (an edit of a 5,000-scene story reads one or
    // two), unless the whole story is asked for.
    `MATCH (s:Story {id: $storyId})
     OPTIONAL MATCH (s)-[:HAS_SCENE]->(scene:Scene)
       ${sceneIds === 'all' ? '' : 'WHERE scene.id IN $sceneIds'}
     OPTIONAL MATCH (scene)-[:HAS_CHOICE]->(c:Choice)
     WITH s, scene, c ORDER BY c.order
     WITH s, scene, collect(c { .id, .text, .targetName, .kind, .order, .condition,
       .recommendWhen, .effects }) AS choices
     RETURN s.startSceneName AS start,
       collect(CASE WHEN scene IS NULL THEN null ELSE scene { .id, .name, .text, .tags,
         .position, .size, .metadata, .isEnding, .order, choices: choices } END) AS scenes`,
    { storyId, sceneIds: sceneIds === 'all' ? [] : sceneIds },
  );
  const record = records[0];
  const scenes: StoryState['scenes'] = {};
  if (sceneIds !== 'all') for (const id of sceneIds) scenes[id] = null;
  for (const raw of (record?.get('scenes') ?? []) as Array<Record<string, unknown>>) {
    const scene = raw as unknown as SceneState;
    scenes[scene.id] = {
      ...scene,
      tags: scene.tags ?? [],
      position: scene.position ?? null,
      size: scene.size ?? null,
      metadata: scene.metadata ?? null,
      order: toNumber(scene.order),
      choices: scene.choices.map((choice) => ({
        ...choice,
        order: toNumber(choice.order),
        condition: choice.condition ?? null,
        recommendWhen: choice.recommendWhen ?? null,
        effects: choice.effects ?? null,
      })),
    };
  }
  return { start: (record?.get('start') as string | null) ?? null, scenes };
}

/**
 * Makes the story look as `state` says: scenes that were absent are deleted, the others are
 * written back with their choices (same ids, so playthroughs and editors keep their
 * references), and every link by name is followed again.
 */
export async function writeState(
  tx: ManagedTransaction,
  storyId: string,
  state: StoryState,
): Promise<void> {
  const entries = Object.entries(state.scenes);
  const gone = entries.filter(([, scene]) => scene === null).map(([id]) => id);
  const present = entries.flatMap(([, scene]) => (scene ? [scene] : []));
  await tx.run(
    `MATCH (s:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene) WHERE scene.id IN $ids
     OPTIONAL MATCH (scene)-[:HAS_CHOICE]->(c:Choice)
     WITH scene, collect(c) AS choices, scene.id IN $gone AS remove
     FOREACH (c IN choices | DETACH DELETE c)
     FOREACH (_ IN CASE WHEN remove THEN [1] ELSE [] END | DETACH DELETE scene)`,
    { storyId, ids: entries.map(([id]) => id), gone },
  );
  await tx.run(
    `MATCH (s:Story {id: $storyId})
     UNWIND $scenes AS snap
     MERGE (s)-[:HAS_SCENE]->(scene:Scene {id: snap.id})
     SET scene.name = snap.name, scene.text = snap.text, scene.tags = snap.tags,
         scene.position = snap.position, scene.size = snap.size, scene.metadata = snap.metadata,
         scene.isEnding = snap.isEnding, scene.order = snap.order
     WITH scene, snap
     UNWIND snap.choices AS choice
     CREATE (scene)-[:HAS_CHOICE]->(:Choice {id: choice.id, text: choice.text,
       targetName: choice.targetName, kind: choice.kind, order: choice.order,
       condition: choice.condition, recommendWhen: choice.recommendWhen, effects: choice.effects})`,
    { storyId, scenes: present },
  );
  await tx.run('MATCH (s:Story {id: $storyId}) SET s.startSceneName = $start', {
    storyId,
    start: state.start,
  });
  await relinkByName(tx, storyId);
}

/** The edit version of a story `readerId` authors; undefined otherwise. */
export async function authoredVersion(
  driver: Driver,
  storyId: string,
  readerId: string | undefined,
): Promise<number | undefined> {
  const { records } = await driver.executeQuery(
    `MATCH (s:Story {id: $storyId}) WHERE ${AUTHORED_STORY} RETURN s.version AS version`,
    { storyId, readerId: readerId ?? null },
    { routing: 'READ' },
  );
  return records[0] ? toNumber(records[0].get('version')) : undefined;
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
