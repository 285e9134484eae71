import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/index.js';

const slices = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits on sentence ends followed by a capital, keeping abbreviations and initials', () => {
    expect(slices('Mr. Rao paid Rs. 5 lakh on Feb. 4. P. K. Jena disagreed. Police came!')).toEqual([
      'Mr. Rao paid Rs. 5 lakh on Feb. 4.',
      'P. K. Jena disagreed.',
      'Police came!',
    ]);
  });

  it('keeps closing quote marks with their sentence', () => {
    expect(slices('“We will rebuild.” The mayor left.')).toEqual(['“We will rebuild.”', 'The mayor left.']);
  });

  it('does not split before a lower-case word or inside decimals', () => {
    expect(slices('It rose 7.4 per cent. to close. Then fell.')).toEqual(['It rose 7.4 per cent. to close.', 'Then fell.']);
  });

  it('numbers paragraphs', () => {
    expect(splitSentences('One. Two.\n\nThree.').map((s) => s.paragraph)).toEqual([0, 0, 1]);
  });

  it('returns exact, ordered, non-overlapping spans for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        let last = 0;
        for (const s of splitSentences(text)) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          last = s.end;
        }
      }),
    );
  });

  it('stays linear on a megabyte of initials and dots', () => {
    const text = 'a.'.repeat(500_000);
    expect(splitSentences(text).length).toBeGreaterThan(0);
  });
});
