import { describe, expect, it } from 'vitest';
import { compareArticles, type Finding } from '../../src/index.js';
import { ARTICLES, loadSeedArticles, readSeedFile } from '../../examples/twitter-india-2021/load.js';

// The worked example of DESIGN.md, read from the two seed article files themselves.
const contents = new Map(ARTICLES.map((f) => [f as string, readSeedFile(f)]));
const result = compareArticles(loadSeedArticles());

function findingWith(kind: Finding['kind'], ...phrases: string[]): Finding {
  const found = result.findings.find((f) => f.kind === kind && phrases.every((p) => f.claims.some((c) => c.evidence?.text.includes(p))));
  if (!found) throw new Error(`no ${kind} finding with ${phrases.join(' + ')}:\n${result.findings.map((f) => `${f.kind} ${f.verdict} ${f.claims.map((c) => c.evidence?.text).join(' | ')}`).join('\n')}`);
  return found;
}

describe('compareArticles on the seed articles', () => {
  it('parses both header forms and keeps offsets into the whole file', () => {
    expect(result.reports.map((r) => r.publishedAt)).toEqual(['2021-02-08', '2021-02-09']);
    for (const f of result.findings) {
      for (const c of f.claims) expect(contents.get(c.report)!.slice(c.evidence!.start, c.evidence!.end)).toBe(c.evidence!.text);
    }
  });

  it('finds the conflict on the day Twitter responded', () => {
    const f = findingWith('date', 'Monday', 'Tuesday');
    expect(f.verdict).toBe('conflict');
    expect(f.claims.map((c) => (c.value.kind === 'time' ? c.value.start : null))).toEqual(['2021-02-08', '2021-02-09']);
  });

  it('finds 1,178 accounts compatible with over 1,000 accounts', () => {
    const f = findingWith('count', '1,178 accounts', 'over 1,000 accounts', '1,178 Pakistani-Khalistani accounts');
    expect(f.verdict).toBe('compatible');
    expect(f.consensus?.value).toMatchObject({ min: 1178, max: 1178 });
  });

  it('keeps 257 accounts single-source', () => {
    const f = findingWith('count', '257 accounts');
    expect(f.verdict).toBe('single-source');
    expect(f.claims).toHaveLength(1);
  });

  it('resolves "on February 4" to 2021-02-04, single-source', () => {
    const f = findingWith('date', 'February 4');
    expect(f.verdict).toBe('single-source');
    expect(f.claims[0]?.value).toMatchObject({ start: '2021-02-04' });
  });

  it('judges the quotes as the worked example says', () => {
    expect(findingWith('quote', 'top priority for us at Twitter').verdict).toBe('agree');
    expect(findingWith('quote', 'weets must continue to flow').verdict).toBe('agree');
    const dialogue = findingWith('quote', 'reached out to the honourable minister', 'reached out to the Honourable Minister');
    expect(dialogue.verdict).toBe('conflict');
    expect(dialogue.reason).toBe('wording');
  });

  it('agrees on who made the statement', () => {
    const f = findingWith('attribution', 'spokesperson');
    expect(['agree', 'compatible']).toContain(f.verdict);
    expect(f.claims.map((c) => c.report)).toContain('jagran-2021-02-09');
  });

  it('never compares 257 with 1,178 and finds no other count conflict', () => {
    expect(result.findings.filter((f) => f.kind === 'count' && f.verdict === 'conflict')).toEqual([]);
  });
});
