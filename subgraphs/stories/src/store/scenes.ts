import { randomUUID } from 'node:crypto';
import { badUserInput, notFound } from '@mindscape/platform';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { passageLinks, renameLinkTarget } from '../interchange/links.js';
import { AUTHORED_STORY } from './stories.js';

/**
 * The Cypher of a story's working copy, scene by scene: what the authoring mutations write
 * (inside the editor's transaction) and what an author's playthrough reads.
 */

export interface NewScene {
  id: string;
  name: string;
  text: string;
  tags: string[];
  position: string | null;
  isEnding: boolean;
}

/** Adds a scene at the end of the story, with the choices its text links to. */
export async function createScene(
  tx: ManagedTransaction,
  storyId: string,
  scene: NewScene,
): Promise<void> {
  await tx.run(
    `MATCH (s:Story {id: $storyId}) OPTIONAL MATCH (s)-[:HAS_SCENE]->(other:Scene)
     WITH s, coalesce(max(other.order), -1) + 1 AS order
     CREATE (s)-[:HAS_SCENE]->(:Scene {id: $id, name: $name, text: $text, tags: $tags,
       position: $position, size: null, metadata: null, isEnding: $isEnding, order: order})`,
    { storyId, ...scene },
  );
  await deriveChoices(tx, storyId, scene.id, scene.text);
  await relinkByName(tx, storyId);
}

export interface SceneChanges {
  name: string | null;
  text: string | null;
  tags: string[] | null;
  position: string | null;
  isEnding: boolean | null;
}

/**
 * Changes a scene's fields (null: kept). A rename (`renamed`) follows the start and every link
 * in `linking`, in the syntax each was written.
 */
export async function updateScene(
  tx: ManagedTransaction,
  storyId: string,
  sceneId: string,
  changes: SceneChanges,
  renamed?: { from: string; to: string; linking: string[] },
): Promise<void> {
  await tx.run(
    `MATCH (s:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene {id: $sceneId})
     SET scene.name = coalesce($name, scene.name), scene.text = coalesce($text, scene.text),
         scene.tags = coalesce($tags, scene.tags),
         scene.position = coalesce($position, scene.position),
         scene.isEnding = coalesce($isEnding, scene.isEnding),
         s.startSceneName = CASE WHEN s.startSceneName = $from THEN $name
                            ELSE s.startSceneName END`,
    { storyId, sceneId, ...changes, from: renamed?.from ?? null },
  );
  if (changes.text !== null) await deriveChoices(tx, storyId, sceneId, changes.text);
  if (renamed) {
    await rewriteLinks(tx, storyId, renamed.linking, renamed);
    await relinkByName(tx, storyId);
  }
}

/** Deletes a scene and its choices; returns the links elsewhere that led to it. */
export async function deleteScene(
  tx: ManagedTransaction,
  storyId: string,
  sceneId: string,
): Promise<Array<{ sceneId: string; target: string }>> {
  const { records } = await tx.run(
    `MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(from:Scene)-[:HAS_CHOICE]->(:Choice)-[:LEADS_TO]->(gone:Scene {id: $sceneId})
     WHERE from.id <> $sceneId
     RETURN DISTINCT from.id AS sceneId, gone.name AS target`,
    { storyId, sceneId },
  );
  await tx.run(
    `MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene {id: $sceneId})
     OPTIONAL MATCH (scene)-[:HAS_CHOICE]->(c:Choice)
     DETACH DELETE scene, c`,
    { storyId, sceneId },
  );
  return records.map((r) => ({
    sceneId: r.get('sceneId') as string,
    target: r.get('target') as string,
  }));
}

/** The scene a choice of the story belongs to; NOT_FOUND otherwise. */
export async function sceneOfChoice(
  tx: ManagedTransaction,
  storyId: string,
  choiceId: string,
): Promise<string> {
  const { records } = await tx.run(
    `MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene)-[:HAS_CHOICE]->(:Choice {id: $choiceId})
     RETURN scene.id AS sceneId`,
    { storyId, choiceId },
  );
  if (records.length === 0) throw notFound(`Choice ${choiceId} of story ${storyId}`);
  return records[0]!.get('sceneId') as string;
}

export interface ChoiceRuleChanges {
  /** Left out (undefined): kept; null or "": cleared. */
  condition?: string | null;
  recommendWhen?: string | null;
  effects?: string | null;
}

