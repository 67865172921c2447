'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditorChangeFragment } from '../../gql/graphql';
import { useAuth } from '../../lib/auth/auth-provider';
import { GraphErrorCode, GraphFailure, plainMessage } from '../../lib/graph/errors';
import {
  EditorHistory,
  EditorStory,
  EditorTouchedScenes,
  EditorValidate,
  StoryChanged,
} from './operations';
import type { Scene, StoryDraft, Validation } from './story-model';

export type StoryChange = EditorChangeFragment;

/** What an edit did: the version it left, the scenes it touched, the findings after it. */
export interface EditOutcome {
  version: number;
  kind: string;
  sceneIds: readonly string[];
  /** Null when the answer carries none (publishing). */
  validation: Validation | null;
}

/**
 * One versioned edit, ready to send against whichever version is current; it reads the scenes
 * from `draft` when sent, so sent again after a conflict it builds on the co-author's change.
 */
export interface PendingEdit {
  /** What the edit does, in the author's words ("Edit “Harbour”"). */
  label: string;
  send(expectedVersion: number, draft: StoryDraft): Promise<EditOutcome>;
}

/** An edit the graph refused because the story had moved on: kept until the author decides. */
export interface Conflict {
  edit: PendingEdit;
  sentAgainst: number;
  currentVersion: number | null;
  /** What co-authors did meanwhile, newest first, in words (read from the story's history). */
  theirEdits: string[];
}

export interface StoryEditor {
  draft: StoryDraft | null;
  loadError: string | null;
  validation: Validation | null;
  conflict: Conflict | null;
  /** Why the last edit failed (other than a conflict). */
  editError: string | null;
  /** Why live changes are not arriving, when they are not. */
  liveError: string | null;
  /** The last change another author made, in words (the page announces it). */
  remoteNote: string;
  /** Sends an edit after the ones already on their way; resolves with its change or null. */
  edit(edit: PendingEdit): Promise<EditOutcome | null>;
  /** Sends the refused edit again on top of the current version. */
  reapply(): Promise<void>;
  /** Forgets the refused edit and shows the story as it is now. */
  discard(): Promise<void>;
  validate(): Promise<void>;
  reload(): Promise<void>;
}

const asMap = (scenes: readonly Scene[]) => new Map(scenes.map((scene) => [scene.id, scene]));

const KIND_WORDS: Record<string, string> = {
  SCENE_ADDED: 'added a scene',
  SCENE_EDITED: 'edited',
  SCENE_DELETED: 'deleted a scene',
  CHOICE_EDITED: 'changed a choice’s rule',
  LAYOUT_CHANGED: 'moved scenes',
  START_CHANGED: 'changed the start scene',
  UNDONE: 'undid an edit',
  REDONE: 'redid an edit',
  VERSION_RESTORED: 'restored a version',
  PUBLISHED: 'published the story',
  DETAILS_CHANGED: 'changed the story’s details',
  STORY_DELETED: 'deleted the story',
};

/**
 * The working copy of a story and every way to change it. Edits go one after another (each
 * names the version the last one left); another author's changes arrive through storyChanged
 * and only the scenes they touched are read again, so selection and viewport stay.
 */
