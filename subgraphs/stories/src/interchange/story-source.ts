/**
 * A story as authors' tools exchange it: passages with their text (links included), the way
 * Twee 3 and Twine 2 HTML describe them. The graph (scenes and choices) is derived from it.
 */
export interface PassageSource {
  name: string;
  text: string;
  tags: string[];
  /** Editor position "x,y" and size "w,h", as Twine writes them. */
  position?: string;
  size?: string;
  /** Any other passage metadata, kept for export. */
  metadata: Record<string, unknown>;
}

export interface StorySource {
  title: string;
  ifid?: string;
  format?: string;
  formatVersion?: string;
  /** Name of the start passage. */
  start?: string;
  tagColors: Record<string, string>;
  /** StoryData keys this project does not interpret, kept as they were. */
  extra: Record<string, unknown>;
  /** Story-wide script and stylesheet (Twine's JavaScript and Stylesheet). */
  script: string;
  stylesheet: string;
  passages: PassageSource[];
}

/** A parse problem: what is wrong and where, so an author can fix the file. */
export class StorySourceError extends Error {
  override name = 'StorySourceError';
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

/** Passages that describe the story rather than being part of it (Twee 3). */
export const SPECIAL_PASSAGES = new Set(['StoryTitle', 'StoryData']);
/** Passages holding story-wide code (Twee 3 conventions, by tag). */
export const SCRIPT_TAG = 'script';
export const STYLESHEET_TAG = 'stylesheet';