export async function setChoiceRule(
  tx: ManagedTransaction,
  choiceId: string,
  rule: ChoiceRuleChanges,
): Promise<void> {
  await tx.run(
    `MATCH (c:Choice {id: $choiceId})
     SET c.condition = CASE WHEN $given.condition THEN $condition ELSE c.condition END,
         c.recommendWhen = CASE WHEN $given.recommendWhen THEN $recommendWhen
                           ELSE c.recommendWhen END,
         c.effects = CASE WHEN $given.effects THEN $effects ELSE c.effects END`,
    {
      choiceId,
      given: {
        condition: rule.condition !== undefined,
        recommendWhen: rule.recommendWhen !== undefined,
        effects: rule.effects !== undefined,
      },
      condition: rule.condition || null,
      recommendWhen: rule.recommendWhen || null,
      effects: rule.effects || null,
    },
  );
}

/** Moves scenes in the editor; returns how many of them are scenes of the story. */
export async function moveScenes(
  tx: ManagedTransaction,
  storyId: string,
  positions: Array<{ sceneId: string; position: string }>,
): Promise<number> {
  const { records } = await tx.run(
    `UNWIND $positions AS move
     MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene {id: move.sceneId})
     SET scene.position = move.position
     RETURN DISTINCT scene.id AS id`,
    { storyId, positions },
  );
  return records.length;
}

export async function setStartScene(
  tx: ManagedTransaction,
  storyId: string,
  sceneId: string,
): Promise<void> {
  await tx.run(
    `MATCH (s:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene {id: $sceneId})
     SET s.startSceneName = scene.name`,
    { storyId, sceneId },
  );
}

/** Every scene id of the story. */
export async function sceneIdsOf(tx: ManagedTransaction, storyId: string): Promise<string[]> {
  const { records } = await tx.run(
    'MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene) RETURN scene.id AS id',
    { storyId },
  );
  return records.map((r) => r.get('id') as string);
}

/** A working-copy scene as a playthrough shows it, for one of the story's authors. */
export interface PlayableScene {
  id: string;
  name: string;
  text: string;
  tags: string[];
  isEnding: boolean;
  storyId: string;
  choices: Array<{
    id: string;
    text: string;
    kind: string;
    condition: string | null;
    recommendWhen: string | null;
    effects: string | null;
    targetId: string | null;
  }>;
}

export async function readPlayableScene(
  driver: Driver,
  storyId: string,
  sceneId: string,
  readerId: string,
): Promise<PlayableScene | undefined> {
  const { records } = await driver.executeQuery(
    `MATCH (s:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene {id: $sceneId})
     WHERE ${AUTHORED_STORY}
     OPTIONAL MATCH (scene)-[:HAS_CHOICE]->(c:Choice)
     OPTIONAL MATCH (c)-[:LEADS_TO]->(target:Scene)
     WITH s, scene, c, target ORDER BY c.order
     RETURN s.id AS storyId, scene { .id, .name, .text, .tags, .isEnding } AS scene,
       [x IN collect(CASE WHEN c IS NULL THEN null ELSE {id: c.id, text: c.text, kind: c.kind,
         condition: c.condition, recommendWhen: c.recommendWhen, effects: c.effects,
         targetId: target.id} END)
        WHERE x IS NOT NULL] AS choices`,
    { storyId, sceneId, readerId },
    { routing: 'READ' },
  );
  const record = records[0];
  if (!record) return undefined;
  return {
    ...record.get('scene'),
    storyId: record.get('storyId'),
    choices: record.get('choices'),
  };
}

/**
 * Where a playthrough of the working copy starts (the start scene, else the first): undefined
 * when `readerId` does not author the story, null when it has no scenes.
 */
export async function workingStart(
  driver: Driver,
  storyId: string,
  readerId: string,
): Promise<string | null | undefined> {
  const { records } = await driver.executeQuery(
    `MATCH (s:Story {id: $storyId}) WHERE ${AUTHORED_STORY}
     OPTIONAL MATCH (s)-[:HAS_SCENE]->(named:Scene {name: s.startSceneName})
     OPTIONAL MATCH (s)-[:HAS_SCENE]->(any:Scene)
     WITH named, any ORDER BY any.order
     WITH named, collect(any.id) AS ids
     RETURN coalesce(named.id, head(ids)) AS start`,
    { storyId, readerId },
    { routing: 'READ' },
  );
  if (!records[0]) return undefined;
  return records[0].get('start') as string | null;
}

/** The scene's current name; NOT_FOUND when it is not a scene of the story. */
export async function requireScene(
  tx: ManagedTransaction,
  storyId: string,
  sceneId: string,
): Promise<string> {
  const { records } = await tx.run(
    'MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene {id: $sceneId}) RETURN scene.name AS name',
    { storyId, sceneId },
  );
  if (records.length === 0) throw notFound(`Scene ${sceneId} of story ${storyId}`);
  return records[0]!.get('name') as string;
}

