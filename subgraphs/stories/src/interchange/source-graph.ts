import { validateStory, type StoryGraph } from '../validation/validate.js';
import { passageLinks, passageVariables } from './links.js';
import type { StorySource } from './story-source.js';

/** Passages a story format runs by itself: never linked to, never dead ends. */
const FORMAT_PASSAGES = new Set([
  'StoryInit',
  'StoryCaption',
  'StoryMenu',
  'StoryBanner',
  'StorySubtitle',
  'StoryAuthor',
  'StoryInterface',
  'PassageReady',
  'PassageDone',
  'PassageHeader',
  'PassageFooter',
]);
const FORMAT_TAGS = new Set(['startup', 'header', 'footer', 'debug-startup', 'widget', 'init']);
/** Tags by which authors mark an ending (a scene with no way on, on purpose). */
export const ENDING_TAGS = new Set(['ending', 'end']);

export function isFormatPassage(name: string, tags: string[]): boolean {
  return FORMAT_PASSAGES.has(name) || tags.some((tag) => FORMAT_TAGS.has(tag));
}

/** A passage with no way on by design: tagged as an ending, or run by the story format. */
export function isEndingPassage(name: string, tags: string[]): boolean {
  return tags.some((tag) => ENDING_TAGS.has(tag)) || isFormatPassage(name, tags);
}

/**
 * The graph of an imported story, scenes named by passage name. Passages the story format
 * runs by itself count as reached, and may set variables for the rest.
 */
export function sourceGraph(story: StorySource): StoryGraph & { formatPassages: string[] } {
  const start = story.start ?? story.passages[0]?.name;
  const formatPassages = story.passages
    .filter((p) => isFormatPassage(p.name, p.tags))
    .map((p) => p.name);
  return {
    startId: start,
    declared: [],
    formatPassages,
    scenes: story.passages.map((passage) => {
      const { sets, reads } = passageVariables(passage.text);
      return {
        id: passage.name,
        name: passage.name,
        isEnding: isEndingPassage(passage.name, passage.tags),
        targets: passageLinks(passage.text).map((link) => link.target),
        sets: [...sets],
        reads: [...reads],
      };
    }),
  };
}

/** Validation of an imported story (passages the format runs by itself are not unreachable). */
export function validateSource(story: StorySource) {
  const graph = sourceGraph(story);
  const result = validateStory(graph);
  const byFormat = new Set(graph.formatPassages);
  return { ...result, unreachable: result.unreachable.filter((id) => !byFormat.has(id)) };
}
