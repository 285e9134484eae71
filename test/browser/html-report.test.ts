/// <reference lib="dom" />
// (DOM types for the page.evaluate callbacks, which run in the page.)
// The HTML report in a real browser (Debian's Chromium through playwright-core): the seed
// report's highlights and selection, a hostile report that must execute nothing, and print.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareArticles, toHtml, type Finding } from '../../src/index.js';
import { loadSeedArticles } from '../../examples/twitter-india-2021/load.js';
import { HOSTILE_ARTICLES, HOSTILE_LITERALS } from '../render/hostile.js';
import { launch, outputPath, skipBrowser, watchedPage, type PageWatch } from './chromium.js';

const SEED = loadSeedArticles();
const ORDER = ['conflict', 'compatible', 'agree', 'single-source'];

describe.skipIf(skipBrowser)('the HTML report in Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launch();
    dir = mkdtempSync(join(tmpdir(), 'corroborate-html-'));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, html: string, viewport?: { width: number; height: number }): Promise<{ page: Page; watch: PageWatch }> {
    const file = join(dir, name);
    writeFileSync(file, html);
    const opened = await watchedPage(browser, viewport);
    await opened.page.goto(pathToFileURL(file).href);
    return opened;
  }

  describe('the seed report', () => {
    const result = compareArticles(SEED);
    const findings: Finding[] = [...result.findings].sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict));
    let page: Page;
    let watch: PageWatch;

    beforeAll(async () => {
      ({ page, watch } = await open('seed.html', toHtml(result, { reports: SEED })));
    });

    it('runs its script under its own CSP, loads nothing and logs no error', async () => {
      expect(await page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
      expect(watch.errors).toEqual([]);
      expect(watch.console.filter((m) => /refused|violat|error/i.test(m))).toEqual([]);
      expect(watch.requests).toHaveLength(1); // the page itself
    });

    it('highlights every claim span with its verdict class, in its own report', async () => {
      const marks = await page.$$eval('mark.c', (els) =>
        els.map((el) => ({ f: Number(el.getAttribute('data-f')), cls: el.className, report: el.closest('.report')!.id, id: el.id, text: el.textContent })),
      );
      for (const [i, f] of findings.entries()) {
        f.claims.forEach((c, j) => {
          const r = `r${result.reports.findIndex((rep) => rep.id === c.report)}`;
          const first = marks.find((m) => m.id === `e${i}-${j}`);
          expect(first, `${f.subject}: ${c.evidence?.text}`).toBeDefined();
          expect(first!.cls).toContain(`v-${f.verdict}`);
          expect(first!.report).toBe(r);
          const pieces = marks.filter((m) => m.f === i && m.report === r).map((m) => m.text).join('');
          expect(pieces).toContain(c.evidence!.text.slice(0, 20));
        });
      }
      const conflict = marks.filter((m) => m.cls.includes('v-conflict')).map((m) => m.text);
      expect(conflict).toEqual(expect.arrayContaining(['on Monday', 'on Tuesday']));
    });

    it('underlines the passages the reports share, in both reports', async () => {
      const dependence = (result as { dependence?: { shared: { report: string; text: string }[] }[] }).dependence ?? [];
      const copies = await page.$$eval('span.copy', (els) => els.map((e) => ({ report: e.closest('.report')!.id, text: e.textContent })));
      if (dependence.length === 0) {
        expect(copies).toEqual([]);
        return;
      }
      expect(await page.locator('h2', { hasText: 'Copying' }).count()).toBe(1);
      expect(new Set(copies.map((c) => c.report))).toEqual(new Set(['r0', 'r1']));
      const shared = dependence[0]!.shared.find((e) => e.text.startsWith('It has also warned Twitter'));
      if (shared) expect(copies.some((c) => c.text!.startsWith('It has also warned Twitter'))).toBe(true);
    });

    it('clicking a finding highlights its spans in both reports, scrolls to them and explains it', async () => {
      const i = findings.findIndex((f) => f.kind === 'quote' && f.verdict === 'conflict');
      expect(i).toBeGreaterThanOrEqual(0);
      await page.click(`#row${i}`);
      const state = await page.evaluate((n) => {
        const selected = Array.from(document.querySelectorAll('mark.c.sel'));
        const detail = document.querySelector('.detail.sel');
        return {
          all: selected.every((m) => m.getAttribute('data-f') === String(n)),
          reports: [...new Set(selected.map((m) => m.closest('.report')!.id))].sort(),
          visible: Array.from(document.querySelectorAll('.report')).map((report) => {
            const box = report.querySelector('.text')!.getBoundingClientRect();
            const mark = report.querySelector('mark.c.sel');
            if (!mark) return null;
            const r = mark.getBoundingClientRect();
            return r.top >= box.top - 1 && r.top < box.bottom && r.top >= 0 && r.top < window.innerHeight;
          }),
          detail: detail ? { id: detail.id, text: (detail as HTMLElement).innerText, shown: getComputedStyle(detail).display !== 'none' } : null,
          hiddenDetails: Array.from(document.querySelectorAll('.detail:not(.sel)')).every((d) => getComputedStyle(d).display === 'none'),
          row: document.getElementById(`row${n}`)!.getAttribute('aria-selected'),
          hash: location.hash,
        };
      }, i);
      expect(state.all).toBe(true);
      expect(state.reports).toEqual(['r0', 'r1']);
      expect(state.visible).toEqual([true, true]);
      expect(state.detail?.id).toBe(`d${i}`);
      expect(state.detail?.shown).toBe(true);
      expect(state.hiddenDetails).toBe(true);
      expect(state.detail?.text).toContain('wording differs');
      expect(state.detail?.text).toContain('Word diff (Hindustan Times → Jagran)');
      expect(state.row).toBe('true');
      expect(state.hash).toBe(`#finding=${encodeURIComponent(findings[i]!.id)}`);
      const inserted = await page.$$eval('.detail.sel .diff ins', (els) => els.map((e) => e.textContent));
      expect(inserted.join(' ')).toContain('Ministry of Electronics and Information Technology');
      await page.screenshot({ path: outputPath('html-report-seed-selected.png') });
    });

    it('clicking a highlighted span selects its finding; clicking again walks out to the enclosing one', async () => {
      const date = findings.findIndex((f) => f.kind === 'date' && f.verdict === 'conflict');
      await page.click('#r1 mark.c:text-is("on Tuesday")');
      expect(await page.$$eval('mark.c.sel', (els) => els.map((e) => e.textContent).sort())).toEqual(['on Monday', 'on Tuesday']);
      expect(await page.$eval('.detail.sel', (d) => d.id)).toBe(`d${date}`);
      // "the spokesperson" names the speaker of two quotes: each click moves to the next finding.
      const spokesperson = page.locator('#r0 mark.c:text-is("the spokesperson")').first();
      const picked: string[] = [];
      for (let k = 0; k < 2; k++) {
        await spokesperson.click();
        picked.push(await page.$eval('.detail.sel', (d) => d.id));
      }
      expect(new Set(picked).size).toBe(2);
    });

    it('steps with next/previous and keyboard, and filters by verdict', async () => {
      await page.click('#row0');
      await page.click('[data-nav="next"]');
      expect(await page.$eval('.detail.sel', (d) => d.id)).toBe('d1');
      await page.click('[data-nav="prev"]');
      expect(await page.$eval('.detail.sel', (d) => d.id)).toBe('d0');
      await page.focus('#row2');
      await page.keyboard.press('Enter');
      expect(await page.$eval('.detail.sel', (d) => d.id)).toBe('d2');
      await page.keyboard.press('Escape');
      expect(await page.$$eval('.sel', (els) => els.length)).toBe(0);
      await page.click('[data-filter="single-source"]');
      const shown = await page.$$eval('tr.row', (rows) => rows.filter((r) => (r as HTMLElement).offsetParent !== null).map((r) => r.className));
      expect(shown.length).toBe(findings.filter((f) => f.verdict !== 'single-source').length);
      await page.click('[data-filter="single-source"]');
    });

    it('opens on the finding named in the URL', async () => {
      const target = findings[3]!;
      const { page: linked } = await watchedPage(browser);
      await linked.goto(`${pathToFileURL(join(dir, 'seed.html')).href}#finding=${encodeURIComponent(target.id)}`);
      expect(await linked.$eval('.detail.sel', (d) => d.id)).toBe('d3');
      await linked.close();
    });

    it('prints with no sticky or scrolling boxes, every report whole and every finding explained', async () => {
      await page.screenshot({ path: outputPath('html-report-seed.png'), fullPage: false });
      await page.emulateMedia({ media: 'print' });
      const print = await page.evaluate(() => ({
        sticky: Array.from(document.querySelectorAll('*')).filter((e) => ['sticky', 'fixed'].includes(getComputedStyle(e).position)).length,
        clipped: Array.from(document.querySelectorAll('.text')).filter((e) => e.scrollHeight > e.clientHeight + 1 || getComputedStyle(e).overflowY !== 'visible').length,
        details: Array.from(document.querySelectorAll('.detail')).filter((e) => getComputedStyle(e).display === 'none').length,
        buttons: Array.from(document.querySelectorAll('.chip, .nav')).filter((e) => getComputedStyle(e).display !== 'none').length,
      }));
      expect(print).toEqual({ sticky: 0, clipped: 0, details: 0, buttons: 0 });
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      await page.emulateMedia({ media: 'screen' });
    });
  });

  it('(control) the harness does see a script run and a dialog open', async () => {
    const { page, watch } = await watchedPage(browser);
    await page.setContent('<img src=x onerror="window.__pwned=1"><script>alert(1)</script>');
    await page.waitForFunction(() => (window as unknown as { __pwned?: unknown }).__pwned === 1);
    expect(watch.dialogs).toEqual(['alert: 1']);
    await page.close();
  });

  it('a hostile report executes nothing, opens no dialog, loads nothing and shows the text as written', async () => {
    const result = compareArticles(HOSTILE_ARTICLES);
    const html = toHtml(result, { reports: HOSTILE_ARTICLES, title: 'Hostile </title><script>window.__pwned=1</script>' });
    const { page, watch } = await open('hostile.html', html);
    await page.waitForLoadState('load');
    // Exercise the page too: select every finding and click every span.
    const rows = await page.$$('tr.row');
    for (const row of rows) await row.click();
    for (const mark of await page.$$('mark.c')) await mark.click();
    await page.waitForTimeout(100);
    const seen = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      scripts: document.scripts.length,
      images: document.images.length,
      frames: document.querySelectorAll('iframe, svg, object, embed').length,
      links: Array.from(document.links).map((a) => a.href),
      title: document.title,
      texts: Array.from(document.querySelectorAll('.report .text')).map((e) => e.textContent),
      heads: Array.from(document.querySelectorAll('.report h3')).map((e) => e.textContent),
      bodyShown: getComputedStyle(document.body).display,
    }));
    expect(seen.pwned).toBeUndefined();
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.requests).toEqual([page.url().replace(/#.*$/, '')]);
    expect(seen.scripts).toBe(2);
    expect(seen.images).toBe(0);
    expect(seen.frames).toBe(0);
    const self = page.url().replace(/#.*$/, '');
    expect(seen.links.filter((href) => !href.startsWith(`${self}#e`))).toEqual(['https://example.org/story?a=1&b=%222%22', 'https://example.org/story?a=1&b=%222%22']);
    expect(seen.title).toBe('Hostile </title><script>window.__pwned=1</script>');
    expect(seen.bodyShown).toBe('block');
    for (const literal of HOSTILE_LITERALS) expect(seen.texts.join('\n')).toContain(literal);
    expect(seen.heads[0]).toBe('Evil <script>window.__pwned=1</script> News</style><b>bold</b>');
    expect(seen.heads[1]).toBe('"><svg onload=alert(1)>');
    expect(await page.locator('.report').first().innerText()).toContain('javascript:window.__pwned=1'); // the URL, as text
    await page.screenshot({ path: outputPath('html-report-hostile.png'), fullPage: true });
    // Defence in depth: the page's CSP refuses any other inline script, even one added to the DOM.
    const injected = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = 1';
      document.body.appendChild(script);
      return (window as unknown as { __injected?: unknown }).__injected;
    });
    expect(injected).toBeUndefined();
    expect(watch.console.some((m) => /Content Security Policy/i.test(m))).toBe(true);
    await page.close();
  });
});
