import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveBrowserFiles } from './server.js';

/** Debian's chromium, headless: the only browser this project runs (CI installs it). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = () => existsSync(CHROMIUM);

/** Headless Chromium with the flags this machine needs (and any extra ones). */
export const launchChromium = (extra: string[] = []): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      ...extra,
    ],
  });

const PAGE = `<!doctype html><meta charset="utf-8"><title>MindScape audio harness</title>
<script type="module" src="/harness.js"></script>`;

export interface AudioLab {
  page: Page;
  baseUrl: string;
  /** Samples the page uploaded under `name`, planar (left then right). */
  take(name: string): Float32Array[];
  close(): Promise<void>;
}

/**
 * Serves the harness and the worklet on localhost and opens them in headless Chromium. The page uploads rendered
 * samples back, so multi-megabyte renders do not travel through the DevTools protocol.
 */
export async function openAudioLab(): Promise<AudioLab> {
  const uploads = new Map<string, Buffer>();
  const { server, baseUrl } = await serveBrowserFiles(PAGE, 0, (name, body) =>
    uploads.set(name, body),
  );
  let browser: Browser | undefined;
  try {
    browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(baseUrl);
    await page
      .waitForFunction(() => 'mindscape' in globalThis, undefined, { timeout: 30_000 })
      .catch(() => {
        throw new Error(`The audio harness did not load: ${problems.join('; ')}`);
      });
    return {
      page,
      baseUrl,
      take(name) {
        const bytes = uploads.get(name);
        if (!bytes) throw new Error(`nothing uploaded as ${name}`);
        uploads.delete(name);
        const all = new Float32Array(
          bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
        );
        const half = all.length / 2;
        return [all.subarray(0, half), all.subarray(half)];
      },
      async close() {
        await browser?.close();
        server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    server.close();
    throw error;
  }
}

/** Renders a program in the lab; returns its channels and the real-time factor. */
export async function renderInLab(
  lab: AudioLab,
  program: unknown,
  seconds: number,
  sampleRate = 48_000,
): Promise<{ channels: Float32Array[]; realtimeFactor: number; ms: number }> {
  const name = `render-${Math.random().toString(36).slice(2)}`;
  const result = await lab.page.evaluate(
    ([p, s, r, n]) =>
      (
        globalThis as unknown as {
          mindscape: {
            render(p: unknown, o: unknown): Promise<{ ms: number; realtimeFactor: number }>;
          };
        }
      ).mindscape.render(p, {
        seconds: s,
        sampleRate: r,
        upload: n,
      }),
    [program, seconds, sampleRate, name] as const,
  );
  return { channels: lab.take(name), ...result };
}
