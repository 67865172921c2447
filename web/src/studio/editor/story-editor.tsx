'use client';

import '@xyflow/react/dist/style.css';
import './editor.css';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import Link from 'next/link';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ErrorNote, Loading } from '../../components/states';
import { useAuth } from '../../lib/auth/auth-provider';
import { useReducedMotion } from '../../lib/use-reduced-motion';
import { ConflictDialog } from './conflict-dialog';
import { HistoryPanel } from './history-panel';
import { LayoutWorker, SCENE_HEIGHT } from './layout';
import {
  AddScene,
  DeleteScene,
  EditScene,
  MoveScenes,
  PublishStory,
  RedoEdit,
  RestoreVersion,
  SetChoiceRule,
  SetStartScene,
  UndoEdit,
} from './operations';
import { SceneNameOptions } from './scene-name-options';
import { ScenePanel } from './scene-panel';
import { StoryCanvas, type FocusRequest } from './story-canvas';
import {
  findingsOf,
  flaggedSceneIds,
  formatPosition,
  parsePosition,
  sceneIdsByName,
  textLinkingTo,
  type CanvasPoint,
  type Finding,
  type StoryDraft,
} from './story-model';
import { useStoryEditor, type EditOutcome, type StoryChange } from './use-story-editor';
import { ValidationPanel } from './validation-panel';

const FIND_NAMES = 'find-scene-names';
const NO_FINDINGS: Finding[] = [];

/** The story editor at /stories/[id]: the canvas, the selected scene, checks and versions. */
export function StoryEditor({ storyId }: { storyId: string }) {
  return (
    <ReactFlowProvider>
      <Editor storyId={storyId} />
    </ReactFlowProvider>
  );
}

const outcome = (change: StoryChange): EditOutcome => change;

