/**
 * The stories subgraph's model: what a story, a scene and a choice are as stored and as an
 * edit changes them. authoring/, validation/, playthroughs/ and store/ all point down here.
 */

/** A choice as stored, rules included, so a restored scene offers exactly what it did. */
export interface ChoiceState {
  id: string;
  text: string;
  targetName: string;
  kind: string;
  order: number;
  condition: string | null;
  recommendWhen: string | null;
  effects: string | null;
}

export interface SceneState {
  id: string;
  name: string;
  text: string;
  tags: string[];
  position: string | null;
  size: string | null;
  metadata: string | null;
  isEnding: boolean;
  order: number;
  choices: ChoiceState[];
}

/**
 * The part of a story an edit touched: the start scene's name and each touched scene as it
 * was (null: it did not exist). An edit is recorded as its state before and after, so undo
 * and redo are "write that state back", whatever the edit was.
 */
export interface StoryState {
  start: string | null;
  scenes: Record<string, SceneState | null>;
}

/** The story-wide fields interchange keeps (what a published version stores besides scenes). */
export interface StoryFields {
  title?: string | null;
  ifid?: string | null;
  format?: string | null;
  formatVersion?: string | null;
  startSceneName?: string | null;
  storyData?: string | null;
  script?: string | null;
  stylesheet?: string | null;
}

export type ChangeKind =
  | 'SCENE_ADDED'
  | 'SCENE_EDITED'
  | 'SCENE_DELETED'
  | 'CHOICE_EDITED'
  | 'LAYOUT_CHANGED'
  | 'START_CHANGED'
  | 'UNDONE'
  | 'REDONE'
  | 'VERSION_RESTORED'
  | 'PUBLISHED'
  | 'DETAILS_CHANGED'
  | 'STORY_DELETED';

export interface StoryChange {
  storyId: string;
  version: number;
  kind: ChangeKind;
  sceneIds: string[];
  authorId: string;
}

export interface Edit {
  storyId: string;
  expectedVersion: number;
}

/** A Neo4j integer (or a plain number) as a number. */
export function toNumber(value: unknown): number {
  return typeof value === 'object' && value !== null && 'toNumber' in value
    ? (value as { toNumber(): number }).toNumber()
    : Number(value);
}
