import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { CorroborateError } from '../../src/index.js';

// Random strings and random JSON thrown at every public entry: the only error allowed is the
// library's own CorroborateError (plain data about bad input); never a TypeError, never a hang.
// About 100k inputs in all.

/** Pieces that steer random text toward the extractors' hot spots. */
const TRICKY = [
  '"', '“', '”', '‘', '’', '«', '(', ')', ',', '.', '1', '1,178', '2021', 'lakh', 'crore', 'over', 'said', ' said ',
  'according to', 'he said', 'Mayor ', 'Jane Ruiz', 'on Monday', 'last week', 'within 24 hours', 'COVID-19',
  '\ud800', '\udc00', '\u200b', '\u202e', '\n', '\n\n', '---\n', 'source: ', 'published: ', ' date 2021-02-08 ', '$', '%',
];
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((parts) => parts.join(' ')),
);
const date = fc.option(fc.oneof(fc.constantFrom('2021-02-08', '2024-02-29T10:00:00+05:30', '0001-01-01', '9999-12-31', '2023-02-30', 'yesterday'), fc.string({ maxLength: 12 })), { nil: undefined });

function onlyOurErrors(run: () => unknown): boolean {
  try {
    run();
  } catch (error) {
    if (!(error instanceof CorroborateError)) throw error;
  }
  return true;
}

function property<T>(arb: fc.Arbitrary<T>, numRuns: number, run: (input: T) => unknown) {
  fc.assert(fc.property(arb, (input) => onlyOurErrors(() => run(input))), { numRuns, seed: 20261125 });
}

describe('fuzz: text entries', () => {
  it('extract() on 30k random texts: evidence always slices the text, only CorroborateError', () => {
    fc.assert(
      fc.property(text, date, (t, publishedAt) =>
        onlyOurErrors(() => {
          const report = api.extract(t, { publishedAt, source: 'fuzz', id: 'fuzz' });
          for (const claim of report.claims) {
            if (claim.evidence) expect(t.slice(claim.evidence.start, claim.evidence.end)).toBe(claim.evidence.text);
          }
        }),
      ),
      { numRuns: 30_000, seed: 20261125 },
    );
  });

  it('parseArticle() and splitSentences() on 20k random texts', () => {
    property(text, 10_000, (t) => api.parseArticle(t));
    property(text, 10_000, (t) => api.splitSentences(t));
  });

  it('the phrase parsers on 24k random phrases', () => {
    property(fc.tuple(text, date), 6_000, ([t, publishedAt]) => api.parseTime(t, { publishedAt: publishedAt as string }));
    property(text, 6_000, (t) => api.parseQuantity(t));
    property(text, 6_000, (t) => api.parseQuote(t));
    property(text, 6_000, (t) => api.parseEntity(t));
  });

  it('normalizeQuote(), diffWords() and canonicalUnit() on 6k random texts', () => {
    property(text, 2_000, (t) => api.normalizeQuote(t));
    property(fc.tuple(text, text), 2_000, ([a, b]) => api.diffWords(a, b));
    property(text, 2_000, (t) => api.canonicalUnit(t));
  });
});

describe('fuzz: JSON entries', () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  /** Report-shaped JSON: right keys, random values, so validation goes deep. */
  const reportish = fc.record(
    {
      id: fc.oneof(fc.string({ maxLength: 4 }), json),
      source: fc.oneof(fc.string({ maxLength: 4 }), json),
      publishedAt: fc.oneof(date, json),
      text: fc.oneof(text, json),
      claims: fc.oneof(
        json,
        fc.array(
          fc.record(
            {
              subject: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'x'), json),
              attribute: fc.oneof(fc.constantFrom('toString', 'y'), json),
              value: fc.oneof(
                json,
                fc.record({ kind: fc.constantFrom('quantity', 'time', 'quote', 'entity', 'text', 'boolean', 'json'), phrase: text }),
                fc.record({ kind: fc.constantFrom('quantity', 'time', 'quote', 'entity'), value: json }),
              ),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 4 },
        ),
      ),
    },
    { requiredKeys: [] },
  );

  it('reconcile() and compareArticles() on 20k random report lists and options', () => {
    property(fc.array(fc.oneof(reportish, json), { maxLength: 4 }), 10_000, (reports) => api.reconcile(reports as never));
    property(fc.tuple(fc.array(reportish, { maxLength: 3 }), json), 4_000, ([reports, options]) => api.reconcile(reports as never, options as never));
    property(fc.array(fc.oneof(reportish, json), { maxLength: 3 }), 6_000, (articles) => api.compareArticles(articles as never));
  });

  it('reconcile() of a valid-shaped report list never throws anything but CorroborateError (5k)', () => {
    const claim = fc.record({
      subject: fc.constantFrom('ferry', '__proto__', 'constructor'),
      attribute: fc.constantFrom('rescued', 'day', 'hasOwnProperty'),
      value: fc.record({ kind: fc.constantFrom('quantity', 'time', 'quote', 'entity', 'text'), phrase: text }),
    });
    const report = fc.record({ id: fc.constantFrom('a', 'b', 'c', '__proto__'), source: fc.constantFrom('s1', 's2', 'constructor'), publishedAt: date, claims: fc.array(claim, { maxLength: 4 }) });
    property(fc.array(report, { maxLength: 4 }), 5_000, (reports) => api.reconcile(reports as never));
  });

  it('the renderers on 6k random JSON', () => {
    property(json, 2_000, (r) => api.toMarkdown(r as never));
    property(json, 2_000, (r) => api.toJSON(r as never));
    property(json, 2_000, (r) => api.toClaimReview(r as never));
  });

  it('fuse() on 5k random claim lists and options', () => {
    const fuseClaim = fc.record(
      { source: fc.oneof(fc.constantFrom('__proto__', 's'), json), subject: fc.oneof(fc.constantFrom('constructor', 'x'), json), attribute: fc.oneof(fc.constant('a'), json), value: json },
      { requiredKeys: [] },
    );
    property(fc.tuple(fc.oneof(fc.array(fuseClaim, { maxLength: 6 }), json), fc.option(json)), 5_000, ([claims, options]) => api.fuse(claims as never, (options ?? undefined) as never));
  });

  it('the typed value functions on 12k random values', () => {
    property(fc.tuple(json, json), 3_000, ([a, b]) => api.compareValues(a as never, b as never));
    property(fc.array(json, { maxLength: 3 }), 3_000, (values) => api.combineValues(values as never));
    property(json, 3_000, (v) => api.formatValue(v as never));
    property(fc.tuple(json, date), 3_000, ([v, publishedAt]) => api.parsePhraseValue(v as never, { publishedAt: publishedAt ?? null }));
  });
});
