// Launching Debian's Chromium for the browser tests. Locally the tests skip when it is not
// installed; in CI (CI set) a missing browser is a failure, never a skip.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const inCi = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

/** True when the browser tests should be skipped: no Chromium, and not in CI. */
export const skipBrowser = !existsSync(CHROMIUM) && !inCi;
if (skipBrowser) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (install it with apt-get install chromium)`);

/** Where screenshots go (git-ignored). */
export const OUTPUT_DIR = join(process.cwd(), 'test-output');

export function outputPath(file: string): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return join(OUTPUT_DIR, file);
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: CI must install it (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/** What a page did that it should not: dialogs, page errors, CSP violations, network requests. */
export interface PageWatch {
  dialogs: string[];
  errors: string[];
  console: string[];
  requests: string[];
}

/** A new page that records dialogs (and dismisses them), errors, console messages and requests. */
export async function watchedPage(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport });
  const watch: PageWatch = { dialogs: [], errors: [], console: [], requests: [] };
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('console', (message) => watch.console.push(`${message.type()}: ${message.text()}`));
  page.on('request', (request) => watch.requests.push(request.url()));
  return { page, watch };
}
