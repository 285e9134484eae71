import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorroborateError, compareArticles, reconcile, toHtml, type ReconcileResult } from '../../src/index.js';
import { escapeHtml, jsonForScript, safeHttpUrl } from '../../src/render/html/escape.js';
import { sha256Base64 } from '../../src/render/html/sha256.js';
import { highlight } from '../../src/render/html/spans.js';
import { HOSTILE_ARTICLES, HOSTILE_LITERALS } from './hostile.js';
import { loadSeedArticles } from '../../examples/twitter-india-2021/load.js';

const articles = loadSeedArticles();
const result = compareArticles(articles);
const html = toHtml(result, { reports: articles });

/** Text content of an HTML fragment: tags dropped, entities decoded. */
function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
}

const TAGS = new Set('html head meta title style body header main section aside article div p h1 h2 h3 h4 table thead tbody tr th td span b small code br a button mark ul li blockquote del ins script'.split(' '));

/** Every tag of a page (script and style bodies skipped), its name and attribute names; throws on a stray `<`. */
function tagsOf(page: string): { name: string; attrs: string[] }[] {
  const body = page.replace(/^<!DOCTYPE html>/, '').replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2>)/g, '$1$3');
  const tags: { name: string; attrs: string[] }[] = [];
  const rest = body.replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*>/g, (_, name: string, attrs: string) => {
    tags.push({ name: name.toLowerCase(), attrs: [...attrs.matchAll(/\s+([a-zA-Z-]+)(?:="[^"<>]*")?/g)].map((m) => m[1]!.toLowerCase()) });
    return '';
  });
  if (rest.includes('<')) throw new Error(`stray < in: ${rest.slice(rest.indexOf('<') - 40, rest.indexOf('<') + 40)}`);
  return tags;
}

function inlineBlocks(page: string, tag: 'script' | 'style'): string[] {
  return [...page.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
}

describe('toHtml', () => {
  it('is one self-contained page that loads nothing', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/\ssrc=|@import|url\(|<link\b|https?:\/\//i);
    const csp = textOf(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!);
    expect(csp).toContain("default-src 'none'");
    // The policy allows exactly the page's own style and script, by hash.
    const [style] = inlineBlocks(html, 'style');
    const [script] = inlineBlocks(html, 'script');
    const hash = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');
    expect(csp).toContain(`style-src 'sha256-${hash(style!)}'`);
    expect(csp).toContain(`script-src 'sha256-${hash(script!)}'`);
    // Only our own elements, and no inline event handlers.
    for (const tag of tagsOf(html)) {
      expect(TAGS.has(tag.name), tag.name).toBe(true);
      expect(tag.attrs.filter((a) => a.startsWith('on'))).toEqual([]);
    }
  });

  it('lists the findings conflicts first, each with a detail panel', () => {
    const verdicts = [...html.matchAll(/<tr class="row v-([a-z-]+)" id="row(\d+)"/g)].map((m) => m[1]);
    expect(verdicts).toHaveLength(result.findings.length);
    const order = ['conflict', 'compatible', 'agree', 'single-source'];
    expect(verdicts.map((v) => order.indexOf(v!))).toEqual([...verdicts.map((v) => order.indexOf(v!))].sort((a, b) => a - b));
    for (let i = 0; i < result.findings.length; i++) expect(html).toContain(`<article class="detail" id="d${i}" data-f="${i}">`);
  });

  it('highlights every claim evidence with its verdict and keeps the texts intact', () => {
    const findings = [...result.findings].sort(
      (a, b) => ['conflict', 'compatible', 'agree', 'single-source'].indexOf(a.verdict) - ['conflict', 'compatible', 'agree', 'single-source'].indexOf(b.verdict),
    );
    findings.forEach((f, i) => {
      f.claims.forEach((c, j) => {
        const open = new RegExp(`<mark class="c v-${f.verdict} k-${f.kind}" data-f="${i}" title="[^"]*" id="e${i}-${j}">`);
        expect(html, `${f.subject} / ${c.evidence?.text}`).toMatch(open);
      });
    });
    for (const a of articles) {
      const body = new RegExp(`<div class="text" tabindex="0">([\\s\\S]*?)</div></article>`).exec(html.slice(html.indexOf(`<code>${a.id}</code>`, html.indexOf('class="reports"'))))?.[1];
      expect(textOf(body!)).toBe(a.text.trimStart());
    }
  });

  it('shows the word diff of the reworded quote and the consensus', () => {
    expect(html).toMatch(/<div class="diff" aria-label="word diff"><small>Word diff \(Hindustan Times → Jagran\):<\/small> We <ins>continue to be engaged/);
    expect(html).toContain('<h4>Consensus</h4><p><b>1,178 Pakistani-Khalistani accounts</b>');
  });

  it('gives the same bytes for the same input', () => {
    expect(toHtml(result, { reports: articles })).toBe(html);
    expect(toHtml(compareArticles([...articles].reverse()), { reports: [...articles].reverse() })).toBe(html);
  });

  it('embeds the result for the script as JSON that cannot close its element', () => {
    const block = /<script type="application\/json" id="corroborate-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(block).not.toContain('<');
    const data = JSON.parse(block) as { findings: { id: string }[]; result: ReconcileResult };
    expect(data.result.findings.map((f) => f.id).sort()).toEqual(result.findings.map((f) => f.id).sort());
  });

  it('escapes hostile text, titles, URLs and source names', () => {
    const hostile = compareArticles(HOSTILE_ARTICLES);
    const page = toHtml(hostile, { reports: HOSTILE_ARTICLES, title: '</title><script>window.__pwned=1</script>' });
    expect(page.match(/<script\b/g)).toHaveLength(2); // the data block and our own script
    expect(page.match(/<style\b/g)).toHaveLength(1);
    expect(page.match(/<\/style>/g)).toHaveLength(1);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    for (const tag of tagsOf(page)) {
      expect(TAGS.has(tag.name), tag.name).toBe(true);
      expect(tag.attrs.filter((a) => a.startsWith('on'))).toEqual([]);
    }
    expect(page).not.toMatch(/<(img|svg|iframe|b>bold)/i);
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain('<a href="https://example.org/story?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer nofollow">');
    const visible = textOf(page.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ''));
    for (const literal of HOSTILE_LITERALS) expect(visible).toContain(literal);
  });

  it('works from structured claims without texts, and says the texts are missing', () => {
    const structured = reconcile([
      { id: 'a', source: 'A', claims: [{ subject: 's', attribute: 'n', value: { kind: 'quantity', phrase: '3 boats' } }] },
    ]);
    const page = toHtml(structured);
    expect(page).toContain('Text not available');
    expect(page).toContain('<tr class="row v-single-source" id="row0"');
  });

  it('renders the copying between reports when the result carries it', () => {
    const a = 'It has also warned Twitter of penal action. Police said 40 were hurt on Monday.';
    const b = 'Officials said on Tuesday 40 were hurt. It has also warned Twitter of penal action.';
    const reports = [
      { id: 'a', source: 'Daily A', publishedAt: '2024-05-06', text: a },
      { id: 'b', source: 'Daily B', publishedAt: '2024-05-07', text: b },
    ];
    const plain = compareArticles(reports);
    const shared = 'It has also warned Twitter of penal action.';
    const withCopy = {
      ...plain,
      dependence: [
        {
          reports: ['a', 'b'],
          score: 0.5,
          wires: ['PTI'],
          shared: [
            { report: 'a', kind: 'wording', text: shared, start: 0, end: shared.length },
            { report: 'b', kind: 'wording', text: shared, start: b.indexOf(shared), end: b.indexOf(shared) + shared.length },
          ],
        },
      ],
    } as ReconcileResult;
    const page = toHtml(withCopy, { reports });
    expect(page).toContain('<h2>Copying</h2>');
    expect(page).toContain('Daily A ↔ Daily B<br><small>both credit PTI</small></td><td>0.50</td><td>1</td>');
    expect(page.match(/<span class="copy" title="shared with Daily B">It has also warned Twitter of penal action\.<\/span>/g)).toHaveLength(1);
    expect(page.match(/<span class="copy" title="shared with Daily A">It has also warned Twitter of penal action\.<\/span>/g)).toHaveLength(1);
    expect(page).toContain('share copy (score 0.50, 1 shared passage, both credit PTI)');
    // Without the field there is no copying section.
    const { dependence: _omit, ...bare } = withCopy as ReconcileResult & { dependence?: unknown };
    expect(toHtml(bare as ReconcileResult, { reports })).not.toContain('<h2>Copying</h2>');
  });

  it('rejects what is not a result, and bad report texts', () => {
    expect(() => toHtml({ version: 2 } as unknown as ReconcileResult)).toThrow(CorroborateError);
    expect(() => toHtml(result, { reports: [{ id: 3 }] as never })).toThrow(CorroborateError);
  });
});

describe('HTML building blocks', () => {
  it('sha256Base64 matches node:crypto', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        expect(sha256Base64(s)).toBe(createHash('sha256').update(s, 'utf8').digest('base64'));
      }),
      { numRuns: 200 },
    );
    for (const n of [0, 55, 56, 63, 64, 65, 1000]) {
      const s = 'x'.repeat(n);
      expect(sha256Base64(s)).toBe(createHash('sha256').update(s).digest('base64'));
    }
  });

  it('escapeHtml and jsonForScript', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, s) => {
        const out = jsonForScript({ value, s: `</script><!--${s}` });
        expect(out).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify({ value, s: `</script><!--${s}` })));
      }),
    );
  });

  it('safeHttpUrl keeps only absolute http(s) URLs', () => {
    expect(safeHttpUrl('https://example.org/a?b=1#c')).toBe('https://example.org/a?b=1#c');
    expect(safeHttpUrl('  HTTP://example.org ')).toBe('HTTP://example.org');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<b>', '//evil.org', '/relative', 'https://', 'https://a b', 'https://x\u0000y', 'http:\\\\evil.org', 'vbscript:x']) {
      expect(safeHttpUrl(bad), bad).toBeNull();
    }
  });

  it('highlight nests, splits crossing spans and keeps the text', () => {
    const text = 'Police said <40> were hurt on Monday & more.';
    const out = highlight(text, [
      { start: 0, end: 26, tag: 'mark', attrs: 'class="a"', firstAttrs: 'id="a"' },
      { start: 12, end: 16, tag: 'mark', attrs: 'class="b"' },
      { start: 12, end: 16, tag: 'mark', attrs: 'class="c"', rank: 1 },
      { start: 20, end: 36, tag: 'span', attrs: 'class="x"' },
      { start: 5, end: 5, tag: 'mark', attrs: 'class="empty"' },
      { start: 40, end: 99, tag: 'mark', attrs: 'class="outside"' },
    ]);
    expect(out).toBe(
      '<mark class="a" id="a">Police said <mark class="b"><mark class="c">&lt;40&gt;</mark></mark> wer<span class="x">e hurt</span></mark><span class="x"> on Monday</span> &amp; more.',
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(45), fc.nat(45)), { maxLength: 8 }),
        (s, pairs) => {
          const spans = pairs.map(([x, y]) => ({ start: Math.min(x, y), end: Math.max(x, y), tag: 'mark' as const, attrs: 'class="m"' }));
          const out = highlight(s, spans);
          expect(textOf(out)).toBe(s);
          // Well nested: opening and closing tags balance at every point.
          let depth = 0;
          for (const m of out.matchAll(/<(\/?)mark\b/g)) {
            depth += m[1] ? -1 : 1;
            expect(depth).toBeGreaterThanOrEqual(0);
          }
          expect(depth).toBe(0);
        },
      ),
    );
  });
});
