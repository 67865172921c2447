import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasChromium, launchChromium } from '../src/browser/chromium.js';
import { serveDemo } from '../src/browser/demo-server.js';
import { PRESET_NAMES } from '../src/program/presets.js';

test(
  'the demo page plays each preset in a real-time AudioContext',
  { skip: !hasChromium() && 'Chromium is not installed (CI installs it)' },
  async () => {
    const { server, baseUrl } = await serveDemo(0);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${baseUrl}/`);
      for (const name of PRESET_NAMES) {
        await page.getByRole('button', { name }).click();
        // The engine reports its state from the audio thread once it is playing.
        await page.waitForFunction(
          (n) => document.querySelector('#status')!.textContent!.startsWith(`${n} ·`),
          name,
          { timeout: 10_000 },
        );
      }
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      server.close();
    }
  },
);
