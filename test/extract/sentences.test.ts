import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences, type Sentence } from '../../src/index.js';

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

  it('keeps dotted capital initials with the name after them, but lets "p.m." end a sentence', () => {
    expect(slices('A.K. Sharma, the owner, spoke. P.K. Jena left at 5 p.m. Police came.')).toEqual([
      'A.K. Sharma, the owner, spoke.',
      'P.K. Jena left at 5 p.m.',
      'Police came.',
    ]);
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

/** The splitter as first written, character by character: the reference for the fast one. */
function referenceSplit(text: string): Sentence[] {
  const abbreviations = new Set([
    'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'rs', 'no', 'nos', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'gen', 'col', 'lt', 'capt', 'sgt', 'gov', 'sen', 'rep', 'hon', 'approx', 'fig', 'dept', 'est', 'govt', 'u.s', 'u.k',
  ]);
  const closers = new Set(['"', "'", '\u201D', '\u2019', ')', ']']);
  const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0';
  const skipSpace = (i: number) => {
    while (i < text.length && isSpace(text[i])) i++;
    return i;
  };
  const skipInline = (i: number) => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00a0')) i++;
    return i;
  };
  const isUpperStart = (i: number) => {
    let j = i;
    while (j < text.length && (closers.has(text[j]!) || text[j] === '\u201C' || text[j] === '\u2018' || text[j] === '(')) j++;
    const ch = text[j];
    return ch !== undefined && ((ch.toUpperCase() === ch && ch.toLowerCase() !== ch) || /[0-9]/.test(ch));
  };
  const isAbbreviation = (dot: number) => {
    let j = dot;
    const floor = Math.max(0, dot - 12);
    while (j > floor && /[A-Za-z.]/.test(text[j - 1]!)) j--;
    const word = text.slice(j, dot).toLowerCase();
    if (word.length === 1) return true;
    if (/^(?:[A-Z]\.)+[A-Z]$/.test(text.slice(j, dot).replace(/^\.+/, ''))) return true;
    return abbreviations.has(word.replace(/^\.+/, ''));
  };
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let start = skipSpace(0);
  const push = (end: number) => {
    let e = end;
    while (e > start && isSpace(text[e - 1])) e--;
    if (e > start) sentences.push({ start, end: e, paragraph });
  };
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      if (sentences.length && sentences[sentences.length - 1]!.paragraph === paragraph) paragraph++;
      i = skipSpace(i);
      start = i;
      continue;
    }
    if (ch === '.' || ch === '!' || ch === '?') {
      let end = i + 1;
      while (end < text.length && (text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
      while (end < text.length && closers.has(text[end]!)) end++;
      if ((end >= text.length || isSpace(text[end])) && !(ch === '.' && isAbbreviation(i)) && (end >= text.length || isUpperStart(skipInline(end)))) {
        push(end);
        i = skipInline(end);
        start = i;
        continue;
      }
      i = end;
      continue;
    }
    i++;
  }
  push(text.length);
  return sentences;
}

describe('splitSentences against the character-by-character reference', () => {
  const pieces = fc.constantFrom(
    'Mr', 'MR', 'Rs', 'U.S', 'u.k', 'approx', 'Approximately', 'P', 'k', 'rao', 'Rao', 'Élise', 'élise', 'ß', 'İ', 'Σ',
    '7', '4.5', '.', '..', '!', '?', '?!', '"', "'", '\u201C', '\u201D', '\u2018', '\u2019', '(', ')', '[', ']',
    ' ', ' ', '  ', '\t', '\u00a0', '\u2003', '\n', '\n\n', '\r\n', '\u{1F600}', '\u{1D400}', '\u000e', 'a.a.a', 'e.g.',
  );
  it('splits as the reference does, on any mix of abbreviations, marks, spaces and scripts', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 80 }).map((p) => p.join('')), (text) => {
        expect(splitSentences(text)).toEqual(referenceSplit(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(splitSentences(text)).toEqual(referenceSplit(text));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps abbreviations in capitals and after other letters', () => {
    expect(slices('MR. RAO left. He came.')).toEqual(['MR. RAO left.', 'He came.']);
    expect(slices('Ask Élise. Élise knows. Café. Done.')).toEqual(['Ask Élise.', 'Élise knows.', 'Café.', 'Done.']);
  });
});
