/**
 * The story library (/stories) end to end, in headless Chromium against the whole running
 * system: an author starts a story, imports a Twee file through the file picker and a Twine 2
 * HTML file by dropping it, finds them under "My stories", exports Twee (the downloaded file is
 * exportStory's answer, byte for byte) and Twine HTML, and deletes a story after confirming;
 * another author's published story is listed to read; a file that is not a story shows the
 * graph's coded error and creates nothing; axe-core finds no serious or critical violation;
 * the page fits a phone. Screenshots: web/test-artifacts/library-*.png.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { removeStoriesOf, signUp, type SignedUp } from '@mindscape/test-kit';
import type { BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations } from './accessibility';
import {
  asPerson,
  newPersonPage,
  openPagesStack,
  overflowing,
  pageWidth,
  PHONE,
  screenshot,
  signInAt,
  skipWithoutChromium as skip,
  type PagesStack,
} from './pages-stack';

let pages: PagesStack;
let context: BrowserContext;
let page: Page;
let author: SignedUp;
let other: SignedUp;
/** Makes this run's titles unique in the one Neo4j database every run shares. */
const tag = randomUUID().slice(0, 8);

const tweeSource = (title: string) => `:: StoryTitle
${title}

:: StoryData
{
  "ifid": "${randomUUID().toUpperCase()}",
  "format": "Harlowe",
  "format-version": "3.3.8",
  "start": "Shore"
}

:: Shore {"position":"100,100","size":"100,100"}
Waves fold over the rocks.
[[Climb the stairs->Lamp room]]

:: Lamp room {"position":"300,100","size":"100,100"}
The lamp turns slowly. The end.
`;

const twineHtml = (title: string) => `<!DOCTYPE html>
<html><head><title>${title}</title></head><body>
<tw-storydata name="${title}" startnode="1" creator="Twine" creator-version="2.6.2" ifid="${randomUUID().toUpperCase()}" zoom="1" format="Harlowe" format-version="3.3.8" options="" hidden>
<style role="stylesheet" id="twine-user-stylesheet" type="text/twine-css"></style>
<script role="script" id="twine-user-script" type="text/twine-javascript"></script>
<tw-passagedata pid="1" name="Gate" tags="" position="100,100" size="100,100">You stand at the garden gate.
[[Go in-&gt;Roses]]</tw-passagedata>
<tw-passagedata pid="2" name="Roses" tags="" position="300,100" size="100,100">Roses, everywhere.</tw-passagedata>
</tw-storydata>
</body></html>`;

const myStories = () =>
  asPerson<{ myStories: Array<{ id: string; title: string }> }>(
    pages.stack.gatewayUrl,
    author,
    '{ myStories { id title } }',
  ).then((data) => data.myStories);

const mine = () => page.getByTestId('my-stories');

before(async () => {
  if (skip) return;
  pages = await openPagesStack();
  author = await signUp(pages.stack.gatewayUrl, 'Ines');
  other = await signUp(pages.stack.gatewayUrl, 'Omar');
  ({ context, page } = await newPersonPage(pages.browser));
});

after(async () => {
  if (page) await screenshot(page, 'library-last');
  await context?.close();
  await pages?.close();
  if (author && other) await removeStoriesOf([author.userId, other.userId]);
});

