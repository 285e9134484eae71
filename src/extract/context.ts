import type { ClaimContext } from '../model/index.js';
import type { Sentence } from './sentences.js';

/** A span of text, by UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

// Function words and newsroom boilerplate that say nothing about which fact a sentence is on.
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both
  but by can could did do does doing down during each few for from further had has have having he her here hers herself
  him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or
  other our ours ourselves out over own same she should so some such than that the their theirs them themselves then
  there these they this those through to too under until up very was we were what when where which while who whom why
  will with would you your yours yourself yourselves said says say saying told tell added according also however
  would could may might must shall one two three first new last year years week day days time mr ms mrs dr per cent
  percent news desk posted earlier later since while still yet already like well even`.split(/\s+/),
);

// The stopwords by a hash of their letters, so a plain word is looked up without a string.
const STOPWORD_LIST = [...STOPWORDS];
const STOPWORD_SIZE = 1024; // a power of two, several times the list
const STOPWORD_SLOT = new Int16Array(STOPWORD_SIZE).fill(-1);
const STOPWORD_HASH = new Int32Array(STOPWORD_SIZE);
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

for (let index = 0; index < STOPWORD_LIST.length; index++) {
  const w = STOPWORD_LIST[index] as string;
  let h = HASH_SEED;
  for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), HASH_PRIME);
  let slot = (h ^ (h >>> 16)) & (STOPWORD_SIZE - 1);
  while ((STOPWORD_SLOT[slot] as number) >= 0) slot = (slot + 1) & (STOPWORD_SIZE - 1);
  STOPWORD_SLOT[slot] = index;
  STOPWORD_HASH[slot] = h;
}

/** The stopword that text[start, end) is (a plain, lower-case word), or null. */
function stopwordAt(text: string, start: number, end: number): string | null {
  let h = HASH_SEED;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), HASH_PRIME);
  const length = end - start;
  for (let slot = (h ^ (h >>> 16)) & (STOPWORD_SIZE - 1); ; slot = (slot + 1) & (STOPWORD_SIZE - 1)) {
    const index = STOPWORD_SLOT[slot] as number;
    if (index < 0) return null;
    if (STOPWORD_HASH[slot] !== h) continue;
    const w = STOPWORD_LIST[index] as string;
    if (w.length !== length) continue;
    let k = 0;
    while (k < length && w.charCodeAt(k) === text.charCodeAt(start + k)) k++;
    if (k === length) return w;
  }
}

// What a UTF-16 code unit is, cached per code unit: a letter has distinct lower and upper
// cases; an upper-case letter is its own upper case and not its lower case.
const LETTER = 1;
const UPPER = 2;
const KNOWN = 4;
const KINDS = new Uint8Array(0x10000);

function kindOf(code: number): number {
  const known = KINDS[code] as number;
  if (known !== 0) return known;
  const ch = String.fromCharCode(code);
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  let kind = KNOWN;
  if (lower !== upper) kind |= LETTER;
  if (ch !== lower && ch === upper) kind |= UPPER;
  KINDS[code] = kind;
  return kind;
}

/** A letter: its lower and upper cases differ (one UTF-16 unit; false past the text). */
function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c !== c) return false;
  return (kindOf(c) & LETTER) !== 0;
}

/** The first character of a word is an upper-case letter. */
function startsUpper(word: string): boolean {
  return startsUpperAt(word, 0);
}

/**
 * Crude English stemming: enough to make "responded"/"responds"/"response" and
 * "accounts"/"account" meet, and never slower than linear.
 *
 * @example
 * stem('responded'); // 'respond'
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es') && !w.endsWith('ses')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** How far (UTF-16 units) either side of a claim its context reaches within the sentence. */
const CONTEXT_WINDOW = 400;

/**
 * Whether the spans' ends never decrease (as quotations in document order): then the first span
 * ending after a position is found by binary search. Remembered per array: extract() passes one
 * array of quotations for every claim of a text.
 */
const ENDS_ASCENDING = new WeakMap<readonly Span[], { length: number; ascending: boolean }>();

function endsAscending(skip: readonly Span[]): boolean {
  const known = ENDS_ASCENDING.get(skip);
  if (known !== undefined && known.length === skip.length) return known.ascending;
  let ascending = true;
  for (let k = 1; k < skip.length && ascending; k++) if (!((skip[k - 1] as Span).end <= (skip[k] as Span).end)) ascending = false;
  ENDS_ASCENDING.set(skip, { length: skip.length, ascending });
  return ascending;
}

