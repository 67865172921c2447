import { randomUUID } from 'node:crypto';
import {
  authorizedStream,
  badUserInput,
  requireIdentity,
  requireSignedInPerson,
  type EventBus,
} from '@mindscape/platform';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { isEndingPassage } from '../interchange/source-graph.js';
import { compileEffects, compileRule } from '../choice-rules.js';
import type { StoriesContext } from '../context.js';
import type { ChangeKind, Edit, StoryChange } from '../model.js';
import type { ValidationCache } from '../validation/cache.js';
import { updateStoryDetails, type StoryDetails } from './details.js';
import { listHistory } from '../store/history.js';
import {
  createScene,
  deleteScene,
  moveScenes,
  requireFreeName,
  requireScene,
  sceneOfChoice,
  scenesLinkingTo,
  setChoiceRule,
  setStartScene,
  updateScene,
} from '../store/scenes.js';
import { requireAuthor } from '../store/stories.js';
import { listVersions } from '../store/versions.js';
import { checkSceneFields, type SceneFields } from './scenes.js';
import { StoryEditor, storyTopic } from './step.js';
import { publishStory, restoreVersion } from './versions.js';

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
            await createScene(tx, args.storyId, {
              id,
              name,
              text: args.text ?? '',
              tags,
              position: args.position ?? null,
              isEnding: isEndingPassage(name, tags),
            });
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
          (tx) =>
            updateScene(
              tx,
              args.storyId,
              args.sceneId,
              {
                name: name ?? null,
                text: args.text ?? null,
                tags: args.tags ?? null,
                position: args.position ?? null,
                isEnding: args.isEnding ?? null,
              },
              rename.from && name
                ? { from: rename.from, to: name, linking: rename.linking }
                : undefined,
            ),
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
            found.brokenLinks = await deleteScene(tx, args.storyId, args.sceneId);
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
          async (tx) => [await sceneOfChoice(tx, args.storyId, args.choiceId)],
          // A rule left out stays as it is; null (or "") clears it.
          (tx) => setChoiceRule(tx, args.choiceId, args),
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
            if ((await moveScenes(tx, args.storyId, args.positions)) !== ids.length)
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
          (tx) => setStartScene(tx, args.storyId, args.sceneId),
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
        subscribe: (_: unknown, args: { storyId: string }, ctx: StoriesContext) =>
          authorizedStream(bus, 'storyChanged', async () => {
            const { userId } = requireIdentity(ctx.assertion);
            await requireAuthor(driver, args.storyId, userId);
            return { topic: storyTopic(args.storyId), present: (event: StoryChange) => event };
          }),
      },
    },
  };
}
