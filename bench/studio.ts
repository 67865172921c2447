/**
 * `npm run bench:studio`: the story editor in headless Chromium at 500 / 2,000 / 5,000 scenes
 * (STUDIO_SIZES=500,2000 chooses), beside Twine's approach measured in the same run: a plain
 * DOM-card map (every passage an absolutely positioned card, SVG arrows, nothing virtualised)
 * served by this script. Per size: time to interactive (navigation → the map drawn and a click
 * on a scene answered; median of 3 navigations); frame time (p50/p95 of requestAnimationFrame
 * deltas) and mouse move → painted (p95) while panning and while dragging a scene for 3 s; the
 * JS heap after a full collection; the DOM's size. The studio runs as the production build
 * against a started stack; the stories are generated (1–3 links per scene, Twine positions)
 * and imported through the graph. Figures only; asserts nothing.
 */
import os from 'node:os';
import { hasChromium, launchChromium } from '@mindscape/audio-worklets';
import { freePort } from '@mindscape/devkit';
import { graphql, removeStoriesOf, signUp, startTestStack } from '@mindscape/test-kit';
import type { Browser, Page } from 'playwright-core';
import { loadDevSecrets } from '../scripts/stack/dev-secrets.js';
import { engineEnvironment, startEngines } from '../scripts/stack/engines.js';
import { generatedStory } from '../web/test/studio-story.js';
import { startWebServer } from '../web/test/web-server.js';
import { percentile, table, UNLIMITED_RATES } from './measure.js';
import { domCardMapPage, serveDomCardMaps } from './studio/dom-card-map.js';
import {
  backgroundPoint,
  cardNearMiddle,
  framesWhileDragging,
  memory,
  PAGE_PRELUDE,
  type PageFigures,
} from './studio/page-figures.js';

const SIZES = (process.env.STUDIO_SIZES ?? '500,2000,5000')
  .split(',')
  .map((size) => Number(size.trim()))
  .filter((size) => Number.isInteger(size) && size > 1);
const VIEWPORT = { width: 1400, height: 1000 };
const progress = (message: string) => console.log(`[studio] ${message}`);

if (!hasChromium()) {
  console.error('Chromium is not installed (apt-get install chromium): nothing to measure.');
  process.exit(1);
}
console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; sizes ${SIZES.join(', ')}`,
);

const engines = await startEngines(await loadDevSecrets());
Object.assign(process.env, engineEnvironment(engines));
const webPort = await freePort();
const stack = await startTestStack({
  gateway: { ...UNLIMITED_RATES, WEB_ORIGINS: `http://127.0.0.1:${webPort}` },
});
progress('building (if sources changed) and starting the production web app…');
const web = await startWebServer(stack.gatewayUrl, webPort);
const stories = new Map(SIZES.map((size) => [size, generatedStory(size)]));
const maps = await serveDomCardMaps(
  new Map([...stories].map(([size, story]) => [size, domCardMapPage(story)])),
);
// Without vsync and the frame-rate cap a frame takes as long as its work, not a multiple of
// 16.7 ms: the deltas then show what each approach costs per frame.
const browser: Browser = await launchChromium([
  '--disable-gpu-vsync',
  '--disable-frame-rate-limit',
]);
const author = await signUp(stack.gatewayUrl, 'Bench');

/** Opens a page whose functions tsx compiled (see PAGE_PRELUDE), signed in when asked. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: PAGE_PRELUDE });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  return page;
}

/** Time to interactive is the median of this many navigations (the machine is shared). */
const TTI_RUNS = 3;

async function medianOf(runs: number, measure: () => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let run = 0; run < runs; run++) values.push(await measure());
  return percentile(values, 50);
}

/** ms from navigation start to now, in the page's own clock. */
const sinceNavigation = (page: Page) => page.evaluate(() => performance.now());

