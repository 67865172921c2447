import { Position, type Edge, type NodeHandle } from '@xyflow/react';
import { SCENE_HEIGHT, SCENE_WIDTH } from './layout';
import type { SceneCardData, SceneNode } from './scene-node';
import { parsePosition, sceneIdsByName, type CanvasPoint, type StoryDraft } from './story-model';

const EXCERPT_LENGTH = 90;
const HANDLE = 10;

/**
 * Every card's size and handles, known before it is drawn: xyflow otherwise renders every
 * node once to measure it, which at thousands of scenes undoes the virtualisation.
 */
const CARD_HANDLES: NodeHandle[] = [
  {
    type: 'target',
    position: Position.Left,
    x: -HANDLE / 2,
    y: SCENE_HEIGHT / 2 - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
  {
    type: 'source',
    position: Position.Right,
    x: SCENE_WIDTH - HANDLE / 2,
    y: SCENE_HEIGHT / 2 - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
];

/** The first words of a scene's text, its links shown as what the reader sees. */
export function excerptOf(text: string): string {
  const plain = text
    .replace(/\[\[(.+?)\]\]/g, (_, link: string) => link.split(/->|\||<-/)[0] ?? link)
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > EXCERPT_LENGTH ? `${plain.slice(0, EXCERPT_LENGTH - 1)}…` : plain;
}

const sameData = (a: SceneCardData, b: SceneCardData) =>
  a.name === b.name &&
  a.excerpt === b.excerpt &&
  a.isEnding === b.isEnding &&
  a.isStart === b.isStart &&
  a.flagged === b.flagged &&
  a.tags.length === b.tags.length &&
  a.tags.every((tag, i) => tag === b.tags[i]);

function sceneLabel(data: SceneCardData, choices: number): string {
  const parts = [`Scene “${data.name}”`, `${choices} ${choices === 1 ? 'choice' : 'choices'}`];
  if (data.isStart) parts.push('start scene');
  if (data.isEnding) parts.push('ending');
  if (data.flagged) parts.push('has a validation finding');
  return parts.join(', ');
}

export interface NodeInputs {
  draft: StoryDraft;
  flagged: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  /** Positions the layout worker found for scenes that have none. */
  placed: Readonly<Record<string, CanvasPoint>>;
  /** Positions moved here and not yet confirmed by the graph. */
  moving: ReadonlyMap<string, CanvasPoint>;
}

/**
 * The canvas nodes for the working copy. A node whose scene, place and selection did not change
 * is the same object as before, so its memoised card does not render again; a node being
 * dragged keeps where the pointer put it.
 */
export function sceneNodes(inputs: NodeInputs, previous: readonly SceneNode[]): SceneNode[] {
  const { draft, flagged, selected, placed, moving } = inputs;
  const before = new Map(previous.map((node) => [node.id, node]));
  const nodes: SceneNode[] = [];
  const ordered = [...draft.scenes.values()].sort((a, b) => a.order - b.order);
  for (const scene of ordered) {
    const old = before.get(scene.id);
    const position = old?.dragging
      ? old.position
      : (moving.get(scene.id) ?? parsePosition(scene.position) ?? placed[scene.id]);
    // No position yet: shown once the layout worker has placed it.
    if (!position) continue;
    const data: SceneCardData = {
      name: scene.name,
      excerpt: excerptOf(scene.text),
      tags: scene.tags,
      isEnding: scene.isEnding,
      isStart: scene.name === draft.startSceneName,
      flagged: flagged.has(scene.id),
    };
    const isSelected = selected.has(scene.id);
    if (
      old &&
      old.position.x === position.x &&
      old.position.y === position.y &&
      Boolean(old.selected) === isSelected &&
      sameData(old.data, data)
    ) {
      nodes.push(old);
      continue;
    }
    nodes.push({
      ...old,
      id: scene.id,
      type: 'scene',
      position,
      data: old && sameData(old.data, data) ? old.data : data,
      selected: isSelected,
      width: SCENE_WIDTH,
      height: SCENE_HEIGHT,
      handles: CARD_HANDLES,
      ariaLabel: sceneLabel(data, scene.choices.length),
    });
  }
  return nodes;
}

/** One edge per choice whose target exists (broken links show in the validation panel). */
export function choiceEdges(draft: StoryDraft, previous: readonly Edge[]): Edge[] {
  const before = new Map(previous.map((edge) => [edge.id, edge]));
  const byName = sceneIdsByName(draft.scenes);
  const edges: Edge[] = [];
  for (const scene of draft.scenes.values())
    for (const choice of scene.choices) {
      const target = byName.get(choice.targetName);
      if (!target) continue;
      const old = before.get(choice.id);
      // Dashed: offered only while its rule holds; dotted: the story moves on by itself.
      const className =
        [choice.condition ? 'conditional' : '', choice.kind === 'REDIRECT' ? 'redirect' : '']
          .join(' ')
          .trim() || undefined;
      if (old && old.source === scene.id && old.target === target && old.className === className)
        edges.push(old);
      else edges.push({ id: choice.id, source: scene.id, target, className });
    }
  return edges;
}

/** The scene nearest `from` in a direction (arrow keys), weighing sideways distance double. */
export function nearestInDirection(
  nodes: readonly SceneNode[],
  from: SceneNode,
  direction: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight',
): SceneNode | null {
  const { dx, dy } = {
    ArrowUp: { dx: 0, dy: -1 },
    ArrowDown: { dx: 0, dy: 1 },
    ArrowLeft: { dx: -1, dy: 0 },
    ArrowRight: { dx: 1, dy: 0 },
  }[direction];
  let best: SceneNode | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const node of nodes) {
    if (node.id === from.id) continue;
    const x = node.position.x - from.position.x;
    const y = node.position.y - from.position.y;
    const along = x * dx + y * dy;
    if (along <= 0) continue;
    const across = Math.abs(x * dy - y * dx);
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = node;
    }
  }
  return best;
}