export function useStoryEditor(storyId: string): StoryEditor {
  const { graph, user } = useAuth();
  const [draft, setDraft] = useState<StoryDraft | null>(null);
  const draftRef = useRef<StoryDraft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [validation, setValidation] = useState<Validation | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const [liveError, setLiveError] = useState<string | null>(null);
  const [remoteNote, setRemoteNote] = useState('');
  /** Versions this page's own edits produced: their storyChanged echo needs no reading. */
  const ownVersions = useRef(new Set<number>());
  /** The edits and refreshes in flight, one after another. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const show = useCallback((next: StoryDraft | null) => {
    draftRef.current = next;
    setDraft(next);
  }, []);

  const enqueue = useCallback(<T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(work, work);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const reload = useCallback(async () => {
    try {
      const { story } = await graph.request(EditorStory, { id: storyId });
      if (!story) {
        setLoadError('This story does not exist, or you are not one of its authors.');
        return;
      }
      show({ ...story, scenes: asMap(story.scenes) });
      setLoadError(null);
    } catch (error) {
      setLoadError(plainMessage(error));
    }
  }, [graph, storyId, show]);

  /** Reads again the scenes a change touched (those no longer there were deleted). */
  const applyChange = useCallback(
    async (change: Omit<EditOutcome, 'validation'>) => {
      if (change.kind === 'STORY_DELETED') {
        setLoadError('This story was deleted by one of its authors.');
        show(null);
        return;
      }
      const { story } = await graph.request(EditorTouchedScenes, {
        id: storyId,
        sceneIds: [...change.sceneIds],
      });
      const current = draftRef.current;
      if (!story || !current) return;
      const scenes = new Map(current.scenes);
      const found = asMap(story.scenes);
      for (const id of change.sceneIds) {
        const scene = found.get(id);
        if (scene) scenes.set(id, scene);
        else scenes.delete(id);
      }
      show({
        ...current,
        title: story.title,
        status: story.status,
        startSceneName: story.startSceneName,
        version: Math.max(current.version, change.version, story.version),
        scenes,
      });
    },
    [graph, storyId, show],
  );

  /**
   * Co-authors' newest edits, as many as the versions missed: the history has no version
   * numbers, so this is what most likely happened, not a ledger.
   */
  const coAuthorsEdits = useCallback(
    async (sentAgainst: number, currentVersion: number | null) => {
      try {
        const { storyHistory } = await graph.request(EditorHistory, { id: storyId });
        const missed = Math.max(1, (currentVersion ?? sentAgainst + 1) - sentAgainst);
        const scenes = draftRef.current?.scenes;
        return storyHistory
          .filter((step) => !step.undone && step.authorId !== user?.id)
          .slice(0, Math.min(missed, 5))
          .map((step) => {
            const names = step.sceneIds
              .map((id) => scenes?.get(id)?.name)
              .filter((name): name is string => Boolean(name));
            const what = KIND_WORDS[step.kind] ?? step.kind.toLowerCase().replaceAll('_', ' ');
            return `A co-author ${what}${names.length ? ` (${names.map((n) => `“${n}”`).join(', ')})` : ''}.`;
          });
      } catch {
        return [];
      }
    },
    [graph, storyId, user?.id],
  );

  const send = useCallback(
    (pending: PendingEdit) =>
      enqueue(async () => {
        const current = draftRef.current;
        if (!current) return null;
        setEditError(null);
        try {
          const change = await pending.send(current.version, current);
          ownVersions.current.add(change.version);
          if (change.validation) setValidation(change.validation);
          await applyChange(change);
          return change;
        } catch (error) {
          if (error instanceof GraphFailure && error.code === GraphErrorCode.CONFLICT) {
            const reported = Number(
              (error.errors[0]?.extensions as { currentVersion?: number } | undefined)
                ?.currentVersion,
            );
            const currentVersion = Number.isFinite(reported) ? reported : null;
            setConflict({
              edit: pending,
              sentAgainst: current.version,
              currentVersion,
              theirEdits: await coAuthorsEdits(current.version, currentVersion),
            });
          } else setEditError(plainMessage(error));
          return null;
        }
      }),
    [applyChange, coAuthorsEdits, enqueue],
  );

  const reapply = useCallback(async () => {
    const refused = conflict;
    if (!refused) return;
    setConflict(null);
    await enqueue(reload);
    await send(refused.edit);
  }, [conflict, enqueue, reload, send]);

  const discard = useCallback(async () => {
    setConflict(null);
    await enqueue(reload);
  }, [enqueue, reload]);

  const validate = useCallback(async () => {
    try {
      const { validateStory } = await graph.request(EditorValidate, { id: storyId });
      setValidation(validateStory);
    } catch (error) {
      setEditError(plainMessage(error));
    }
  }, [graph, storyId]);

  useEffect(() => {
    void enqueue(reload).then(validate);
  }, [enqueue, reload, validate]);

  useEffect(
    () =>
      graph.subscribe(
        StoryChanged,
        { storyId },
        {
          next: ({ storyChanged: change }) => {
            setLiveError(null);
            enqueue(async () => {
              // This page's own edit: its answer has already brought the scenes.
              if (ownVersions.current.has(change.version)) return;
              setValidation(change.validation);
              await applyChange(change);
              if (change.authorId !== user?.id) {
                setRemoteNote(
                  `A co-author ${KIND_WORDS[change.kind] ?? 'changed the story'}${
                    change.sceneIds.length === 1
                      ? ` (“${draftRef.current?.scenes.get(change.sceneIds[0]!)?.name ?? 'a scene'}”)`
                      : change.sceneIds.length > 1
                        ? ` (${change.sceneIds.length} scenes)`
                        : ''
                  }; now at version ${change.version}.`,
                );
              }
            }).catch((failure: unknown) => setLiveError(plainMessage(failure)));
          },
          error: (failure) => setLiveError(plainMessage(failure)),
        },
      ),
    [graph, storyId, enqueue, applyChange, user?.id],
  );

  return {
    draft,
    loadError,
    validation,
    conflict,
    editError,
    liveError,
    remoteNote,
    edit: send,
    reapply,
    discard,
    validate,
    reload: () => enqueue(reload),
  };
}
