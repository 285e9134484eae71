import * as chrono from 'chrono-node';
import type { TimeValue } from '../model/index.js';
import { parseTime } from '../values/time.js';
import { splitSentences, type Sentence } from './sentences.js';

/**
 * A date or time phrase found in a text: its exact UTF-16 span (`text === input.slice(start, end)`)
 * and its reading by {@link parseTime} against the report's publication date.
 *
 * @example
 * extractTimes('Twitter responded on Tuesday.', undefined, { publishedAt: '2021-02-09' })[0];
 * // { start: 18, end: 28, text: 'on Tuesday', value: { start: '2021-02-09', end: '2021-02-09', granularity: 'day', ... } }
 */
export interface TimeMention {
  start: number;
  end: number;
  text: string;
  value: TimeValue;
}

// ---------------------------------------------------------------------------------------------
// Words: one linear pass over the text (letters, digit runs, single symbols).
// ---------------------------------------------------------------------------------------------

interface Word {
  s: number;
  e: number;
  /** Lower-cased letters or digits; '' for words too long to matter; the symbol otherwise. */
  w: string;
  letters: boolean;
  digits: boolean;
}

const MAX_WORD = 12;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const NON_ASCII_SPACE = /\s/;
function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && NON_ASCII_SPACE.test(String.fromCharCode(c));
}

function words(text: string): Word[] {
  const out: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    if (isAsciiLetter(c)) {
      while (j < n && isAsciiLetter(text.charCodeAt(j))) j++;
      out.push({ s: i, e: j, w: j - i > MAX_WORD ? '' : text.slice(i, j).toLowerCase(), letters: true, digits: false });
    } else if (isDigitCode(c)) {
      while (j < n && isDigitCode(text.charCodeAt(j))) j++;
      out.push({ s: i, e: j, w: j - i > MAX_WORD ? '' : text.slice(i, j), letters: false, digits: true });
    } else {
      if (c >= 0xd800 && c <= 0xdbff && j < n) j++;
      out.push({ s: i, e: j, w: text.slice(i, j), letters: false, digits: false });
    }
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cues: only sentences with one are given to chrono (it is slow on long inputs).
// ---------------------------------------------------------------------------------------------

const MONTH_WORDS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
const WEEKDAY_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);
const CUE_WORDS: ReadonlySet<string> = new Set([
  ...MONTH_WORDS, ...WEEKDAY_WORDS,
  'today', 'yesterday', 'tomorrow', 'tonight', 'week', 'weeks', 'weekend', 'month', 'months', 'year', 'years',
  'ago', 'night', 'evening', 'morning', 'afternoon', 'fortnight',
]);

function isCue(text: string, ws: readonly Word[], i: number): boolean {
  const t = ws[i];
  if (!t) return false;
  if (t.letters) return CUE_WORDS.has(t.w);
  // 2021-02-04, 04/02/2021, 04.02.2021
  if (t.digits) {
    const sep = text.charCodeAt(t.e);
    return (sep === 45 || sep === 47 || sep === 46) && isDigitCode(text.charCodeAt(t.e + 1));
  }
  return false;
}

/** Sentences longer than this are fed to chrono as windows around their cues. */
const MAX_CHUNK = 1000;
const CUE_CONTEXT = 100;

interface Chunk {
  start: number;
  end: number;
}

// Moves a cut point onto whitespace (outwards, at most 40 characters) so no word is halved.
function snapLeft(text: string, i: number, floor: number): number {
  for (let j = i, k = 0; j > floor && k < 40; j--, k++) if (isSpaceCode(text.charCodeAt(j - 1))) return j;
  return i;
}

function snapRight(text: string, i: number, ceil: number): number {
  for (let j = i, k = 0; j < ceil && k < 40; j++, k++) if (isSpaceCode(text.charCodeAt(j))) return j;
  return i;
}

