import { badUserInput, notFound } from '@mindscape/platform';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { StorySource } from '../interchange/story-source.js';
import {
  toNumber,
  type Edit,
  type StoryChange,
  type StoryFields,
  type StoryState,
} from '../model.js';
import { READABLE_STORY, toStorySource } from '../store.js';
import { readState, writeState } from './history.js';
import type { StoryEditor } from './step.js';

/**
 * Published versions: publishing stores the whole story (fields, scenes, choices with their
 * rules) as one StoryVersion node no operation changes afterwards. Any version can be
 * exported, and restored as a new, undoable edit of the story.
 */
export interface StoryVersion {
  storyId: string;
  number: number;
  /** The story's edit version it was published at. */
  storyVersion: number;
  publishedAt: string;
  /** Who published it: told to the story's authors only. */
  publishedBy: string | null;
  title: string;
  sceneCount: number;
}

interface VersionContent {
  story: StoryFields;
  state: StoryState;
}

const FIELDS = '.title, .ifid, .format, .formatVersion, .storyData, .script, .stylesheet';

export async function publishStory(
  editor: StoryEditor,
  edit: Edit,
  authorId: string,
): Promise<{ change: StoryChange; version: StoryVersion }> {
  const { change, result } = await editor.step(edit, authorId, 'PUBLISHED', async (tx) => {
    const state = await readState(tx, edit.storyId, 'all');
    const { records } = await tx.run(
      `MATCH (s:Story {id: $storyId}) SET s.status = 'PUBLISHED'
       WITH s OPTIONAL MATCH (s)-[:HAS_VERSION]->(v:StoryVersion)
       WITH s, count(v) + 1 AS number
       CREATE (s)-[:HAS_VERSION]->(v:StoryVersion {storyId: s.id, number: number,
         storyVersion: $storyVersion, publishedAt: toString(datetime()), publishedBy: $authorId,
         title: s.title, sceneCount: $sceneCount,
         content: $content})
       RETURN v { .storyId, .number, .storyVersion, .publishedAt, .publishedBy, .title,
         .sceneCount } AS version`,
      {
        storyId: edit.storyId,
        storyVersion: edit.expectedVersion + 1,
        authorId,
        sceneCount: Object.keys(state.scenes).length,
        content: JSON.stringify({ story: await storyFields(tx, edit.storyId), state }),
      },
    );
    return {
      result: toVersion(records[0]!.get('version')),
      after: { start: state.start, scenes: {} },
    };
  });
  return { change, version: result };
}

/** Restores a version's scenes and start (story fields stay): an edit, so undo takes it back. */
export async function restoreVersion(
  editor: StoryEditor,
  edit: Edit,
  authorId: string,
  number: number,
): Promise<StoryChange> {
  const target: { content?: VersionContent; current?: string[] } = {};
  const { change } = await editor.edit(edit, authorId, 'VERSION_RESTORED', {
    touches: async (tx) => {
      target.content = await versionContent(tx, edit.storyId, number);
      const { records } = await tx.run(
        'MATCH (:Story {id: $storyId})-[:HAS_SCENE]->(scene:Scene) RETURN scene.id AS id',
        { storyId: edit.storyId },
      );
      target.current = records.map((r) => r.get('id') as string);
      return [...new Set([...target.current, ...Object.keys(target.content.state.scenes)])];
    },
    apply: async (tx) => {
      const { state } = target.content!;
      // Scenes the version did not have go; the version's come back as they were.
      const scenes: StoryState['scenes'] = {};
      for (const id of target.current!) scenes[id] = null;
      Object.assign(scenes, state.scenes);
      await writeState(tx, edit.storyId, { start: state.start, scenes });
    },
  });
  return change;
}

export async function listVersions(
  driver: Driver,
  storyId: string,
  readerId: string,
): Promise<StoryVersion[]> {
  const { records } = await driver.executeQuery(
    `MATCH (s:Story {id: $storyId}) WHERE ${READABLE_STORY}
     OPTIONAL MATCH (s)-[:HAS_VERSION]->(v:StoryVersion)
     WITH s, v ORDER BY v.number DESC
     RETURN [x IN collect(v { .storyId, .number, .storyVersion, .publishedAt, .title,
       .sceneCount, publishedBy: CASE WHEN $readerId IN s.authorIds THEN v.publishedBy END })
       WHERE x IS NOT NULL] AS versions`,
    { storyId, readerId },
    { routing: 'READ' },
  );
  if (!records[0]) throw notFound(`Story ${storyId} (published, or one you author)`);
  return (records[0].get('versions') as Array<Record<string, unknown>>).map(toVersion);
}

/** A published version as interchange source, for whoever may read the story. */
export async function versionSource(
  driver: Driver,
  storyId: string,
  readerId: string | undefined,
  number: number,
): Promise<StorySource | undefined> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(async (tx) => {
      const { records } = await tx.run(
        `MATCH (s:Story {id: $storyId}) WHERE ${READABLE_STORY} RETURN s.id`,
        { storyId, readerId: readerId ?? null },
      );
      if (!records[0]) return undefined;
      const { story, state } = await versionContent(tx, storyId, number);
      return toStorySource(
        { ...story, startSceneName: state.start },
        Object.values(state.scenes).flatMap((scene) => (scene ? [scene] : [])) as unknown as Array<
          Record<string, unknown>
        >,
      );
    });
  } finally {
    await session.close();
  }
}

async function versionContent(
  tx: ManagedTransaction,
  storyId: string,
  number: number,
): Promise<VersionContent> {
  const { records } = await tx.run(
    'MATCH (:Story {id: $storyId})-[:HAS_VERSION]->(v:StoryVersion {number: $number}) RETURN v.content AS content',
    { storyId, number },
  );
  if (!records[0])
    throw badUserInput(
      'version',
      `The story has no version ${number}.`,
      'a published version number',
    );
  return JSON.parse(records[0].get('content') as string) as VersionContent;
}

async function storyFields(tx: ManagedTransaction, storyId: string): Promise<StoryFields> {
  const { records } = await tx.run(
    `MATCH (s:Story {id: $storyId}) RETURN s { ${FIELDS} } AS story`,
    {
      storyId,
    },
  );
  return records[0]!.get('story') as StoryFields;
}

function toVersion(raw: Record<string, unknown>): StoryVersion {
  return {
    ...(raw as unknown as StoryVersion),
    number: toNumber(raw.number),
    storyVersion: toNumber(raw.storyVersion),
    sceneCount: toNumber(raw.sceneCount),
  };
}

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
    const { records } = await this.driver.executeQuery(
      `MATCH (s:Story {id: $storyId}) WHERE ${READABLE_STORY}
       MATCH (s)-[:HAS_VERSION]->(v:StoryVersion)
       WHERE $number IS NULL OR v.number = $number
       RETURN v { .storyId, .number, .storyVersion, .publishedAt, .publishedBy, .title,
         .sceneCount } AS version
       ORDER BY v.number DESC LIMIT 1`,
      { storyId, readerId: readerId ?? null, number: number ?? null },
      { routing: 'READ' },
    );
    if (!records[0]) return undefined;
    const version = toVersion(records[0].get('version') as Record<string, unknown>);
    const key = `${storyId}#${version.number}`;
    let published = this.kept.get(key);
    if (!published) {
      const session = this.driver.session({ defaultAccessMode: 'READ' });
      try {
        const content = await session.executeRead((tx) =>
          versionContent(tx, storyId, version.number),
        );
        published = toPublished(version, content);
      } finally {
        await session.close();
      }
    }
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
