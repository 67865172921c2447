import {
  badUserInput,
  hasControlCharacters,
  notFound,
  requireSignedInPerson,
} from '@mindscape/platform';
import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { StorySourceError, type StorySource } from './interchange/story-source.js';
import { parseTwee, serializeTwee } from './interchange/twee.js';
import { parseTwineHtml, serializeTwineHtml } from './interchange/twine-html.js';
import type { PlaytestPool } from './playthroughs/playtest-pool.js';
import type { StoriesContext } from './context.js';
import { readThrough } from './read-through.js';
import type { PublishedStory, PublishedVersions } from './store/published.js';
import { loadStoryState } from './store/state.js';
import { insertStory, loadStorySource } from './store/stories.js';
import { versionSource } from './store/versions.js';
import type { StoredValidation, ValidationCache } from './validation/cache.js';
import { currentValidation } from './validation/load.js';

type Format = 'TWEE' | 'TWINE_HTML';

/** A playtest walks at most runs × steps = 1,000,000 steps, on a worker thread. */
const MAX_PLAYTEST_RUNS = 2_000;
const MAX_PLAYTEST_STEPS = 500;

/** Scenes of a published version per request (a page): what one anonymous request can pull. */
const MAX_SCENE_PAGE = 200;

export function storiesResolvers(
  driver: Driver,
  maxImportBytes: number,
  schema: () => GraphQLSchema,
  validations: ValidationCache,
  published: PublishedVersions,
  playtests: PlaytestPool,
) {
  const validation = async (storyId: string, ctx: StoriesContext) => {
    const found = await currentValidation(
      driver,
      validations,
      storyId,
      ctx.assertion.identity?.userId,
    );
    if (!found) throw notFound(`Story ${storyId} (one you author)`);
    return found;
  };
  const scenesById = (ids: string[], ctx: StoriesContext, info: GraphQLResolveInfo) =>
    ids.length === 0
      ? []
      : readThrough(
          schema,
          'scenes',
          { where: { id: { in: ids } }, sort: [{ order: 'ASC' }] },
          ctx,
          info,
        );

  return {
    Query: {
      async exportStory(
        _: unknown,
        args: { storyId: string; format: Format; version?: number | null },
        ctx: StoriesContext,
      ) {
        const readerId = ctx.assertion.identity?.userId;
        // Authors export their working copy; everyone else the newest published version.
        const number =
          args.version ?? (await published.read(args.storyId, readerId))?.number ?? null;
        const story =
          (args.version == null ? await loadStorySource(driver, args.storyId, readerId) : null) ??
          (number === null
            ? undefined
            : await versionSource(driver, args.storyId, readerId, number));
        if (!story) throw notFound(`Story ${args.storyId} (published, or one you author)`);
        return args.format === 'TWEE' ? serializeTwee(story) : serializeTwineHtml(story);
      },
      publishedStory: (
        _: unknown,
        args: { storyId: string; version?: number | null },
        ctx: StoriesContext,
      ) => published.read(args.storyId, ctx.assertion.identity?.userId, args.version),
      validateStory: (_: unknown, args: { storyId: string }, ctx: StoriesContext) =>
        validation(args.storyId, ctx),
      async playtestStory(
        _: unknown,
        args: { storyId: string; runs: number; maxSteps: number; seed?: number | null },
        ctx: StoriesContext,
      ) {
        const { userId } = requireSignedInPerson(ctx.assertion);
        if (!Number.isInteger(args.runs) || args.runs < 1 || args.runs > MAX_PLAYTEST_RUNS)
          throw badUserInput(
            'runs',
            `Between 1 and ${MAX_PLAYTEST_RUNS.toLocaleString('en')} runs.`,
            `1–${MAX_PLAYTEST_RUNS}`,
          );
        if (
          !Number.isInteger(args.maxSteps) ||
          args.maxSteps < 1 ||
          args.maxSteps > MAX_PLAYTEST_STEPS
        )
          throw badUserInput(
            'maxSteps',
            `Between 1 and ${MAX_PLAYTEST_STEPS} steps per run.`,
            `1–${MAX_PLAYTEST_STEPS}`,
          );
        if (args.seed != null && !Number.isSafeInteger(args.seed))
          throw badUserInput('seed', 'A seed is a whole number.', 'an integer');
        return playtests.run(
          userId,
          async () => {
            const loaded = await loadStoryState(driver, args.storyId, userId);
            // Rules and coverage are the authors' business.
            if (!loaded) throw notFound(`Story ${args.storyId} (one you author)`);
            return loaded.state;
          },
          { runs: args.runs, maxSteps: args.maxSteps, seed: args.seed ?? Date.now() },
        );
      },
    },
    PublishedStory: {
      /** A page of scenes, in story order. */
      scenes(story: PublishedStory, args: { offset: number; limit: number }) {
        if (!Number.isInteger(args.offset) || args.offset < 0)
          throw badUserInput('scenes.offset', 'An offset is 0 or more.', '≥ 0');
        if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_SCENE_PAGE)
          throw badUserInput(
            'scenes.limit',
            `A page holds 1–${MAX_SCENE_PAGE} scenes.`,
            `1–${MAX_SCENE_PAGE}`,
          );
        return story.scenes.slice(args.offset, args.offset + args.limit);
      },
    },
    StoryValidation: {
      unreachable: (
        found: StoredValidation,
        _: unknown,
        ctx: StoriesContext,
        info: GraphQLResolveInfo,
      ) => scenesById(found.unreachableIds, ctx, info),
      deadEnds: (
        found: StoredValidation,
        _: unknown,
        ctx: StoriesContext,
        info: GraphQLResolveInfo,
      ) => scenesById(found.deadEndIds, ctx, info),
    },
    StoryChange: {
      /** The incremental check: the kept graph patched with this change's scenes. */
      validation: (change: { storyId: string }, _: unknown, ctx: StoriesContext) =>
        validation(change.storyId, ctx),
    },
    Mutation: {
      async importStory(
        _: unknown,
        args: { format: Format; source: string },
        ctx: StoriesContext,
        info: GraphQLResolveInfo,
      ) {
        const { userId } = requireSignedInPerson(ctx.assertion);
        if (Buffer.byteLength(args.source) > maxImportBytes) {
          throw badUserInput(
            'source',
            `The story source is larger than ${maxImportBytes} bytes.`,
            `at most ${maxImportBytes} bytes`,
          );
        }
        const source = parseSource(args.format, args.source);
        const id = await insertStory(driver, source, userId);
        return readThrough(schema, 'story', { id }, ctx, info);
      },
      async createStory(
        _: unknown,
        args: { title: string; summary?: string | null; language?: string | null },
        ctx: StoriesContext,
        info: GraphQLResolveInfo,
      ) {
        const { userId } = requireSignedInPerson(ctx.assertion);
        const title = args.title.trim();
        if (!title || title.length > 200 || hasControlCharacters(title))
          throw badUserInput('title', 'A title is 1–200 characters, one line.', '1–200 characters');
        if (args.summary && args.summary.length > 5_000)
          throw badUserInput(
            'summary',
            'A summary is at most 5,000 characters.',
            '≤ 5,000 characters',
          );
        if (args.language && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(args.language))
          throw badUserInput(
            'language',
            'A language is a BCP 47 tag such as "en" or "pt-BR".',
            'a BCP 47 tag',
          );
        const id = await insertStory(
          driver,
          { title, tagColors: {}, extra: {}, script: '', stylesheet: '', passages: [] },
          userId,
          { summary: args.summary ?? '', language: args.language ?? 'en' },
        );
        return readThrough(schema, 'story', { id }, ctx, info);
      },
    },
  };
}

function parseSource(format: Format, text: string): StorySource {
  try {
    if (format === 'TWEE') return parseTwee(text);
    const [first] = parseTwineHtml(text);
    return first!;
  } catch (error) {
    if (error instanceof StorySourceError)
      throw badUserInput(
        'source',
        `The story could not be read: ${error.message}`,
        `a valid ${format === 'TWEE' ? 'Twee 3' : 'Twine 2 HTML'} file`,
      );
    throw error;
  }
}
