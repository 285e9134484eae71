import { describe, expect, it } from 'vitest';
import { CorroborateError, fuse, reconcile, toJSON, type ClaimInput, type ReportInput } from '../../src/index.js';

// Documented behaviour at the edges (README, "Edge cases"): hostile keys, odd dates and numbers,
// empty input, one prolific outlet.

const quantity = (value: number) => ({ kind: 'quantity', value, min: value, max: value, qualifier: 'exact', precision: 1, unit: 'people' }) as const;

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof CorroborateError) return error.issues.map((i) => `${i.path.join('.')}: ${i.code}`);
    throw error;
  }
  return [];
}

describe('keys that name Object.prototype members', () => {
  it('rejects an own "__proto__" key as an unknown key and pollutes nothing', () => {
    const report = JSON.parse('{"id":"a","source":"s","claims":[],"__proto__":{"polluted":true}}') as unknown;
    expect(issuesOf(() => reconcile([report as ReportInput]))).toEqual(['0: unrecognized_keys']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('treats "__proto__", "constructor" and "hasOwnProperty" as ordinary ids, subjects and sources', () => {
    const claim = (text: string): ClaimInput => ({ subject: '__proto__', attribute: 'constructor', value: { kind: 'text', text } });
    const result = reconcile(
      [
        { id: '__proto__', source: '__proto__', claims: [claim('north bank')] },
        { id: 'constructor', source: 'hasOwnProperty', claims: [claim('north bank')] },
        { id: 'toString', source: 'valueOf', claims: [claim('south bank')] },
      ],
      { reliability: JSON.parse('{"__proto__": 0.9, "constructor": 0.1}') as Record<string, number> },
    );
    expect(result.reports.map((r) => r.id)).toEqual(['__proto__', 'constructor', 'toString']);
    const [finding] = result.findings;
    expect(finding).toMatchObject({ subject: '__proto__', attribute: 'constructor', verdict: 'conflict' });
    // "__proto__" (reliability 0.9) and "hasOwnProperty" (default 0.5) outweigh "valueOf" (0.5).
    expect(finding!.consensus).toMatchObject({ value: { kind: 'text', text: 'north bank' }, reports: ['__proto__', 'constructor'] });
    expect(({} as Record<string, unknown>).north).toBeUndefined();
  });

  it('fuse() learns a trust for a source named "__proto__"', () => {
    const result = fuse([
      { source: '__proto__', subject: 'constructor', attribute: 'toString', value: 1 },
      { source: 'b', subject: 'constructor', attribute: 'toString', value: 1 },
      { source: 'c', subject: 'constructor', attribute: 'toString', value: 2 },
    ]);
    expect(result.items).toEqual([{ subject: 'constructor', attribute: 'toString', value: 1, confidence: expect.any(Number), sources: ['__proto__', 'b'] }]);
    expect(result.trust.map((t) => t.source)).toEqual(['__proto__', 'b', 'c']);
  });
});

describe('dates and numbers at the edges', () => {
  const report = (extra: object) => ({ id: 'a', source: 's', claims: [], ...extra });

  it('accepts any real calendar date from 0000 to 9999 and rejects impossible ones', () => {
    for (const publishedAt of ['0000-01-01', '2024-02-29', '9999-12-31']) expect(reconcile([report({ publishedAt })]).reports[0]!.publishedAt).toBe(publishedAt);
    for (const publishedAt of ['2023-02-29', '2021-13-01', '+275760-09-13', '2021-02-08T10:00:00']) {
      expect(issuesOf(() => reconcile([report({ publishedAt })]))).toEqual(['0.publishedAt: invalid_union']);
    }
  });

  it('rejects NaN and Infinity in typed values, and accepts negative numbers', () => {
    const claims = (value: number) => [{ subject: 'x', attribute: 'y', value: quantity(value) }];
    expect(issuesOf(() => reconcile([report({ claims: claims(Number.NaN) })]))).toEqual(['0.claims.0.value: invalid_union']);
    expect(issuesOf(() => reconcile([report({ claims: claims(Number.POSITIVE_INFINITY) })]))).toEqual(['0.claims.0.value: invalid_union']);
    const negative = reconcile([report({ claims: claims(-5) }), { id: 'b', source: 't', claims: claims(-5) }]);
    expect(negative.findings[0]).toMatchObject({ verdict: 'agree', consensus: { value: { value: -5 } } });
  });
});

describe('empty and lopsided input', () => {
  it('no reports, or reports without claims, give an empty but complete result', () => {
    const empty = reconcile([]);
    expect(empty).toMatchObject({ version: 1, reports: [], findings: [], summary: { findings: 0, conflict: 0, compatible: 0, agree: 0, singleSource: 0 } });
    expect(JSON.parse(toJSON(empty))).toEqual(empty);
    const bare = reconcile([{ id: 'a', source: 's' }, { id: 'b', source: 't', claims: [], text: '' }]);
    expect(bare.reports.map((r) => r.id)).toEqual(['a', 'b']);
    expect(bare.findings).toEqual([]);
  });

  it('10,000 reports of one outlet are one source: single-source findings, one independent witness', () => {
    const reports = Array.from({ length: 10_000 }, (_, i): ReportInput => ({
      id: `r${i}`,
      source: 'wire',
      claims: [{ subject: 'ferry', attribute: 'rescued', value: { kind: 'quantity', phrase: `${20 + (i % 2)} passengers` } }],
    }));
    const [finding, ...rest] = reconcile(reports).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ verdict: 'single-source', reason: 'internal-conflict', independentSources: 1 });
    expect(finding!.claims).toHaveLength(10_000);
  });
});