test(
  'an author starts, imports, exports and deletes stories',
  { skip, timeout: 300_000 },
  async () => {
    await signInAt(page, `${pages.web.url}/stories`, author, (on) =>
      on.getByRole('heading', { name: 'Stories', exact: true }).waitFor(),
    );
    await page.getByText('No stories yet.').waitFor();
    await screenshot(page, 'library-empty');

    // Start a story: it is listed under mine, its title opening the editor.
    const started = `A tale begun ${tag}`;
    await page.getByLabel('Title', { exact: true }).fill(started);
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.getByText(`Created “${started}”.`).waitFor();
    const startedLink = mine().getByRole('link', { name: started, exact: true });
    await startedLink.waitFor();
    const startedId = (await myStories()).find((s) => s.title === started)!.id;
    assert.equal(await startedLink.getAttribute('href'), `/stories/${startedId}`);

    // A Twee 3 file through the file picker.
    const lighthouse = `Lighthouse ${tag}`;
    await page.getByLabel('Choose a story file').setInputFiles({
      name: 'lighthouse.twee',
      mimeType: 'text/plain',
      buffer: Buffer.from(tweeSource(lighthouse)),
    });
    await page.getByText(`Imported “${lighthouse}” from lighthouse.twee (Twee 3).`).waitFor();
    await mine().getByRole('link', { name: lighthouse, exact: true }).waitFor();

    // A Twine 2 HTML file dropped on the zone (the format read from the content, not the name).
    const garden = `Garden ${tag}`;
    await page.getByTestId('story-drop').evaluate((zone, html) => {
      const files = new DataTransfer();
      files.items.add(new File([html], 'garden.txt', { type: 'text/plain' }));
      zone.dispatchEvent(
        new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }),
      );
    }, twineHtml(garden));
    await page.getByText(`Imported “${garden}” from garden.txt (Twine 2 HTML).`).waitFor();
    await mine().getByRole('link', { name: garden, exact: true }).waitFor();
    const titles = (await myStories()).map((s) => s.title).sort();
    assert.deepEqual(titles, [started, garden, lighthouse].sort());
    await screenshot(page, 'library-mine');

    // Export Twee: the download is exportStory's answer, named after the story.
    const lighthouseId = (await myStories()).find((s) => s.title === lighthouse)!.id;
    const [twee] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Export Twee 3 of “${lighthouse}”` }).click(),
    ]);
    assert.equal(twee.suggestedFilename(), `lighthouse-${tag}.twee`);
    const { exportStory: expected } = await asPerson<{ exportStory: string }>(
      pages.stack.gatewayUrl,
      author,
      'query($id: ID!) { exportStory(storyId: $id, format: TWEE) }',
      { id: lighthouseId },
    );
    assert.equal(await readFile((await twee.path())!, 'utf8'), expected);
    assert.match(expected, /:: Lamp room/);

    const [html] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Export Twine 2 HTML of “${lighthouse}”` }).click(),
    ]);
    assert.equal(html.suggestedFilename(), `lighthouse-${tag}.html`);
    assert.match(
      await readFile((await html.path())!, 'utf8'),
      /<tw-storydata[^>]*name="Lighthouse/,
    );

    // Delete, with a confirmation first: keeping it keeps it.
    await page.getByRole('button', { name: `Delete… “${started}”` }).click();
    const dialog = page.getByRole('dialog', { name: `Delete “${started}”?` });
    await dialog.waitFor();
    assert.deepEqual(await accessibilityViolations(page), [], 'the confirmation dialog');
    await screenshot(page, 'library-delete-dialog', false);
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.ok(
      (await myStories()).some((s) => s.id === startedId),
      'kept',
    );

    await page.getByRole('button', { name: `Delete… “${started}”` }).click();
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    // Deleted, or the graph's refusal shown: either ends the wait, and says which.
    const refusal = page.getByRole('region', { name: 'My stories' }).getByTestId('coded-error');
    await page.getByText(`“${started}” was deleted.`).or(refusal).waitFor();
    if ((await refusal.count()) > 0) assert.fail(`not deleted: ${await refusal.innerText()}`);
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      'mine-title',
      'focus back on the list',
    );
    await startedLink.waitFor({ state: 'detached' });
    assert.ok(!(await myStories()).some((s) => s.id === startedId), 'deleted in the graph');
  },
);

test(
  'a file that is not a story shows the coded error and creates nothing',
  { skip, timeout: 120_000 },
  async () => {
    const before = await myStories();
    await page.getByLabel('Choose a story file').setInputFiles({
      name: 'notes.twee',
      mimeType: 'text/plain',
      buffer: Buffer.from('Just some notes, with no passage header anywhere.\n'),
    });
    const problem = page.getByRole('region', { name: 'Import a story' }).getByTestId('coded-error');
    await problem.waitFor();
    assert.match(
      await problem.innerText(),
      /“notes\.twee” was not imported: The story could not be read/,
    );
    assert.equal(await problem.getByTestId('error-code').innerText(), 'BAD_USER_INPUT');
    assert.equal(await problem.getByTestId('error-field').innerText(), 'source');
    assert.deepEqual(await myStories(), before, 'nothing was created');
    await screenshot(page, 'library-bad-file');
  },
);

test("another author's published story is listed to read", { skip, timeout: 120_000 }, async () => {
  const harbour = `Harbour lights ${tag}`;
  const { importStory } = await asPerson<{ importStory: { id: string; version: number } }>(
    pages.stack.gatewayUrl,
    other,
    'mutation($s: String!) { importStory(format: TWEE, source: $s) { id version } }',
    { s: tweeSource(harbour) },
  );
  await asPerson(
    pages.stack.gatewayUrl,
    other,
    'mutation($id: ID!, $v: Int!) { publishStory(storyId: $id, expectedVersion: $v) { number } }',
    { id: importStory.id, v: importStory.version },
  );
  await page.reload();
  await page.getByLabel('Find by title').fill(tag);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  const listed = page.getByTestId('published-stories').getByRole('link', { name: harbour });
  await listed.waitFor();
  assert.equal(await listed.getAttribute('href'), `/stories/${importStory.id}/play`);
  // Not the author's: not under mine.
  assert.equal(await mine().getByRole('link', { name: harbour }).count(), 0);
  await screenshot(page, 'library-published');
  assert.deepEqual(await accessibilityViolations(page), [], 'the library');
});

test('at phone width the library fits the screen', { skip, timeout: 120_000 }, async () => {
  const phone = await pages.browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const small = await phone.newPage();
    await signInAt(small, `${pages.web.url}/stories`, author, (on) =>
      on.getByRole('heading', { name: 'My stories' }).waitFor(),
    );
    const widest = await pageWidth(small);
    await screenshot(small, 'library-phone');
    assert.ok(
      widest <= PHONE.width,
      `the library is ${widest} px wide: ${(await overflowing(small)).join(', ')}`,
    );
  } finally {
    await phone.close();
  }
});
