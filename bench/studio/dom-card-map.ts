/**
 * The baseline for bench/studio.ts: Twine's story map as Twine 2 draws it. Every passage is an
 * absolutely positioned DOM card (100×100, name and excerpt) on one big scrolling map, every
 * link an SVG arrow; nothing is virtualised. Dragging the background scrolls the map (panning);
 * dragging a card moves it and redraws its arrows, as Twine does. Plain DOM, no framework: if
 * anything the baseline is lighter than Twine's own React map.
 */
import { createServer, type Server } from 'node:http';
import type { GeneratedStory } from '../../web/test/studio-story.js';

const CARD = 100;

interface MapPassage {
  name: string;
  excerpt: string;
  x: number;
  y: number;
  targets: number[];
}

/** The passages as the page draws them: positions parsed, links resolved to indices. */
function mapPassages(story: GeneratedStory): MapPassage[] {
  const index = new Map(story.passages.map((passage, i) => [passage.name, i]));
  return story.passages.map((passage) => {
    const [x, y] = passage.position.split(',').map(Number);
    const targets = [...passage.text.matchAll(/\[\[(.+?)\]\]/g)]
      .map((match) => match[1]!.split('->').pop()!)
      .map((name) => index.get(name))
      .filter((i): i is number => i !== undefined);
    return {
      name: passage.name,
      excerpt: passage.text.replace(/\[\[(.+?)\]\]/g, '').slice(0, 100),
      x: x!,
      y: y!,
      targets,
    };
  });
}

/** The script the page runs: build every card and arrow, then wire panning and dragging. */
function mapScript(): void {
  const passages = JSON.parse(document.getElementById('story')!.textContent!) as MapPassage[];
  const size = 100;
  const view = document.getElementById('view')!;
  const map = document.getElementById('map')!;
  const svg = document.getElementById('arrows')!;
  const width = Math.max(...passages.map((p) => p.x)) + size * 3;
  const height = Math.max(...passages.map((p) => p.y)) + size * 3;
  map.style.width = `${width}px`;
  map.style.height = `${height}px`;
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  const ns = 'http://www.w3.org/2000/svg';
  const cards: HTMLElement[] = [];
  const arrowsOf: SVGPathElement[][] = passages.map(() => []);
  const arrows: Array<{ path: SVGPathElement; from: number; to: number }> = [];
  passages.forEach((passage, i) => {
    const card = document.createElement('div');
    card.className = 'passage';
    card.style.left = `${passage.x}px`;
    card.style.top = `${passage.y}px`;
    card.dataset.index = String(i);
    card.innerHTML = `<strong></strong><p></p>`;
    card.querySelector('strong')!.textContent = passage.name;
    card.querySelector('p')!.textContent = passage.excerpt;
    map.appendChild(card);
    cards.push(card);
  });
  const curve = (from: MapPassage, to: MapPassage) => {
    const x1 = from.x + size / 2;
    const y1 = from.y + size / 2;
    const x2 = to.x + size / 2;
    const y2 = to.y + size / 2;
    const bend = (x2 - x1) * 0.1 + (y2 - y1) * 0.1;
    return `M${x1},${y1} Q${(x1 + x2) / 2 + bend},${(y1 + y2) / 2 - bend} ${x2},${y2}`;
  };
  passages.forEach((passage, i) =>
    passage.targets.forEach((t) => {
      const path = document.createElementNS(ns, 'path');
      path.setAttribute('d', curve(passage, passages[t]!));
      path.setAttribute('marker-end', 'url(#head)');
      svg.appendChild(path);
      arrows.push({ path, from: i, to: t });
      arrowsOf[i]!.push(path);
      if (t !== i) arrowsOf[t]!.push(path);
    }),
  );
  const redraw = (i: number) => {
    for (const arrow of arrows)
      if (arrow.from === i || arrow.to === i)
        arrow.path.setAttribute('d', curve(passages[arrow.from]!, passages[arrow.to]!));
  };

  let drag: { kind: 'pan' | 'card'; index: number; x: number; y: number } | null = null;
  map.addEventListener('mousedown', (event) => {
    const card = (event.target as HTMLElement).closest<HTMLElement>('.passage');
    if (card) {
      document.querySelector('.passage.selected')?.classList.remove('selected');
      card.classList.add('selected');
    }
    drag = card
      ? { kind: 'card', index: Number(card.dataset.index), x: event.clientX, y: event.clientY }
      : { kind: 'pan', index: -1, x: event.clientX, y: event.clientY };
    event.preventDefault();
  });
  window.addEventListener('mousemove', (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    drag.x = event.clientX;
    drag.y = event.clientY;
    if (drag.kind === 'pan') {
      view.scrollLeft -= dx;
      view.scrollTop -= dy;
    } else {
      const passage = passages[drag.index]!;
      passage.x += dx;
      passage.y += dy;
      cards[drag.index]!.style.left = `${passage.x}px`;
      cards[drag.index]!.style.top = `${passage.y}px`;
      redraw(drag.index);
    }
  });
  window.addEventListener('mouseup', () => {
    drag = null;
  });
}

/** The page: the map script is inlined from its source (tsx may wrap names in `__name`). */
export function domCardMapPage(story: GeneratedStory): string {
  const data = JSON.stringify(mapPassages(story)).replaceAll('<', '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${story.title} · DOM-card map</title>
<style>
  body { margin: 0; font: 12px system-ui, sans-serif; }
  #view { width: 100vw; height: 100vh; overflow: auto; position: relative; background: #fbfbfa; }
  #map { position: relative; }
  #arrows { position: absolute; left: 0; top: 0; pointer-events: none; }
  #arrows path { fill: none; stroke: #7a8599; stroke-width: 1.5; }
  .passage { position: absolute; width: ${CARD}px; height: ${CARD}px; overflow: hidden;
    background: #fff; border: 1px solid #9aa3b2; border-radius: 4px; padding: 6px;
    box-sizing: border-box; box-shadow: 0 1px 3px rgb(0 0 0 / 0.2); cursor: move; }
  .passage.selected { outline: 3px solid #2f5d8c; }
  .passage p { margin: 4px 0 0; color: #5b6473; }
</style></head>
<body><div id="view"><div id="map"><svg id="arrows" xmlns="http://www.w3.org/2000/svg">
<defs><marker id="head" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6"
orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs></svg></div></div>
<script type="application/json" id="story">${data}</script>
<script>var __name = (f) => f; ${mapScript.toString()}; mapScript();</script>
</body></html>`;
}

/** Serves the baseline pages on loopback: `/<size>` is the map of that story. */
export async function serveDomCardMaps(
  pages: ReadonlyMap<number, string>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const page = pages.get(Number(request.url?.slice(1)));
    response.writeHead(page ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    response.end(page ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