/** Index of the first span ending after pos, as a scan from the first span would find it. */
function firstSkip(skip: readonly Span[], pos: number): number {
  if (skip.length < 8 || !endsAscending(skip)) {
    let s = 0;
    while (s < skip.length && (skip[s] as Span).end <= pos) s++;
    return s;
  }
  let lo = 0;
  let hi = skip.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((skip[mid] as Span).end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The context of a claim: its sentence, the sentence's content words (lower case, stopwords
 * out; alignment stems them) and its named entities (runs of capitalised words), all outside the `skip`
 * spans (quotations, so a speaker's words do not count as the writer's context).
 *
 * @example
 * sentenceContext('Police in Pune said 40 people were hurt.', { start: 0, end: 40, paragraph: 0 }, [], { start: 20, end: 29 });
 * // { sentence: { start: 0, end: 40 }, keywords: ['police', 'pune', 'people', 'hurt'], entities: ['Police', 'Pune'] }
 */
export function sentenceContext(text: string, sentence: Sentence, skip: readonly Span[], around?: Span): ClaimContext {
  // A window of the sentence around the claim: run-on "sentences" in hostile input must not
  // give every claim in them a context the size of the document.
  const from = around ? Math.max(sentence.start, around.start - CONTEXT_WINDOW) : sentence.start;
  const to = around ? Math.min(sentence.end, around.end + CONTEXT_WINDOW) : sentence.end;
  // extract() asks for a sentence's context once for the sentence and once per claim in it:
  // the same window of the same text, read once (each caller gets its own arrays).
  const windows = windowsFor(text, skip);
  const known = windows.get(from);
  if (known !== undefined && known.to === to) {
    return { sentence: { start: sentence.start, end: sentence.end }, keywords: known.keywords.slice(), entities: known.entities.slice() };
  }
  const context = readContext(text, sentence, skip, from, to);
  windows.set(from, { to, keywords: context.keywords.slice(), entities: context.entities.slice() });
  return context;
}

interface KnownWindow {
  to: number;
  keywords: string[];
  entities: string[];
}

/** Contexts read, by skip array (one per extract() call), for its text and number of spans. */
const READ = new WeakMap<readonly Span[], { text: string; length: number; windows: Map<number, KnownWindow> }>();

function windowsFor(text: string, skip: readonly Span[]): Map<number, KnownWindow> {
  const entry = READ.get(skip);
  if (entry !== undefined && entry.text === text && entry.length === skip.length) return entry.windows;
  const windows = new Map<number, KnownWindow>();
  READ.set(skip, { text, length: skip.length, windows });
  return windows;
}

/**
 * The names written in a sentence: runs of capitalised words (with "of"/"and" between two of
 * them) as in its context's entities, but never across punctuation, digits or a quotation, so
 * a dateline is no part of the name after it ("PORT ALDER, Oct 3 — Mayor Jane Ruiz" gives
 * "PORT ALDER", "Oct", "Mayor Jane Ruiz"). A full stop right after a word ("Dr. P. K. Jena") joins.
 *
 * @example
 * sentenceNames('PORT ALDER, Oct 3 — Mayor Jane Ruiz said so.', { start: 0, end: 44, paragraph: 0 }, []);
 * // ['PORT ALDER', 'Oct', 'Mayor Jane Ruiz']
 */
export function sentenceNames(text: string, sentence: Sentence, skip: readonly Span[]): string[] {
  return readContext(text, sentence, skip, sentence.start, sentence.end, true).entities;
}

/** Only whitespace between two words, after at most one full stop ending the first. */
function spaceBetween(text: string, end: number, start: number): boolean {
  for (let i = end; i < start; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e && i === end) continue;
    if (!(c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0)) return false;
  }
  return true;
}

