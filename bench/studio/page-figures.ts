/**
 * What bench/studio.ts measures in a page, the same way for the studio and the DOM-card map:
 * time to interactive, frame times over a scripted mouse drag, and the JS heap.
 */
import type { Page } from 'playwright-core';
import { percentile } from '../measure.js';

export interface PageFigures {
  interactiveMs: number;
  pan: FrameTimes;
  drag: FrameTimes;
  heapMb: number;
  domNodes: number;
}

export interface FrameTimes {
  p50: number;
  p95: number;
  frames: number;
  /** From a mouse move to the frame that shows it painted, 95th percentile. */
  inputToPaintP95: number;
}

/** How long each scripted drag lasts. */
const DRAG_MS = 3000;

/** tsx keeps function names with a helper the page does not have: give it one. */
export const PAGE_PRELUDE = 'globalThis.__name = (f) => f;';

interface Recorder {
  __frames: number[];
  __latencies: number[];
  __recording: boolean;
  __onMove: () => void;
}

/**
 * Starts recording requestAnimationFrame deltas in the page, and for each mouse move the time
 * until its frame is rendered (a task queued from the next animation frame runs after it).
 */
const startFrames = (page: Page) =>
  page.evaluate(() => {
    const state = window as unknown as Recorder;
    state.__frames = [];
    state.__latencies = [];
    state.__onMove = () => {
      const began = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => state.__latencies.push(performance.now() - began), 0),
      );
    };
    window.addEventListener('mousemove', state.__onMove, { capture: true });
    state.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      state.__frames.push(now - last);
      last = now;
      if (state.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

const stopFrames = (page: Page) =>
  page.evaluate(() => {
    const state = window as unknown as Recorder;
    state.__recording = false;
    window.removeEventListener('mousemove', state.__onMove, { capture: true });
    return { frames: state.__frames.slice(1), latencies: state.__latencies };
  });

const nextFrame = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));

/**
 * Presses at `from`, moves `distance` px right (and a little down) over a few seconds, circling
 * as it goes, one step per frame; releases; the frame deltas meanwhile.
 */
export async function framesWhileDragging(
  page: Page,
  from: { x: number; y: number },
  distance: number,
): Promise<FrameTimes> {
  await page.mouse.move(from.x, from.y);
  await startFrames(page);
  await page.mouse.down();
  const began = performance.now();
  while (performance.now() - began < DRAG_MS) {
    const done = (performance.now() - began) / DRAG_MS;
    const angle = done * 6 * Math.PI;
    await page.mouse.move(
      from.x + distance * done + 40 * Math.sin(angle),
      from.y + distance * done * 0.4 + 40 * (1 - Math.cos(angle)),
    );
    await nextFrame(page);
  }
  await page.mouse.up();
  await nextFrame(page);
  const { frames, latencies } = await stopFrames(page);
  return {
    p50: percentile(frames, 50),
    p95: percentile(frames, 95),
    frames: frames.length,
    inputToPaintP95: percentile(latencies, 95),
  };
}

/** JS heap in use after a full collection (MB) and the count of DOM nodes, through CDP. */
export async function memory(page: Page): Promise<{ heapMb: number; domNodes: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { heapMb: metric('JSHeapUsedSize') / 2 ** 20, domNodes: metric('Nodes') };
}

/** A point in `area` where a press lands on the background (not a card, not a control). */
export function backgroundPoint(
  page: Page,
  area: string,
  card: string,
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ area, card }) => {
      const box = document.querySelector(area)!.getBoundingClientRect();
      for (let y = box.top + box.height * 0.3; y < box.bottom - 40; y += 7)
        for (let x = box.left + box.width * 0.3; x < box.right - 40; x += 13) {
          const hit = document.elementFromPoint(x, y);
          if (hit && !hit.closest(card) && !hit.closest('.react-flow__controls, button'))
            return { x, y };
        }
      throw new Error(`no background in ${area}`);
    },
    { area, card },
  );
}

/** The centre of the card nearest the middle of `area`. */
export function cardNearMiddle(
  page: Page,
  area: string,
  card: string,
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ area, card }) => {
      const box = document.querySelector(area)!.getBoundingClientRect();
      const mx = box.left + box.width / 2;
      const my = box.top + box.height / 2;
      let best = { x: mx, y: my, d: Number.POSITIVE_INFINITY };
      for (const element of document.querySelectorAll(card)) {
        const r = element.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + Math.min(r.height / 2, 12);
        const d = (x - mx) ** 2 + (y - my) ** 2;
        if (d < best.d) best = { x, y, d };
      }
      return { x: best.x, y: best.y };
    },
    { area, card },
  );
}