export async function requireFreeName(
  tx: ManagedTransaction,
  storyId: string,
  name: string,
  except: string,
) {
  const { records } = await tx.run(
    `MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene {name: $name})
     WHERE scene.id <> $except RETURN scene.id`,
    { storyId, name, except },
  );
  if (records.length > 0)
    throw badUserInput(
      'name',
      `The story already has a scene named "${name}".`,
      'a name no other scene of the story has',
    );
}

export async function scenesLinkingTo(
  tx: ManagedTransaction,
  storyId: string,
  name: string,
): Promise<string[]> {
  const { records } = await tx.run(
    `MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene)-[:HAS_CHOICE]->(:Choice {targetName: $name})
     RETURN DISTINCT scene.id AS id`,
    { storyId, name },
  );
  return records.map((r) => r.get('id') as string);
}

/** A rename carries into every link to the scene, as Twine does; choices keep their rules. */
export async function rewriteLinks(
  tx: ManagedTransaction,
  storyId: string,
  sceneIds: string[],
  renamed: { from: string; to: string },
): Promise<void> {
  const { records } = await tx.run(
    'MATCH (scene:Scene) WHERE scene.id IN $sceneIds RETURN scene.id AS id, scene.text AS text',
    { sceneIds },
  );
  for (const record of records) {
    const id = record.get('id') as string;
    const text = renameLinkTarget(record.get('text') as string, renamed.from, renamed.to);
    if (text === undefined)
      throw badUserInput(
        'name',
        `Links cannot name "${renamed.to}" (it holds link syntax such as ]], | or ->).`,
        'a name without ]], |, -> or <-',
      );
    await tx.run('MATCH (scene:Scene {id: $id}) SET scene.text = $text', { id, text });
    await deriveChoices(tx, storyId, id, text, renamed);
  }
}

/** Rebuilds a scene's choices from its text, linking those that name a scene of the story. */
export async function deriveChoices(
  tx: ManagedTransaction,
  storyId: string,
  sceneId: string,
  text: string,
  renamed?: { from: string; to: string },
): Promise<void> {
  // Rules an author set on a choice stay with the same link (same text, same target; after a
  // rename, the same link to the renamed scene).
  const { records } = await tx.run(
    `MATCH (:Scene {id: $sceneId})-[:HAS_CHOICE]->(c:Choice)
     WITH c, c { .text, .targetName, .condition, .recommendWhen, .effects } AS rule
     DETACH DELETE c RETURN rule`,
    { sceneId },
  );
  const follow = (name: string | null | undefined) =>
    renamed && name === renamed.from ? renamed.to : name;
  const rules = new Map(
    records.flatMap((r) => {
      const rule = r.get('rule') as Record<string, string | null>;
      return [
        [JSON.stringify([rule.text, rule.targetName]), rule],
        [JSON.stringify([follow(rule.text), follow(rule.targetName)]), rule],
      ] as const;
    }),
  );
  const choices = passageLinks(text).map((link, order) => {
    const kept = rules.get(JSON.stringify([link.text, link.target]));
    return {
      id: randomUUID(),
      text: link.text,
      targetName: link.target,
      kind: link.kind === 'choice' ? 'CHOICE' : 'REDIRECT',
      order,
      condition: kept?.condition ?? null,
      recommendWhen: kept?.recommendWhen ?? null,
      effects: kept?.effects ?? null,
    };
  });
  await tx.run(
    `MATCH (from:Scene {id: $sceneId})
     UNWIND $choices AS choice
     CREATE (from)-[:HAS_CHOICE]->(c:Choice {id: choice.id, text: choice.text,
       targetName: choice.targetName, kind: choice.kind, order: choice.order,
       condition: choice.condition, recommendWhen: choice.recommendWhen,
       effects: choice.effects})
     WITH c, choice
     OPTIONAL MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(to:Scene {name: choice.targetName})
     FOREACH (_ IN CASE WHEN to IS NULL THEN [] ELSE [1] END | CREATE (c)-[:LEADS_TO]->(to))`,
    { sceneId, storyId, choices },
  );
}

/** After a scene got (or lost) a name, the story's links by name follow the text again. */
export async function relinkByName(tx: ManagedTransaction, storyId: string): Promise<void> {
  await tx.run(
    `MATCH (s:Story {id: $storyId})-[:HAS_SCENE]->(:Scene)-[:HAS_CHOICE]->(c:Choice)
     OPTIONAL MATCH (c)-[old:LEADS_TO]->(target:Scene)
     WITH s, c, old, target WHERE old IS NULL OR target.name <> c.targetName
     DELETE old
     WITH s, c
     OPTIONAL MATCH (s)-[:HAS_SCENE]->(to:Scene {name: c.targetName})
     FOREACH (_ IN CASE WHEN to IS NULL THEN [] ELSE [1] END | MERGE (c)-[:LEADS_TO]->(to))`,
    { storyId },
  );
}