/** True when a key press belongs to a text field (its own undo, its own arrows). */
const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function Editor({ storyId }: { storyId: string }) {
  const { graph } = useAuth();
  const editor = useStoryEditor(storyId);
  const { draft, validation, edit } = editor;
  const reducedMotion = useReducedMotion();
  const flow = useReactFlow();
  const nameFieldId = useId();
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [placed, setPlaced] = useState<Record<string, CanvasPoint>>({});
  const [note, setNote] = useState('');
  const [findWords, setFindWords] = useState('');
  const [newSceneName, setNewSceneName] = useState('');
  const layoutWorker = useRef<LayoutWorker | null>(null);
  const layingOut = useRef(new Set<string>());

  useEffect(() => {
    layoutWorker.current = new LayoutWorker();
    return () => layoutWorker.current?.dispose();
  }, []);

  // Scenes without a position (a story written elsewhere) are placed by dagre in the worker.
  useEffect(() => {
    if (!draft || !layoutWorker.current) return;
    const unplaced: string[] = [];
    let placedBottom = 0;
    for (const scene of draft.scenes.values()) {
      const at = parsePosition(scene.position);
      if (at) placedBottom = Math.max(placedBottom, at.y + SCENE_HEIGHT);
      else if (!placed[scene.id] && !layingOut.current.has(scene.id)) unplaced.push(scene.id);
    }
    if (unplaced.length === 0) return;
    for (const id of unplaced) layingOut.current.add(id);
    const byName = sceneIdsByName(draft.scenes);
    const links: Array<[string, string]> = [];
    for (const scene of draft.scenes.values())
      for (const choice of scene.choices) {
        const target = byName.get(choice.targetName);
        if (target) links.push([scene.id, target]);
      }
    void layoutWorker.current.place({ unplaced, links, placedBottom }).then((positions) => {
      for (const id of unplaced) layingOut.current.delete(id);
      setPlaced((current) => ({ ...current, ...positions }));
    });
  }, [draft, placed]);

  const findings = useMemo(
    () => (validation && draft ? findingsOf(validation, draft.scenes) : NO_FINDINGS),
    [validation, draft],
  );
  const flagged = useMemo(() => flaggedSceneIds(findings), [findings]);
  const scenes = draft?.scenes;
  const sceneNames = useMemo(
    () => (scenes ? [...scenes.values()].map((scene) => scene.name).sort() : []),
    [scenes],
  );

  const selectedScene =
    selected.size === 1 && draft ? (draft.scenes.get([...selected][0]!) ?? null) : null;

  const select = useCallback((sceneIds: string[]) => setSelected(new Set(sceneIds)), []);
  const showScenes = useCallback((sceneIds: string[]) => {
    setSelected(new Set(sceneIds));
    setFocus((current) => ({ sceneIds, nonce: (current?.nonce ?? 0) + 1 }));
  }, []);

  const openPanel = useCallback(() => {
    requestAnimationFrame(() => document.getElementById(nameFieldId)?.focus());
  }, [nameFieldId]);

  const sceneNamed = useCallback((name: string, scenes: StoryDraft['scenes']) => {
    const wanted = name.trim().toLowerCase();
    const all = [...scenes.values()];
    return (
      all.find((scene) => scene.name === name.trim()) ??
      all.find((scene) => scene.name.toLowerCase() === wanted) ??
      all.find((scene) => scene.name.toLowerCase().startsWith(wanted)) ??
      null
    );
  }, []);

  const goTo = useCallback(
    (name: string) => {
      if (!draft) return;
      const scene = sceneNamed(name, draft.scenes);
      if (!scene) setNote(`No scene is called “${name}”.`);
      else {
        setNote('');
        showScenes([scene.id]);
      }
    },
    [draft, sceneNamed, showScenes],
  );

  // Edits: each sends against the version current when it leaves, reading the scene then.
  const link = useCallback(
    (fromId: string, targetName: string) => {
      const from = draft?.scenes.get(fromId);
      if (!from) return;
      void edit({
        label: `Link “${from.name}” to “${targetName}”`,
        send: async (expectedVersion, current) => {
          const scene = current.scenes.get(fromId);
          if (!scene) throw new Error(`“${from.name}” was deleted by a co-author.`);
          const { editScene } = await graph.request(EditScene, {
            storyId,
            expectedVersion,
            sceneId: fromId,
            text: textLinkingTo(scene.text, targetName),
          });
          return outcome(editScene);
        },
      }).then((done) => done && setNote(`Linked “${from.name}” to “${targetName}”.`));
    },
    [draft, edit, graph, storyId],
  );

  const onCanvasLink = useCallback(
    (fromId: string, toId: string) => {
      const target = draft?.scenes.get(toId);
      if (target) link(fromId, target.name);
    },
    [draft, link],
  );

  const move = useCallback(
    (positions: Array<{ sceneId: string; position: CanvasPoint }>) =>
      edit({
        label:
          positions.length === 1
            ? `Move “${draft?.scenes.get(positions[0]!.sceneId)?.name ?? 'a scene'}”`
            : `Move ${positions.length} scenes`,
        send: async (expectedVersion) => {
          const { moveScenes } = await graph.request(MoveScenes, {
            storyId,
            expectedVersion,
            positions: positions.map(({ sceneId, position }) => ({
              sceneId,
              position: formatPosition(position),
            })),
          });
          return outcome(moveScenes);
        },
      }),
    [draft, edit, graph, storyId],
  );

  /**
   * An edit of one scene: `request` sends it with the story, the version it goes against and the
   * scene's id.
   */
  const sceneEdit = (
    sceneId: string,
    label: string,
    request: (scene: {
      storyId: string;
      expectedVersion: number;
      sceneId: string;
    }) => Promise<StoryChange>,
  ) =>
    edit({
      label,
      send: async (expectedVersion) =>
        outcome(await request({ storyId, expectedVersion, sceneId })),
    });

  const undo = useCallback(
    () =>
      void edit({
        label: 'Undo',
        send: async (expectedVersion) =>
          outcome((await graph.request(UndoEdit, { storyId, expectedVersion })).undo),
      }),
    [edit, graph, storyId],
  );
  const redo = useCallback(
    () =>
      void edit({
        label: 'Redo',
        send: async (expectedVersion) =>
          outcome((await graph.request(RedoEdit, { storyId, expectedVersion })).redo),
      }),
    [edit, graph, storyId],
  );

  const publish = () =>
    void edit({
      label: 'Publish',
      send: async (expectedVersion) => {
        const { publishStory } = await graph.request(PublishStory, { storyId, expectedVersion });
        setNote(`Published as version ${publishStory.number}.`);
        return {
          version: publishStory.storyVersion,
          kind: 'PUBLISHED',
          sceneIds: [],
          validation: null,
        };
      },
    });

  const restore = (number: number) =>
    void edit({
      label: `Restore version ${number}`,
      send: async (expectedVersion) => {
        const { restoreVersion } = await graph.request(RestoreVersion, {
          storyId,
          expectedVersion,
          version: number,
        });
        setNote(`Restored version ${number} (undo takes it back).`);
        return outcome(restoreVersion);
      },
    });

  const addScene = (event: React.FormEvent) => {
    event.preventDefault();
    const name = newSceneName.trim();
    if (!name) return;
    const box = document.querySelector('.story-canvas')?.getBoundingClientRect();
    const at = box
      ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
      : { x: 0, y: 0 };
    void edit({
      label: `Add “${name}”`,
      send: async (expectedVersion) => {
        const { addScene: change } = await graph.request(AddScene, {
          storyId,
          expectedVersion,
          name,
          text: '',
          position: formatPosition(at),
        });
        return outcome(change);
      },
    }).then((done) => {
      if (!done) return;
      setNewSceneName('');
      const id = done.sceneIds[0];
      if (id) showScenes([id]);
    });
  };

  // Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo: the server's history, any author's.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || typingIn(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo();
      else if ((key === 'z' && event.shiftKey) || (key === 'y' && event.ctrlKey)) redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  if (editor.loadError && !draft)
    return (
      <section className="stack">
        <h1>Story editor</h1>
        <ErrorNote message={editor.loadError} />
        <p>
          <Link href="/stories">Back to your stories</Link>
        </p>
      </section>
    );
  if (!draft) return <Loading what="the story" />;

  return (
    <div className="story-editor" data-version={draft.version}>
      <header className="editor-bar">
        <h1>
          {draft.title} <span className="muted">· version {draft.version}</span>
        </h1>
        <div className="editor-tools" role="toolbar" aria-label="Story tools">
          <button type="button" onClick={undo} aria-keyshortcuts="Control+Z Meta+Z">
            Undo
          </button>
          <button
            type="button"
            onClick={redo}
            aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          >
            Redo
          </button>
          <button type="button" onClick={publish}>
            Publish
          </button>
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              goTo(findWords);
            }}
          >
            <label htmlFor="find-scene" className="visually-hidden">
              Find a scene by name
            </label>
            <input
              id="find-scene"
              list={FIND_NAMES}
              placeholder="Find a scene…"
              value={findWords}
              onChange={(e) => setFindWords(e.target.value)}
              autoComplete="off"
            />
            <SceneNameOptions id={FIND_NAMES} names={sceneNames} typed={findWords} />
            <button type="submit">Go to</button>
          </form>
          <form className="inline-form" onSubmit={addScene}>
            <label htmlFor="new-scene" className="visually-hidden">
              New scene name
            </label>
            <input
              id="new-scene"
              placeholder="New scene name"
              value={newSceneName}
              onChange={(e) => setNewSceneName(e.target.value)}
            />
            <button type="submit">Add scene</button>
          </form>
        </div>
        <p className="editor-status" role="status">
          {note}
        </p>
        <ErrorNote message={editor.editError ?? editor.liveError} />
      </header>
      {/* Screen readers hear co-authors' changes as they arrive. */}
      <p className="visually-hidden" aria-live="polite" data-testid="remote-changes">
        {editor.remoteNote}
      </p>
      {editor.remoteNote && (
        <p className="remote-note muted" aria-hidden="true">
          {editor.remoteNote}
        </p>
      )}
      {editor.conflict && (
        <ConflictDialog
          conflict={editor.conflict}
          onReapply={() => void editor.reapply()}
          onDiscard={() => void editor.discard()}
        />
      )}
      <div className="editor-body">
        <section className="canvas-area" aria-label={`Story map: ${draft.scenes.size} scenes`}>
          {draft.scenes.size === 0 ? (
            <p className="muted empty">No scenes yet: add the first one with “Add scene” above.</p>
          ) : (
            <StoryCanvas
              draft={draft}
              flagged={flagged}
              selected={selected}
              placed={placed}
              focus={focus}
              reducedMotion={reducedMotion}
              onSelect={select}
              onOpen={openPanel}
              onMove={move}
              onLink={onCanvasLink}
            />
          )}
          <p className="muted canvas-help">
            Tab or the arrow keys move between scenes, Enter edits one. Drag from a scene’s right
            dot to another scene to add a choice.
          </p>
        </section>
        <aside className="editor-side">
          {selectedScene ? (
            <ScenePanel
              key={selectedScene.id}
              scene={selectedScene}
              isStart={selectedScene.name === draft.startSceneName}
              sceneNames={sceneNames}
              nameFieldId={nameFieldId}
              onSave={(changed) =>
                void sceneEdit(
                  selectedScene.id,
                  `Edit “${selectedScene.name}”`,
                  async (scene) =>
                    (await graph.request(EditScene, { ...scene, ...changed })).editScene,
                )
              }
              onSetStart={() =>
                void sceneEdit(
                  selectedScene.id,
                  `Start at “${selectedScene.name}”`,
                  async (scene) => (await graph.request(SetStartScene, scene)).setStartScene,
                )
              }
              onDelete={() =>
                void sceneEdit(
                  selectedScene.id,
                  `Delete “${selectedScene.name}”`,
                  async (scene) => (await graph.request(DeleteScene, scene)).deleteScene.change,
                ).then((done) => done && setSelected(new Set()))
              }
              onLink={(targetName) => link(selectedScene.id, targetName)}
              onRule={(choice, rule) =>
                void edit({
                  label: `Rule of “${choice.text || choice.targetName}”`,
                  send: async (expectedVersion) =>
                    outcome(
                      (
                        await graph.request(SetChoiceRule, {
                          storyId,
                          expectedVersion,
                          choiceId: choice.id,
                          ...rule,
                        })
                      ).setChoiceRule,
                    ),
                })
              }
              onGoTo={goTo}
            />
          ) : (
            <section className="card">
              <h2>No scene selected</h2>
              <p className="muted">
                {selected.size > 1
                  ? `${selected.size} scenes selected.`
                  : 'Choose a scene on the map, or find one by name.'}
              </p>
            </section>
          )}
          <ValidationPanel
            findings={findings}
            checked={validation !== null}
            onValidate={() => void editor.validate()}
            onShow={(finding) => showScenes(finding.sceneIds)}
          />
          <HistoryPanel storyId={storyId} version={draft.version} onRestore={restore} />
        </aside>
      </div>
    </div>
  );
}
