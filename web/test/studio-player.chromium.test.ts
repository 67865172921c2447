/**
 * The story player (/stories/[id]/play) end to end, in headless Chromium against the whole
 * running system: an author publishes a story (through the graph) whose "Run across" choice is
 * offered only while `heartRate >= 100` (a rule on the reader's live state), and whose "Wait on
 * the bank" is recommended while the heart is slower. A reader opens the player; their wearable streams a resting
 * heart through the graph (recordBiometrics), and the rule is seen evaluated at rest (the
 * recommendation shows) with the choice absent; then a racing heart (over 100 bpm), and the
 * choice appears on the open page without a reload. The reader takes it; a reload resumes at
 * the same scene; the story ends as an ending. The author plays the working copy in test mode,
 * with its variables. axe-core on each view; the player at a phone's width.
 * Screenshots: web/test-artifacts/player-*.png.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { HEART_PHASES, simulateHeart } from '@mindscape/biosignals';
import { removeStoriesOf, signUp, type SignedUp } from '@mindscape/test-kit';
import { GraphClient, streamBeats } from '@mindscape/wearable';
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
let author: SignedUp;
let reader: SignedUp;
let storyId: string;
let context: BrowserContext;
let page: Page;

/** Beats a minute: the rope bridge opens to a racing heart. */
const THRESHOLD = 100;
const title = `The rope bridge ${randomUUID().slice(0, 8)}`;
const source = `:: StoryTitle
${title}

:: StoryData
{
  "ifid": "${randomUUID().toUpperCase()}",
  "format": "Harlowe",
  "format-version": "3.3.8",
  "start": "Riverbank"
}

:: Riverbank
The river runs loud beneath an old rope bridge.
[[Wait on the bank->Bank]]
[[Run across->Far side]]

:: Bank
You sit and listen to the water until it is quiet inside too.

:: Far side
Your heart pounds as you reach the far side. You have crossed $crossings time.
[[Rest in the meadow->Meadow]]

:: Meadow
The grass is warm. You made it.
`;

/** A heart as a strap sends it, `seconds` long, ending `endsAgoMs` before now. */
const heart = (
  phase: (typeof HEART_PHASES)[keyof typeof HEART_PHASES],
  seconds: number,
  endsAgoMs: number,
  seed: number,
) =>
  simulateHeart([{ ...phase, seconds }], { start: Date.now() - endsAgoMs - seconds * 1000, seed });

before(async () => {
  if (skip) return;
  pages = await openPagesStack();
  const url = pages.stack.gatewayUrl;
  author = await signUp(url, 'Aria');
  reader = await signUp(url, 'Ravi');

  const { importStory } = await asPerson<{
    importStory: {
      id: string;
      version: number;
      scenes: Array<{ id: string; name: string; choices: Array<{ id: string; text: string }> }>;
    };
  }>(
    url,
    author,
    'mutation($s: String!) { importStory(format: TWEE, source: $s) { id version scenes { id name choices { id text } } } }',
    { s: source },
  );
  storyId = importStory.id;
  const choice = (text: string) =>
    importStory.scenes.flatMap((s) => s.choices).find((c) => c.text === text)!.id;
  const scene = (name: string) => importStory.scenes.find((s) => s.name === name)!.id;
  let version = importStory.version;
  const step = async (mutation: string, variables: Record<string, unknown>) => {
    const data = await asPerson<Record<string, { version: number }>>(url, author, mutation, {
      id: storyId,
      v: version,
      ...variables,
    });
    version = Object.values(data)[0]!.version;
  };
  const rule =
    'mutation($id: ID!, $v: Int!, $c: ID!, $when: String, $rec: String, $fx: String) { setChoiceRule(storyId: $id, expectedVersion: $v, choiceId: $c, condition: $when, recommendWhen: $rec, effects: $fx) { version } }';
  await step(rule, {
    c: choice('Run across'),
    when: `heartRate >= ${THRESHOLD}`,
    fx: 'crossings = crossings + 1',
  });
  await step(rule, { c: choice('Wait on the bank'), rec: `heartRate < ${THRESHOLD}` });
  for (const ending of ['Bank', 'Meadow'])
    await step(
      'mutation($id: ID!, $v: Int!, $s: ID!) { editScene(storyId: $id, expectedVersion: $v, sceneId: $s, isEnding: true) { version } }',
      { s: scene(ending) },
    );
  await asPerson(
    url,
    author,
    'mutation($id: ID!, $v: Int!) { publishStory(storyId: $id, expectedVersion: $v) { storyVersion } }',
    { id: storyId, v: version },
  );
  ({ context, page } = await newPersonPage(pages.browser));
});

after(async () => {
  if (page) await screenshot(page, 'player-last');
  await context?.close();
  await pages?.close();
  if (author) await removeStoriesOf([author.userId]);
});

const choices = () => page.getByRole('navigation', { name: 'Choices' });
const runAcross = () => choices().getByRole('button', { name: 'Run across' });
const waitOnBank = () => choices().getByRole('button', { name: /^Wait on the bank/ });

