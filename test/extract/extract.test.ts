import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorroborateError, extract, ReportSchema } from '../../src/index.js';

const ARTICLE = `Fire crews fought the blaze at the Navi Textiles plant for nine hours on Tuesday, the district fire officer said.

More than 1,100 workers were evacuated and 42 people were taken to hospital, according to police.

"We had the fire under control by midnight," said Chief Fire Officer Anil Deshmukh. "Nobody was left inside."`;

describe('extract', () => {
  const report = extract(ARTICLE, { id: 'ledger', source: 'The Ledger', publishedAt: '2024-03-13' });

  it('returns a valid Report with every kind of claim', () => {
    expect(ReportSchema.safeParse(report).success).toBe(true);
    const byKind = (kind: string) => report.claims.filter((c) => c.value.kind === kind).map((c) => c.evidence?.text);
    expect(byKind('quantity')).toEqual(['More than 1,100 workers', '42 people']);
    expect(byKind('time')).toEqual(['on Tuesday']);
    expect(byKind('quote')).toEqual(['We had the fire under control by midnight', 'Nobody was left inside.']);
    expect(byKind('entity').length).toBe(2);
  });

  it('resolves dates against the publication date and attributes quotes', () => {
    const date = report.claims.find((c) => c.value.kind === 'time');
    expect(date?.value).toMatchObject({ start: '2024-03-12', end: '2024-03-12', anchor: 'publication' });
    const speakers = report.claims.filter((c) => c.attribute === 'speaker').map((c) => c.value.kind === 'entity' && c.value.name);
    expect(speakers).toEqual(['Anil Deshmukh', 'Anil Deshmukh']);
  });

  it('gives each claim its context: sentence span, keywords and entities outside quotes', () => {
    const count = report.claims.find((c) => c.evidence?.text === '42 people')!;
    expect(ARTICLE.slice(count.context!.sentence.start, count.context!.sentence.end)).toBe(
      'More than 1,100 workers were evacuated and 42 people were taken to hospital, according to police.',
    );
    expect(count.context!.keywords).toContain('hospital');
    const quote = report.claims.find((c) => c.value.kind === 'quote')!;
    expect(quote.context!.keywords).not.toContain('midnight');
  });

  it('leaves relative dates unresolved without a publication date', () => {
    const undated = extract(ARTICLE);
    expect(undated.claims.find((c) => c.value.kind === 'time')?.value).toMatchObject({ anchor: 'unresolved', start: null });
  });

  it('keeps evidence exact for any input, including hostile text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('', ' 1,178 accounts', ' "Yes," he said on Monday.', ' ‘a’ “b” 12 ...'), (noise, extra) => {
        const text = noise + extra + noise;
        for (const claim of extract(text, { publishedAt: '2021-02-09' }).claims) {
          expect(text.slice(claim.evidence!.start, claim.evidence!.end)).toBe(claim.evidence!.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rejects bad input with a CorroborateError naming it', () => {
    expect(() => extract(42 as unknown as string)).toThrow(CorroborateError);
    expect(() => extract('x', { publishedAt: 'Monday' })).toThrow(/publishedAt/);
  });
});
