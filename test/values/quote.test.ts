import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ComparisonSchema, QuoteValueSchema } from '../../src/model/index.js';
import type { QuoteValue, WordDiffOp } from '../../src/model/index.js';
import {
  combineQuotes,
  compareQuotes,
  diffWords,
  formatQuote,
  normalizeQuote,
  parseQuote,
} from '../../src/values/quote.js';

const q = (text: string): QuoteValue => parseQuote(text);

// From the seed articles (Hindustan Times 2021-02-08, Jagran 2021-02-09).
const HT_DIALOGUE = 'We have reached out to the honourable minister for a formal dialogue';
const JAGRAN_DIALOGUE =
  'We continue to be engaged with the Government of India from a position of respect and have reached out to the Honourable Minister, Ministry of Electronics and Information Technology for a formal dialogue';

function side(ops: readonly WordDiffOp[], keep: 'delete' | 'insert'): string {
  return ops
    .filter((o) => o.op === 'equal' || o.op === keep)
    .map((o) => o.text)
    .join(' ');
}

function words(text: string): string {
  return text.split(/\s+/u).filter((w) => w.length > 0).join(' ');
}

describe('normalizeQuote', () => {
  it('folds case, curly marks and end punctuation', () => {
    expect(normalizeQuote('\u201CSafety of our employees is a top priority for us at Twitter.\u201D')).toBe(
      'safety of our employees is a top priority for us at twitter',
    );
    expect(normalizeQuote('\u2018safety of its employees is a top priority for the company\u2019')).toBe(
      'safety of its employees is a top priority for the company',
    );
  });

  it('folds apostrophes inside words', () => {
    expect(normalizeQuote('Twitter\u2019s response')).toBe("twitter's response");
  });

  it('folds every dash kind to "-" and spaces parenthetical dashes', () => {
    expect(normalizeQuote('a \u2013 b')).toBe('a - b');
    expect(normalizeQuote('a\u2014b')).toBe('a - b');
    expect(normalizeQuote('a \u2015 b')).toBe('a - b');
    expect(normalizeQuote('a -- b')).toBe('a - b');
    expect(normalizeQuote('10\u201320')).toBe('10-20');
    expect(normalizeQuote('a\u2010b a\u2012b')).toBe('a-b a-b');
  });

  it('keeps word-internal hyphens', () => {
    expect(normalizeQuote('within 24-hours')).toBe('within 24-hours');
  });

  it('turns every ellipsis form into one spaced token', () => {
    expect(normalizeQuote('...the tweets must continue to flow')).toBe('\u2026 the tweets must continue to flow');
    expect(normalizeQuote('a\u2026b')).toBe('a \u2026 b');
    expect(normalizeQuote('a . . . b')).toBe('a \u2026 b');
    expect(normalizeQuote('a.... b')).toBe('a \u2026 b');
    expect(normalizeQuote('a [...] b')).toBe('a \u2026 b');
    expect(normalizeQuote('a ... [...] ... b')).toBe('a \u2026 b');
  });

  it('collapses whitespace of every kind', () => {
    expect(normalizeQuote('  a\u00A0\u00A0b\n\tc  ')).toBe('a b c');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const once = normalizeQuote(s);
        expect(normalizeQuote(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
    const marks = fc.constantFrom(...'.,;:!?\'"\u2018\u2019\u201C\u201D-\u2013\u2014\u2026[]() aA'.split(''));
    fc.assert(
      fc.property(fc.array(marks, { maxLength: 30 }), (chars) => {
        const once = normalizeQuote(chars.join(''));
        expect(normalizeQuote(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseQuote', () => {
  it('fills in the normalised form and drops enclosing marks', () => {
    const v = parseQuote('  \u201CWe have reached out.\u201D ');
    expect(v).toEqual({ kind: 'quote', text: 'We have reached out.', normalized: 'we have reached out' });
    expect(QuoteValueSchema.parse(v)).toEqual(v);
  });

  it('keeps a trailing apostrophe that is not an enclosing mark', () => {
    expect(parseQuote("the farmers'").text).toBe("the farmers'");
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const v = parseQuote(s);
        expect(v.kind).toBe('quote');
      }),
    );
  });
});

describe('diffWords', () => {
  it('reports the seed dialogue quote as two insertions', () => {
    expect(diffWords(HT_DIALOGUE, JAGRAN_DIALOGUE)).toEqual([
      { op: 'equal', text: 'We' },
      { op: 'insert', text: 'continue to be engaged with the Government of India from a position of respect and' },
      { op: 'equal', text: 'have reached out to the honourable minister' },
      { op: 'insert', text: 'Ministry of Electronics and Information Technology' },
      { op: 'equal', text: 'for a formal dialogue' },
    ]);
  });

  it('emits original words: equal/delete from a, insert from b', () => {
    expect(diffWords('The Tweets must flow.', 'the tweets must not flow')).toEqual([
      { op: 'equal', text: 'The Tweets must' },
      { op: 'insert', text: 'not' },
      { op: 'equal', text: 'flow.' },
    ]);
  });

  it('shows a joined word as a replacement', () => {
    expect(diffWords('our work force', 'our workforce')).toEqual([
      { op: 'equal', text: 'our' },
      { op: 'delete', text: 'work force' },
      { op: 'insert', text: 'workforce' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('a b', '')).toEqual([{ op: 'delete', text: 'a b' }]);
    expect(diffWords('', 'a b')).toEqual([{ op: 'insert', text: 'a b' }]);
  });

  it('keeps punctuation-only chunks as steps of their own', () => {
    expect(diffWords('respect \u2014 and more', 'respect - and less')).toEqual([
      { op: 'equal', text: 'respect \u2014 and' },
      { op: 'delete', text: 'more' },
      { op: 'insert', text: 'less' },
    ]);
    expect(diffWords('respect \u2014 and', 'respect and')).toEqual([
      { op: 'equal', text: 'respect' },
      { op: 'delete', text: '\u2014' },
      { op: 'equal', text: 'and' },
    ]);
    expect(compareQuotes(q('respect \u2014 and more'), q('respect and less')).detail).toBe(
      'wording differs: "more" changed to "less"',
    );
  });

  it('reconstructs both sides (a exactly, b up to normalisation)', () => {
    const word = fc.constantFrom('we', 'We', 'the', 'minister,', 'flow.', '\u2014', '...', 'a', 'formal', '"dialogue"', 'x');
    const text = fc.array(word, { maxLength: 12 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ops = diffWords(a, b);
        expect(side(ops, 'delete')).toBe(words(a));
        // equal steps carry a's spelling, so b comes back word for word up to normalisation
        const fold = (t: string) => words(t).split(' ').map(normalizeQuote);
        expect(fold(side(ops, 'insert'))).toEqual(fold(b));
        expect(side(ops, 'insert').split(' ').length).toBe(words(b).split(' ').length);
        for (let i = 1; i < ops.length; i++) expect(ops[i]?.op).not.toBe(ops[i - 1]?.op);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic', () => {
    expect(diffWords('a b c a b', 'b a c b a')).toEqual(diffWords('a b c a b', 'b a c b a'));
  });

  it('falls back to one delete and one insert when the middle is too big to align', () => {
    const a = Array.from({ length: 2500 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 2500 }, (_, i) => `b${i}`).join(' ');
    const ops = diffWords(`start ${a} end`, `start ${b} end`);
    expect(ops.map((o) => o.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(side(ops, 'delete')).toBe(`start ${a} end`);
  });

  it('copes with a 200 kB adversarial string', () => {
    const parts: string[] = [];
    for (let i = 0; i < 4000; i++) {
      parts.push('"\u201C\u2019\'', '--\u2014\u2013-', '. . . .', '...\u2026', 'word', '- -', '[...]');
    }
    const big = parts.join(' ').slice(0, 200_000);
    expect(big.length).toBeGreaterThan(150_000);
    const normalized = normalizeQuote(big);
    expect(normalizeQuote(normalized)).toBe(normalized);
    const ops = diffWords(big, big);
    expect(ops).toEqual([{ op: 'equal', text: words(big) }]);
    const reversed = big.split(' ').reverse().join(' ');
    expect(side(diffWords(big, reversed), 'insert')).toBe(words(reversed));
    expect(compareQuotes(q(big), q(`${big} extra`)).verdict).toBe('compatible');
    const noSpaces = '.'.repeat(70_000) + '-'.repeat(70_000) + '"'.repeat(60_000);
    expect(normalizeQuote(noSpaces)).toBe('\u2026 -');
    expect(diffWords(noSpaces, noSpaces).every((o) => o.op === 'equal')).toBe(true);
  });
});

describe('compareQuotes', () => {
  it('agrees on identical text', () => {
    expect(compareQuotes(q('a formal dialogue'), q('a formal dialogue'))).toMatchObject({
      verdict: 'agree',
      reason: 'identical',
    });
  });

  it('agrees on "the tweets" vs "the Tweets" as a case difference', () => {
    const c = compareQuotes(
      q('...the tweets must continue to flow'),
      q('...the Tweets must continue to flow'),
    );
    expect(c).toMatchObject({ verdict: 'agree', reason: 'case' });
  });

  it('agrees on the safety quote despite a trailing period and curly marks', () => {
    const c = compareQuotes(
      q('Safety of our employees is a top priority for us at Twitter'),
      { kind: 'quote', text: '\u201CSafety of our employees is a top priority for us at Twitter.\u201D' },
    );
    expect(c).toMatchObject({ verdict: 'agree', reason: 'punctuation' });
  });

  it('calls case plus punctuation "punctuation"', () => {
    const c = compareQuotes(
      q('safety of our employees is a top priority for us at Twitter'),
      q('Safety of our employees is a top priority for us at Twitter.'),
    );
    expect(c).toMatchObject({ verdict: 'agree', reason: 'punctuation' });
  });

  it('treats dash kinds, spacing and nested mark styles as punctuation', () => {
    expect(compareQuotes(q('flow \u2014 and'), q('flow - and'))).toMatchObject({ reason: 'punctuation' });
    expect(compareQuotes(q('called it "misinformation"'), q("called it 'misinformation'"))).toMatchObject({
      verdict: 'agree',
      reason: 'punctuation',
    });
  });

  it('treats an edge ellipsis as punctuation: every quote is cut somewhere', () => {
    expect(compareQuotes(q('...the tweets must continue to flow'), q('the tweets must continue to flow'))).toMatchObject({
      verdict: 'agree',
      reason: 'punctuation',
    });
  });

  it('finds the seed dialogue quote a wording conflict with a diff', () => {
    const c = compareQuotes(q(HT_DIALOGUE), q(JAGRAN_DIALOGUE));
    expect(c.verdict).toBe('conflict');
    expect(c.reason).toBe('wording');
    expect(c.diff).toEqual(diffWords(HT_DIALOGUE, JAGRAN_DIALOGUE));
    expect(c.detail).toContain('"Ministry of Electronics and Information Technology" added');
    expect(c.detail.length).toBeLessThan(200);
    expect(ComparisonSchema.parse(c)).toEqual(c);
    const back = compareQuotes(q(JAGRAN_DIALOGUE), q(HT_DIALOGUE));
    expect(back.detail).toContain('"Ministry of Electronics and Information Technology" removed');
  });

  it('finds "work force" vs "workforce" a wording conflict', () => {
    const c = compareQuotes(q('our work force is safe'), q('our workforce is safe'));
    expect(c).toMatchObject({ verdict: 'conflict', reason: 'wording' });
    expect(c.detail).toBe('wording differs: "work force" changed to "workforce"');
  });

  it('finds a word-contiguous excerpt compatible', () => {
    const full =
      'Safety of our employees is a top priority for us at Twitter. We continue to be engaged with the Government of India';
    expect(compareQuotes(q('Safety of our employees is a top priority for us at Twitter'), q(full))).toMatchObject({
      verdict: 'compatible',
      reason: 'excerpt',
    });
    expect(compareQuotes(q(full), q('engaged with the Government of India'))).toMatchObject({
      verdict: 'compatible',
      reason: 'excerpt',
    });
  });

  it('does not take a substring inside a word for an excerpt', () => {
    expect(compareQuotes(q('low'), q('the tweets must continue to flow'))).toMatchObject({
      verdict: 'conflict',
      reason: 'wording',
    });
    expect(compareQuotes(q('tweets must continue to fl'), q('the tweets must continue to flow')).verdict).toBe(
      'conflict',
    );
  });

  it('accepts an ellipsis quote whose segments appear in order', () => {
    const full = 'We strongly believe that the open and free exchange of information has a positive global impact, and that the tweets must continue to flow';
    const cut = 'We strongly believe . . . that the tweets must continue to flow';
    expect(compareQuotes(q(cut), q(full))).toMatchObject({ verdict: 'compatible', reason: 'excerpt' });
    expect(compareQuotes(q(full), q(`We strongly believe\u2026the open and free exchange\u2026`))).toMatchObject({
      verdict: 'compatible',
      reason: 'excerpt',
    });
  });

  it('rejects an ellipsis quote whose segments are out of order or changed', () => {
    const full = 'We strongly believe that the tweets must continue to flow';
    expect(compareQuotes(q('the tweets must continue ... We strongly believe'), q(full)).verdict).toBe('conflict');
    expect(compareQuotes(q('We firmly believe ... the tweets must continue to flow'), q(full)).verdict).toBe('conflict');
  });

  it('does not let a segment span an ellipsis of the other quote', () => {
    expect(compareQuotes(q('a b c d'), q('a b ... c d')).reason).toBe('excerpt'); // a b … c d is cut from a b c d
    expect(compareQuotes(q('b c'), q('a b ... c d')).verdict).toBe('conflict');
  });

  it('is symmetric in verdict and reason', () => {
    const word = fc.constantFrom('we', 'We', 'the', 'The', 'minister,', 'flow.', '\u2014', '...', 'a', 'formal', '"dialogue"', 'work', 'force', 'workforce');
    const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ab = compareQuotes(q(a), q(b));
        const ba = compareQuotes(q(b), q(a));
        expect([ba.verdict, ba.reason]).toEqual([ab.verdict, ab.reason]);
      }),
      { numRuns: 1000 },
    );
  });

  it('recomputes the normalised form rather than trusting it', () => {
    const stale: QuoteValue = { kind: 'quote', text: 'the tweets', normalized: 'something else' };
    expect(compareQuotes(stale, q('The tweets')).reason).toBe('case');
  });
});

describe('combineQuotes', () => {
  const full = q('Safety of our employees is a top priority for us at Twitter. We continue to be engaged');
  const part = q('Safety of our employees is a top priority for us at Twitter');
  const cut = q('Safety of our employees ... for us at Twitter');

  it('picks the fullest version that all others are excerpts of', () => {
    expect(combineQuotes([part, full, cut])).toEqual(parseQuote(full.text));
    expect(combineQuotes([cut, part])).toEqual(parseQuote(part.text));
  });

  it('breaks ties by the smallest raw text', () => {
    const a = q('Safety of our employees');
    const b = q('safety of our employees.');
    expect(combineQuotes([a, b])?.text).toBe('Safety of our employees');
    expect(combineQuotes([b, a])?.text).toBe('Safety of our employees');
  });

  it('returns null when the versions conflict or there are none', () => {
    expect(combineQuotes([q(HT_DIALOGUE), q(JAGRAN_DIALOGUE)])).toBeNull();
    expect(combineQuotes([])).toBeNull();
  });

  it('is order independent and does not mutate its input', () => {
    const values = [full, part, cut];
    const frozen = values.map((v) => Object.freeze({ ...v }));
    const snapshot = JSON.stringify(frozen);
    expect(combineQuotes(frozen)).toEqual(combineQuotes([...frozen].reverse()));
    expect(JSON.stringify(frozen)).toBe(snapshot);
  });
});

describe('formatQuote', () => {
  it('wraps the text in curly double quotes', () => {
    expect(formatQuote(q('the tweets must continue to flow'))).toBe('\u201Cthe tweets must continue to flow\u201D');
    expect(formatQuote({ kind: 'quote', text: '"already quoted"' })).toBe('\u201Calready quoted\u201D');
  });
});
