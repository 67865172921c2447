/**
 * The coach view (/coach) end to end, in headless Chromium against the whole running system,
 * the companion included: a coach nobody shares with sees why the page is empty; a person shares
 * their crisis alerts with the coach from their own /coach page ("Share my crisis alerts"); with
 * the coach's page open, the person sends the companion a crisis message through the graph and
 * the alert appears on the coach's page live, newest first, with the person, the time and what
 * the safety guard saw; the person stops sharing, the coach's page says so, and a later crisis
 * message (seen arriving on the person's own stream) never reaches the coach. axe-core on each
 * view; the page at a phone's width. Screenshots: web/test-artifacts/coach-*.png.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  graphqlWsClient,
  recordEvents,
  signUp,
  type EventLog,
  type SignedUp,
} from '@mindscape/test-kit';
import type { Client } from 'graphql-ws';
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
let person: SignedUp;
let coach: SignedUp;
let coachContext: BrowserContext;
let coachPage: Page;
let personContext: BrowserContext;
let personPage: Page;
/** The person's own alert stream: the sign that an alert was raised at all. */
let ownSocket: Client;
let ownAlerts: EventLog<{ crisisAlerts: { id: string } }>;

const CRISIS = 'I want to kill myself tonight';

before(async () => {
  if (skip) return;
  pages = await openPagesStack({ companion: true });
  person = await signUp(pages.stack.gatewayUrl, 'Mina');
  coach = await signUp(pages.stack.gatewayUrl, 'Cato');
  ({ context: coachContext, page: coachPage } = await newPersonPage(pages.browser));
  ({ context: personContext, page: personPage } = await newPersonPage(pages.browser));
  ownSocket = graphqlWsClient(pages.stack.gatewayUrl, {
    authorization: `Bearer ${person.accessToken}`,
  });
  ownAlerts = recordEvents(ownSocket, 'subscription { crisisAlerts { id } }');
});

after(async () => {
  ownAlerts?.stop();
  await ownSocket?.dispose();
  if (coachPage) await screenshot(coachPage, 'coach-last');
  await coachContext?.close();
  await personContext?.close();
  await pages?.close();
});

/** The person tells the companion something, through the graph. */
const tellCompanion = (text: string) =>
  asPerson(
    pages.stack.gatewayUrl,
    person,
    'mutation($t: String!, $c: ID!) { sendCompanionMessage(text: $t, clientMessageId: $c) { safety { level } } }',
    { t: text, c: randomUUID() },
  );

const alerts = () => coachPage.getByTestId('crisis-alerts').locator('li');
const stream = () => coachPage.locator(`[data-person-id="${person.userId}"]`);

test(
  'a coach nobody shares with sees why the page is empty',
  { skip, timeout: 120_000 },
  async () => {
    await signInAt(coachPage, `${pages.web.url}/coach`, coach, (on) =>
      on.getByRole('heading', { name: 'Coach', exact: true }).waitFor(),
    );
    await coachPage.getByTestId('nobody-shares').waitFor();
    await coachPage.getByText('No alerts: nobody shares them with you.').waitFor();
    assert.deepEqual(await accessibilityViolations(coachPage), [], 'the empty coach view');
    await screenshot(coachPage, 'coach-empty');
  },
);

test(
  "a person's crisis alert reaches the coach's open page live; after revoking, no more",
  { skip, timeout: 300_000 },
  async () => {
    // The person shares their crisis alerts with the coach, by email, from their own page.
    await signInAt(personPage, `${pages.web.url}/coach`, person, (on) =>
      on.getByRole('heading', { name: 'Share my crisis alerts' }).waitFor(),
    );
    await personPage.getByLabel('Coach’s email').fill(coach.email);
    await personPage.getByRole('button', { name: 'Share', exact: true }).click();
    await personPage.getByText(`Your crisis alerts are now shared with ${coach.email}.`).waitFor();
    await personPage.getByTestId('my-grants').getByText('Cato', { exact: true }).waitFor();
    assert.deepEqual(await accessibilityViolations(personPage), [], 'the sharing control');
    await screenshot(personPage, 'coach-sharing');

    // The coach's open page learns of it and opens the person's alert stream.
    const subscribed = coachPage.waitForEvent('websocket').then((socket) =>
      socket.waitForEvent('framesent', {
        predicate: (frame) => String(frame.payload).includes('crisisAlerts'),
      }),
    );
    await coachPage
      .getByRole('button', { name: 'Check again for people who shared since' })
      .click();
    await stream().and(coachPage.locator('[data-stream="live"]')).waitFor();
    await subscribed;
    await coachPage.getByText('No crisis alerts. New ones appear here as they happen.').waitFor();

    // A crisis message to the companion: the alert appears on the coach's page, live.
    await tellCompanion(CRISIS);
    await ownAlerts.until(1, 60_000);
    const alert = alerts().first();
    await alert.waitFor({ timeout: 30_000 });
    const shown = await alert.innerText();
    assert.match(shown, /Mina/);
    assert.match(shown, /just now/);
    assert.match(shown, /(Imminent danger|Elevated risk|Concern)/);
    assert.match(shown, /The safety guard saw .+, to themselves\./);
    assert.equal(
      await alert.getAttribute('data-alert-id'),
      ownAlerts.results[0]!.data!.crisisAlerts.id,
    );
    await coachPage
      .getByTestId('alert-announcer')
      .filter({ hasText: /^New crisis alert: Mina/ })
      .waitFor();
    assert.deepEqual(await accessibilityViolations(coachPage), [], 'the coach view with an alert');
    await screenshot(coachPage, 'coach-alert');

    // The person stops sharing: the coach's page says so at once.
    await personPage.getByRole('button', { name: 'Stop sharing with Cato' }).click();
    await personPage.getByText('You no longer share your crisis alerts with Cato.').waitFor();
    await personPage.getByText('You share your crisis alerts with nobody.').waitFor();
    await stream().and(coachPage.locator('[data-stream="stopped-sharing"]')).waitFor();
    await coachPage.getByText('Mina stopped sharing their crisis alerts with you').waitFor();

    // Another crisis message: raised (the person's own stream has it), never shown to the coach.
    await tellCompanion(CRISIS);
    await ownAlerts.until(2, 60_000);
    assert.equal(await alerts().count(), 1, 'no alert after the consent was revoked');
    await coachPage.reload();
    await coachPage.getByTestId('nobody-shares').waitFor();
    assert.equal(await coachPage.getByTestId('crisis-alerts').count(), 0);
    await screenshot(coachPage, 'coach-revoked');
  },
);

test('at phone width the coach view fits the screen', { skip, timeout: 120_000 }, async () => {
  const phone = await pages.browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const small = await phone.newPage();
    await signInAt(small, `${pages.web.url}/coach`, person, (on) =>
      on.getByRole('heading', { name: 'Share my crisis alerts' }).waitFor(),
    );
    await screenshot(small, 'coach-phone');
    const widest = await pageWidth(small);
    assert.ok(
      widest <= PHONE.width,
      `the coach view is ${widest} px wide: ${(await overflowing(small)).join(', ')}`,
    );
  } finally {
    await phone.close();
  }
});
