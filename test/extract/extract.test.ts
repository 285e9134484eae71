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

describe('extract: dates chrono runs on, and datelines before names', () => {
  it('keeps the date and the count when chrono joins them ("on Monday after 14 cracks")', () => {
    const report = extract('The bridge was closed on Monday after 14 cracks were found.', { publishedAt: '2024-03-13' });
    const date = report.claims.find((c) => c.value.kind === 'time');
    expect(date?.evidence?.text).toBe('on Monday');
    expect(date?.value).toMatchObject({ start: '2024-03-11', end: '2024-03-11', granularity: 'day', anchor: 'publication' });
    const count = report.claims.find((c) => c.value.kind === 'quantity');
    expect(count?.evidence?.text).toBe('14 cracks');
    expect(count?.value).toMatchObject({ value: 14, unit: 'cracks' });
  });

  it('never takes a dateline into a speaker’s name or title', () => {
    const speaker = (text: string) => {
      const found = extract(text, { publishedAt: '2024-10-04' }).claims.filter((c) => c.attribute === 'speaker');
      return found.map((c) => (c.value.kind === 'entity' ? { name: c.value.name, title: c.value.title } : null));
    };
    const ruiz = { name: 'Jane Ruiz', title: 'Mayor' };
    expect(speaker('PORT ALDER, Oct 3 — Mayor Jane Ruiz said: "We will rebuild the bridge."')).toEqual([ruiz]);
    // A later mention by surname takes the full name from the dateline sentence, without it.
    expect(speaker('PORT ALDER, Oct 3 — Mayor Jane Ruiz said the bridge would reopen. "We will rebuild," Ruiz said.')).toEqual([ruiz]);
    expect(speaker('PORT ALDER, Oct. 3 (AP) — Mayor Jane Ruiz spoke first.\n\n"We will rebuild," Ms Ruiz said.')).toEqual([ruiz]);
    expect(speaker('PORT ALDER — Mayor Jane Ruiz spoke first. "We will rebuild," said Ruiz.')).toEqual([ruiz]);
    expect(speaker('Nandigiri: Urban Development Minister Vinod Hegde resigned. "I am innocent," Hegde said.')).toEqual([
      { name: 'Vinod Hegde', title: 'Urban Development Minister' },
    ]);
    // Initials still join ("P. K. Jena" is read as the context reads it, without the dots).
    expect(speaker('Dr. P. K. Jena spoke. "It is safe," Jena said.')).toEqual([{ name: 'P K Jena', title: undefined }]);
  });
});
