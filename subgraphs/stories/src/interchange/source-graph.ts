import { validateStory, type SceneNode, type StoryGraph } from '../validation/validate.js';
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
export function sourceGraph(story: StorySource): StoryGraph {
  return {
    startId: story.start ?? story.passages[0]?.name,
    declared: [],
    alwaysReached: story.passages.filter((p) => isFormatPassage(p.name, p.tags)).map((p) => p.name),
    scenes: story.passages.map((passage) =>
      sceneNode(
        passage.name,
        passage.text,
        isEndingPassage(passage.name, passage.tags),
        passageLinks(passage.text).map((link) => link.target),
      ),
    ),
  };
}

/**
 * A scene as validation sees it, keyed by name: where it leads, and the variables its text
 * (and its choices' rules and effects, when stored) set and read.
 */
export function sceneNode(
  name: string,
  text: string,
  isEnding: boolean,
  targets: string[],
  rules: { sets: string[]; reads: string[] } = { sets: [], reads: [] },
): SceneNode {
  const { sets, reads } = passageVariables(text);
  for (const variable of rules.sets) sets.add(variable);
  for (const variable of rules.reads) reads.add(variable);
  return { id: name, name, isEnding, targets, sets: [...sets], reads: [...reads] };
}

/** Validation of an imported story, scenes named by passage name. */
export function validateSource(story: StorySource) {
  return validateStory(sourceGraph(story));
}
