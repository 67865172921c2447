import dagre from '@dagrejs/dagre';
import { SCENE_HEIGHT, SCENE_WIDTH, type LayoutAnswer, type LayoutRequest } from './layout';

/**
 * Lays out the scenes that have no position with dagre, left to right along their links, below
 * the scenes that already have one. Off the main thread: on thousands of scenes dagre takes
 * seconds, and the canvas must keep answering meanwhile.
 */
self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, unplaced, links, placedBottom } = event.data;
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 64 });
  graph.setDefaultEdgeLabel(() => ({}));
  const placing = new Set(unplaced);
  for (const scene of unplaced) graph.setNode(scene, { width: SCENE_WIDTH, height: SCENE_HEIGHT });
  for (const [from, to] of links)
    if (placing.has(from) && placing.has(to) && from !== to) graph.setEdge(from, to);
  dagre.layout(graph);
  const top = placedBottom === 0 ? 0 : placedBottom + SCENE_HEIGHT * 2;
  const positions: LayoutAnswer['positions'] = {};
  for (const scene of unplaced) {
    const node = graph.node(scene);
    // dagre gives centres; Twine positions are top-left corners.
    positions[scene] = {
      x: Math.round(node.x - SCENE_WIDTH / 2),
      y: Math.round(top + node.y - SCENE_HEIGHT / 2),
    };
  }
  self.postMessage({ id, positions } satisfies LayoutAnswer);
};
