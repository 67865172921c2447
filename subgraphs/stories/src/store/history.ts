import type { ManagedTransaction } from 'neo4j-driver';
import { toNumber, type StoryState } from '../model.js';

/** Steps of undo kept per story (the issue asks for at least 100). */
export const HISTORY_LIMIT = 200;

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
