import {
  badUserInput,
  notFound,
  requireSignedInPerson,
  type RequestAssertion,
} from '@mindscape/platform';
import {
  Kind,
  type FieldNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { Driver } from 'neo4j-driver';
import { validateSource } from './interchange/source-graph.js';
import { StorySourceError, type StorySource } from './interchange/story-source.js';
import { parseTwee, serializeTwee } from './interchange/twee.js';
import { parseTwineHtml, serializeTwineHtml } from './interchange/twine-html.js';
import { insertStory, loadStorySource } from './store.js';

export interface StoriesContext {
  assertion: RequestAssertion;
  /** What @neo4j/graphql's authorization rules read as `$jwt`. */
  jwt?: { sub: string };
}

type Format = 'TWEE' | 'TWINE_HTML';

export function storiesResolvers(
  driver: Driver,
  maxImportBytes: number,
  schema: () => GraphQLSchema,
) {
  /**
   * Answers with the generated `story` query's resolver, so any selection of a Story works:
   * @neo4j/graphql reads the selection from the field node, so it gets `story(id: …)` with the
   * mutation field's selection set.
   */
  const readStory = (id: string, ctx: StoriesContext, info: GraphQLResolveInfo) => {
    const queryType = schema().getQueryType()!;
    const story = queryType.getFields().story!;
    const fieldNode: FieldNode = {
      ...info.fieldNodes[0]!,
      alias: undefined,
      name: { kind: Kind.NAME, value: 'story' },
      arguments: [
        {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: 'id' },
          value: { kind: Kind.STRING, value: id },
        },
      ],
    };
    return (story.resolve as GraphQLFieldResolver<unknown, StoriesContext>)(
      undefined,
      { id },
      ctx,
      {
        ...info,
        fieldName: 'story',
        fieldNodes: [fieldNode],
        parentType: queryType,
        returnType: story.type,
      },
    );
  };

  return {
    Query: {
      async exportStory(
        _: unknown,
        args: { storyId: string; format: Format },
        ctx: StoriesContext,
      ) {
        const story = await readable(driver, args.storyId, ctx);
        return args.format === 'TWEE' ? serializeTwee(story) : serializeTwineHtml(story);
      },
      async validateStory(_: unknown, args: { storyId: string }, ctx: StoriesContext) {
        return validateSource(await readable(driver, args.storyId, ctx));
      },
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
        return readStory(id, ctx, info);
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

async function readable(
  driver: Driver,
  storyId: string,
  ctx: StoriesContext,
): Promise<StorySource> {
  const story = await loadStorySource(driver, storyId, ctx.assertion.identity?.userId);
  if (!story) throw notFound(`Story ${storyId} (published, or one you author)`);
  return story;
}