/** The context of the window [from, to) of the sentence; `names`: entity runs stop at punctuation. */
function readContext(text: string, sentence: Sentence, skip: readonly Span[], from: number, to: number, names = false): ClaimContext {
  const count = scanWords(text, from, to, skip);
  const starts = wordStarts;
  const ends = wordEnds;
  const plains = wordPlain;
  const keywords: string[] = [];
  const seen = new Set<string>();
  const entities: string[] = [];
  // The entity being read: runs of capitalised words, with "of" or "and" between two of them.
  let run = '';
  let runWords = 0;
  for (let k = 0; k < count; k++) {
    const start = starts[k] as number;
    const end = ends[k] as number;
    const plain = plains[k] === 1;
    if (names && runWords > 0 && !spaceBetween(text, ends[k - 1] as number, start)) {
      entities.push(run);
      runWords = 0;
      run = '';
    }
    if (plain) {
      // A plain word is its own lower case: a stopword needs no string, only "of" and "and"
      // are looked at (as joiners of an entity).
      const stopword = stopwordAt(text, start, end);
      if (stopword !== null) {
        if (runWords > 0) {
          if ((stopword === 'of' || stopword === 'and') && k + 1 < count && startsUpperAt(text, starts[k + 1] as number)) {
            run = `${run} ${stopword}`;
            runWords++;
          } else {
            entities.push(run);
            runWords = 0;
            run = '';
          }
        }
        continue;
      }
      if (runWords > 0) {
        entities.push(run);
        runWords = 0;
        run = '';
      }
      if (end - start < 3) continue;
      const lower = text.slice(start, end);
      const bare = isPossessive(lower) ? lower.slice(0, -2) : lower;
      if (!seen.has(bare)) {
        seen.add(bare);
        keywords.push(bare);
      }
      continue;
    }
    const word = text.slice(start, end);
    const lower = word.toLowerCase();
    const stop = STOPWORDS.has(lower);
    if (startsUpper(word) && !(stop && runWords === 0)) {
      run = runWords === 0 ? word : `${run} ${word}`;
      runWords++;
    } else if (runWords > 0 && (lower === 'of' || lower === 'and') && k + 1 < count && startsUpperAt(text, starts[k + 1] as number)) {
      run = `${run} ${word}`;
      runWords++;
    } else if (runWords > 0) {
      entities.push(run);
      runWords = 0;
      run = '';
    }
    if (lower.length >= 3 && !stop) {
      const bare = isPossessive(lower) ? lower.slice(0, -2) : lower;
      if (!seen.has(bare)) {
        seen.add(bare);
        keywords.push(bare);
      }
    }
  }
  if (runWords > 0) entities.push(run);
  return { sentence: { start: sentence.start, end: sentence.end }, keywords, entities: unique(entities) };
}

// Words found by scanWords: [start, end) and whether plain (a-z and joiners: its own lower case).
let wordStarts = new Int32Array(256);
let wordEnds = new Int32Array(256);
let wordPlain = new Uint8Array(256);

/**
 * The words of [from, to) outside the skipped spans, into wordStarts/wordEnds/wordPlain:
 * letters joined by - ’ ' before another letter. Returns how many.
 */
function scanWords(text: string, from: number, to: number, skip: readonly Span[]): number {
  let count = 0;
  let i = from;
  const spans = skip.length;
  let s = from < to ? firstSkip(skip, from) : 0;
  // The span skip[s], or none past the last.
  let skipStart = s < spans ? (skip[s] as Span).start : Infinity;
  let skipEnd = s < spans ? (skip[s] as Span).end : Infinity;
  while (i < to) {
    if (skipEnd <= i) {
      do s++;
      while (s < spans && (skip[s] as Span).end <= i);
      skipStart = s < spans ? (skip[s] as Span).start : Infinity;
      skipEnd = s < spans ? (skip[s] as Span).end : Infinity;
    }
    if (skipStart <= i) {
      i = Math.min(skipEnd, to);
      continue;
    }
    const c = text.charCodeAt(i);
    const folded = c | 0x20;
    if (c < 0x80 ? folded < 0x61 || folded > 0x7a : !isLetterAt(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let plain = true;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c >= 0x61 && c <= 0x7a) i++;
      else if (c === 0x2d || c === 0x2019 || c === 0x27) {
        if (i + 1 < to && isLetterAt(text, i + 1)) i++;
        else break;
      } else if (isLetterAt(text, i)) {
        plain = false;
        i++;
      } else break;
    }
    if (count === wordStarts.length) {
      const size = count * 2;
      const starts = new Int32Array(size);
      const ends = new Int32Array(size);
      const plains = new Uint8Array(size);
      starts.set(wordStarts);
      ends.set(wordEnds);
      plains.set(wordPlain);
      wordStarts = starts;
      wordEnds = ends;
      wordPlain = plains;
    }
    wordStarts[count] = start;
    wordEnds[count] = i;
    wordPlain[count] = plain ? 1 : 0;
    count++;
  }
  return count;
}

function startsUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return (kindOf(c) & UPPER) !== 0;
}

function isPossessive(word: string): boolean {
  const n = word.length;
  if (n < 2 || word.charCodeAt(n - 1) !== 0x73) return false;
  const c = word.charCodeAt(n - 2);
  return c === 0x27 || c === 0x2019;
}

/** The strings in order, each once. */
function unique(values: string[]): string[] {
  if (values.length < 2) return values;
  return [...new Set(values)];
}