async function measureStudio(storyId: string): Promise<PageFigures> {
  const page = await newPage();
  const url = `${web.url}/stories/${storyId}`;
  // First visit: sign in (the refresh cookie then signs the measured visit in by itself).
  await page.goto(url);
  await page.getByLabel('Email').fill(author.email);
  await page.getByLabel('Password').fill(author.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.react-flow__node').first().waitFor({ timeout: 120_000 });

  const interactiveMs = await medianOf(TTI_RUNS, async () => {
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator('.react-flow__node').first().waitFor({ timeout: 120_000 });
    const card = await cardNearMiddle(page, '.story-canvas', '.react-flow__node');
    await page.mouse.click(card.x, card.y);
    await page.locator('.scene-panel').waitFor();
    return sinceNavigation(page);
  });

  const viewport = () =>
    page.locator('.react-flow__viewport').evaluate((element) => element.style.transform);
  const before = await viewport();
  const pan = await framesWhileDragging(
    page,
    await backgroundPoint(page, '.story-canvas', '.react-flow__node'),
    250,
  );
  if ((await viewport()) === before) progress('warning: the studio did not pan');
  const drag = await framesWhileDragging(
    page,
    await cardNearMiddle(page, '.story-canvas', '.react-flow__node'),
    150,
  );
  const figures = { interactiveMs, pan, drag, ...(await memory(page)) };
  await page.context().close();
  return figures;
}

async function measureDomCards(size: number): Promise<PageFigures> {
  const page = await newPage();
  const url = `${maps.url}/${size}`;
  await page.goto(url);
  await page.locator('.passage').first().waitFor();

  const interactiveMs = await medianOf(TTI_RUNS, async () => {
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator('.passage').first().waitFor({ timeout: 120_000 });
    const card = await cardNearMiddle(page, '#view', '.passage');
    await page.mouse.click(card.x, card.y);
    await page.locator('.passage.selected').waitFor();
    // The click is answered once the selected card is painted.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    return sinceNavigation(page);
  });

  const pan = await framesWhileDragging(
    page,
    await backgroundPoint(page, '#view', '.passage'),
    250,
  );
  const drag = await framesWhileDragging(
    page,
    await cardNearMiddle(page, '#view', '.passage'),
    150,
  );
  const figures = { interactiveMs, pan, drag, ...(await memory(page)) };
  await page.context().close();
  return figures;
}

/** What the editor reads on opening (web/src/studio/editor/operations.ts EditorStory). */
const EDITOR_QUERY = `query($id: ID!) { story(id: $id) { id title status version startSceneName
  authorIds scenes { id name text tags position isEnding order choices { id text targetName kind
  order condition recommendWhen effects } } } }`;

const rows: Array<Array<string | number>> = [];
try {
  for (const size of SIZES) {
    const story = stories.get(size)!;
    progress(
      `${size} scenes: importing ${(story.twee.length / 1024).toFixed(0)} KiB of Twee through the graph…`,
    );
    const imported = await graphql<{ importStory: { id: string } }>(
      stack.gatewayUrl,
      'mutation($s: String!) { importStory(format: TWEE, source: $s) { id } }',
      { s: story.twee },
      { token: author.accessToken },
    );
    if (!imported.data) throw new Error(JSON.stringify(imported.errors));
    const storyId = imported.data.importStory.id;
    const queryBegan = performance.now();
    await graphql(stack.gatewayUrl, EDITOR_QUERY, { id: storyId }, { token: author.accessToken });
    const queryMs = performance.now() - queryBegan;
    progress(
      `${size} scenes: the editor's story query (first, cold) takes ${queryMs.toFixed(0)} ms through the gateway; measuring the studio…`,
    );
    const studio = await measureStudio(storyId);
    progress(
      `${size} scenes: studio interactive in ${studio.interactiveMs.toFixed(0)} ms; measuring the DOM-card map…`,
    );
    const cards = await measureDomCards(size);
    progress(`${size} scenes: DOM-card map interactive in ${cards.interactiveMs.toFixed(0)} ms`);
    const line = (what: string, ours: number, theirs: number, unit: string) =>
      rows.push([
        size,
        what,
        `${ours.toFixed(1)} ${unit}`,
        `${theirs.toFixed(1)} ${unit}`,
        `${(theirs / ours).toFixed(2)}×`,
      ]);
    line('time to interactive', studio.interactiveMs, cards.interactiveMs, 'ms');
    line('pan frame p50', studio.pan.p50, cards.pan.p50, 'ms');
    line('pan frame p95', studio.pan.p95, cards.pan.p95, 'ms');
    line('pan move → painted p95', studio.pan.inputToPaintP95, cards.pan.inputToPaintP95, 'ms');
    line('drag frame p50', studio.drag.p50, cards.drag.p50, 'ms');
    line('drag frame p95', studio.drag.p95, cards.drag.p95, 'ms');
    line('drag move → painted p95', studio.drag.inputToPaintP95, cards.drag.inputToPaintP95, 'ms');
    line('JS heap', studio.heapMb, cards.heapMb, 'MB');
    line('DOM nodes', studio.domNodes, cards.domNodes, '');
  }
  table(
    'Story editor (xyflow, virtualised) vs a DOM-card map (Twine’s approach), headless Chromium; ratio = DOM cards / studio (above 1: the studio is better)',
    ['scenes', 'figure', 'studio', 'DOM cards', 'ratio'],
    rows,
  );
} finally {
  await browser.close();
  await maps.close();
  await web.close();
  await removeStoriesOf([author.userId]);
  await stack.close();
  await engines.stop();
}
