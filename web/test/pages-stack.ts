/**
 * What the story library, player and coach E2E tests share: the whole system with the web app
 * in front of it and one Chromium, a sign-in through the page, graph calls as a person, and
 * screenshots into web/test-artifacts/.
 */
import { mkdir } from 'node:fs/promises';
import { hasChromium, launchChromium } from '@mindscape/audio-worklets';
import { freePort } from '@mindscape/devkit';
import {
  graphql,
  startTestStack,
  type SignedUp,
  type TestStack,
  type TestStackOptions,
} from '@mindscape/test-kit';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startWebServer, type WebServer } from './web-server';

export const artifacts = new URL('../test-artifacts/', import.meta.url);
export const skipWithoutChromium = hasChromium()
  ? false
  : 'Chromium is not installed (apt-get install chromium)';
export const PHONE = { width: 390, height: 844 };

export interface PagesStack {
  stack: TestStack;
  web: WebServer;
  browser: Browser;
  close(): Promise<void>;
}

/** The stack, the production web app allowed by the gateway as an origin, and Chromium. */
export async function openPagesStack(options: TestStackOptions = {}): Promise<PagesStack> {
  const port = await freePort();
  const stack = await startTestStack({
    ...options,
    gateway: { WEB_ORIGINS: `http://127.0.0.1:${port}`, ...options.gateway },
  });
  const web = await startWebServer(stack.gatewayUrl, port);
  const browser = await launchChromium();
  await mkdir(artifacts, { recursive: true });
  return {
    stack,
    web,
    browser,
    async close() {
      await browser.close();
      await web.close();
      await stack.close();
    },
  };
}

/** A page in its own context (its own sign-in cookie), page errors echoed to the test log. */
export async function newPersonPage(
  browser: Browser,
  viewport = { width: 1280, height: 1000 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[page console] ${message.text()}`);
  });
  return { context, page };
}

/** Opens `path` and signs in through the page's form; resolves once `ready` shows. */
export async function signInAt(
  page: Page,
  url: string,
  person: SignedUp,
  ready: (page: Page) => Promise<void>,
): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await ready(page);
}

/** One operation as `person`; throws with the graph's errors when it has any. */
export async function asPerson<T>(
  gatewayUrl: string,
  person: SignedUp,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await graphql<T>(gatewayUrl, query, variables, { token: person.accessToken });
  if (response.errors?.length || !response.data)
    throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(response.errors)}`);
  return response.data;
}

export const screenshot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: new URL(`${name}.png`, artifacts).pathname, fullPage });

/** How wide the page is, navigation included, to compare with a phone's width. */
export const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** The elements that reach past the viewport's right edge (tag.class), to say what overflows. */
export const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 8)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`),
  );
