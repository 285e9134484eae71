/// <reference lib="dom" />
// (DOM types for the page.evaluate callbacks, which run in the page.)
// The library bundled for browsers (esbuild, platform 'browser': a Node built-in anywhere in the
// core fails the build) and run inside Chromium: the seed comparison gives the same result
// as in Node, and the example page (examples/browser/) compares pasted articles.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrowserBundle, type BrowserBundle } from '../../examples/browser/build.js';
import { loadSeedArticles } from '../../examples/twitter-india-2021/load.js';
import { compareArticles, toJSON, type ReconcileResult } from '../../src/index.js';
import { launch, outputPath, skipBrowser, watchedPage } from './chromium.js';

const SEED = loadSeedArticles();

describe('the browser bundle', () => {
  let dir: string;
  let bundle: BrowserBundle;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corroborate-bundle-'));
    bundle = await buildBrowserBundle(join(dir, 'corroborate.js'));
    console.log(`browser bundle: ${(bundle.bytes / 1024).toFixed(1)} kB minified, ${(bundle.gzipBytes / 1024).toFixed(1)} kB gzipped`);
  }, 60_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('builds for the browser platform from the core alone', () => {
    expect(bundle.inputs.some((p) => p.startsWith('src/cli/'))).toBe(false);
    expect(bundle.inputs.filter((p) => p.startsWith('node:') || /^(fs|path|url|os|util|crypto|stream|zlib)$/.test(p))).toEqual([]);
    expect(bundle.inputs).toContain('src/render/html.ts');
  });

  describe.skipIf(skipBrowser)('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('runs compareArticles on the seed articles with the same result as Node', async () => {
      const { page, watch } = await watchedPage(browser);
      await page.goto('about:blank');
      await page.addScriptTag({ content: readFileSync(bundle.outfile, 'utf8') });
      const out = await page.evaluate((articles) => {
        const lib = (window as unknown as { corroborate: { compareArticles: (a: unknown) => ReconcileResult; toJSON: (r: ReconcileResult) => string } }).corroborate;
        const result = lib.compareArticles(articles);
        const date = result.findings.find((f) => f.kind === 'date' && f.verdict === 'conflict');
        return {
          findings: result.findings.length,
          conflict: result.summary.conflict,
          date: date?.claims.map((c) => (c.value.kind === 'time' ? c.value.start : null)),
          json: lib.toJSON(result),
        };
      }, SEED);
      const node = compareArticles(SEED);
      expect(out.findings).toBe(node.findings.length);
      expect(out.conflict).toBeGreaterThanOrEqual(2);
      expect(out.date).toEqual(['2021-02-08', '2021-02-09']);
      expect(out.json).toBe(toJSON(node));
      expect(watch.errors).toEqual([]);
      await page.close();
    });

    it('the example page compares pasted articles and shows the report', async () => {
      for (const file of ['index.html', 'app.js']) copyFileSync(join(process.cwd(), 'examples', 'browser', file), join(dir, file));
      const { page, watch } = await watchedPage(browser);
      await page.goto(pathToFileURL(join(dir, 'index.html')).href);
      // Replace the sample articles with the seed articles, and add a third.
      const fieldsets = page.locator('fieldset.article');
      expect(await fieldsets.count()).toBe(2);
      for (const [i, a] of SEED.entries()) {
        const f = fieldsets.nth(i);
        await f.locator('[name="source"]').fill(a.source);
        await f.locator('[name="publishedAt"]').fill(a.publishedAt!);
        await f.locator('[name="text"]').fill(a.text.trimStart());
      }
      await page.click('#add');
      const third = fieldsets.nth(2);
      await third.locator('[name="source"]').fill('Jagran');
      await third.locator('[name="publishedAt"]').fill('2021-02-10');
      await third.locator('[name="text"]').fill('Twitter said on Tuesday it had received the order to block 1,178 accounts.');
      await page.click('button[type="submit"]');
      await expect.poll(() => page.locator('#status').textContent()).toMatch(/^\d+ findings: [1-9]\d* conflict/);
      const report = page.frameLocator('#report');
      await expect.poll(() => report.locator('mark.c').count()).toBeGreaterThan(10);
      expect(await report.locator('.report h3').allTextContents()).toEqual(['Hindustan Times', 'Jagran', 'Jagran']);
      await report.locator('tr.row').first().click();
      expect(await report.locator('mark.c.sel').count()).toBeGreaterThanOrEqual(2);
      expect(await page.locator('#download').isDisabled()).toBe(false);
      expect(watch.errors).toEqual([]);
      await page.screenshot({ path: outputPath('browser-example.png'), fullPage: true });
      await page.close();
    });
  });
});
