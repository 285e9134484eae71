import fc from 'fast-check';
import equal from 'fast-deep-equal';
import { describe, expect, it } from 'vitest';
import { reconcile, type ReportInput } from '../../src/index.js';

// A small world: few subjects and values, so generated reports collide on slots often.
const PHRASES: Record<'quantity' | 'time' | 'quote' | 'entity', string[]> = {
  quantity: ['1,178 accounts', 'over 1,000 accounts', '1,200 accounts', '900 accounts', 'about 1,100 accounts'],
  time: ['on Monday', 'on Tuesday', 'February 4', 'earlier this week', 'yesterday'],
  quote: ['We have reached out', 'we have reached out.', 'We reached out', 'reached out', 'We have reached out to the minister'],
  entity: ['Twitter', 'a spokesperson of Twitter', 'Facebook', 'IT Ministry', 'MeitY'],
};
const ATTRIBUTE_KIND = { count: 'quantity', date: 'time', words: 'quote', 'made by': 'entity' } as const;

const claimArb = fc
  .record({
    subject: fc.constantFrom('order', 'response'),
    attribute: fc.constantFrom(...(Object.keys(ATTRIBUTE_KIND) as (keyof typeof ATTRIBUTE_KIND)[])),
    pick: fc.nat(4),
    speaker: fc.option(fc.constantFrom('Twitter', 'the police', 'organisers'), { nil: undefined }),
  })
  .map(({ subject, attribute, pick, speaker }) => {
    const kind = ATTRIBUTE_KIND[attribute];
    return {
      subject,
      attribute,
      value: { kind, phrase: PHRASES[kind][pick]! },
      ...(speaker ? { speaker } : {}),
    };
  });

const reportsArb = fc
  .uniqueArray(
    fc.record({
      id: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5'),
      source: fc.constantFrom('ht', 'jagran', 'pti', 'ndtv'),
      publishedAt: fc.option(fc.constantFrom('2021-02-08', '2021-02-09', '2021-02-12T23:30:00+05:30'), { nil: null }),
      claims: fc.array(claimArb, { maxLength: 6 }),
    }),
    { selector: (r) => r.id, minLength: 1, maxLength: 5 },
  )
  .map((reports) => reports as ReportInput[]);

function shuffled<T>(items: readonly T[], order: readonly number[]): T[] {
  return items
    .map((item, index) => ({ item, key: order[index % Math.max(order.length, 1)] ?? 0, index }))
    .sort((a, b) => a.key - b.key || b.index - a.index)
    .map((entry) => entry.item);
}

describe('reconcile properties', () => {
  it('is invariant under any permutation of reports and of the claims inside them', () => {
    fc.assert(
      fc.property(reportsArb, fc.array(fc.integer(), { minLength: 1, maxLength: 12 }), (reports, order) => {
        const permuted = shuffled(reports, order).map((r) => ({ ...r, claims: shuffled(r.claims ?? [], [...order].reverse()) }));
        expect(equal(reconcile(permuted), reconcile(reports))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('does not turn a single-source fact into a corroborated one when a report is added twice', () => {
    fc.assert(
      fc.property(reportsArb, fc.nat(), (reports, which) => {
        const repeated = reports[which % reports.length]!;
        const once = reconcile(reports);
        const twice = reconcile([...reports, repeated]);
        expect(twice).toEqual(once);
        // A copy under a new id from the same source is still one source.
        const copy = reconcile([...reports, { ...repeated, id: `${repeated.id}-copy` }]);
        for (const f of once.findings.filter((x) => x.verdict === 'single-source')) {
          expect(copy.findings.find((g) => g.id === f.id)?.verdict).toBe('single-source');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(reportsArb, (reports) => {
        const before = structuredClone(reports);
        reconcile(reports);
        expect(reports).toEqual(before);
      }),
      { numRuns: 50 },
    );
  });

  it('gives every finding a stable id that does not change when unrelated reports are added', () => {
    fc.assert(
      fc.property(reportsArb, (reports) => {
        const base = reconcile(reports);
        const more = reconcile([
          ...reports,
          { id: 'other', source: 'other', claims: [{ subject: 'unrelated', attribute: 'count', value: { kind: 'quantity', phrase: '7 boats' } }] },
        ]);
        const ids = new Set(more.findings.map((f) => f.id));
        for (const f of base.findings) expect(ids.has(f.id)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
