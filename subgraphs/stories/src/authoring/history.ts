import type { ManagedTransaction } from 'neo4j-driver';
import { toNumber, type SceneState, type StoryState } from '../model.js';
import { relinkByName } from './scenes.js';

/** Steps of undo kept per story (the issue asks for at least 100). */
export const HISTORY_LIMIT = 200;

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

export interface RecordedEdit {
  seq: number;
  kind: string;
  authorId: string;
  at: string;
  sceneIds: string[];
  undone: boolean;
}

/**
 * Records an edit as the newest step of the story's history. A new edit ends what could be
 * redone; only the newest HISTORY_LIMIT steps are kept.
 */
export async function recordEdit(
  tx: ManagedTransaction,
  storyId: string,
  edit: { kind: string; authorId: string; before: StoryState; after: StoryState },
): Promise<void> {
  await tx.run(
    `MATCH (s:Story {id: $storyId})
     OPTIONAL MATCH (s)-[:HAS_EDIT]->(undone:StoryEdit {undone: true})
     DETACH DELETE undone`,
    { storyId },
  );
  await tx.run(
    `MATCH (s:Story {id: $storyId})
     OPTIONAL MATCH (s)-[:HAS_EDIT]->(e:StoryEdit)
     WITH s, coalesce(max(e.seq), 0) + 1 AS seq
     CREATE (s)-[:HAS_EDIT]->(:StoryEdit {seq: seq, kind: $kind, authorId: $authorId,
       at: datetime(), sceneIds: $sceneIds, before: $before, after: $after, undone: false})
     WITH s, seq
     MATCH (s)-[:HAS_EDIT]->(old:StoryEdit) WHERE old.seq <= seq - $limit
     DETACH DELETE old`,
    {
      storyId,
      kind: edit.kind,
      authorId: edit.authorId,
      sceneIds: Object.keys(edit.after.scenes),
      before: JSON.stringify(edit.before),
      after: JSON.stringify(edit.after),
      limit: HISTORY_LIMIT,
    },
  );
}

/**
 * Takes the step undo (the newest done one) or redo (the oldest undone one) would replay,
 * marks it, and returns the state to write back; undefined when there is nothing to take.
 */
export async function takeStep(
  tx: ManagedTransaction,
  storyId: string,
  direction: 'undo' | 'redo',
): Promise<{ state: StoryState; sceneIds: string[]; kind: string } | undefined> {
  const undo = direction === 'undo';
  const { records } = await tx.run(
    `MATCH (:Story {id: $storyId})-[:HAS_EDIT]->(e:StoryEdit {undone: $undone})
     WITH e ORDER BY e.seq ${undo ? 'DESC' : 'ASC'} LIMIT 1
     SET e.undone = NOT $undone
     RETURN e.kind AS kind, e.sceneIds AS sceneIds, ${undo ? 'e.before' : 'e.after'} AS state`,
    { storyId, undone: !undo },
  );
  const record = records[0];
  if (!record) return undefined;
  return {
    state: JSON.parse(record.get('state') as string) as StoryState,
    sceneIds: record.get('sceneIds') as string[],
    kind: record.get('kind') as string,
  };
}

export async function listHistory(
  tx: ManagedTransaction,
  storyId: string,
): Promise<RecordedEdit[]> {
  const { records } = await tx.run(
    `MATCH (:Story {id: $storyId})-[:HAS_EDIT]->(e:StoryEdit)
     RETURN e { .seq, .kind, .authorId, .sceneIds, .undone, at: toString(e.at) } AS edit
     ORDER BY e.seq DESC`,
    { storyId },
  );
  return records.map((r) => {
    const edit = r.get('edit') as RecordedEdit;
    return { ...edit, seq: toNumber(edit.seq) };
  });
}
