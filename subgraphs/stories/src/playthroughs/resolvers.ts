import {
  badUserInput,
  codedError,
  ErrorCode,
  notFound,
  requireIdentity,
  type InternalClient,
} from '@mindscape/platform';
import { Types } from 'mongoose';
import type { Driver } from 'neo4j-driver';
import type { StoriesContext } from '../context.js';
import type { PublishedVersions } from '../store/published.js';
import { readPlayableScene, workingStart, type PlayableScene } from '../store/scenes.js';
import { applyEffects, compileEffects, compileRule } from '../choice-rules.js';
import type { PlaythroughDoc, PlaythroughModel } from './model.js';

/** A scene as a playthrough shows it, from a published version or the working copy. */
type SceneView = PlayableScene;

/** What a playthrough reads; older playthroughs, kept before versions were read, have none. */
const reading = (doc: PlaythroughDoc) => ({ storyId: doc.storyId, version: doc.version ?? null });

/** The reader's live state as the emotions subgraph answers it (choice-rules.ts LIVE_STATE). */
interface LiveState {
  stress?: number | null;
  arousal?: number | null;
  valence?: number | null;
  heartRate?: number | null;
  coherence?: number | null;
  breathingRate?: number | null;
}

/**
 * Playthroughs: a reader's way through a published story (or one they author), kept in
 * MongoDB. A choice whose rule tests the reader's live state (read from the emotions subgraph
 * at the moment of asking) is offered only while the rule holds, and a scene may recommend the
 * choice whose `recommendWhen` holds for the reader right now.
 */