function chunksFor(text: string, ws: readonly Word[], sentences: readonly Sentence[]): Chunk[] {
  const sorted = sentences
    .filter((x) => x && Number.isFinite(x.start) && Number.isFinite(x.end))
    .map((x) => ({ start: Math.max(0, Math.min(text.length, x.start)), end: Math.max(0, Math.min(text.length, x.end)) }))
    .filter((x) => x.end > x.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const chunks: Chunk[] = [];
  let w = 0;
  let covered = 0; // text before this has been chunked: overlapping sentences are fed once
  for (const sentence of sorted) {
    const start = Math.max(sentence.start, covered);
    const end = sentence.end;
    if (end <= start) continue;
    while (w < ws.length && (ws[w]?.s ?? 0) < start) w++;
    const cues: number[] = [];
    for (let k = w; k < ws.length && (ws[k]?.e ?? Infinity) <= end; k++) if (isCue(text, ws, k)) cues.push(ws[k]?.s ?? 0);
    covered = end;
    if (cues.length === 0) continue;
    if (end - start <= MAX_CHUNK) {
      chunks.push({ start, end });
      continue;
    }
    // A very long "sentence": windows around its cues, merged, each at most MAX_CHUNK long.
    let open: Chunk | null = null;
    for (const cue of cues) {
      const from = snapLeft(text, Math.max(start, cue - CUE_CONTEXT), start);
      const to = snapRight(text, Math.min(end, cue + CUE_CONTEXT), end);
      if (open && from <= open.end && to - open.start <= MAX_CHUNK) open.end = Math.max(open.end, to);
      else {
        if (open) chunks.push(open);
        open = { start: open && from < open.end ? open.end : from, end: to };
      }
    }
    if (open) chunks.push(open);
  }
  return chunks.filter((c) => c.end > c.start);
}

// ---------------------------------------------------------------------------------------------
// Parsers: chrono, and a small scanner for the relative phrases chrono misses or cuts short.
// ---------------------------------------------------------------------------------------------

interface Candidate {
  start: number;
  end: number;
}

/** A fixed reference: the publication day at noon UTC, or a constant (never the machine clock). */
function reference(publishedAt: string | null | undefined): chrono.ParsingReference {
  const m = typeof publishedAt === 'string' ? /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt) : null;
  const instant = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  return { instant: Number.isFinite(instant.getTime()) ? instant : new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };
}

// Whitespace and punctuation trimmed from the ends of a chrono match: , . ; : ! ? ( ) and spaces.
const TRIM: ReadonlySet<number> = new Set([32, 9, 10, 13, 0xa0, 44, 46, 59, 58, 33, 63, 40, 41]);

function chronoCandidates(text: string, chunks: readonly Chunk[], ref: chrono.ParsingReference): Candidate[] {
  const out: Candidate[] = [];
  for (const chunk of chunks) {
    let results: chrono.ParsedResult[];
    try {
      results = chrono.casual.parse(text.slice(chunk.start, chunk.end), ref);
    } catch {
      continue; // chrono is a best-effort parser here; a surprise means "no dates in this chunk"
    }
    for (const r of results) {
      let start = chunk.start + r.index;
      let end = start + r.text.length;
      if (r.index < 0 || end > chunk.end || text.slice(start, end) !== r.text) continue;
      // chrono keeps a trailing comma or full stop ("on Saturday,"); evidence should not.
      while (end > start && TRIM.has(text.charCodeAt(end - 1))) end--;
      while (start < end && TRIM.has(text.charCodeAt(start))) start++;
      if (end > start) out.push({ start, end });
    }
  }
  return out;
}

const UNIT_WORDS: ReadonlySet<string> = new Set(['week', 'month', 'year', 'weekend']);
const WHICH: ReadonlySet<string> = new Set(['this', 'last', 'next', 'previous', 'past', 'coming']);
const PART: ReadonlySet<string> = new Set(['earlier', 'later', 'early', 'late', 'mid']);
const DAY_PARTS: ReadonlySet<string> = new Set(['night', 'evening', 'morning', 'afternoon', 'weekend']);
const AGO_UNITS: ReadonlySet<string> = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);
const COUNT_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'fifteen', 'twenty', 'thirty',
]);
const SINGLE: ReadonlySet<string> = new Set(['today', 'tonight', 'yesterday', 'tomorrow']);
const YEAR_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'since', 'during', 'by']);

/**
 * Relative phrases as word shapes: "earlier this week", "late last month", "earlier in the week",
 * "last evening", "over the weekend", "3 days ago", "day before yesterday", "in 2019".
 * Words must be separated by whitespace only (a hyphen after "mid"); parseTime validates.
 */
