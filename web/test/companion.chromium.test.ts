/**
 * The companion page end to end, in headless Chromium against the whole running system (the
 * companion subgraph included): a person tells the companion a fact, reloads, asks, and the
 * streamed reply uses it with its memory shown beside it; a crisis message shows the crisis
 * resources first, the numbers as tap-to-call links above the reply; the memory browser
 * searches, exports and forgets. Then the page at a phone's width. Screenshots go to
 * web/test-artifacts/ (companion-*.png).
 */
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { hasChromium, launchChromium } from '@mindscape/audio-worklets';
import { freePort } from '@mindscape/devkit';
import { graphql, signUp, useTestStack, type SignedUp } from '@mindscape/test-kit';
import { importJWK, SignJWT, type JWK } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations } from './accessibility';
import { startWebServer, type WebServer } from './web-server';

const artifacts = new URL('../test-artifacts/', import.meta.url);
const skip = hasChromium() ? false : 'Chromium is not installed (apt-get install chromium)';
const PHONE = { width: 390, height: 844 };

describe('the companion page, in Chromium', () => {
  let port: number;
  const stack = useTestStack(async () => {
    port = await freePort();
    return { companion: true, gateway: { WEB_ORIGINS: `http://127.0.0.1:${port}` } };
  });
  let web: WebServer;
  let browser: Browser;
  let page: Page;
  let person: SignedUp;

  before(async () => {
    if (skip) return;
    web = await startWebServer(stack.gatewayUrl, port);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[page console] ${message.text()}`);
    });
    await mkdir(artifacts, { recursive: true });
    person = await signUp(stack.gatewayUrl, 'Mina');
  });

  after(async () => {
    await page?.screenshot({
      path: new URL('companion-last.png', artifacts).pathname,
      fullPage: true,
    });
    await browser?.close();
    await web?.close();
  });

  const shot = (on: Page, name: string) =>
    on.screenshot({ path: new URL(`companion-${name}.png`, artifacts).pathname, fullPage: true });

  async function signIn(on: Page): Promise<void> {
    await on.goto(`${web.url}/companion`);
    await on.getByLabel('Email').fill(person.email);
    await on.getByLabel('Password').fill(person.password);
    await on.getByRole('button', { name: 'Sign in' }).click();
    await on.getByRole('heading', { name: 'Talk with your companion' }).waitFor();
  }

  /** Says `text` and waits for the whole reply; returns that turn. */
  async function say(on: Page, text: string) {
    const before = await on.locator('li.turn').count();
    await on.getByLabel('Your message').fill(text);
    await on.getByLabel('Your message').press('Enter');
    const turn = on.locator('li.turn').nth(before);
    await turn.and(on.locator('[data-status="done"], [data-status="failed"]')).waitFor({
      timeout: 60_000,
    });
    assert.equal(await turn.getAttribute('data-status'), 'done', await turn.innerText());
    return turn;
  }

  test(
    'a fact told, a reload, a question: the reply uses the memory and shows it',
    { skip, timeout: 300_000 },
    async () => {
      await signIn(page);
      await page.getByText('Nothing remembered yet.').waitFor();
      // The conversation's reply stream is open before anything is said.
      const told = await say(page, 'I live in Busan.');
      assert.ok(
        (await told.getAttribute('data-first-piece-ms')) !== null,
        'the reply arrived as streamed pieces',
      );
      await page.getByTestId('memory-list').getByText('I live in Busan.').first().waitFor();
      await shot(page, 'told');

      await page.reload();
      await page.getByRole('heading', { name: 'Talk with your companion' }).waitFor();
      const asked = await say(page, 'Where do I live?');
      assert.match(await asked.getByTestId('reply-text').innerText(), /Busan/);
      const used = asked.getByTestId('memories-used');
      await used.getByText('I live in Busan.').waitFor();
      assert.match(await used.innerText(), /in an earlier conversation/);
      const firstPiece = Number(await asked.getAttribute('data-first-piece-ms'));
      console.log(`  message → first streamed piece in the page: ${firstPiece} ms`);
      await shot(page, 'recalled');
    },
  );

  test(
    'a crisis message shows the crisis resources first, the numbers tap-to-call',
    { skip, timeout: 120_000 },
    async () => {
      const turn = await say(page, 'I want to kill myself tonight');
      const crisis = turn.getByTestId('crisis');
      await crisis.waitFor();
      const call = crisis.locator('a[href="tel:988"]');
      assert.ok(await call.isVisible(), 'a tel:988 link is visible');
      assert.ok(await crisis.locator('a[href="tel:911"]').isVisible());
      const callBox = (await call.boundingBox())!;
      const reply = turn.getByTestId('reply-text');
      if ((await reply.count()) > 0) {
        const replyBox = (await reply.boundingBox())!;
        assert.ok(callBox.y < replyBox.y, 'the call link is above the reply text');
      }
      // Nothing of the reply comes before the resources.
      const first = await turn.locator('article.reply > *').first().getAttribute('data-testid');
      assert.equal(first, 'crisis');
      // Large: the call link's text is bigger than the page's body text.
      const size = await call.evaluate((a) => parseFloat(getComputedStyle(a).fontSize));
      assert.ok(size >= 20, `call link font ${size}px`);
      await shot(page, 'crisis');
    },
  );

  test('the memory browser searches, exports and forgets', { skip, timeout: 120_000 }, async () => {
    await page.getByLabel('Search memories').fill('where I live');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByTestId('memory-list').getByText('I live in Busan.').first().waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my memories (JSON)' }).click(),
    ]);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as unknown;
    assert.match(JSON.stringify(exported), /Busan/);

    await page.getByRole('button', { name: 'Show everything now' }).click();
    await page.getByRole('button', { name: 'Forget everything…' }).click();
    await page.getByRole('button', { name: 'Yes, forget everything' }).click();
    await page.getByText(/^Everything is forgotten/).waitFor();
    await page.getByText('Nothing remembered yet.').waitFor();

    await page.getByLabel('Name').fill('Sol');
    await page.getByRole('radio', { name: /Calm/ }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await shot(page, 'memories');
  });

  test('at phone width the companion fits the screen', { skip, timeout: 120_000 }, async () => {
    const phone = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const small = await phone.newPage();
      await signIn(small);
      const turn = await say(small, 'I want to kill myself tonight');
      const call = turn.getByTestId('crisis').locator('a[href="tel:988"]');
      const box = (await call.boundingBox())!;
      assert.ok(box.width >= 44 && box.height >= 44, `tap target ${box.width}×${box.height}`);
      const widest = await small.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(widest <= PHONE.width, `the companion page is ${widest} px wide`);
      await small.screenshot({ path: new URL('phone-companion.png', artifacts).pathname });
      await small.screenshot({
        path: new URL('phone-companion-full.png', artifacts).pathname,
        fullPage: true,
      });
    } finally {
      await phone.close();
    }
  });

  test(
    'every page passes axe-core with no serious or critical violations',
    { skip, timeout: 180_000 },
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      try {
        const visitor = await context.newPage();
        const found: string[] = [];
        const check = async (what: string) =>
          found.push(...(await accessibilityViolations(visitor)).map((v) => `${what}: ${v}`));
        await visitor.goto(web.url);
        await visitor.getByRole('button', { name: 'Sign in' }).waitFor();
        await check('home, signed out');
        await visitor.getByLabel('Email').fill(person.email);
        await visitor.getByLabel('Password').fill(person.password);
        await visitor.getByRole('button', { name: 'Sign in' }).click();
        await visitor.getByText(/^Welcome back/).waitFor();
        await check('home, signed in');
        await visitor.getByRole('link', { name: 'Session', exact: true }).click();
        await visitor.getByRole('button', { name: 'Start the sound' }).waitFor();
        await check('session');
        await visitor.getByRole('link', { name: 'Dashboard', exact: true }).click();
        await visitor.getByText('No sessions in this range.').waitFor();
        await check('dashboard');
        await visitor.getByRole('link', { name: 'Companion', exact: true }).click();
        await visitor.getByRole('heading', { name: 'Talk with your companion' }).waitFor();
        await say(visitor, 'I want to kill myself tonight');
        await check('companion, with crisis resources');
        assert.deepEqual(found, []);
      } finally {
        await context.close();
      }
    },
  );

  test(
    'a revoked sign-in (the account deleted elsewhere) signs the page out, without reconnecting',
    { skip, timeout: 120_000 },
    async () => {
      const leaving = await signUp(stack.gatewayUrl, 'Ola');
      const context = await browser.newContext();
      try {
        const tab = await context.newPage();
        let sockets = 0;
        tab.on('websocket', () => sockets++);
        const streamOpened = tab.waitForEvent('websocket');
        await tab.goto(`${web.url}/companion`);
        await tab.getByLabel('Email').fill(leaving.email);
        await tab.getByLabel('Password').fill(leaving.password);
        await tab.getByRole('button', { name: 'Sign in' }).click();
        await tab.getByRole('heading', { name: 'Talk with your companion' }).waitFor();
        // The reply stream's socket opens with the conversation.
        await streamOpened;
        const opened = sockets;
        assert.ok(opened >= 1, 'the page opened its reply stream');
        const deleted = await graphql<{ deleteAccount: boolean }>(
          stack.gatewayUrl,
          'mutation($p: String!) { deleteAccount(password: $p) }',
          { p: leaving.password },
          { token: leaving.accessToken },
        );
        assert.equal(deleted.data?.deleteAccount, true, JSON.stringify(deleted.errors));
        // 4902 → the sign-in ends here too: the page asks to sign in again.
        await tab
          .getByRole('heading', { name: 'Sign in to continue' })
          .waitFor({ timeout: 20_000 });
        // …and does not reconnect: a fresh page load's refresh is refused as well.
        await tab.reload();
        await tab.getByRole('heading', { name: 'Sign in to continue' }).waitFor();
        assert.equal(sockets, opened, 'no socket was opened again after the revocation');
      } finally {
        await context.close();
      }
    },
  );

  test(
    'an expired access token closes the socket (4903): the page refreshes and the stream carries on',
    { skip, timeout: 120_000 },
    async () => {
      const staying = await signUp(stack.gatewayUrl, 'Eun');
      const context = await browser.newContext();
      try {
        const tab = await context.newPage();
        const sockets: string[] = [];
        tab.on('websocket', (socket) => sockets.push(socket.url()));
        // The sign-in answer carries a token of the same session that expires in 40 s: long enough
        // for the page to open its socket with it (it refreshes tokens with under 30 s left first),
        // so the socket outlives the token while the page renews its own for HTTP.
        await tab.route('**/api/auth/sign-in', async (route) => {
          const response = await route.fetch();
          const answer = (await response.json()) as { accessToken: string };
          await route.fulfill({
            response,
            json: { ...answer, accessToken: await shortLived(answer.accessToken, '40s') },
          });
        });
        // The second socket, once it has asked for the reply stream again.
        const resubscribed = new Promise<void>((resolve) =>
          tab.on('websocket', (socket) => {
            if (sockets.length < 2) return;
            socket.on('framesent', ({ payload }) => {
              if (String(payload).includes('"subscribe"')) resolve();
            });
          }),
        );
        await tab.goto(`${web.url}/companion`);
        await tab.getByLabel('Email').fill(staying.email);
        await tab.getByLabel('Password').fill(staying.password);
        await tab.getByRole('button', { name: 'Sign in' }).click();
        await tab.getByRole('heading', { name: 'Talk with your companion' }).waitFor();
        await tab.unroute('**/api/auth/sign-in');
        // The gateway closes the first socket as the token expires; a refreshed one reconnects.
        await resubscribed;
        const turn = await say(tab, 'My dog is called Bori.');
        assert.ok((await turn.getAttribute('data-first-piece-ms')) !== null, 'still streamed');
        assert.equal(
          await tab.getByRole('heading', { name: 'Sign in to continue' }).count(),
          0,
          'still signed in',
        );
      } finally {
        await context.close();
      }
    },
  );

  /** The same session's access token, re-signed to expire after `lifetime` (the users subgraph's key). */
  async function shortLived(token: string, lifetime: string): Promise<string> {
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const key = JSON.parse(stack.signingKey) as JWK;
    const { iat: _iat, exp: _exp, ...rest } = claims;
    return new SignJWT(rest)
      .setProtectedHeader({ alg: 'ES256', kid: key.kid! })
      .setIssuedAt()
      .setExpirationTime(lifetime)
      .sign(await importJWK(key, 'ES256'));
  }

  test(
    'speech in and out: heard words are sent, the reply is read aloud, the delay shown',
    { skip, timeout: 120_000 },
    async () => {
      const context = await browser.newContext();
      try {
        const tab = await context.newPage();
        // Headless Chromium has no speech service: a recognizer that hears one sentence and a
        // synthesizer that starts at once stand in, so what is measured is the page and the
        // graph (end of speech → first sentence handed to the voice), not a voice engine.
        // (A string, not a function: tsx's helpers such as __name do not exist in the page.)
        await tab.addInitScript(`
        function Recognizer() {}
        Recognizer.prototype.start = function () {
          setTimeout(() => {
            this.onspeechend && this.onspeechend();
            const result = Object.assign([{ transcript: 'My cat is called Nabi.' }], { isFinal: true });
            this.onresult && this.onresult({ results: [result] });
            this.onend && this.onend();
          }, 50);
        };
        Recognizer.prototype.stop = function () {};
        Recognizer.prototype.abort = function () {};
        for (const name of ['SpeechRecognition', 'webkitSpeechRecognition'])
          Object.defineProperty(window, name, { configurable: true, value: Recognizer });
        const spoken = [];
        window.spokenAloud = spoken;
        Object.defineProperty(window, 'speechSynthesis', {
          configurable: true,
          value: {
            speak(utterance) {
              spoken.push(utterance.text);
              setTimeout(() => utterance.onstart && utterance.onstart(new Event('start')), 0);
            },
            cancel() {},
          },
        });
      `);
        await tab.goto(`${web.url}/companion`);
        await tab.getByLabel('Email').fill(person.email);
        await tab.getByLabel('Password').fill(person.password);
        await tab.getByRole('button', { name: 'Sign in' }).click();
        await tab.getByRole('heading', { name: 'Talk with your companion' }).waitFor();
        await tab.getByRole('checkbox', { name: 'Read replies aloud' }).check();
        await tab.getByRole('button', { name: 'Speak' }).click();
        const delay = tab.getByTestId('speech-delay');
        await delay
          .filter({ hasText: /first spoken word: \d+\.\d\d s/ })
          .waitFor({ timeout: 60_000 })
          .catch(async (error: unknown) => {
            await shot(tab, 'speech-failed');
            console.error(await tab.locator('main').innerText());
            throw error;
          });
        await tab.locator('li.turn[data-status="done"]').waitFor();
        assert.match(await tab.locator('li.turn .said').innerText(), /My cat is called Nabi\./);
        const spoken = await tab.evaluate(
          () => (window as unknown as { spokenAloud: string[] }).spokenAloud,
        );
        assert.ok(spoken.length > 0, 'the reply was read aloud');
        console.log(`  ${await delay.innerText()}`);
      } finally {
        await context.close();
      }
    },
  );
});
