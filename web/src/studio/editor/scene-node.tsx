'use client';

import { Handle, Position, useStore, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';

export interface SceneCardData extends Record<string, unknown> {
  name: string;
  /** The first words of the text, links shown as their targets. */
  excerpt: string;
  tags: readonly string[];
  isEnding: boolean;
  isStart: boolean;
  /** A validation finding names this scene. */
  flagged: boolean;
}

export type SceneNode = Node<SceneCardData, 'scene'>;

/** Below this zoom a card shows its name only: the words would be unreadable anyway. */
export const DETAIL_ZOOM = 0.45;

/**
 * One scene on the canvas. Memoised, and it reads only whether the canvas is zoomed out (a
 * boolean), so panning and zooming re-render no card until the threshold is crossed.
 */
export const SceneCard = memo(function SceneCard({ data, selected }: NodeProps<SceneNode>) {
  const detailed = useStore((state) => state.transform[2] >= DETAIL_ZOOM);
  return (
    <div
      className="scene-card"
      data-selected={selected || undefined}
      data-start={data.isStart || undefined}
      data-ending={data.isEnding || undefined}
      data-flagged={data.flagged || undefined}
      data-detailed={detailed || undefined}
    >
      <Handle type="target" position={Position.Left} className="scene-handle" />
      <strong className="scene-name">{data.name}</strong>
      {detailed && (
        <>
          {data.excerpt && <span className="scene-excerpt">{data.excerpt}</span>}
          {(data.isStart || data.isEnding || data.tags.length > 0) && (
            <span className="scene-tags">
              {data.isStart && <span className="scene-tag start">start</span>}
              {data.isEnding && <span className="scene-tag ending">ending</span>}
              {data.tags.map((tag) => (
                <span key={tag} className="scene-tag">
                  {tag}
                </span>
              ))}
            </span>
          )}
        </>
      )}
      <Handle type="source" position={Position.Right} className="scene-handle" />
    </div>
  );
});
