import { describe, expect, it } from 'vitest';
import { reconcile, type ReportInput } from '../../src/index.js';

const q = (phrase: string) => ({ kind: 'quantity' as const, phrase });
const t = (phrase: string) => ({ kind: 'time' as const, phrase });
const quote = (phrase: string) => ({ kind: 'quote' as const, phrase });

describe('reconcile: slots', () => {
  it('keeps figures by different speakers in different slots (organisers vs police)', () => {
    const result = reconcile([
      { id: 'a', source: 'Daily A', claims: [
        { subject: 'march', attribute: 'turnout', speaker: 'organisers', value: q('one million people') },
        { subject: 'march', attribute: 'turnout', speaker: 'police', value: q('240,000 people') },
      ] },
      { id: 'b', source: 'Daily B', claims: [
        { subject: 'march', attribute: 'turnout', speaker: 'the organisers', value: q('a million people') },
        { subject: 'march', attribute: 'turnout', speaker: 'Police', value: q('about 240,000 people') },
      ] },
    ]);
    // The label shown is the shortest spelling used, ties by code-unit order ('P' < 'p').
    expect(result.findings.map((f) => [f.speaker, f.verdict]).sort()).toEqual([
      ['Police', 'compatible'],
      ['organisers', 'agree'],
    ]);
    expect(result.summary.conflict).toBe(0);
  });

  it('folds case, spacing and punctuation in subject and attribute keys', () => {
    const result = reconcile([
      { id: 'a', source: 'A', claims: [{ subject: 'Fresh-Order', attribute: 'Accounts', value: q('1,178 accounts') }] },
      { id: 'b', source: 'B', claims: [{ subject: 'fresh order', attribute: 'accounts', value: q('1,178 accounts') }] },
    ]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ verdict: 'agree', subject: 'Fresh-Order', attribute: 'Accounts' });
  });

  it('flags the same words given to different speakers as an attribution conflict', () => {
    const result = reconcile([
      { id: 'a', source: 'A', claims: [{ subject: 'speech', attribute: 'quote', speaker: 'Jane Alder', value: quote('We will not back down') }] },
      { id: 'b', source: 'B', claims: [{ subject: 'speech', attribute: 'quote', speaker: 'Omar Reyes', value: quote('we will not back down.') }] },
    ]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ verdict: 'conflict', reason: 'different-speaker', kind: 'quote', speaker: null });
    expect(result.findings[0]?.explanation).toContain('Jane Alder');
  });

  it('treats an excerpt of a longer quote as compatible', () => {
    const result = reconcile([
      { id: 'a', source: 'A', claims: [{ subject: 's', attribute: 'quote', value: quote('the bridge will reopen in spring, once inspections end') }] },
      { id: 'b', source: 'B', claims: [{ subject: 's', attribute: 'quote', value: quote('the bridge will reopen in spring') }] },
    ]);
    expect(result.findings[0]).toMatchObject({ verdict: 'compatible', reason: 'excerpt' });
    expect(result.findings[0]?.consensus?.value).toMatchObject({ text: 'the bridge will reopen in spring, once inspections end' });
  });
});

describe('reconcile: times and publication dates', () => {
  it('resolves a weekday against each report, and leaves it unresolved without a date', () => {
    const reports: ReportInput[] = [
      { id: 'a', source: 'A', publishedAt: '2021-02-09', claims: [{ subject: 'fire', attribute: 'date', value: t('on Thursday') }] },
      { id: 'b', source: 'B', publishedAt: '2021-02-06', claims: [{ subject: 'fire', attribute: 'date', value: t('on Thursday') }] },
      { id: 'c', source: 'C', claims: [{ subject: 'fire', attribute: 'date', value: t('on Thursday') }] },
    ];
    const [f] = reconcile(reports).findings;
    expect(f?.claims.map((c) => (c.value.kind === 'time' ? [c.value.start, c.value.anchor] : null))).toEqual([
      ['2021-02-04', 'publication'],
      ['2021-02-04', 'publication'],
      [null, 'unresolved'],
    ]);
    expect(f?.verdict).toBe('compatible');
    expect(f?.reason).toBe('unresolved');
  });

  it('sees a day inside "earlier this week" as compatible by granularity', () => {
    const [f] = reconcile([
      { id: 'a', source: 'A', publishedAt: '2021-02-11', claims: [{ subject: 'raid', attribute: 'date', value: t('earlier this week') }] },
      { id: 'b', source: 'B', publishedAt: '2021-02-11', claims: [{ subject: 'raid', attribute: 'date', value: t('on Tuesday') }] },
    ]).findings;
    expect(f).toMatchObject({ verdict: 'compatible', reason: 'granularity' });
    expect(f?.consensus?.value).toMatchObject({ start: '2021-02-09', end: '2021-02-09' });
  });
});

