import type { Page } from 'playwright-core';

/** Creates an account through the home page's form; resolves once the page greets them. */
export async function signUpInPage(
  page: Page,
  name: string,
  email: string,
  password: string,
): Promise<void> {
  await page.getByRole('button', { name: 'New here? Create an account' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText(`Welcome back, ${name}.`).waitFor();
}

/**
 * Starts a relax session whose heart comes from a wearable that streams by itself; resolves
 * once the page's sound engine runs.
 */
export async function startRelaxSessionFromWearable(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Session', exact: true }).click();
  await page.getByRole('radio', { name: /Relax/ }).check();
  await page.getByRole('radio', { name: 'A wearable that is already streaming' }).check();
  await page.getByRole('button', { name: 'Start the sound' }).click();
  await page.getByTestId('beat').waitFor();
  await page.waitForFunction(
    () => (window as { mindscapeSession?: { engine?: unknown } }).mindscapeSession?.engine,
  );
}
