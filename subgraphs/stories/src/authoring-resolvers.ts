import { randomUUID } from 'node:crypto';
import {
  badUserInput,
  notFound,
  requireIdentity,
  requireSignedInPerson,
  type EventBus,
} from '@mindscape/platform';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import {
  authoringStep,
  checkSceneFields,
  deriveChoices,
  relinkByName,
  type SceneFields,
  type StoryChange,
} from './authoring.js';
import { isEndingPassage } from './interchange/source-graph.js';
import { compileRule } from './playthroughs/conditions.js';
import type { StoriesContext } from './resolvers.js';

const topic = (storyId: string) => `story:${storyId}`;

interface Edit {
  storyId: string;
  expectedVersion: number;
}

/** Scene editing with optimistic concurrency, and the `storyChanged` feed of every edit. */
export function authoringResolvers(driver: Driver, bus: EventBus) {
  async function change(
    args: Edit,
    ctx: StoriesContext,
    kind: StoryChange['kind'],
    step: (tx: ManagedTransaction) => Promise<string[]>,
  ): Promise<StoryChange> {
    const { userId } = requireSignedInPerson(ctx.assertion);
    const sceneIds = await authoringStep(driver, args.storyId, args.expectedVersion, userId, step);
    const version = args.expectedVersion + 1;
    const event: StoryChange = { storyId: args.storyId, version, kind, sceneIds, authorId: userId };
    await bus.publish(topic(args.storyId), event);
    return event;
  }

  return {
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
        return change(args, ctx, 'SCENE_ADDED', async (tx) => {
          const name = args.name.trim();
          await requireFreeName(tx, args.storyId, name, '');
          const id = randomUUID();
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
          return [id];
        });
      },

      editScene: (
        _: unknown,
        args: Edit & SceneFields & { sceneId: string },
        ctx: StoriesContext,
      ) => {
        checkSceneFields(args);
        return change(args, ctx, 'SCENE_EDITED', async (tx) => {
          await requireScene(tx, args.storyId, args.sceneId);
          const name = args.name?.trim();
          if (name) await requireFreeName(tx, args.storyId, name, args.sceneId);
          await tx.run(
            `MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene {id: $sceneId})
             SET scene.name = coalesce($name, scene.name), scene.text = coalesce($text, scene.text),
                 scene.tags = coalesce($tags, scene.tags),
                 scene.position = coalesce($position, scene.position),
                 scene.isEnding = coalesce($isEnding, scene.isEnding)`,
            {
              storyId: args.storyId,
              sceneId: args.sceneId,
              name: name ?? null,
              text: args.text ?? null,
              tags: args.tags ?? null,
              position: args.position ?? null,
              isEnding: args.isEnding ?? null,
            },
          );
          if (typeof args.text === 'string')
            await deriveChoices(tx, args.storyId, args.sceneId, args.text);
          if (name) await relinkByName(tx, args.storyId);
          return [args.sceneId];
        });
      },

      deleteScene: async (_: unknown, args: Edit & { sceneId: string }, ctx: StoriesContext) => {
        let brokenLinks: Array<{ sceneId: string; target: string }> = [];
        const deleted = await change(args, ctx, 'SCENE_DELETED', async (tx) => {
          await requireScene(tx, args.storyId, args.sceneId);
          const { records } = await tx.run(
            `MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(from:Scene)-[:HAS_CHOICE]->(:Choice)-[:LEADS_TO]->(:Scene {id: $sceneId})
             WHERE from.id <> $sceneId
             MATCH (gone:Scene {id: $sceneId})
             RETURN DISTINCT from.id AS sceneId, gone.name AS target`,
            args,
          );
          brokenLinks = records.map((r) => ({
            sceneId: r.get('sceneId'),
            target: r.get('target'),
          }));
          await tx.run(
            `MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene {id: $sceneId})
             OPTIONAL MATCH (scene)-[:HAS_CHOICE]->(c:Choice)
             DETACH DELETE scene, c`,
            args,
          );
          return [args.sceneId];
        });
        return { change: deleted, brokenLinks };
      },

      setChoiceRule: (
        _: unknown,
        args: Edit & { choiceId: string; condition?: string | null; recommendWhen?: string | null },
        ctx: StoriesContext,
      ) => {
        if (args.condition) compileRule(args.condition, 'condition');
        if (args.recommendWhen) compileRule(args.recommendWhen, 'recommendWhen');
        return change(args, ctx, 'CHOICE_EDITED', async (tx) => {
          const { records } = await tx.run(
            `MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene)-[:HAS_CHOICE]->(c:Choice {id: $choiceId})
             SET c.condition = $condition, c.recommendWhen = $recommendWhen
             RETURN scene.id AS sceneId`,
            {
              storyId: args.storyId,
              choiceId: args.choiceId,
              condition: args.condition ?? null,
              recommendWhen: args.recommendWhen ?? null,
            },
          );
          if (records.length === 0)
            throw notFound(`Choice ${args.choiceId} of story ${args.storyId}`);
          return [records[0]!.get('sceneId') as string];
        });
      },

      moveScenes: (
        _: unknown,
        args: Edit & { positions: Array<{ sceneId: string; position: string }> },
        ctx: StoriesContext,
      ) => {
        if (args.positions.length > 10_000)
          throw badUserInput('positions', 'At most 10,000 scenes per move.', 'up to 10,000');
        for (const { position } of args.positions) checkSceneFields({ position });
        return change(args, ctx, 'LAYOUT_CHANGED', async (tx) => {
          const { records } = await tx.run(
            `UNWIND $positions AS move
             MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene {id: move.sceneId})
             SET scene.position = move.position
             RETURN scene.id AS id`,
            args,
          );
          if (records.length !== args.positions.length)
            throw badUserInput(
              'positions',
              'Some scenes are not in this story.',
              'scene ids of this story',
            );
          return records.map((r) => r.get('id') as string);
        });
      },
    },

    Subscription: {
      storyChanged: {
        async *subscribe(_: unknown, args: { storyId: string }, ctx: StoriesContext) {
          const { userId } = requireIdentity(ctx.assertion);
          const { records } = await driver.executeQuery(
            'MATCH (s:Story {id: $storyId}) WHERE $userId IN s.authorIds RETURN s.id',
            { storyId: args.storyId, userId },
            { routing: 'READ' },
          );
          if (records.length === 0) throw notFound(`Story ${args.storyId} (one you author)`);
          const stop = new AbortController();
          try {
            for await (const event of bus.subscribe<StoryChange>(topic(args.storyId), stop.signal))
              yield { storyChanged: event };
          } finally {
            stop.abort();
          }
        },
      },
    },
  };
}

async function requireScene(tx: ManagedTransaction, storyId: string, sceneId: string) {
  const { records } = await tx.run(
    'MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene {id: $sceneId}) RETURN scene.id',
    { storyId, sceneId },
  );
  if (records.length === 0) throw notFound(`Scene ${sceneId} of story ${storyId}`);
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