describe('reconcile: consensus', () => {
  const toll = (id: string, source: string, phrase: string, reliability?: number): ReportInput => ({
    id,
    source: reliability === undefined ? source : { id: source, reliability },
    claims: [{ subject: 'crash', attribute: 'deaths', value: q(phrase) }],
  });

  it('takes a weighted vote when reports conflict; a source counts once', () => {
    const result = reconcile([
      toll('a1', 'a', '288 deaths'),
      toll('a2', 'a', '288 deaths'),
      toll('b', 'b', '275 deaths'),
      toll('c', 'c', '275 deaths'),
    ]);
    const [f] = result.findings;
    expect(f).toMatchObject({ verdict: 'conflict', reason: 'disjoint', independentSources: 3 });
    expect(f?.consensus).toMatchObject({ method: 'weighted-vote', reports: ['b', 'c'], independentSources: 2 });
    expect(f?.consensus?.value).toMatchObject({ min: 275, max: 275 });
    expect(f?.consensus?.confidence).toBeCloseTo(2 / 3, 3);
  });

  it('lets source reliability outweigh numbers', () => {
    const reports = [toll('a', 'a', '288 deaths', 0.95), toll('b', 'b', '275 deaths', 0.3), toll('c', 'c', '275 deaths', 0.3)];
    expect(reconcile(reports).findings[0]?.consensus?.value).toMatchObject({ min: 288 });
    // options override the prior in the source
    expect(reconcile(reports, { reliability: { a: 0.1 } }).findings[0]?.consensus?.value).toMatchObject({ min: 275 });
  });

  it('breaks a tie by data alone, whatever the order', () => {
    const one = reconcile([toll('a', 'a', '288 deaths'), toll('b', 'b', '275 deaths')]);
    const two = reconcile([toll('b', 'b', '275 deaths'), toll('a', 'a', '288 deaths')]);
    expect(one).toEqual(two);
    expect(one.findings[0]?.consensus?.confidence).toBe(0.5);
  });

  it('gives agreement a confidence from its independent sources', () => {
    const [f] = reconcile([toll('a', 'a', '288 deaths'), toll('b', 'b', '288 deaths')]).findings;
    expect(f?.consensus).toMatchObject({ method: 'agreement', confidence: 0.75, independentSources: 2 });
  });

  it('marks a single source that contradicts itself', () => {
    const [f] = reconcile([
      { id: 'a', source: 'a', claims: [
        { subject: 'crash', attribute: 'deaths', value: q('288 deaths') },
        { subject: 'crash', attribute: 'deaths', value: q('275 deaths') },
      ] },
    ]).findings;
    expect(f).toMatchObject({ verdict: 'single-source', reason: 'internal-conflict' });
    expect(f?.explanation).toContain('conflict');
  });

  it('accepts typed values as well as phrases, and extra alias groups', () => {
    const [f] = reconcile(
      [
        { id: 'a', source: 'a', claims: [{ subject: 'order', attribute: 'issued by', value: { kind: 'entity', name: 'Home Office' } }] },
        { id: 'b', source: 'b', claims: [{ subject: 'order', attribute: 'issued by', value: { kind: 'entity', name: 'Interior Ministry' } }] },
      ],
      { aliases: [['Home Office', 'Interior Ministry']] },
    ).findings;
    expect(f).toMatchObject({ verdict: 'agree', reason: 'alias' });
  });
});
