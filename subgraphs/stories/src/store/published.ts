import { badUserInput } from '@mindscape/platform';
import type { Driver } from 'neo4j-driver';
import {
  findVersion,
  readVersionContent,
  type StoryVersion,
  type VersionContent,
} from './versions.js';

/** A scene of a published version as readers see it: choices point at scenes by id. */
export interface PublishedScene {
  id: string;
  name: string;
  text: string;
  tags: string[];
  isEnding: boolean;
  choices: Array<{
    id: string;
    text: string;
    kind: string;
    targetName: string;
    /** The version's scene the choice leads to; null for a broken link. */
    targetId: string | null;
    condition: string | null;
    recommendWhen: string | null;
    effects: string | null;
  }>;
}

/** A published version, ready to read: what readers see of a published story. */
export interface PublishedStory extends StoryVersion {
  startSceneName: string | null;
  /** In story order. */
  scenes: PublishedScene[];
  sceneById: Map<string, PublishedScene>;
}

/**
 * Readers read published versions, never the working copy (decision 0020). A version never
 * changes, so its parsed form is kept (a few, least recently used first out); whether the
 * reader may still read it (the story may be deleted since) is asked every time.
 */
export class PublishedVersions {
  private readonly kept = new Map<string, PublishedStory>();

  constructor(
    private readonly driver: Driver,
    private readonly capacity = 16,
  ) {}

  /**
   * The version `number` (the newest when left out) of a story `readerId` may read;
   * undefined when the story is not there for them or has no published version yet.
   */
  async read(
    storyId: string,
    readerId: string | undefined,
    number?: number | null,
  ): Promise<PublishedStory | undefined> {
    if (number != null && (!Number.isInteger(number) || number < 1))
      throw badUserInput('version', 'A version number is 1 or more.', 'a published version number');
    const version = await findVersion(this.driver, storyId, readerId, number ?? null);
    if (!version) return undefined;
    const key = `${storyId}#${version.number}`;
    const published =
      this.kept.get(key) ??
      toPublished(version, await readVersionContent(this.driver, storyId, version.number));
    this.kept.delete(key);
    this.kept.set(key, published);
    if (this.kept.size > this.capacity) this.kept.delete(this.kept.keys().next().value!);
    return published;
  }
}

function toPublished(version: StoryVersion, { state }: VersionContent): PublishedStory {
  const stored = Object.values(state.scenes)
    .flatMap((scene) => (scene ? [scene] : []))
    .sort((a, b) => a.order - b.order);
  const idByName = new Map(stored.map((scene) => [scene.name, scene.id]));
  const scenes = stored.map((scene): PublishedScene => ({
    id: scene.id,
    name: scene.name,
    text: scene.text,
    tags: scene.tags,
    isEnding: scene.isEnding,
    choices: [...scene.choices]
      .sort((a, b) => a.order - b.order)
      .map((choice) => ({
        id: choice.id,
        text: choice.text,
        kind: choice.kind,
        targetName: choice.targetName,
        targetId: idByName.get(choice.targetName) ?? null,
        condition: choice.condition,
        recommendWhen: choice.recommendWhen,
        effects: choice.effects,
      })),
  }));
  return {
    ...version,
    startSceneName: state.start,
    scenes,
    sceneById: new Map(scenes.map((scene) => [scene.id, scene])),
  };
}
