/**
 * End to end, in headless Chromium against the whole running system: sign up → start a relax
 * session → a wearable streams a heart that speeds up → the engine's target parameters move
 * within their bounds and the decision log says why → the dashboard chart shows the new
 * points. Then every page again at a phone's width (390 px): nothing wider than the screen,
 * and a running session shows the body, the breath and the reasons first. Screenshots go to
 * web/test-artifacts/. Also measures ingest → engine delay.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { hasChromium, launchChromium } from '@mindscape/audio-worklets';
import { freePort } from '@mindscape/devkit';
import { SCENARIOS, simulateHeart } from '@mindscape/biosignals';
import { percentile, useTestStack } from '@mindscape/test-kit';
import { GraphClient, streamBeats } from '@mindscape/wearable';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LoopSnapshot } from '../src/session/live-loop';
import { accessibilityViolations } from './accessibility';
import { signUpInPage, startRelaxSessionFromWearable } from './page-steps';
import { startWebServer, type WebServer } from './web-server';

const artifacts = new URL('../test-artifacts/', import.meta.url);
const skip = hasChromium() ? false : 'Chromium is not installed (apt-get install chromium)';

describe('the web app end to end, in Chromium', () => {
  let port: number;
  const stack = useTestStack(async () => {
    port = await freePort();
    return { gateway: { WEB_ORIGINS: `http://127.0.0.1:${port}` } };
  });
  let web: WebServer;
  let browser: Browser;
  let page: Page;
  let phone: BrowserContext | undefined;

  before(async () => {
    if (skip) return;
    web = await startWebServer(stack.gatewayUrl, port);
    browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    // What the page complains about is what a failure needs explained.
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[page console] ${message.text()}`);
    });
    await mkdir(artifacts, { recursive: true });
  });

  after(async () => {
    await phone?.close();
    await page?.screenshot({ path: new URL('last.png', artifacts).pathname, fullPage: true });
    await browser?.close();
    await web?.close();
  });

  const email = `e2e.${Date.now()}@example.com`;
  const password = 'lavender-morning-42';

  const snapshot = () =>
    page.evaluate(() => (window as { mindscapeSession?: LoopSnapshot }).mindscapeSession ?? null);

  test(
    'sign up, live relax session following a rising heart, dashboard updating',
    { skip, timeout: 300_000 },
    async () => {
      // Sign up through the page.
      await page.goto(web.url);
      await page.getByRole('button', { name: 'New here? Create an account' }).waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], 'the home page, signed out');
      await signUpInPage(page, 'Ana', email, password);
      assert.deepEqual(await accessibilityViolations(page), [], 'the home page, signed in');

      // A relax session, heart from a wearable that streams by itself.
      await startRelaxSessionFromWearable(page);
      const first = (await snapshot())!;
      // The program's own glide: 10 Hz heading for 8 Hz.
      assert.equal(first.engine!.voices.beat!.beatHz, 8);
      assert.equal(first.decisions.length, 0);

      // The wearable streamer, as a device of Ana's: rest then stress, 20× real time, one sample
      // a request (a strap's rhythm), noting when each request leaves.
      const strap = new GraphClient(stack.gatewayUrl);
      await strap.becomeDevice(email, password, 'E2E strap');
      const seconds = SCENARIOS.stress.reduce((sum, p) => sum + p.seconds, 0);
      const beats = simulateHeart(SCENARIOS.stress, {
        start: Date.now() - seconds * 1000,
        seed: 7,
      });
      /** When each sample's request left, by the sample's timestamp. */
      const ingestedAt = new Map<number, number>();
      const sent = await streamBeats(strap, beats, {
        batchSeconds: 1,
        speed: 20,
        onSend: (batch) => {
          for (const sample of batch)
            ingestedAt.set(sample.timestamp, performance.timeOrigin + performance.now());
        },
      });
      assert.equal(sent.accepted, ingestedAt.size);
      // The page has caught up once it shows the newest state the graph published and the audio
      // thread has confirmed the last change of the beat.
      await stack.emotions.services.engine.settle();
      const newest = await stack.emotions.services.models.latestStates
        .findOne()
        .sort({ 'state.at': -1 })
        .lean();
      assert.ok(newest, 'the stream made a state');
      await page.waitForFunction(
        (at) => {
          const s = (window as { mindscapeSession?: LoopSnapshot }).mindscapeSession;
          if (!s?.reading || s.reading.at < at) return false;
          const decided = s.decisions.filter((d) => d.param === 'beatHz').at(-1);
          const applied = s.timings.filter((t) => t.param === 'beatHz').at(-1);
          return !decided || applied?.to === decided.to;
        },
        newest.state.at.getTime(),
        { timeout: 30_000 },
      );

      const last = (await snapshot())!;
      // The heart sped up, and the page saw it.
      assert.ok(
        last.reading && last.reading.heartRate! > 85,
        `heart rate ${last.reading?.heartRate}`,
      );
      // The engine's targets moved, within the relax band, for reasons the log gives.
      const beat = last.engine!.voices.beat!.beatHz!;
      const beatDecisions = last.decisions.filter((d) => d.param === 'beatHz');
      assert.ok(beatDecisions.length > 0);
      assert.equal(beat, beatDecisions.at(-1)!.to, 'the engine heads where the last decision said');
      assert.ok(beat >= 7 && beat <= 13, `beat ${beat} Hz`);
      for (const d of last.decisions) {
        if (d.param === 'beatHz') assert.ok(d.to >= 7 && d.to <= 13, `decision to ${d.to}`);
        else assert.ok(d.to >= 4 && d.to <= 12, `breath decision to ${d.to}`);
      }
      assert.ok(
        beatDecisions.some((d) => /stress rose/.test(d.reason)),
        JSON.stringify(beatDecisions),
      );
      const log = await page.getByTestId('decision-log').innerText();
      assert.match(log, /beat 10 → [\d.]+ Hz: stress/);
      await page.screenshot({ path: new URL('session.png', artifacts).pathname, fullPage: true });
      assert.deepEqual(await accessibilityViolations(page), [], 'the live session');

      // Ingest → engine delay, over every decision the stream caused.
      const measured = last.timings
        .map((t) => ({ ...t, ingestedAt: ingestedAt.get(t.sampleAt) ?? NaN }))
        .filter((t) => Number.isFinite(t.ingestedAt));
      assert.ok(measured.length > 0);
      const delays = measured.map((t) => t.appliedAt - t.ingestedAt);
      const graphPart = measured.map((t) => t.receivedAt - t.ingestedAt);
      const enginePart = measured.map((t) => t.appliedAt - t.receivedAt);
      console.log(
        `  of which ingest → state event in the page: p50 ${percentile(graphPart, 50).toFixed(1)} ms; event → engine: p50 ${percentile(enginePart, 50).toFixed(1)} ms, p95 ${percentile(enginePart, 95).toFixed(1)} ms`,
      );
      console.log(
        `ingest → engine parameter change over ${delays.length} decisions: p50 ${percentile(delays, 50).toFixed(1)} ms, p95 ${percentile(delays, 95).toFixed(1)} ms`,
      );

      // Stop: the session is saved with its summary.
      await page.getByRole('button', { name: 'Stop and save' }).click();
      await page.getByText(/^Session saved:/).waitFor();

      // The dashboard: the chart holds the streamed states, and new ones appear live.
      await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
      const chart = page.getByTestId('chart-heart');
      await chart.waitFor();
      await page.waitForFunction(
        () =>
          Number(
            document.querySelector('[data-testid="chart-heart"]')?.getAttribute('data-points'),
          ) > 5,
      );
      const before = Number(await chart.getAttribute('data-points'));
      await page.getByTestId('sessions').waitFor();
      // The last four seconds of heart, sent a second apart: each new state reaches the open chart.
      await streamBeats(
        strap,
        simulateHeart(SCENARIOS.rest, { start: Date.now() - 4_000, seed: 9 }).filter(
          (beat) => beat.time < Date.now(),
        ),
        { batchSeconds: 1, speed: 1 },
      );
      await page.waitForFunction(
        (count) =>
          Number(
            document.querySelector('[data-testid="chart-heart"]')?.getAttribute('data-points'),
          ) > count,
        before,
        { timeout: 10_000 },
      );
      await page.screenshot({ path: new URL('dashboard.png', artifacts).pathname, fullPage: true });
      assert.deepEqual(await accessibilityViolations(page), [], 'the dashboard');
    },
  );

  /** A phone's screen: 390 × 844 CSS pixels, touch, the page's own viewport meta honoured. */
  const PHONE = { width: 390, height: 844 };

  async function fitsTheScreen(on: Page, what: string): Promise<void> {
    const widest = await on.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(widest <= PHONE.width, `${what} is ${widest} px wide on a ${PHONE.width} px screen`);
  }

  async function onFirstScreen(on: Page, heading: string): Promise<void> {
    const box = await on.getByRole('heading', { name: heading }).boundingBox();
    assert.ok(box, `no "${heading}" heading`);
    assert.ok(
      box.y >= 0 && box.y + box.height <= PHONE.height,
      `"${heading}" is at ${Math.round(box.y)} px, below the ${PHONE.height} px screen`,
    );
  }

  test(
    'at phone width every page fits, and a running session shows what the sound does and why first',
    { skip, timeout: 180_000 },
    async () => {
      phone = await browser.newContext({
        viewport: PHONE,
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      const small = await phone.newPage();
      const shot = (name: string) =>
        small.screenshot({ path: new URL(`phone-${name}.png`, artifacts).pathname });

      await small.goto(web.url);
      await small.getByRole('button', { name: 'Sign in' }).waitFor();
      await fitsTheScreen(small, 'the home page');
      await shot('home');
      await small.getByLabel('Email').fill(email);
      await small.getByLabel('Password').fill(password);
      await small.getByRole('button', { name: 'Sign in' }).click();
      await small.getByText('Welcome back, Ana.').waitFor();
      await fitsTheScreen(small, 'the signed-in home page');
      await shot('home-signed-in');

      await small.getByRole('link', { name: 'Session', exact: true }).click();
      await small.getByRole('button', { name: 'Start the sound' }).waitFor();
      await fitsTheScreen(small, 'the session set-up');
      await shot('session-setup');
      await small.getByRole('radio', { name: /Relax/ }).check();
      await small.getByRole('radio', { name: 'The built-in heart simulator' }).check();
      // Scrolled down to the button, as a thumb would be.
      await small.getByRole('button', { name: 'Start the sound' }).click();
      await small
        .getByTestId('heart-rate')
        .filter({ hasText: /\d+ bpm/ })
        .waitFor({ timeout: 30_000 });
      await small.getByRole('heading', { name: 'Breathe with the sound' }).waitFor();
      for (const heading of ['Your body now', 'Breathe with the sound', 'Why the sound changed'])
        await onFirstScreen(small, heading);
      await small.getByRole('button', { name: 'Stop and save' }).waitFor();
      assert.equal(
        await small.getByRole('radio', { name: /Relax/ }).isVisible(),
        false,
        'the settings are folded away while the sound plays',
      );
      await fitsTheScreen(small, 'the running session');
      await shot('session');
      await small.screenshot({
        path: new URL('phone-session-full.png', artifacts).pathname,
        fullPage: true,
      });
      await small.getByRole('button', { name: 'Stop and save' }).click();
      await small.getByText(/^Session saved:/).waitFor();

      await small.getByRole('link', { name: 'Dashboard', exact: true }).click();
      await small.getByTestId('chart-stress').waitFor();
      await small.getByTestId('sessions').waitFor();
      await fitsTheScreen(small, 'the dashboard');
      await shot('dashboard');
      await small.screenshot({
        path: new URL('phone-dashboard-full.png', artifacts).pathname,
        fullPage: true,
      });
    },
  );
});