test(
  'a choice appears when the streamed heart crosses the rule; the reader takes it and a reload resumes',
  { skip, timeout: 300_000 },
  async () => {
    await signInAt(page, `${pages.web.url}/stories/${storyId}/play`, reader, (on) =>
      on.getByRole('heading', { name: 'Riverbank' }).waitFor(),
    );
    // Prose, not notation: the links are the buttons, never raw [[…]].
    const text = await page.getByTestId('scene-text').innerText();
    assert.match(text, /The river runs loud/);
    assert.doesNotMatch(text, /\[\[|->/);
    await page.getByTestId('live-note').waitFor();
    assert.equal(await page.getByTestId('variables').count(), 0, 'no variables outside test mode');

    // A wearable of the reader's streams a resting heart through the graph.
    const strap = new GraphClient(pages.stack.gatewayUrl);
    await strap.becomeDevice(reader.email, reader.password, 'Player E2E strap');
    await streamBeats(strap, heart(HEART_PHASES.rest, 120, 150_000, 11), {
      batchSeconds: 10,
      speed: 0,
    });
    // The graph has evaluated the rules at rest: the calm choice is recommended ...
    await waitOnBank().filter({ hasText: 'recommended for you now' }).waitFor();
    await page
      .getByTestId('live-note')
      .filter({ hasText: /heart \d+ bpm/ })
      .waitFor();
    // ... and the choice for a racing heart is not offered.
    assert.equal(await runAcross().count(), 0, 'no "Run across" at rest');
    assert.deepEqual(await accessibilityViolations(page), [], 'the player at rest');
    await screenshot(page, 'player-rest');

    // A racing heart (about 107 bpm): the choice appears on the open page, no reload.
    const racing = { ...HEART_PHASES.stress, meanRr: 560 };
    await streamBeats(strap, heart(racing, 150, 0, 12), { batchSeconds: 5, speed: 0 });
    await runAcross().waitFor({ timeout: 30_000 });
    await page.getByTestId('announcer').filter({ hasText: 'New choice: “Run across”' }).waitFor();
    await page
      .getByTestId('live-note')
      .filter({ hasText: /heart 1\d\d bpm/ })
      .waitFor();
    assert.equal(await page.getByText('recommended for you now').count(), 0);
    await screenshot(page, 'player-racing');

    await runAcross().click();
    await page.getByRole('heading', { name: 'Far side' }).waitFor();
    const far = await page.getByTestId('scene-text').innerText();
    assert.match(far, /You have crossed 1 time\./, 'the variable printed as prose');

    // A reload resumes the playthrough where it was.
    await page.reload();
    await page.getByRole('heading', { name: 'Far side' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Riverbank' }).count(), 0);
    await choices().getByRole('button', { name: 'Rest in the meadow' }).click();
    await page.getByRole('heading', { name: 'Meadow' }).waitFor();
    await page.getByTestId('ending').waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Choices' }).count(), 0);
    assert.deepEqual(await accessibilityViolations(page), [], 'the player at an ending');
    await screenshot(page, 'player-ending');

    // Start over: a new playthrough from the start scene.
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByRole('heading', { name: 'Riverbank' }).waitFor();
  },
);

test(
  'the author plays the working copy in test mode, variables shown',
  { skip, timeout: 120_000 },
  async () => {
    const { context: authorContext, page: authorPage } = await newPersonPage(pages.browser);
    try {
      await signInAt(authorPage, `${pages.web.url}/stories/${storyId}/play`, author, (on) =>
        on.getByRole('heading', { name: 'Riverbank' }).waitFor(),
      );
      await authorPage.getByTestId('test-mode').waitFor();
      const variables = authorPage.getByTestId('variables');
      await variables.waitFor();
      assert.match(await variables.innerText(), /stress \(live\)/);
      assert.deepEqual(await accessibilityViolations(authorPage), [], 'the player in test mode');
      await screenshot(authorPage, 'player-test-mode');
    } finally {
      await authorContext.close();
    }
  },
);

test('at phone width the player fits the screen', { skip, timeout: 120_000 }, async () => {
  const phone = await pages.browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const small = await phone.newPage();
    await signInAt(small, `${pages.web.url}/stories/${storyId}/play`, reader, (on) =>
      on.getByRole('heading', { name: 'Riverbank' }).waitFor(),
    );
    await small.getByRole('navigation', { name: 'Choices' }).waitFor();
    await screenshot(small, 'player-phone');
    const widest = await pageWidth(small);
    assert.ok(
      widest <= PHONE.width,
      `the player is ${widest} px wide: ${(await overflowing(small)).join(', ')}`,
    );
    const box = (await waitOnBankIn(small).boundingBox())!;
    assert.ok(box.height >= 44, `tap target ${box.width}×${box.height}`);
  } finally {
    await phone.close();
  }
});

const waitOnBankIn = (on: Page) =>
  on
    .getByRole('navigation', { name: 'Choices' })
    .getByRole('button', { name: /^Wait on the bank/ });
