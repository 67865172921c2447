import { randomUUID } from 'node:crypto';
import {
  badUserInput,
  notFound,
  requireIdentity,
  requireSignedInPerson,
  type EventBus,
} from '@mindscape/platform';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { renameLinkTarget } from '../interchange/links.js';
import { isEndingPassage } from '../interchange/source-graph.js';
import { compileEffects, compileRule } from '../choice-rules.js';
import type { StoriesContext } from '../context.js';
import type { ChangeKind, Edit, StoryChange } from '../model.js';
import type { ValidationCache } from '../validation/cache.js';
import { updateStoryDetails, type StoryDetails } from './details.js';
import { listHistory } from './history.js';
import { checkSceneFields, deriveChoices, relinkByName, type SceneFields } from './scenes.js';
import { StoryEditor, storyTopic } from './step.js';
import { listVersions, publishStory, restoreVersion } from './versions.js';

/**
 * Authoring: scene edits with optimistic concurrency and an undo history, publishing to
 * immutable versions, and the `storyChanged` feed of every change.
 */
export function authoringResolvers(driver: Driver, bus: EventBus, validations: ValidationCache) {
  const editor = new StoryEditor(driver, bus, validations);

  async function change(
    args: Edit,
    ctx: StoriesContext,
    kind: ChangeKind,
    touches: (tx: ManagedTransaction) => Promise<string[]>,
    apply: (tx: ManagedTransaction) => Promise<unknown>,
  ): Promise<StoryChange> {
    const { userId } = requireSignedInPerson(ctx.assertion);
    return (await editor.edit(args, userId, kind, { touches, apply })).change;
  }

  return {
    Query: {
      async storyHistory(_: unknown, args: { storyId: string }, ctx: StoriesContext) {
        const { userId } = requireSignedInPerson(ctx.assertion);
        await requireAuthor(driver, args.storyId, userId);
        const session = driver.session({ defaultAccessMode: 'READ' });
        try {
          return await session.executeRead((tx) => listHistory(tx, args.storyId));
        } finally {
          await session.close();
        }
      },
      storyVersions: (_: unknown, args: { storyId: string }, ctx: StoriesContext) =>
        listVersions(driver, args.storyId, requireIdentity(ctx.assertion).userId),
    },

    Mutation: {
      addScene: (
        _: unknown,
        args: Edit & {
          name: string;
          text?: string | null;
          tags?: string[] | null;
          position?: string | null;
        },
        ctx: StoriesContext,
      ) => {
        checkSceneFields(args);
        const id = randomUUID();
        return change(
          args,
          ctx,
          'SCENE_ADDED',
          async () => [id],
          async (tx) => {
            const name = args.name.trim();
            await requireFreeName(tx, args.storyId, name, '');
            const tags = args.tags ?? [];
            await tx.run(
              `MATCH (s:Story {id: $storyId}) OPTIONAL MATCH (s)-[:HAS_SCENE]->(other:Scene)
               WITH s, coalesce(max(other.order), -1) + 1 AS order
               CREATE (s)-[:HAS_SCENE]->(:Scene {id: $id, name: $name, text: $text, tags: $tags,
                 position: $position, size: null, metadata: null, isEnding: $isEnding, order: order})`,
              {
                storyId: args.storyId,
                id,
                name,
                text: args.text ?? '',
                tags,
                position: args.position ?? null,
                isEnding: isEndingPassage(name, tags),
              },
            );
            await deriveChoices(tx, args.storyId, id, args.text ?? '');
            await relinkByName(tx, args.storyId);
          },
        );
      },

      editScene: (
        _: unknown,
        args: Edit & SceneFields & { sceneId: string },
        ctx: StoriesContext,
      ) => {
        checkSceneFields(args);
        const rename: { from?: string; linking: string[] } = { linking: [] };
        const name = args.name?.trim();
        return change(
          args,
          ctx,
          'SCENE_EDITED',
          async (tx) => {
            const current = await requireScene(tx, args.storyId, args.sceneId);
            if (name && name !== current) {
              await requireFreeName(tx, args.storyId, name, args.sceneId);
              rename.from = current;
              rename.linking = await scenesLinkingTo(tx, args.storyId, current);
            }
            return [...new Set([args.sceneId, ...rename.linking])];
          },
          async (tx) => {
            await tx.run(
              `MATCH (s:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene {id: $sceneId})
               SET scene.name = coalesce($name, scene.name), scene.text = coalesce($text, scene.text),
                   scene.tags = coalesce($tags, scene.tags),
                   scene.position = coalesce($position, scene.position),
                   scene.isEnding = coalesce($isEnding, scene.isEnding),
                   s.startSceneName = CASE WHEN s.startSceneName = $from THEN $name
                                      ELSE s.startSceneName END`,
              {
                storyId: args.storyId,
                sceneId: args.sceneId,
                name: name ?? null,
                text: args.text ?? null,
                tags: args.tags ?? null,
                position: args.position ?? null,
                isEnding: args.isEnding ?? null,
                from: rename.from ?? null,
              },
            );
            if (typeof args.text === 'string')
              await deriveChoices(tx, args.storyId, args.sceneId, args.text);
            if (rename.from && name) {
              await rewriteLinks(tx, args.storyId, rename.linking, { from: rename.from, to: name });
              await relinkByName(tx, args.storyId);
            }
          },
        );
      },

      deleteScene: async (_: unknown, args: Edit & { sceneId: string }, ctx: StoriesContext) => {
        const found: { brokenLinks: Array<{ sceneId: string; target: string }> } = {
          brokenLinks: [],
        };
        const deleted = await change(
          args,
          ctx,
          'SCENE_DELETED',
          async (tx) => {
            await requireScene(tx, args.storyId, args.sceneId);
            return [args.sceneId];
          },
          async (tx) => {
            const { records } = await tx.run(
              `MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(from:Scene)-[:HAS_CHOICE]->(:Choice)-[:LEADS_TO]->(gone:Scene {id: $sceneId})
               WHERE from.id <> $sceneId
               RETURN DISTINCT from.id AS sceneId, gone.name AS target`,
              args,
            );
            found.brokenLinks = records.map((r) => ({
              sceneId: r.get('sceneId') as string,
              target: r.get('target') as string,
            }));
            await tx.run(
              `MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene {id: $sceneId})
               OPTIONAL MATCH (scene)-[:HAS_CHOICE]->(c:Choice)
               DETACH DELETE scene, c`,
              args,
            );
          },
        );
        return { change: deleted, brokenLinks: found.brokenLinks };
      },

      setChoiceRule: (
        _: unknown,
        args: Edit & {
          choiceId: string;
          condition?: string | null;
          recommendWhen?: string | null;
          effects?: string | null;
        },
        ctx: StoriesContext,
      ) => {
        if (args.condition) compileRule(args.condition, 'condition');
        if (args.recommendWhen) compileRule(args.recommendWhen, 'recommendWhen');
        if (args.effects) compileEffects(args.effects);
        return change(
          args,
          ctx,
          'CHOICE_EDITED',
          async (tx) => {
            const { records } = await tx.run(
              `MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene)-[:HAS_CHOICE]->(:Choice {id: $choiceId})
               RETURN scene.id AS sceneId`,
              args,
            );
            if (records.length === 0)
              throw notFound(`Choice ${args.choiceId} of story ${args.storyId}`);
            return [records[0]!.get('sceneId') as string];
          },
          // A rule left out stays as it is; null (or "") clears it.
          (tx) =>
            tx.run(
              `MATCH (c:Choice {id: $choiceId})
               SET c.condition = CASE WHEN $given.condition THEN $condition ELSE c.condition END,
                   c.recommendWhen = CASE WHEN $given.recommendWhen THEN $recommendWhen
                                     ELSE c.recommendWhen END,
                   c.effects = CASE WHEN $given.effects THEN $effects ELSE c.effects END`,
              {
                choiceId: args.choiceId,
                given: {
                  condition: args.condition !== undefined,
                  recommendWhen: args.recommendWhen !== undefined,
                  effects: args.effects !== undefined,
                },
                condition: args.condition || null,
                recommendWhen: args.recommendWhen || null,
                effects: args.effects || null,
              },
            ),
        );
      },

      moveScenes: (
        _: unknown,
        args: Edit & { positions: Array<{ sceneId: string; position: string }> },
        ctx: StoriesContext,
      ) => {
        if (args.positions.length > 10_000)
          throw badUserInput('positions', 'At most 10,000 scenes per move.', 'up to 10,000');
        for (const { position } of args.positions) checkSceneFields({ position });
        const ids = [...new Set(args.positions.map((move) => move.sceneId))];
        return change(
          args,
          ctx,
          'LAYOUT_CHANGED',
          async () => ids,
          async (tx) => {
            const { records } = await tx.run(
              `UNWIND $positions AS move
               MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene {id: move.sceneId})
               SET scene.position = move.position
               RETURN DISTINCT scene.id AS id`,
              args,
            );
            if (records.length !== ids.length)
              throw badUserInput(
                'positions',
                'Some scenes are not in this story.',
                'scene ids of this story',
              );
          },
        );
      },

      setStartScene: (_: unknown, args: Edit & { sceneId: string }, ctx: StoriesContext) =>
        change(
          args,
          ctx,
          'START_CHANGED',
          async (tx) => {
            await requireScene(tx, args.storyId, args.sceneId);
            return [];
          },
          (tx) =>
            tx.run(
              `MATCH (s:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene {id: $sceneId})
               SET s.startSceneName = scene.name`,
              args,
            ),
        ),

      undo: (_: unknown, args: Edit, ctx: StoriesContext) =>
        editor.replay(args, requireSignedInPerson(ctx.assertion).userId, 'undo'),
      redo: (_: unknown, args: Edit, ctx: StoriesContext) =>
        editor.replay(args, requireSignedInPerson(ctx.assertion).userId, 'redo'),

      publishStory: async (_: unknown, args: Edit, ctx: StoriesContext) =>
        (await publishStory(editor, args, requireSignedInPerson(ctx.assertion).userId)).version,
      deleteStory: async (_: unknown, args: Edit, ctx: StoriesContext) => {
        await editor.deleteStory(args, requireSignedInPerson(ctx.assertion).userId);
        return true;
      },
      updateStoryDetails: (_: unknown, args: Edit & StoryDetails, ctx: StoriesContext) =>
        updateStoryDetails(editor, args, requireSignedInPerson(ctx.assertion).userId, args),
      restoreVersion: (_: unknown, args: Edit & { version: number }, ctx: StoriesContext) =>
        restoreVersion(editor, args, requireSignedInPerson(ctx.assertion).userId, args.version),
    },

    Subscription: {
      storyChanged: {
        async *subscribe(_: unknown, args: { storyId: string }, ctx: StoriesContext) {
          const { userId } = requireIdentity(ctx.assertion);
          await requireAuthor(driver, args.storyId, userId);
          const stop = new AbortController();
          try {
            for await (const event of bus.subscribe<StoryChange>(
              storyTopic(args.storyId),
              stop.signal,
            ))
              yield { storyChanged: event };
          } finally {
            stop.abort();
          }
        },
      },
    },
  };
}

async function requireAuthor(driver: Driver, storyId: string, userId: string): Promise<void> {
  const { records } = await driver.executeQuery(
    'MATCH (s:Story {id: $storyId}) WHERE $userId IN s.authorIds RETURN s.id',
    { storyId, userId },
    { routing: 'READ' },
  );
  if (records.length === 0) throw notFound(`Story ${storyId} (one you author)`);
}

/** The scene's current name; NOT_FOUND when it is not a scene of the story. */
async function requireScene(
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

async function requireFreeName(
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

async function scenesLinkingTo(
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
async function rewriteLinks(
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