function scanCandidates(text: string, ws: readonly Word[]): Candidate[] {
  const out: Candidate[] = [];
  const at = (i: number): string => ws[i]?.w ?? '';
  // Only whitespace (or a hyphen after "mid") between words i..j.
  const joined = (i: number, j: number): boolean => {
    for (let k = i; k < j; k++) {
      const a = ws[k];
      const b = ws[k + 1];
      if (!a || !b || !(a.letters || a.digits) || !(b.letters || b.digits)) return false;
      if (b.s === a.e) return false;
      for (let c = a.e; c < b.s; c++) if (!isSpaceCode(text.charCodeAt(c))) return false;
    }
    return true;
  };
  const push = (i: number, j: number) => {
    const a = ws[i];
    const b = ws[j];
    if (a && b && joined(i, j)) out.push({ start: a.s, end: b.e });
  };
  for (let i = 0; i < ws.length; i++) {
    const w = at(i);
    if (w === '') continue;
    if (PART.has(w)) {
      if (WHICH.has(at(i + 1)) && UNIT_WORDS.has(at(i + 2))) push(i, i + 2);
      else if ((w === 'earlier' || w === 'later') && at(i + 1) === 'in' && at(i + 2) === 'the' && UNIT_WORDS.has(at(i + 3))) push(i, i + 3);
      else if ((w === 'earlier' || w === 'later') && at(i + 1) === 'today') push(i, i + 1);
    } else if (WHICH.has(w)) {
      if (UNIT_WORDS.has(at(i + 1)) || DAY_PARTS.has(at(i + 1))) push(i, i + 1);
    } else if (w === 'over' && at(i + 1) === 'the' && at(i + 2) === 'weekend') {
      push(i, i + 2);
    } else if ((COUNT_WORDS.has(w) || (ws[i]?.digits && w.length <= 3)) && AGO_UNITS.has(at(i + 1)) && at(i + 2) === 'ago') {
      push(i, i + 2);
    } else if (w === 'day' && (at(i + 1) === 'before' || at(i + 1) === 'after') && (at(i + 2) === 'yesterday' || at(i + 2) === 'tomorrow')) {
      push(i, i + 2);
    } else if (SINGLE.has(w)) {
      push(i, i);
    } else if (YEAR_PREPOSITIONS.has(w)) {
      // "in 2019" but not "in 2020-21", "in 2019's", "in 20190".
      const y = ws[i + 1];
      const after = y ? text.charCodeAt(y.e) : NaN;
      if (y?.digits && y.w.length === 4 && !(isAsciiLetter(after) || after === 45 || after === 47 || after === 0x2013 || after === 39 || after === 0x2019 || (after === 46 && isDigitCode(text.charCodeAt(y.e + 1))))) {
        const year = Number(y.w);
        if (year >= 1800 && year <= 2199) push(i, i + 1);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Refiners: read each candidate with parseTime, split ranges, widen over prepositions, merge.
// ---------------------------------------------------------------------------------------------

interface Found {
  start: number;
  end: number;
  value: TimeValue;
}

const RANGE_SEPARATORS = [' to ', ' until ', ' till ', ' through ', ' and ', ' – ', ' - ', '–'];
const LEFT_PREPOSITIONS: ReadonlySet<string> = new Set(['on', 'in', 'since', 'by']);
const LEFT_PARTS: ReadonlySet<string> = new Set(['early', 'mid', 'late']);
const NAME_WORDS: ReadonlySet<string> = new Set([...MONTH_WORDS, ...WEEKDAY_WORDS]);

/** A month or weekday written in lower case ("will march", "may"), or a year standing alone. */
function implausible(text: string, start: number, end: number, value: TimeValue): boolean {
  let i = start;
  let digitsOnly = true;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isAsciiLetter(c)) {
      let j = i + 1;
      while (j < end && isAsciiLetter(text.charCodeAt(j))) j++;
      if (j - i <= MAX_WORD && c >= 97 && NAME_WORDS.has(text.slice(i, j))) return true;
      digitsOnly = false;
      i = j;
    } else {
      if (!isDigitCode(c)) digitsOnly = false;
      i++;
    }
  }
  return value.granularity === 'year' && digitsOnly;
}

/** The start of the word ending just before `start` (whitespace between), with its lower-case text. */
function wordBefore(text: string, start: number, gapMustBeSpace = true): { s: number; w: string } | null {
  let j = start;
  if (gapMustBeSpace) {
    if (j === 0 || !isSpaceCode(text.charCodeAt(j - 1))) return null;
    while (j > 0 && start - j < 3 && isSpaceCode(text.charCodeAt(j - 1))) j--;
  }
  const e = j;
  while (j > 0 && e - j <= MAX_WORD && isAsciiLetter(text.charCodeAt(j - 1))) j--;
  if (j === e || e - j > MAX_WORD || (j > 0 && isAsciiLetter(text.charCodeAt(j - 1)))) return null;
  return { s: j, w: text.slice(j, e).toLowerCase() };
}

/** Widens a reading leftwards over "early/mid/late" and then "on/in/since" while parseTime still accepts it. */
function widen(text: string, found: Found, publishedAt: string | null | undefined): Found {
  let best = found;
  // "mid-January", "late February".
  const hyphen = best.start > 0 && text.charCodeAt(best.start - 1) === 45;
  const part = hyphen ? wordBefore(text, best.start - 1, false) : wordBefore(text, best.start);
  if (part && LEFT_PARTS.has(part.w)) {
    const v = parseTime(text.slice(part.s, best.end), { publishedAt });
    if (v) best = { start: part.s, end: best.end, value: v };
  }
  const prep = wordBefore(text, best.start);
  if (prep && LEFT_PREPOSITIONS.has(prep.w)) {
    const v = parseTime(text.slice(prep.s, best.end), { publishedAt });
    if (v) best = { start: prep.s, end: best.end, value: v };
  }
  return best;
}

function read(text: string, c: Candidate, publishedAt: string | null | undefined): Found[] {
  const phrase = text.slice(c.start, c.end);
  const value = parseTime(phrase, { publishedAt });
  if (value) return implausible(text, c.start, c.end, value) ? [] : [widen(text, { ...c, value }, publishedAt)];
  // "February 4 to February 6": read each end on its own.
  for (const sep of RANGE_SEPARATORS) {
    const k = phrase.indexOf(sep);
    if (k <= 0) continue;
    const parts: Candidate[] = [
      { start: c.start, end: c.start + k },
      { start: c.start + k + sep.length, end: c.end },
    ];
    const out: Found[] = [];
    for (const part of parts) {
      const v = parseTime(text.slice(part.start, part.end), { publishedAt });
      if (v && !implausible(text, part.start, part.end, v)) out.push(part === parts[0] ? widen(text, { ...part, value: v }, publishedAt) : { ...part, value: v });
    }
    return out;
  }
  return [];
}

// Non-overlapping, in document order; of two overlapping readings the longer wins
// ("earlier this week" over chrono's "this week").
function merge(found: Found[]): Found[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Found[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (!last || f.start >= last.end) out.push(f);
    else if (f.end - f.start > last.end - last.start) out[out.length - 1] = f;
  }
  return out;
}

/**
 * Finds the date phrases of a news text and reads each with {@link parseTime}, so a bare weekday
 * is the latest such day on or before `publishedAt` (chrono alone picks the coming one) and,
 * without a publication date, relative phrases stay `unresolved` while full dates still resolve.
 *
 * Pipeline: parsers, then refiners.
 * - Parsers: chrono-node's casual English parser, run only on sentences with a date cue (a month
 *   or weekday name, today/yesterday/…/week/month/year/ago, or a 2021-02-04-style digit pattern;
 *   very long sentences as windows around their cues) against a fixed reference date; and a
 *   small scanner for what chrono misses or cuts short: "earlier this week", "late last month",
 *   "last evening", "over the weekend", "3 days ago", "in 2019".
 * - Refiners: parseTime must accept the phrase (durations such as "within 24 hours" or "few
 *   hours before", lone clock times and "24/7" are dropped); ranges are split into their ends;
 *   lower-case month/weekday names ("will march") are dropped; the span widens leftwards over
 *   "early/mid/late" and then "on"/"in"/"since", so evidence reads as the reader sees it
 *   ("on Monday", "in mid-January", "since 2019"); overlaps keep the longer phrase.
 * - A year alone is a mention only with "in"/"since"/"during" ("in 2019"): bare four-digit numbers
 *   are too often counts or names.
 *
 * Mentions are non-overlapping, in document order, with exact offsets. Never reads the clock.
 *
 * @example
 * extractTimes('Twitter responded on Tuesday; the list came on February 4.', undefined, { publishedAt: '2021-02-09' })
 *   .map((m) => [m.text, m.value.start]);
 * // [['on Tuesday', '2021-02-09'], ['on February 4', '2021-02-04']]
 */
export function extractTimes(
  text: string,
  sentences: readonly Sentence[] | undefined,
  options: { publishedAt?: string | null },
): TimeMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const publishedAt = options?.publishedAt;
  const ws = words(text);
  const chunks = chunksFor(text, ws, sentences ?? splitSentences(text));
  const candidates = [...chronoCandidates(text, chunks, reference(publishedAt)), ...scanCandidates(text, ws)];
  const found: Found[] = [];
  for (const c of candidates) found.push(...read(text, c, publishedAt));
  return merge(found).map((f) => {
    const mentionText = text.slice(f.start, f.end);
    return { start: f.start, end: f.end, text: mentionText, value: { ...f.value, text: mentionText } };
  });
}
