import type { CanvasPoint } from './story-model';

/** What the layout worker is asked: the scenes without a position, and the links among all. */
export interface LayoutRequest {
  id: number;
  /** Scenes to place. */
  unplaced: string[];
  /** Links between scenes (source id, target id). */
  links: Array<[string, string]>;
  /** Where the placed scenes end (lowest edge, in canvas units): new ones go below. */
  placedBottom: number;
}

export interface LayoutAnswer {
  id: number;
  positions: Record<string, CanvasPoint>;
}

/** A scene card's size on the canvas, in canvas units (Twine's default passage is 100×100). */
export const SCENE_WIDTH = 160;
export const SCENE_HEIGHT = 80;

/**
 * Positions for scenes that have none, computed in a Web Worker (dagre on thousands of scenes
 * takes long enough to freeze a frame). One worker per editor; answers in request order.
 */
export class LayoutWorker {
  private readonly worker = new Worker(new URL('./layout.worker.ts', import.meta.url), {
    type: 'module',
  });
  private next = 0;
  private readonly waiting = new Map<number, (positions: Record<string, CanvasPoint>) => void>();

  constructor() {
    this.worker.onmessage = (event: MessageEvent<LayoutAnswer>) => {
      this.waiting.get(event.data.id)?.(event.data.positions);
      this.waiting.delete(event.data.id);
    };
  }

  place(request: Omit<LayoutRequest, 'id'>): Promise<Record<string, CanvasPoint>> {
    const id = ++this.next;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ ...request, id } satisfies LayoutRequest);
    });
  }

  dispose(): void {
    this.worker.terminate();
    this.waiting.clear();
  }
}