export function playthroughResolvers(
  driver: Driver,
  published: PublishedVersions,
  playthroughs: PlaythroughModel,
  emotions: InternalClient,
) {
  /** A scene of what the playthrough reads: a published version, or the working copy. */
  async function scene(
    read: { storyId: string; version: number | null },
    sceneId: string,
    readerId: string,
  ): Promise<SceneView | undefined> {
    if (read.version !== null) {
      const found = (await published.read(read.storyId, readerId, read.version))?.sceneById.get(
        sceneId,
      );
      return found && { ...found, storyId: read.storyId };
    }
    return readPlayableScene(driver, read.storyId, sceneId, readerId);
  }

  async function liveState(readerId: string): Promise<LiveState> {
    try {
      const { state } = await emotions.post<{ state: LiveState | null }>(
        '/internal/states/current',
        { userId: readerId },
        () => false,
      );
      return state ?? {};
    } catch {
      // Emotions unavailable: rules that need the live state simply do not hold.
      return {};
    }
  }

  async function present(doc: PlaythroughDoc) {
    const current = await scene(reading(doc), doc.sceneId, doc.readerId);
    const live = await liveState(doc.readerId);
    const facts = { ...doc.variables, ...live };
    const available = (current?.choices ?? []).filter(
      (c) => !c.condition || compileRule(c.condition, 'condition')(facts),
    );
    const recommended = available.find(
      (c) => c.recommendWhen && compileRule(c.recommendWhen, 'recommendWhen')(facts),
    );
    return {
      id: doc._id.toHexString(),
      storyId: doc.storyId,
      currentScene: current
        ? {
            id: current.id,
            name: current.name,
            text: current.text,
            tags: current.tags,
            isEnding: current.isEnding,
          }
        : null,
      availableChoices: doc.finished
        ? []
        : available.map(({ id, text, kind }) => ({ id, text, kind })),
      recommendedChoiceId: doc.finished ? null : (recommended?.id ?? null),
      history: doc.history,
      finished: doc.finished,
      startedAt: doc.startedAt,
      updatedAt: doc.updatedAt,
      _available: available,
      variables: Object.entries(doc.variables ?? {}).map(([name, value]) => ({ name, value })),
      _facts: facts,
      _live: live as Record<string, unknown>,
    };
  }

  async function own(id: string, readerId: string): Promise<PlaythroughDoc> {
    if (!Types.ObjectId.isValid(id))
      throw badUserInput('playthroughId', 'Not a playthrough id.', 'an id from startPlaythrough');
    const doc = await playthroughs.findById(id).lean<PlaythroughDoc>().exec();
    if (!doc || doc.readerId !== readerId) throw notFound(`Playthrough ${id}`);
    return doc;
  }

  return {
    Query: {
      async playthrough(_: unknown, args: { id: string }, ctx: StoriesContext) {
        const { userId } = requireIdentity(ctx.assertion);
        return present(await own(args.id, userId));
      },
    },
    Mutation: {
      async startPlaythrough(_: unknown, args: { storyId: string }, ctx: StoriesContext) {
        const { userId } = requireIdentity(ctx.assertion);
        // Authors play their working copy; everyone else the newest published version.
        const working = await workingStart(driver, args.storyId, userId);
        let read: { storyId: string; version: number | null };
        let start: string | null | undefined;
        if (working !== undefined) {
          read = { storyId: args.storyId, version: null };
          start = working;
        } else {
          const version = await published.read(args.storyId, userId);
          if (!version) throw notFound(`Story ${args.storyId} (published, or one you author)`);
          read = { storyId: args.storyId, version: version.number };
          start =
            version.scenes.find((s) => s.name === version.startSceneName)?.id ??
            version.scenes[0]?.id;
        }
        if (!start)
          throw badUserInput(
            'storyId',
            'The story has no scenes to start at.',
            'a story with scenes',
          );
        const first = (await scene(read, start, userId))!;
        const now = new Date();
        const doc = await playthroughs.create({
          storyId: args.storyId,
          version: read.version,
          readerId: userId,
          sceneId: start,
          history: [
            {
              sceneId: start,
              sceneName: first.name,
              choiceId: null,
              at: now,
              stress: (await liveState(userId)).stress ?? null,
            },
          ],
          variables: {},
          finished: first.isEnding && first.choices.length === 0,
          startedAt: now,
          updatedAt: now,
        });
        return present(doc.toObject());
      },

      async choose(
        _: unknown,
        args: { playthroughId: string; choiceId: string },
        ctx: StoriesContext,
      ) {
        const { userId } = requireIdentity(ctx.assertion);
        const doc = await own(args.playthroughId, userId);
        if (doc.finished)
          throw badUserInput(
            'playthroughId',
            'This playthrough has ended.',
            'a playthrough in progress',
          );
        const view = await present(doc);
        const choice = view._available.find((c) => c.id === args.choiceId);
        if (!choice)
          throw badUserInput(
            'choiceId',
            'That choice is not available here and now.',
            'one of availableChoices',
          );
        if (!choice.targetId)
          throw badUserInput(
            'choiceId',
            'That choice leads to a scene that does not exist.',
            'a choice with a target',
          );
        const next = (await scene(reading(doc), choice.targetId, userId))!;
        const variables = choice.effects
          ? applyEffects(compileEffects(choice.effects), doc.variables, view._live)
          : doc.variables;
        const now = new Date();
        // Only if the reader is still where this choice was offered: a double click moves once.
        const moved = await playthroughs
          .findOneAndUpdate(
            { _id: doc._id, sceneId: doc.sceneId, finished: false },
            {
              $set: {
                sceneId: next.id,
                finished: next.isEnding || next.choices.length === 0,
                variables,
                updatedAt: now,
              },
              $push: {
                history: {
                  sceneId: next.id,
                  sceneName: next.name,
                  choiceId: choice.id,
                  at: now,
                  stress: typeof view._facts.stress === 'number' ? view._facts.stress : null,
                },
              },
            },
            { new: true },
          )
          .lean<PlaythroughDoc>()
          .exec();
        if (!moved)
          throw codedError(
            ErrorCode.CONFLICT,
            'The playthrough moved on in the meantime; reload it.',
          );
        return present(moved);
      },
    },
  };
}
