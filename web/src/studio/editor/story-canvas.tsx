'use client';

import {
  Background,
  Controls,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Edge,
  type NodeChange,
  type OnConnectEnd,
  type OnNodeDrag,
} from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { choiceEdges, nearestInDirection, sceneNodes, type NodeInputs } from './canvas-nodes';
import { SCENE_HEIGHT, SCENE_WIDTH } from './layout';
import { SceneCard, type SceneNode } from './scene-node';
import { parsePosition, type CanvasPoint, type StoryDraft } from './story-model';

const nodeTypes = { scene: SceneCard };
const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
const KEPT_CHANGES = new Set<NodeChange['type']>(['position', 'dimensions']);

/** Ask the canvas to show these scenes (a new `nonce` asks again for the same ones). */
export interface FocusRequest {
  sceneIds: readonly string[];
  nonce: number;
}

export interface StoryCanvasProps {
  draft: StoryDraft;
  flagged: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  placed: Readonly<Record<string, CanvasPoint>>;
  focus: FocusRequest | null;
  reducedMotion: boolean;
  onSelect(sceneIds: string[]): void;
  /** Enter on a scene: edit it in the side panel. */
  onOpen(sceneId: string): void;
  /** A drag ended: the scenes' new places (one versioned step). */
  onMove(positions: Array<{ sceneId: string; position: CanvasPoint }>): Promise<unknown>;
  /** A choice drawn from one scene to another. */
  onLink(fromSceneId: string, toSceneId: string): void;
}

const nodeElement = (id: string) =>
  document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);

/**
 * The story as a graph: xyflow renders only the scenes and choices in view, cards are memoised,
 * and a drag re-renders the dragged card alone. Keyboard: Tab and the arrow keys move between
 * scenes, Enter opens one in the side panel.
 */
export function StoryCanvas(props: StoryCanvasProps) {
  const { draft, flagged, selected, placed, focus, reducedMotion } = props;
  const flow = useReactFlow<SceneNode>();
  const [moving, setMoving] = useState<ReadonlyMap<string, CanvasPoint>>(() => new Map());
  const [nodes, setNodes] = useState<SceneNode[]>([]);
  const [edges, setEdges] = useState<Edge[]>([]);
  const duration = reducedMotion ? 0 : 250;

  // Nodes and edges follow the working copy; unchanged ones keep their identity (see sceneNodes).
  const inputs: NodeInputs = { draft, flagged, selected, placed, moving };
  const [derivedFrom, setDerivedFrom] = useState<NodeInputs | null>(null);
  if (
    !derivedFrom ||
    (Object.keys(inputs) as Array<keyof NodeInputs>).some((key) => inputs[key] !== derivedFrom[key])
  ) {
    setDerivedFrom(inputs);
    setNodes(sceneNodes(inputs, nodes));
    if (derivedFrom?.draft !== draft) setEdges(choiceEdges(draft, edges));
  }

  const onNodesChange = useCallback((changes: NodeChange<SceneNode>[]) => {
    // Selection is the editor's (validation findings and find select too): position and size only.
    const kept = changes.filter((change) => KEPT_CHANGES.has(change.type));
    if (kept.length) setNodes((current) => applyNodeChanges(kept, current));
  }, []);

  const { onMove, onLink, onSelect, onOpen } = props;
  const onNodeDragStop = useCallback<OnNodeDrag<SceneNode>>(
    (_event, _node, dragged) => {
      const positions = dragged.map((node) => ({ sceneId: node.id, position: node.position }));
      setMoving((current) => {
        const next = new Map(current);
        for (const { sceneId, position } of positions) next.set(sceneId, position);
        return next;
      });
      void onMove(positions).finally(() =>
        setMoving((current) => {
          const next = new Map(current);
          for (const { sceneId } of positions) next.delete(sceneId);
          return next;
        }),
      );
    },
    [onMove],
  );

  const onConnect = useCallback(
    ({ source, target }: Connection) => {
      if (source && target && source !== target) onLink(source, target);
    },
    [onLink],
  );

  // Dropped on a scene's body rather than its dot: a choice to that scene all the same.
  const onConnectEnd = useCallback<OnConnectEnd>(
    (event, connection) => {
      const from = connection.fromNode?.id;
      if (connection.isValid || !from) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const over = document
        .elementFromPoint(point.clientX, point.clientY)
        ?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
      if (over && over !== from) onLink(from, over);
    },
    [onLink],
  );

  const show = useCallback(
    async (sceneIds: readonly string[]) => {
      const shown = sceneIds
        .map((id) => flow.getNode(id))
        .filter((node): node is SceneNode => Boolean(node));
      if (shown.length === 0) return;
      if (shown.length === 1) {
        const { x, y } = shown[0]!.position;
        await flow.setCenter(x + SCENE_WIDTH / 2, y + SCENE_HEIGHT / 2, {
          zoom: Math.max(flow.getZoom(), 0.8),
          duration,
        });
      } else await flow.fitView({ nodes: shown.map(({ id }) => ({ id })), duration, maxZoom: 1 });
      // Rendered now that it is in view: move the keyboard focus there too.
      requestAnimationFrame(() => nodeElement(shown[0]!.id)?.focus({ preventScroll: true }));
    },
    [flow, duration],
  );

  useEffect(() => {
    if (focus) void show(focus.sceneIds);
  }, [focus, show]);

  const onInit = useCallback(() => {
    const start = [...draft.scenes.values()].find((scene) => scene.name === draft.startSceneName);
    const at = parsePosition(start?.position) ?? flow.getNodes()[0]?.position ?? { x: 0, y: 0 };
    void flow.setCenter(at.x + SCENE_WIDTH / 2, at.y + SCENE_HEIGHT / 2, { zoom: 0.8 });
    // Only once, on the first render of the canvas.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      const element = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
      const id = element?.dataset.id;
      if (!id) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        onSelect([id]);
        onOpen(id);
      } else if (ARROWS.has(event.key)) {
        event.preventDefault();
        const all = flow.getNodes();
        const from = flow.getNode(id);
        const to = from && nearestInDirection(all, from, event.key as 'ArrowUp' | 'ArrowDown');
        if (to) {
          onSelect([to.id]);
          void show([to.id]);
        }
      }
    },
    [flow, onOpen, onSelect, show],
  );

  const onFocus = useCallback(
    (event: React.FocusEvent) => {
      const id = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset
        .id;
      if (id && !selected.has(id)) onSelect([id]);
    },
    [onSelect, selected],
  );

  return (
    <div className="story-canvas" onKeyDown={onKeyDown} onFocus={onFocus}>
      <ReactFlow<SceneNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={(_event, node) => onSelect([node.id])}
        onPaneClick={() => onSelect([])}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onInit={onInit}
        onlyRenderVisibleElements
        minZoom={0.05}
        maxZoom={2}
        disableKeyboardA11y
        edgesFocusable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomOnDoubleClick={false}
      >
        <Background gap={40} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
