import equal from 'fast-deep-equal';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorroborateError, Reconciler, createReconciler, reconcile, type ReportInput } from '../../src/index.js';

// The incremental reconciler must always say what one batch reconcile() says about the reports
// it holds, whatever the order of adds and removes, across JSON round trips.

const SUBJECTS = ['ferry', 'Ferry', 'bridge'];
const ATTRIBUTES = ['rescued', 'day', 'statement'];
const PHRASES: Record<string, string[]> = {
  rescued: ['23 passengers', 'more than 20 passengers', 'about two dozen passengers', '31 passengers', 'nearly 30 passengers'],
  day: ['on Monday', 'on Tuesday', 'last week', 'March 4, 2024', 'earlier this week'],
  statement: ['“We pulled everyone we could from the water.”', '“We pulled everyone from the water.”', '“Nobody is missing.”'],
};
const KIND: Record<string, string> = { rescued: 'quantity', day: 'time', statement: 'quote' };
const SOURCES = [
  { id: 'north-post', name: 'North Post' },
  { id: 'valley-times', name: 'Valley Times', reliability: 0.8 },
  { id: 'wire', name: 'United Wire', reliability: 0.9 },
  { id: 'wire', name: 'United Wire', reliability: 0.6 },
];
const TEXTS = [
  'The river ferry capsized near Halden on Monday. Rescuers pulled 23 passengers from the water, police said.',
  'Rescuers pulled 23 passengers from the water after the river ferry capsized near Halden on Monday, police said.',
  'A ferry overturned near Halden on Tuesday and more than 20 passengers were rescued, the harbour master said.',
  'Council members approved 14 new buses on Wednesday, the mayor said.',
];

const claim = fc
  .record({ subject: fc.constantFrom(...SUBJECTS), attribute: fc.constantFrom(...ATTRIBUTES), pick: fc.nat(4), speaker: fc.constantFrom(undefined, 'police', 'the mayor') })
  .map(({ subject, attribute, pick, speaker }) => {
    const phrases = PHRASES[attribute]!;
    return { subject, attribute, value: { kind: KIND[attribute], phrase: phrases[pick % phrases.length]! }, ...(speaker && { speaker }) };
  });

/** A pool of reports with distinct ids: structured, and some with text to extract from. */
const pool = fc
  .array(
    fc.record({
      source: fc.nat(SOURCES.length - 1),
      day: fc.constantFrom('2024-03-04', '2024-03-05', '2024-03-05T18:00:00+02:00', null),
      claims: fc.array(claim, { maxLength: 4 }),
      text: fc.option(fc.nat(TEXTS.length - 1), { nil: undefined, freq: 3 }),
    }),
    { minLength: 1, maxLength: 7 },
  )
  .map((specs) =>
    specs.map((spec, i) => ({
      id: `r${i}`,
      source: SOURCES[spec.source]!,
      publishedAt: spec.day,
      ...(spec.text !== undefined ? { text: TEXTS[spec.text]! } : { claims: spec.claims }),
    })),
  );

/** Reports with text and no claims get their claims extracted, as the CLI and compareArticles do. */
import { extract } from '../../src/index.js';
function materialize(report: { id: string; source: { id: string; name: string }; publishedAt: string | null; text?: string; claims?: unknown[] }): ReportInput {
  if (report.text === undefined) return report as ReportInput;
  return extract(report.text, { id: report.id, source: report.source, publishedAt: report.publishedAt ?? undefined });
}

describe('createReconciler', () => {
  it('adds in any order, with JSON round trips and removals, and always equals batch reconcile()', () => {
    fc.assert(
      fc.property(pool, fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (reports, script) => {
        const all = reports.map(materialize);
        let desk = createReconciler();
        const held = new Set<number>();
        for (const step of script) {
          const i = step % all.length;
          const action = (step >> 3) % 5;
          if (action === 4) desk = Reconciler.fromJSON(JSON.parse(JSON.stringify(desk)) as unknown);
          else if (action === 3 && held.has(i)) {
            expect(desk.remove(all[i]!.id)).toBe(true);
            held.delete(i);
          } else {
            desk.add(all[i]!);
            held.add(i);
          }
          const batch = reconcile([...held].map((k) => all[k]!));
          if (!equal(desk.result(), batch)) expect(desk.result()).toEqual(batch);
        }
        return true;
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('keeps finding ids when unrelated reports arrive', () => {
    const desk = createReconciler();
    desk.add({ id: 'a', source: 's1', claims: [{ subject: 'ferry', attribute: 'rescued', value: { kind: 'quantity', phrase: '23 passengers' } }] });
    desk.add({ id: 'b', source: 's2', claims: [{ subject: 'ferry', attribute: 'rescued', value: { kind: 'quantity', phrase: '25 passengers' } }] });
    const before = desk.result().findings.map((f) => f.id);
    desk.add({ id: '0-first', source: 's3', claims: [{ subject: 'bridge', attribute: 'cracks', value: { kind: 'quantity', phrase: '14 cracks' } }] });
    const after = desk.result();
    expect(after.findings.map((f) => f.id)).toEqual(expect.arrayContaining(before));
    expect(after.findings.find((f) => f.id === before[0])?.verdict).toBe('conflict');
  });

  it('ignores an identical report added twice and rejects a different one under the same id', () => {
    const desk = createReconciler();
    const report: ReportInput = { id: 'a', source: 's1', claims: [{ subject: 'ferry', attribute: 'rescued', value: { kind: 'quantity', phrase: '23 passengers' } }] };
    desk.add(report);
    desk.add(structuredClone(report));
    expect(desk.size).toBe(1);
    expect(() => desk.add({ ...report, source: 's2' })).toThrow(CorroborateError);
    expect(desk.remove('missing')).toBe(false);
  });

  it('does not keep or mutate the caller\'s objects', () => {
    const desk = createReconciler();
    const report = { id: 'a', source: 's1', claims: [{ subject: 'ferry', attribute: 'rescued', value: { kind: 'quantity' as const, phrase: '23 passengers' } }] };
    const frozen = structuredClone(report);
    desk.add(report);
    report.claims[0]!.value.phrase = '99 passengers';
    expect(desk.toJSON().reports).toEqual([frozen]);
    expect(desk.result().findings[0]!.claims[0]!.value).toMatchObject({ value: 23 });
  });

  it('rejects bad input with the library error, and a bad saved state naming the report', () => {
    expect(() => createReconciler({ defaultReliability: 2 } as never)).toThrow(CorroborateError);
    expect(() => createReconciler().add({ id: 'x' } as never)).toThrow(CorroborateError);
    expect(() => Reconciler.fromJSON({ format: 'something-else' })).toThrow(CorroborateError);
    try {
      Reconciler.fromJSON({ format: 'corroborate-reconciler', version: 1, options: null, reports: [{ id: 'ok', source: 's' }, { id: 'bad' }] });
      expect.unreachable();
    } catch (error) {
      expect((error as CorroborateError).issues[0]!.path.slice(0, 2)).toEqual(['reports', 1]);
    }
  });
});
