import { describe, expect, it } from 'vitest';
import { reconcile, type Finding, type ReconcileResult, type ReportInput } from '../../src/index.js';
import { loadExampleReports } from '../../examples/twitter-india-2021/load.js';

const result: ReconcileResult = reconcile(loadExampleReports() as ReportInput[]);

function finding(subject: string, attribute: string): Finding {
  const found = result.findings.find((f) => f.subject === subject && f.attribute === attribute);
  if (!found) throw new Error(`no finding for ${subject} / ${attribute}`);
  return found;
}

describe('the worked example (Hindustan Times 2021-02-08 vs Jagran 2021-02-09)', () => {
  it('finds the conflict on the day Twitter responded, each weekday resolved against its own report', () => {
    const f = finding('Twitter response', 'date');
    expect(f.verdict).toBe('conflict');
    expect(f.reason).toBe('disjoint');
    expect(f.kind).toBe('date');
    expect(f.claims.map((c) => [c.report, c.value.kind === 'time' ? c.value.start : null])).toEqual([
      ['hindustan-times-2021-02-08', '2021-02-08'],
      ['jagran-2021-02-09', '2021-02-09'],
    ]);
    expect(f.explanation).toContain('Hindustan Times');
    expect(f.explanation).toContain('Jagran');
    expect(f.explanation).toContain('2021-02-08');
    expect(f.explanation).toContain('2021-02-09');
  });

  it('finds 1,178 accounts compatible with "over 1,000 accounts", consensus 1,178', () => {
    const f = finding('fresh order', 'accounts to take down');
    expect(f.verdict).toBe('compatible');
    expect(f.reason).toBe('hedge');
    expect(f.claims).toHaveLength(3);
    expect(f.independentSources).toBe(2);
    expect(f.consensus?.method).toBe('agreement');
    expect(f.consensus?.value).toMatchObject({ kind: 'quantity', min: 1178, max: 1178 });
    expect(f.consensus?.independentSources).toBe(2);
  });

  it('keeps 257 accounts as single-source, never compared with 1,178', () => {
    const f = finding('earlier order', 'accounts to block');
    expect(f.verdict).toBe('single-source');
    expect(f.claims).toHaveLength(1);
    expect(f.claims[0]?.value).toMatchObject({ kind: 'quantity', min: 257, max: 257 });
    expect(f.comparisons).toEqual([]);
    const fresh = finding('fresh order', 'accounts to take down');
    expect(fresh.claims.some((c) => c.value.kind === 'quantity' && c.value.min === 257)).toBe(false);
  });

  it('resolves "on February 4" to 2021-02-04, from Jagran only', () => {
    const f = finding('fresh order', 'date list shared');
    expect(f.verdict).toBe('single-source');
    expect(f.consensus?.value).toMatchObject({ kind: 'time', start: '2021-02-04', end: '2021-02-04', granularity: 'day' });
  });

  it('agrees on the quotes that match verbatim or up to case', () => {
    const safety = finding('Twitter statement', 'quote: employee safety');
    expect(safety.verdict).toBe('agree');
    expect(safety.reason).toBe('case');
    const flow = finding('Twitter statement', 'quote: tweets must flow');
    expect(flow.verdict).toBe('agree');
    expect(flow.reason).toBe('case');
    expect(finding('Twitter statement', 'quote: reviewing reports').verdict).toBe('agree');
  });

  it('flags the reworded "formal dialogue" quote as a wording conflict with a word diff', () => {
    const f = finding('Twitter statement', 'quote: formal dialogue');
    expect(f.verdict).toBe('conflict');
    expect(f.reason).toBe('wording');
    const diff = f.comparisons[0]?.diff ?? [];
    const inserted = diff.filter((op) => op.op === 'insert').map((op) => op.text).join(' ');
    expect(inserted).toContain('Ministry of Electronics and Information Technology');
    expect(diff.filter((op) => op.op === 'equal').map((op) => op.text).join(' ')).toContain('for a formal dialogue');
  });

  it('agrees on who made the statement: a spokesperson of Twitter and Twitter are the same organisation', () => {
    const f = finding('Twitter response', 'made by');
    expect(f.verdict).toBe('agree');
    expect(f.reason).toBe('same-organisation');
    expect(f.kind).toBe('attribution');
  });

  it('sees the minister named with two titles as compatible', () => {
    const f = finding('Twitter response', 'meeting sought with');
    expect(f.verdict).toBe('compatible');
    expect(f.reason).toBe('title');
  });

  it('puts conflicts first and counts verdicts in the summary', () => {
    const order = result.findings.map((f) => f.verdict);
    const rank = { conflict: 0, compatible: 1, agree: 2, 'single-source': 3 } as const;
    expect([...order].sort((a, b) => rank[a] - rank[b])).toEqual(order);
    expect(result.summary).toEqual({
      findings: result.findings.length,
      conflict: 2,
      compatible: 2,
      agree: 4,
      singleSource: order.filter((v) => v === 'single-source').length,
    });
  });

  it('keeps every evidence span exact against its article', () => {
    const texts = new Map(
      (loadExampleReports() as { id: string; text: string }[]).map((r) => [r.id, r.text]),
    );
    for (const f of result.findings) {
      for (const c of f.claims) {
        expect(c.evidence).toBeDefined();
        expect(texts.get(c.report)?.slice(c.evidence!.start, c.evidence!.end)).toBe(c.evidence!.text);
      }
    }
  });
});
