import { expectString } from '../model/error.js';

/**
 * A sentence of a text: its UTF-16 span and the paragraph it is in.
 *
 * @example
 * splitSentences('He left. She stayed.\n\nLater, rain.')[2]; // { start: 22, end: 34, paragraph: 1 }
 */
export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

// Words whose trailing full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'rs', 'no', 'nos', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'gen', 'col', 'lt', 'capt', 'sgt', 'gov', 'sen', 'rep', 'hon', 'approx', 'fig', 'dept', 'est', 'govt', 'u.s', 'u.k',
]);

/** The abbreviations as numbers (see isAbbreviation). */
const ABBREVIATION_KEYS = new Set(
  [...ABBREVIATIONS].map((w) => {
    let key = 0;
    for (let k = 0; k < w.length; k++) key = key * 32 + (w[k] === '.' ? 27 : w.charCodeAt(k) - 0x60);
    return key;
  }),
);

// Character codes.
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const NBSP = 0xa0;

/** Where a sentence may end: a line break or a terminator. Searched natively, not char by char. */
const BREAK = /[\n.!?]/g;

function isSpaceCode(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === CR || c === NBSP;
}

/** Terminators: . ! ? */
function isTerminator(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f;
}

/** Closing marks kept with the sentence they end: " ' ” ’ ) ] */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d;
}

function isUpperStart(text: string, i: number): boolean {
  let j = i;
  const n = text.length;
  for (; j < n; j++) {
    const c = text.charCodeAt(j);
    // closers, opening marks “ ‘ and "("
    if (!(isCloser(c) || c === 0x201c || c === 0x2018 || c === 0x28)) break;
  }
  if (j >= n) return false;
  const c = text.charCodeAt(j);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  const ch = text[j]!;
  return ch.toUpperCase() === ch && ch.toLowerCase() !== ch;
}

/**
 * Splits text into sentences and paragraphs in one linear pass, keeping exact offsets.
 * A blank line (or a single newline) ends a paragraph; ".", "!" and "?" end a sentence when
 * followed by space and an upper-case letter or digit, unless the word is a known
 * abbreviation ("Mr.", "Rs.", "Feb.") or a single initial ("P. K. Jena").
 *
 * @example
 * splitSentences('Mr. Rao said 40 died. Police disagreed.').length; // 2
 */
export function splitSentences(text: string): Sentence[] {
  expectString('splitSentences', 'text', text); // public: a JavaScript caller may pass anything
  const sentences: Sentence[] = [];
  const n = text.length;
  const re = BREAK;
  let paragraph = 0;
  /** Whether the current paragraph has a sentence yet. */
  let filled = false;
  let start = skipSpace(text, 0);
  let i = start;
  while (i < n) {
    re.lastIndex = i;
    if (!re.test(text)) break;
    i = re.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === LF) {
      let e = i;
      while (e > start && isSpaceCode(text.charCodeAt(e - 1))) e--;
      if (e > start) {
        sentences.push({ start, end: e, paragraph });
        filled = true;
      }
      if (filled) {
        paragraph++;
        filled = false;
      }
      i = skipSpace(text, i);
      start = i;
      continue;
    }
    let end = i + 1;
    while (end < n && isTerminator(text.charCodeAt(end))) end++;
    while (end < n && isCloser(text.charCodeAt(end))) end++;
    if (end < n && !isSpaceCode(text.charCodeAt(end))) {
      i = end;
      continue;
    }
    if (c === 0x2e && isAbbreviation(text, i)) {
      i = end;
      continue;
    }
    const next = skipInline(text, end);
    if (end < n && !isUpperStart(text, next)) {
      i = end;
      continue;
    }
    let e = end;
    while (e > start && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > start) {
      sentences.push({ start, end: e, paragraph });
      filled = true;
    }
    i = next;
    start = i;
  }
  let e = n;
  while (e > start && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e > start) sentences.push({ start, end: e, paragraph });
  return sentences;
}

function skipSpace(text: string, i: number): number {
  const n = text.length;
  while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

function skipInline(text: string, i: number): number {
  const n = text.length;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== NBSP) break;
  }
  return i;
}

function isAbbreviation(text: string, dot: number): boolean {
  // Look back at most 12 characters: abbreviations are short, and a bounded look keeps the
  // whole split linear on adversarial input ("a.a.a.a…").
  let j = dot;
  const floor = Math.max(0, dot - 12);
  while (j > floor) {
    const c = text.charCodeAt(j - 1);
    const lower = c | 0x20; // ASCII letters fold to lower case
    if (!((lower >= 0x61 && lower <= 0x7a) || c === 0x2e)) break;
    j--;
  }
  if (dot - j === 1) return true; // an initial: "P. K. Jena"
  // Leading dots are not part of the word.
  while (j < dot && text.charCodeAt(j) === 0x2e) j++;
  if (dottedInitials(text, j, dot)) return true; // "A.K. Sharma", "P.K. Jena"
  if (dot - j > 6) return false; // longer than any abbreviation
  // The word in lower case, as a number: five bits a letter, "." as 27 (no string made).
  let key = 0;
  for (let k = j; k < dot; k++) {
    const c = text.charCodeAt(k);
    key = key * 32 + (c === 0x2e ? 27 : (c | 0x20) - 0x60);
  }
  return ABBREVIATION_KEYS.has(key);
}

/** text[from, to) is capital initials joined by dots ("A.K"); lower case ("p.m") may end a sentence. */
function dottedInitials(text: string, from: number, to: number): boolean {
  if (to - from < 3 || (to - from) % 2 === 0) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if ((k - from) % 2 === 0 ? c < 0x41 || c > 0x5a : c !== 0x2e) return false;
  }
  return true;
}
