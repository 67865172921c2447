import { randomUUID } from 'node:crypto';
import { badUserInput, hasControlCharacters } from '@mindscape/platform';
import type { ManagedTransaction } from 'neo4j-driver';
import { passageLinks } from '../interchange/links.js';

export interface SceneFields {
  name?: string | null;
  text?: string | null;
  tags?: string[] | null;
  position?: string | null;
  isEnding?: boolean | null;
}

const MAX_NAME = 200;
const MAX_TEXT = 100_000;

/** Checks what an author may write into a scene. */
export function checkSceneFields(fields: SceneFields): void {
  if (fields.name !== undefined && fields.name !== null) {
    const name = fields.name.trim();
    if (!name || name.length > MAX_NAME || hasControlCharacters(name))
      throw badUserInput(
        'name',
        'A scene name must be 1–200 characters, one line.',
        '1–200 characters',
      );
  }
  if (fields.text && fields.text.length > MAX_TEXT)
    throw badUserInput(
      'text',
      'A scene text is at most 100,000 characters.',
      'at most 100,000 characters',
    );
  if (fields.tags && (fields.tags.length > 50 || fields.tags.some((t) => !/^\S{1,50}$/.test(t))))
    throw badUserInput(
      'tags',
      'Tags are single words, at most 50 of them.',
      'up to 50 words of 1–50 characters',
    );
  if (fields.position && !/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/.test(fields.position))
    throw badUserInput('position', 'A position is "x,y".', '"x,y" numbers');
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
