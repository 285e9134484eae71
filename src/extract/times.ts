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
  /** Lower-cased letters of a word in CLASSES (others, and words too long to matter: ''), the digits, or the symbol. */
  w: string;
  letters: boolean;
  digits: boolean;
  /** Class bits (C_*) of the word, 0 for digits and symbols. */
  c: number;
}

const MAX_WORD = 12;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const NON_ASCII_SPACE = /\s/;
// Non-ASCII code units, tested once each: 1 not a space, 2 a space.
const NON_ASCII_SPACES = new Uint8Array(65536);
function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c <= 127) return false;
  let k = NON_ASCII_SPACES[c] as number;
  if (k === 0) {
    k = NON_ASCII_SPACE.test(String.fromCharCode(c)) ? 2 : 1;
    NON_ASCII_SPACES[c] = k;
  }
  return k === 2;
}

// ASCII character kinds for words(): letters last, so `>= K_LOWER` tests for one.
const K_OTHER = 0;
const K_SPACE = 1;
const K_DIGIT = 2;
const K_LOWER = 3;
const K_UPPER = 4;
const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, c) =>
  c === 32 || (c >= 9 && c <= 13) ? K_SPACE : c >= 48 && c <= 57 ? K_DIGIT : c >= 97 && c <= 122 ? K_LOWER : c >= 65 && c <= 90 ? K_UPPER : K_OTHER,
);

/** Words.v of a word that is no VOCABULARY entry: other letters (or too long to matter), digits, a symbol. */
const V_LETTERS = -1;
const V_DIGITS = -2;
const V_SYMBOL = -3;

/**
 * The words of a text as columns, not one object each: on a long text, hundreds of thousands
 * of word objects living through the whole read would be promoted out of V8's young
 * generation, and the cost would grow faster than the text. (A plain object, not a class
 * instance: a class's instance shape dies in a full collection when no instance is left, and
 * with it the optimised code of every function reading one.)
 */
interface Words {
  text: string;
  n: number;
  s: Int32Array;
  e: Int32Array;
  /** VOCABULARY index of the lower-cased letters, else V_LETTERS, V_DIGITS or V_SYMBOL. */
  v: Int16Array;
}

/** Word.w of word i ('' when there is none). */
function wordText(ws: Words, i: number): string {
  if (i < 0 || i >= ws.n) return '';
  const v = ws.v[i] as number;
  if (v >= 0) return VOCABULARY[v] as string;
  if (v === V_LETTERS) return '';
  const s = ws.s[i] as number;
  const e = ws.e[i] as number;
  return v === V_DIGITS && e - s > MAX_WORD ? '' : ws.text.slice(s, e);
}

/** Word i copied into `into` (or a new object), undefined past either end. */
function wordAt(ws: Words, i: number, into?: Word): Word | undefined {
  if (i < 0 || i >= ws.n) return undefined;
  const v = ws.v[i] as number;
  const t = into ?? { s: 0, e: 0, w: '', letters: false, digits: false, c: 0 };
  t.s = ws.s[i] as number;
  t.e = ws.e[i] as number;
  t.w = wordText(ws, i);
  t.letters = v >= V_LETTERS;
  t.digits = v === V_DIGITS;
  t.c = v >= 0 ? (VOCABULARY_CLASSES[v] as number) : 0;
  return t;
}

function columns(size: number): { starts: Int32Array; ends: Int32Array; kinds: Int16Array } {
  return { starts: new Int32Array(size), ends: new Int32Array(size), kinds: new Int16Array(size) };
}

// Columns for an article, reused call after call: new typed arrays cost more than filling
// them (extractTimes never runs inside itself).
const SPARE_SIZE = 8192;
let spare: ReturnType<typeof columns> | undefined;

function words(text: string): Words {
  const n = text.length;
  // A word takes at least one character. (Pages of a large array never written cost nothing.)
  const { starts, ends, kinds } = n <= SPARE_SIZE ? (spare ??= columns(SPARE_SIZE)) : columns(n);
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? (ASCII_KIND[c] as number) : isSpaceCode(c) ? K_SPACE : K_OTHER;
    if (k === K_SPACE) {
      i++;
      continue;
    }
    let j = i + 1;
    let v = V_SYMBOL;
    if (k >= K_LOWER) {
      // The word's lower-case letters hashed as they are read: it is looked up with no string made.
      let h = Math.imul(HASH_SEED ^ (c | 0x20), HASH_PRIME);
      for (let d = text.charCodeAt(j); j < n; d = text.charCodeAt(++j)) {
        const kd = d < 128 ? (ASCII_KIND[d] as number) : K_OTHER;
        if (kd < K_LOWER) break;
        h = Math.imul(h ^ (d | 0x20), HASH_PRIME);
      }
      // Words off the list keep no text (like words too long to matter): no rule reads it.
      v = j - i > MAX_WORD ? V_LETTERS : vocabularyIndex(text, i, j, h);
    } else if (k === K_DIGIT) {
      while (j < n && isDigitCode(text.charCodeAt(j))) j++;
      v = V_DIGITS;
    } else if (c >= 0xd800 && c <= 0xdbff && j < n) {
      j++;
    }
    starts[count] = i;
    ends[count] = j;
    kinds[count] = v;
    count++;
    i = j;
  }
  return { text, n: count, s: starts, e: ends, v: kinds };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: every word is looked up once, into class bits.
// ---------------------------------------------------------------------------------------------

const MONTH_WORDS: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
];
const WEEKDAY_WORDS: readonly string[] = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
];
const CUE_WORDS: readonly string[] = [
  ...MONTH_WORDS, ...WEEKDAY_WORDS,
  'today', 'yesterday', 'tomorrow', 'tonight', 'week', 'weeks', 'weekend', 'month', 'months', 'year', 'years',
  'ago', 'night', 'evening', 'morning', 'afternoon', 'fortnight',
];
const FULL_MONTHS: readonly string[] = MONTH_WORDS.slice(0, 12);
/** Month index (0–11) of each abbreviation, as chrono reads them. */
const ABBR_MONTHS: readonly string[] = ['jan', 'feb', 'mar', 'apr', '', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_WEEKDAYS: readonly string[] = WEEKDAY_WORDS.slice(0, 7);

/**
 * Every word in chrono-node's English patterns (2.10.3: parsers, refiners, number, ordinal and
 * time-unit words) and the time-zone abbreviations its refiners append: chrono may read or join
 * such a word, so a cue next to one is left to chrono.
 */
const CHRONO_WORDS: readonly string[] = (
  'a about ad after afternoon ago am an and approximately apr april around at aug august bc bce be before ce ' +
  'clock couple d day days dec december earlier eight eighteenth eighth eleven eleventh end evening feb february ' +
  'few fifteenth fifth first five for forward four fourteenth fourth fri friday from h half henceforth hour hours ' +
  'hr hrs in jan january jul july jun june just last later m mar march may midday midnight min mins minute minutes ' +
  'mo mon monday month months morning mos nd next night nine nineteenth ninth noon nov november now o oct october ' +
  'of on one out overmorrow p past pm qtr quarter quarters rd roughly s sat saturday sec second seconds sep sept ' +
  'september seven seventeenth seventh several six sixteenth sixth st sun sunday t ten tenth th the third ' +
  'thirteenth thirtieth thirty this three through thu thur thurs thursday till tmr tmrw to today tomorrow tonight ' +
  'tue tuesday twelfth twelve twentieth twenty two until w wed wednesday week weekday weekend weeks within y ' +
  'year years yesterday yr z ' +
  // Time-zone abbreviations (chrono's ExtractTimezoneAbbrRefiner appends them after a time).
  'acdt acst adt aedt aest aft akdt akst almt amst amt anat aqtt art ast awdt awst azot azst azt bnt bot brst brt ' +
  'bst btt cast cat cct cdt cest cet ckt clst clt cot cst ct cvt cxt davt east eat ect edt eest eet egst egt est ' +
  'et fjst fjt fkst fkt fnt galt gamt get gft gilt gmt gst gyt haa hac hadt hae hap har hast hat hay hkt hlv hna ' +
  'hnc hne hnp hnr hnt hny hovt ict idt iot irdt irkt irst ist jst kgt krat kst kuyt lhdt lhst lint magt mart ' +
  'mawt mdt mesz mez mht mmt msd msk mst mt mut mvt myt nct ndt nft novt npt nst nut nzdt nzst omst pdt pet pett ' +
  'pgt phot pht pkt pmdt pmst pont pst pt pwt pyst pyt ret samt sast sbt sct sgt srt sst taht tft tjt tkt tlt ' +
  'tmt tvt ulat utc uyst uyt uzt vet vlat vut wast wat west wesz wet wez wft wgst wgt wib wit wita wst wt yakt ' +
  'yapt yekt'
).split(' ');

/**
 * Words that may stand between two chrono results it joins ("Monday at 10 am", "4 to 6
 * February") or start one only together with the next word ("the week", "in 3 days"). None is
 * a date by itself, so with a plain word beyond it nothing can join across it.
 */
const CONNECTOR_WORDS: readonly string[] = [
  't', 'at', 'after', 'before', 'on', 'of', 'to', 'until', 'through', 'till', 'in', 'the', 'a', 'an', 'and',
  'from', 'for', 'by', 'since', 'during', 'earlier', 'later', 'within', 'about', 'around', 'roughly',
  'approximately', 'just',
];

/** Counts scanCandidates reads in "two days ago". */
const COUNT_WORD_LIST: readonly string[] = [
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'fifteen', 'twenty', 'thirty',
];

const C_CUE = 1;
/** In chrono's vocabulary: never a plain word. */
const C_VOCAB = 2;
const C_CONNECTOR = 4;
const C_WEEKDAY = 8;
const C_MONTH = 16;
/** A month abbreviation (jan … dec, sept). */
const C_MONTH_ABBR = 32;
/** A weekday abbreviation chrono knows ("sun", "sat", …): chrono may read it, parseTime never does. */
const C_WEEKDAY_ABBR = 64;
/** today, tonight, yesterday, tomorrow. */
const C_CASUAL = 128;
/** morning, afternoon, evening, night. */
const C_DAY_PART = 256;
/** week(s), month(s), year(s). */
const C_UNIT = 512;
/** this, last, past, next. */
const C_MODIFIER = 1024;
/** A cue chrono does not know at all ("fortnight", "tues"). */
const C_QUIET = 2048;
const C_WEEKEND = 4096;
const C_AGO = 8192;
/** A count scanCandidates reads before "days ago". */
const C_COUNT = 16384;
/** Words that only end chrono matches (time units, "ago"): nothing after a date starts with one. */
const C_TRAILING = 65536;
/** Words that start a phrase scanCandidates reads. */
const C_SCAN = 131072;
/** Time units that are nothing else to chrono ("hours", "weeks"; not "second", "mon", "m"). */
const C_UNIT_WORD = 1048576;
/** Every time unit chrono reads after a number ("s", "mins", "hrs", "d", "week" …). */
const C_UNIT_ANY = 524288;
/** "a", "an", "the": chrono's numbers that are also our connectors. */
const C_NUMBER_WORD = 262144;
/** Words a day phrase can end with, so that a part of the day may follow ("Monday night"). */
const C_DAY_END = 32768;

const CLASSES: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  const add = (list: readonly string[], bits: number) => {
    for (const w of list) map.set(w, (map.get(w) ?? 0) | bits);
  };
  add(CHRONO_WORDS, C_VOCAB);
  add(CUE_WORDS, C_CUE | C_VOCAB);
  add(CONNECTOR_WORDS, C_CONNECTOR | C_VOCAB);
  add(FULL_WEEKDAYS, C_WEEKDAY);
  add(FULL_MONTHS, C_MONTH);
  add(MONTH_WORDS.slice(12), C_MONTH_ABBR);
  add(['mon', 'tue', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'], C_WEEKDAY_ABBR);
  add(['today', 'tonight', 'yesterday', 'tomorrow'], C_CASUAL);
  add(['morning', 'afternoon', 'evening', 'night'], C_DAY_PART);
  add(['week', 'weeks', 'month', 'months', 'year', 'years'], C_UNIT);
  add(['this', 'last', 'past', 'next'], C_MODIFIER);
  add(['fortnight', 'tues'], C_QUIET);
  add(['weekend'], C_WEEKEND);
  add(['ago'], C_AGO);
  add([...COUNT_WORD_LIST], C_COUNT);
  add(['a', 'an', 'the'], C_NUMBER_WORD);
  add(
    ['seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'quarter', 'quarters', 'year', 'years', 'mins', 'hrs', 'hr', 'yr', 'qtr', 'mos'],
    C_UNIT_WORD,
  );
  add(
    [
      's', 'sec', 'second', 'seconds', 'm', 'min', 'mins', 'minute', 'minutes', 'h', 'hr', 'hrs', 'hour', 'hours', 'd', 'day',
      'days', 'w', 'week', 'weeks', 'mo', 'mon', 'mos', 'month', 'months', 'qtr', 'quarter', 'quarters', 'y', 'yr', 'year', 'years',
    ],
    C_UNIT_ANY,
  );
  add([...MONTH_WORDS, ...WEEKDAY_WORDS, 'today', 'tonight', 'yesterday', 'tomorrow', 'ago', 'th', 'st', 'nd', 'rd'], C_DAY_END);
  add(['this', 'last', 'past', 'next', 'morning', 'afternoon', 'evening', 'night', 'weekend'], C_DAY_END);
  add(['earlier', 'later', 'early', 'late', 'mid', 'this', 'last', 'next', 'previous', 'past', 'coming'], C_SCAN);
  add(['over', 'day', ...COUNT_WORD_LIST, 'today', 'tonight', 'yesterday', 'tomorrow', 'in', 'since', 'during', 'by'], C_SCAN);
  add(
    [
      'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months',
      'quarter', 'quarters', 'year', 'years', 'sec', 'min', 'mins', 'hr', 'hrs', 'mos', 'qtr', 'yr', 'ago',
      'henceforth', 'forward',
    ],
    C_TRAILING,
  );
  return map;
})();

// CLASSES by a hash of their letters, so words() finds a word's entry without making its string.
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;
const VOCABULARY: readonly string[] = [...CLASSES.keys()];
const VOCABULARY_CLASSES = Int32Array.from(VOCABULARY, (w) => CLASSES.get(w) ?? 0);
const VOCABULARY_SIZE = 4096; // a power of two, several times the vocabulary
const VOCABULARY_SLOT = new Int16Array(VOCABULARY_SIZE).fill(-1);
const VOCABULARY_HASH = new Int32Array(VOCABULARY_SIZE);
for (let index = 0; index < VOCABULARY.length; index++) {
  const w = VOCABULARY[index] as string;
  let h = HASH_SEED;
  for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), HASH_PRIME);
  let slot = (h ^ (h >>> 16)) & (VOCABULARY_SIZE - 1);
  while ((VOCABULARY_SLOT[slot] as number) >= 0) slot = (slot + 1) & (VOCABULARY_SIZE - 1);
  VOCABULARY_SLOT[slot] = index;
  VOCABULARY_HASH[slot] = h;
}

/** The VOCABULARY index of the ASCII-letter word text[start, end) in lower case (hash h), or -1 (V_LETTERS). */
function vocabularyIndex(text: string, start: number, end: number, h: number): number {
  const length = end - start;
  for (let slot = (h ^ (h >>> 16)) & (VOCABULARY_SIZE - 1); ; slot = (slot + 1) & (VOCABULARY_SIZE - 1)) {
    const index = VOCABULARY_SLOT[slot] as number;
    if (index < 0) return -1;
    if (VOCABULARY_HASH[slot] !== h) continue;
    const w = VOCABULARY[index] as string;
    if (w.length !== length) continue;
    let k = 0;
    while (k < length && w.charCodeAt(k) === (text.charCodeAt(start + k) | 0x20)) k++;
    if (k === length) return index;
  }
}

function isCue(text: string, ws: Words, i: number): boolean {
  const v = ws.v[i] as number;
  if (v >= 0) return ((VOCABULARY_CLASSES[v] as number) & C_CUE) !== 0;
  // 2021-02-04, 04/02/2021, 04.02.2021
  if (v === V_DIGITS) {
    const e = ws.e[i] as number;
    const sep = text.charCodeAt(e);
    return (sep === 45 || sep === 47 || sep === 46) && isDigitCode(text.charCodeAt(e + 1));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Chunks: only sentences with a cue are read, and chrono only sees those our own reading of the
// cues cannot settle (it is slow: about 15 µs a call however short the input).
// ---------------------------------------------------------------------------------------------

/** Sentences longer than this are fed to chrono as windows around their cues. */
const MAX_CHUNK = 1000;
const CUE_CONTEXT = 100;

interface Chunk {
  start: number;
  end: number;
  /** Words wholly inside the chunk: lo … hi - 1; -1 for the windows of a very long sentence. */
  lo: number;
  hi: number;
  /** Indices of the cue words. */
  cues: number[];
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

function chunksFor(text: string, ws: Words, sentences: readonly Sentence[]): Chunk[] {
  const sorted: { start: number; end: number }[] = [];
  let ordered = true;
  for (const x of sentences) {
    if (!x || !Number.isFinite(x.start) || !Number.isFinite(x.end)) continue;
    const start = Math.max(0, Math.min(text.length, x.start));
    const end = Math.max(0, Math.min(text.length, x.end));
    if (end <= start) continue;
    const last = sorted[sorted.length - 1];
    if (last && (last.start > start || (last.start === start && last.end > end))) ordered = false;
    sorted.push({ start, end });
  }
  if (!ordered) sorted.sort((a, b) => a.start - b.start || a.end - b.end);
  const chunks: Chunk[] = [];
  let w = 0;
  let covered = 0; // text before this has been chunked: overlapping sentences are fed once
  for (const sentence of sorted) {
    const start = Math.max(sentence.start, covered);
    const end = sentence.end;
    if (end <= start) continue;
    while (w < ws.n && (ws.s[w] as number) < start) w++;
    let cues: number[] | null = null;
    let k = w;
    for (; k < ws.n && (ws.e[k] as number) <= end; k++) {
      if (isCue(text, ws, k)) (cues ??= []).push(k);
    }
    covered = end;
    if (cues === null) continue;
    if (end - start <= MAX_CHUNK) {
      chunks.push({ start, end, lo: w, hi: k, cues });
      continue;
    }
    // A very long "sentence": windows around its cues, merged, each at most MAX_CHUNK long.
    let open: Chunk | null = null;
    for (const index of cues) {
      const cue = ws.s[index] as number;
      const from = snapLeft(text, Math.max(start, cue - CUE_CONTEXT), start);
      const to = snapRight(text, Math.min(end, cue + CUE_CONTEXT), end);
      if (open && from <= open.end && to - open.start <= MAX_CHUNK) open.end = Math.max(open.end, to);
      else {
        if (open && open.end > open.start) chunks.push(open);
        open = { start: open && from < open.end ? open.end : from, end: to, lo: -1, hi: -1, cues: [] };
      }
    }
    if (open && open.end > open.start) chunks.push(open);
  }
  return chunks;
}

// ---------------------------------------------------------------------------------------------
// Cues read without chrono. For the common shapes ("on Monday", "February 4, 2021", "4
// February", "yesterday morning", "last week", "3 days ago", "march" the verb …) chrono's match
// is known from the words themselves, provided nothing next to it can extend or join it: on
// each side, after at most three connectors ("at", "on", ",", "-", "the" …), comes a plain word
// or symbol (one in none of chrono's patterns), a wall (a word no match can cross: "and",
// "by" …) or the chunk's end. Anything else, and the whole chunk goes to chrono as before.
// This mirrors chrono-node 2.10.3's English patterns and refiners, quirks included ("May 4
// amid", "from 4 May"); the tests compare both ways of reading on generated sentences.
// ---------------------------------------------------------------------------------------------

/** side(): the match ends in a word; a "(" on its left is not part of it. */
const AFTER_WORD = 1;
const PAREN_WALL = 2;
/** Words no chrono gap holds and no match starts or ends with, on that side of a match. */
const RIGHT_WALLS: ReadonlySet<string> = new Set(['and', 'by', 'since', 'during', 'earlier', 'later']);
const LEFT_WALLS: ReadonlySet<string> = new Set([
  'and', 'by', 'since', 'during', 'in', 'a', 'an', 'for', 'within', 'about', 'around', 'roughly', 'approximately', 'just',
]);
/** Connector words that may stand alone between two matches chrono joins ("Monday at 10 am", "4 to 6"). */
const GAP_WORDS: ReadonlySet<string> = new Set(['t', 'at', 'after', 'before', 'on', 'of', 'to', 'until', 'through', 'till']);
/** chrono's number words, and the hedges it reads before a number ("about two weeks"). */
const NUMBER_LEADS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'few', 'several', 'half', 'couple', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight',
  'nine', 'ten', 'eleven', 'twelve', 'about', 'around', 'roughly', 'approximately', 'just', 'of',
]);

const RANGE_WORDS: ReadonlySet<string> = new Set(['to', 'until', 'till', 'through', '-', '–']);

/** ASCII symbols that appear in no chrono pattern. */
const PLAIN_SYMBOLS = new Set(['"', ';', '!', '?', '[', ']', '{', '}', '|', '*', '&', '%', '@', '#', '=', '<', '>', '$', "'", '^', '`', '\\']);
/** Symbols that may stand between two results chrono joins (",", "-", ".", ":", "(" …). */
const CONNECTOR_SYMBOLS = new Set([',', '.', ':', '-', '–', '∙', '(', ')']);
/** Non-ASCII characters in chrono's patterns: "–", "∙", full-width brackets and colon. */
const CHRONO_NON_ASCII = new Set(['–', '∙', '（', '）', '：']);

/** Symbols parseTime drops before reading (its DROPPED, and "-"). */
const PARSE_DROPPED = new Set(['.', ',', '(', ')', '[', ']', '{', '}', '"', "'", '“', '”', '‘', '’', '`', ';', '!', '?', '…', '-']);

/** Month lengths in a common year: a day that exists in every year needs no year to be valid. */
const MONTH_MIN_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// chrono's patterns join some words with no space between them ("onMonday", "lastnight",
// "thisy" for "this year", "they" for "the y[ear]"). A word that splits into such a chain is
// not plain. JOINS: the words that may directly follow each word inside one pattern.
const JOINS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const mod = ['this', 'last', 'past', 'next'];
  const weekdays = [...WEEKDAY_WORDS.filter((w) => w !== 'tues'), 'weekend', 'weekday'];
  const numbers = ['the', 'a', 'an', 'few', 'several', 'half', 'couple', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
  const units = [
    's', 'sec', 'second', 'seconds', 'm', 'min', 'mins', 'minute', 'minutes', 'h', 'hr', 'hrs', 'hour', 'hours', 'd', 'day',
    'days', 'w', 'week', 'weeks', 'mo', 'mon', 'mos', 'month', 'months', 'qtr', 'quarter', 'quarters', 'y', 'yr', 'year', 'years',
  ];
  const ordinals = [
    'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
    'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'thirtieth',
  ];
  const parts = ['morning', 'afternoon', 'evening', 'night', 'midnight', 'midday', 'noon'];
  const suffixes = ['ago', 'before', 'earlier', 'later', 'after', 'henceforth', 'forward', 'out'];
  const hedges = ['about', 'around', 'roughly', 'approximately', 'just'];
  const map = new Map<string, Set<string>>();
  const add = (from: readonly string[], to: readonly string[]) => {
    for (const f of from) {
      const set = map.get(f) ?? new Set<string>();
      for (const t of to) set.add(t);
      map.set(f, set);
    }
  };
  add(['on'], [...mod, ...weekdays, ...ordinals]);
  add(mod, [...weekdays, ...units, ...numbers]);
  add(['last'], ['night']);
  add(['this'], parts);
  add(['after'], ['this', ...numbers]);
  add(weekdays, ['of', ...mod]);
  add(['of'], [...mod, ...MONTH_WORDS, ...units]);
  add(['within', 'in', 'for'], [...hedges, ...numbers]);
  add(hedges, [...hedges, ...numbers]);
  add(numbers.filter((w) => w !== 'a' && w !== 'an'), units); // "a", "an" need a word boundary after them
  add(['half'], ['a', 'an']);
  add(['a'], ['couple']);
  add(['couple'], ['of']);
  add(units, [...suffixes, 'and', ...numbers, ...hedges]);
  add(['and'], [...hedges, ...numbers]);
  add(['at'], ['night']);
  add(['in'], ['the', ...MONTH_WORDS]);
  add(['the'], ['morning', 'afternoon']);
  add(['o'], ['clock']);
  add(MONTH_WORDS, [...ordinals, 'of']);
  add(['be', 'ad', 'bc', 'bce', 'ce'], [...MONTH_WORDS, 'of']); // "16 BCMay": a year, then its month
  add(ordinals, ['to', 'until', 'through', 'till', 'of', ...MONTH_WORDS]);
  add(['to', 'until', 'through', 'till'], ordinals);
  return map;
})();
/** A cue word inside a longer word (a run-together word can be a cue only so). */
const CUE_INSIDE = /mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|night|morning|noon|evening|week|month|year|ago/;
/** Every prefix of a word that starts a chain, so most words are dismissed after a letter or two. */
const CHAIN_PREFIXES: ReadonlySet<string> = new Set([...JOINS.keys()].flatMap((w) => Array.from(w, (_, k) => w.slice(0, k + 1))));
/** 0: not a chain; 1: a chain of chrono's words ("they" for "the y[ear]"); 2: one with a cue ("inFebruary"). */
const COMPOSED = new Map<string, number>();

/** Whether a lower-case word is two or more words chrono joins ("thisweek", "onmonday", "they"): 0, 1 or 2 (with a cue word). */
function composed(w: string): number {
  let known = COMPOSED.get(w);
  if (known === undefined) {
    known = 0;
    let head = 1;
    while (head <= w.length && CHAIN_PREFIXES.has(w.slice(0, head))) head++;
    if (head <= 1) return 0; // no chain word starts it
    // ends[k]: chain words ending at k (every chain starting at 0), with whether a cue came before.
    const ends: { piece: string; cue: boolean }[][] = Array.from({ length: w.length + 1 }, () => []);
    for (let e = 1; e <= w.length && e <= 13; e++) {
      const piece = w.slice(0, e);
      if (JOINS.has(piece)) ends[e]?.push({ piece, cue: ((CLASSES.get(piece) ?? 0) & C_CUE) !== 0 });
    }
    for (let k = 1; k < w.length; k++) {
      for (const prev of ends[k] ?? []) {
        const next = JOINS.get(prev.piece);
        if (!next) continue;
        for (let e = k + 1; e <= w.length && e - k <= 13; e++) {
          const piece = w.slice(k, e);
          if (!next.has(piece)) continue;
          const cue = prev.cue || ((CLASSES.get(piece) ?? 0) & C_CUE) !== 0;
          if (e === w.length) known = Math.max(known, cue ? 2 : 1);
          else ends[e]?.push({ piece, cue });
        }
      }
    }
    if (COMPOSED.size >= 16384) COMPOSED.clear();
    COMPOSED.set(w, known);
  }
  return known;
}

class CueReader {
  /** Words lo … hi - 1 are the chunk's; the chunk ends at `end`. */
  lo = 0;
  hi = 0;
  end = 0;
  /** Cue words already read as part of another cue's phrase. */
  readonly consumed = new Set<number>();
  /** Words base … base + count - 1 (the chunk's and one either side) as objects, reused chunk to chunk. */
  private base = 0;
  private count = 0;
  private readonly pool: Word[] = [];

  constructor(
    private readonly text: string,
    private readonly ws: Words,
    private readonly out: Candidate[],
  ) {}

  /** Reads every cue of a chunk; false (nothing added) when chrono must read it. */
  chunk(chunk: Chunk): boolean {
    this.lo = chunk.lo;
    this.hi = chunk.hi;
    this.end = chunk.end;
    this.base = Math.max(0, chunk.lo - 1);
    this.count = 0;
    for (let k = this.base; k <= chunk.hi && k < this.ws.n; k++, this.count++) {
      const into = this.pool[this.count];
      if (into === undefined) this.pool.push(wordAt(this.ws, k) as Word);
      else wordAt(this.ws, k, into);
    }
    // A word cut by the chunk's edge reads differently to chrono.
    const before = this.at(chunk.lo - 1);
    const after = this.at(chunk.hi);
    if ((before && before.e > chunk.start) || (after && after.s < chunk.end)) return false;
    for (let k = chunk.lo; k < chunk.hi; k++) {
      const t = this.at(k) as Word;
      // A year beside a range word: chrono may read "10 to  2021" as a range of times, and
      // read() then finds the year " 2021" in it (no cue of ours).
      if (t.digits && t.e - t.s === 4 && t.w >= '1800' && t.w <= '2199' && (this.rangeWord(k, -1) || this.rangeWord(k, 1))) return false;
      // A run-together word chrono reads ("inFebruary", "lastnight") is no cue of ours.
      if (!t.letters || (t.c & C_VOCAB) !== 0 || t.e - t.s < 4) continue;
      const w = t.w === '' ? this.text.slice(t.s, t.e).toLowerCase() : t.w;
      if (CUE_INSIDE.test(w) && composed(w) === 2) return false;
    }
    this.consumed.clear();
    const mark = this.out.length;
    for (const i of chunk.cues) {
      if (this.consumed.has(i)) continue;
      if (!this.cue(i)) {
        this.out.length = mark;
        return false;
      }
    }
    return true;
  }

  /** Word i (past the loaded ones: a new object; none past the text's ends). */
  private at(i: number): Word | undefined {
    const k = i - this.base;
    return k >= 0 && k < this.count ? this.pool[k] : wordAt(this.ws, i);
  }

  private word(i: number): Word | undefined {
    return i >= this.lo && i < this.hi ? this.pool[i - this.base] : undefined;
  }

  /**
   * Beside word k (going `dir`), a word chrono joins a range with ("to", "–" …); not a dash
   * inside a run of digits ("2023-06-02": the numbers' own reading, see isoDate and numbers).
   */
  private rangeWord(k: number, dir: 1 | -1): boolean {
    const t = this.word(k + dir);
    if (t === undefined || t.digits || !RANGE_WORDS.has(t.w)) return false;
    const inside = t.w.length === 1 && this.glued(Math.min(k, k + dir), Math.max(k, k + dir)) && this.word(k + 2 * dir)?.digits;
    return !(inside && this.glued(Math.min(k + dir, k + 2 * dir), Math.max(k + dir, k + 2 * dir)));
  }

  /** Whether word i (in the chunk) is a plain word or symbol chrono never reads. */
  private plain(t: Word): boolean {
    if (t.letters) {
      if ((t.c & C_VOCAB) !== 0) {
        // The "s" of "court's" is no time unit: chrono needs a number before one.
        return t.w === 's' && this.possessive(t);
      }
      // chrono's patterns join many words without a space ("onMonday", "lastnight", "thisy"
      // for "this year"): a word made of its words is not plain.
      return composed(t.w === '' ? this.text.slice(t.s, t.e).toLowerCase() : t.w) === 0;
    }
    if (t.digits) return false;
    const c = t.w.charCodeAt(0);
    if (c < 128) return PLAIN_SYMBOLS.has(t.w);
    return !CHRONO_NON_ASCII.has(t.w);
  }

  /** A word written right after an apostrophe that follows letters ("court's"). */
  private possessive(t: Word): boolean {
    const q = this.text.charCodeAt(t.s - 1);
    return (q === 39 || q === 0x2019) && t.s >= 2 && isAsciiLetter(this.text.charCodeAt(t.s - 2));
  }

  private connector(t: Word): boolean {
    return t.letters ? (t.c & C_CONNECTOR) !== 0 : !t.digits && CONNECTOR_SYMBOLS.has(t.w);
  }

  /**
   * Nothing beyond word i (going `dir`, ±1) can extend or join a chrono match ending before it:
   * the chunk ends, or a plain word or symbol comes, possibly after up to three connectors.
   * `afterWord`: the match ends in a word, not a number, and i is on its right.
   */
  private side(i: number, dir: 1 | -1, how = 0): boolean {
    for (let k = 0; k < 4; k++, i += dir) {
      const t = this.word(i);
      if (!t || this.plain(t)) return true;
      if (t.letters) {
        // A time unit ends chrono matches ("in 3 days") but never starts one: after a match
        // ending in a word (not a number it could count, nor "a"/"the" before it), it is a wall.
        if (how & AFTER_WORD && t.c & C_TRAILING && !(k > 0 && this.word(i - dir)?.c! & C_NUMBER_WORD)) return true;
        // Words in no joining gap that start nothing either way ("and", "by", "since" …); a
        // clock time may end in "a" ("10 a Monday").
        if ((dir === 1 ? RIGHT_WALLS : LEFT_WALLS).has(t.w) && !(t.w === 'a' && this.word(i - 1)?.digits)) return true;
        // A time unit ends a match only right after a number ("3 hours") or this/last ("last
        // week"): "the early hours of Tuesday" ends nothing.
        if (dir === -1 && t.c & C_UNIT_WORD && !this.countsBefore(i)) return true;
        // "end" starts a match only as "end of (the) month"; nothing ends with it.
        if (dir === -1 && t.w === 'end' && !this.is(i + 1, 'of')) return true;
        // "the" ends no match; before a month it may close "end of the" (chrono's end-of-month).
        if (dir === -1 && t.w === 'the' && !this.is(i - 1, 'of')) return true;
        // A word in no joining gap ("for", "in", "a" …) may only start a match itself, with a
        // number and a unit after it ("for a year", "from 4"); else nothing beyond it joins.
        // (After a number, "a" and "in" may instead end a clock time: "4 a.m.", "4 in the morning".)
        if (how & AFTER_WORD && t.c & C_CONNECTOR && !GAP_WORDS.has(t.w) && this.startsNothing(i)) return true;
      } else if (t.w === '(') {
        // No gap chrono joins over holds "("; only a weekday (or zone) match may start with one.
        if (dir === -1 && how & PAREN_WALL) return true;
        const u = this.word(i + 1);
        if (dir === 1 && u && (u.digits || (u.letters && u.c & (C_MONTH | C_MONTH_ABBR)))) return true;
      }
      if (!this.connector(t)) return false;
    }
    return false;
  }

  /** Word i - 1 may count a unit at i: a number, a number word, this/last/past/next, or a run-together word ("weight": "w eight"). */
  private countsBefore(i: number): boolean {
    const p = this.word(i - 1);
    if (p === undefined) return false;
    if (p.digits) return true;
    if (!p.letters) return false;
    if (NUMBER_LEADS.has(p.w) || (p.c & C_MODIFIER) !== 0) return true;
    return (p.c & C_VOCAB) === 0 && composed(p.w === '' ? this.text.slice(p.s, p.e).toLowerCase() : p.w) !== 0;
  }

  /**
   * From word i on, no match can start: after any number words and hedges ("for a", "in about
   * the") comes neither a number nor a time unit, so no "for a year", "in 3 days", "from 4".
   */
  private startsNothing(i: number): boolean {
    let k = i + 1;
    for (let t = this.word(k); t && t.letters && NUMBER_LEADS.has(t.w); t = this.word(k)) k++;
    const t = this.word(k);
    if (!t) return true;
    if (t.digits || (t.letters && (t.c & C_TRAILING || t.w === 'few' || t.w === 'now'))) return false;
    return !(t.letters && t.c & C_UNIT_ANY);
  }

  /** Word j follows word i with nothing between. */
  private glued(i: number, j: number): boolean {
    const a = this.at(i);
    const b = this.at(j);
    return a !== undefined && b !== undefined && a.e === b.s;
  }

  /** Word j (in the chunk, either side of word i) touches it and is a regex word character (letter, digit, _). */
  private gluedWord(i: number, j: number): boolean {
    const b = this.word(j);
    return b !== undefined && (j > i ? this.glued(i, j) : this.glued(j, i)) && (b.letters || b.digits || b.w === '_');
  }

  /** Characters between words i and i + 1, all whitespace (true for adjacent words). */
  private gap(i: number): number {
    const a = this.at(i);
    const b = this.at(i + 1);
    return a && b ? b.s - a.e : 0;
  }

  private is(i: number, w: string): boolean {
    const t = this.word(i);
    return t !== undefined && t.letters && t.w === w;
  }

  private push(from: number, to: number): void {
    this.out.push({ start: (this.at(from) as Word).s, end: (this.at(to) as Word).e });
  }

  /** A four-digit year chrono reads after a date (1000–9999, first digit not 0). */
  private year(i: number): boolean {
    const t = this.word(i);
    return t !== undefined && t.digits && t.w.length === 4 && t.w.charCodeAt(0) !== 48;
  }

  /** Day number 1 … last day of `month` in every year, written in one or two digits. */
  private day(i: number, month: number): boolean {
    const t = this.word(i);
    if (!t || !t.digits || t.w.length > 2) return false;
    const d = Number(t.w);
    return d >= 1 && d <= (MONTH_MIN_DAYS[month] ?? 0);
  }

  private cue(i: number): boolean {
    const t = this.at(i) as Word;
    if (t.digits) return this.isoDate(i) || this.numbers(i);
    const c = t.c;
    if (c & C_QUIET) return true;
    if (c & (C_WEEKDAY | C_WEEKEND)) return this.weekday(i);
    if (c & C_MONTH) return this.month(i, FULL_MONTHS.indexOf(t.w), false);
    if (c & C_MONTH_ABBR) {
      const next = this.word(i + 1);
      const m = ABBR_MONTHS.indexOf(t.w);
      // "Jan. 4", "4 Jan", "Jan 2021", "Jan.", "Sept": read like full names.
      if (t.w === 'sept' || this.word(i - 1)?.digits || (next && (next.digits || (next.w === '.' && this.glued(i, i + 1))))) return this.month(i, m, true);
      // chrono reads a bare three-letter month only in a match longer than the word: "in Jan",
      // "Jan, ", "Jan (" (its match keeps the space), "Jan" and two spaces. Safe: "Jan" then
      // one space and a word, or a symbol right after.
      if (this.is(i - 1, 'in')) return false;
      if (!next || next.w === ',' || next.w === '-' || next.w === 'of') return false;
      const gap = next.s - t.e;
      if (next.letters || next.w === '_' ? gap !== 1 : gap !== 0) return false;
      return this.side(i - 1, -1, PAREN_WALL) && this.side(i + 1, 1);
    }
    if (c & C_WEEKDAY_ABBR) return this.side(i - 1, -1) && this.side(i + 1, 1); // "Sun", "sat": never a date here
    if (c & C_CASUAL) {
      // "yesterday morning" is one phrase; "yesterday" alone is also scanCandidates' candidate.
      const next = this.word(i + 1);
      if (next && next.letters && next.c & C_DAY_PART && !this.glued(i, i + 1)) {
        this.consumed.add(i + 1);
        this.push(i, i + 1);
        return this.side(i - 1, -1, PAREN_WALL) && this.side(i + 2, 1, AFTER_WORD);
      }
      return this.side(i - 1, -1, PAREN_WALL) && this.side(i + 1, 1, AFTER_WORD);
    }
    if (c & C_DAY_PART) {
      // parseTime reads a part of the day only last, after a day ("Monday night") or as "this
      // morning", "last night" (scanCandidates' phrases too); "night" alone is no date.
      const prev = this.word(i - 1);
      if (prev && prev.letters && prev.c & C_MODIFIER) return this.side(i - 2, -1, PAREN_WALL) && this.side(i + 1, 1, AFTER_WORD);
      const p = this.word(this.significant(i, -1));
      return !p || !(p.digits || (p.c & C_DAY_END) !== 0);
    }
    if (c & C_UNIT) return this.unit(i);
    return false;
  }

  /**
   * Digit groups joined by "-", "/" or "." ("2.5", "24/7", "011-2345-6789", "2.30am"): chrono
   * may read a time or a date in them, but parseTime reads digits-only dates solely with a
   * four-digit year beside a short group ("2021-02", "04/02/2021"), so none is a date here.
   */
  private numbers(i: number): boolean {
    let first = i;
    while (this.separator(first - 1) && this.word(first - 2)?.digits && this.glued(first - 2, first - 1)) first -= 2;
    let last = i;
    while (this.separator(last + 1) && this.word(last + 2)?.digits && this.glued(last + 1, last + 2)) last += 2;
    if (this.gluedWord(first, first - 1)) return false;
    for (let k = first; k <= last; k += 2) {
      const len = (this.at(k) as Word).e - (this.at(k) as Word).s;
      if (len === 4) {
        const year = Number((this.at(k) as Word).w);
        const short = (j: number) => j >= first && j <= last && (this.at(j) as Word).e - (this.at(j) as Word).s <= 2;
        if ((year >= 1800 && year <= 2199) || short(k - 2) || short(k + 2)) return false;
      }
      this.consumed.add(k);
    }
    // A clock time: "2.30am", "10.30 p.m." (chrono's match, never a date by itself).
    let end = last + 1;
    const m = this.word(end);
    if (m && m.letters && (m.w === 'am' || m.w === 'pm')) end++;
    else if (m && m.letters && (m.w === 'a' || m.w === 'p') && this.word(end + 1)?.w === '.' && this.is(end + 2, 'm') && this.word(end + 3)?.w === '.') end += 4;
    else if (this.gluedWord(last, last + 1)) {
      // "4.2bn", "2.5km": a plain word against the digits ends every reading of them.
      const u = this.word(last + 1) as Word;
      return u.letters && this.plain(u) && !this.timePrefix(first - 1) && this.side(first - 1, -1, PAREN_WALL);
    }
    if (this.gluedWord(end - 1, end)) return false;
    return !this.timePrefix(first - 1) && this.side(first - 1, -1, PAREN_WALL) && this.side(end, 1);
  }

  /** Whitespace chrono's bare-month match may keep after word i (at most; 99 when unsure). */
  private trailing(i: number): number {
    const t = this.at(i) as Word;
    const next = this.word(i + 1);
    const gap = (next ? next.s : this.end) - t.e;
    if (gap === 0) return 0;
    if (!next) return gap;
    if (next.digits || next.w === ',' || next.w === '-' || next.w === 'of') return 99;
    return next.letters || next.w === '_' ? gap - 1 : gap;
  }

  private separator(i: number): boolean {
    const t = this.word(i);
    return t !== undefined && !t.letters && !t.digits && (t.w === '-' || t.w === '/' || t.w === '.');
  }

  /**
   * "at 4", "from 4": chrono reads a time that may swallow a number after it. Its pattern may
   * start inside a word after a "t" ("justfrom 4": the "t" counts as its left edge).
   */
  private timePrefix(i: number): boolean {
    const t = this.word(i);
    if (!t || !t.letters) return false;
    const w = t.w === '' ? this.text.slice(t.s, t.e).toLowerCase() : t.w;
    return w === 'at' || w === 'from' || w.endsWith('tat') || w.endsWith('tfrom');
  }

  /** "2021-02-04": chrono's match is the date as written. */
  private isoDate(i: number): boolean {
    const y = this.word(i);
    const m = this.word(i + 2);
    const d = this.word(i + 4);
    if (!y || y.w.length !== 4 || y.w < '1000' || !m || !m.digits || m.w.length > 2 || !d || !d.digits || d.w.length > 2) return false;
    if (this.word(i + 1)?.w !== '-' || this.word(i + 3)?.w !== '-') return false;
    for (let k = i; k < i + 4; k++) if (!this.glued(k, k + 1)) return false;
    const month = Number(m.w);
    const day = Number(d.w);
    if (month < 1 || month > 12 || day < 1 || day > (MONTH_MIN_DAYS[month - 1] ?? 0)) return false;
    if (this.gluedWord(i, i - 1) || this.gluedWord(i + 4, i + 5)) return false;
    this.consumed.add(i + 2);
    this.push(i, i + 4);
    return !this.timePrefix(i - 1) && this.side(i - 1, -1, PAREN_WALL) && this.side(i + 5, 1);
  }

  /** "[on] [this|last|past|next] Monday[,] [night]", and "weekend" the same way. */
  private weekday(i: number): boolean {
    let start = i;
    const prev = this.word(i - 1);
    if (prev && prev.letters && prev.c & C_MODIFIER) start = i - 1;
    if (this.is(start - 1, 'on')) start--;
    let end = i;
    let next = i + 1;
    const n = this.word(next);
    if ((this.at(i) as Word).c & C_WEEKDAY && n && n.letters && n.c & C_DAY_PART) {
      // "on Monday night": chrono joins the weekday and the part of the day.
      this.consumed.add(next);
      end = next;
      next++;
    } else if (n && (n.w === ',' || n.w === ')')) {
      next++; // chrono keeps the comma; the evidence trims it
    }
    this.push(start, end);
    return this.side(start - 1, -1) && this.side(next, 1, AFTER_WORD);
  }

  /**
   * Month names: "February", "May 4", "Oct. 16", "February 4, 2021", "4 February 2021",
   * "February 2021". `abbr`: i is "Jan" … "Dec" or "Sept", maybe with its full stop ("Jan.").
   */
  private month(i: number, m: number, abbr: boolean): boolean {
    if (abbr && m < 0) m = 8; // "sept"
    const t = this.at(i) as Word;
    // chrono matches "Jan." with its full stop; the evidence trims it.
    const name = abbr && this.word(i + 1)?.w === '.' && this.glued(i, i + 1) ? i + 1 : i;
    if (name !== i && this.gluedWord(name, name + 1) && !this.word(name + 1)?.digits) return false; // "Jan.court"
    const prev = this.word(i - 1);
    const next = this.word(name + 1);
    if (prev && prev.digits) {
      // "[on] 4 February [2021]"
      if (!this.day(i - 1, m) || this.gap(i - 1) > 3 || this.gluedWord(i - 1, i - 2)) return false;
      let start = i - 1;
      if (this.is(i - 2, 'on') && this.gap(i - 2) <= 3) {
        if (this.gluedWord(i - 2, i - 3)) return false;
        start = i - 2;
      }
      let end = name;
      if (next && next.digits) {
        if (!this.year(name + 1) || this.gap(name) > 3) return false;
        end = name + 1;
      } else if (next && next.w === ',' && this.glued(name, name + 1) && this.word(name + 2)?.digits) {
        if (!this.year(name + 2) || this.gap(name + 1) > 3) return false;
        end = name + 2;
      }
      if (end !== name && this.gluedWord(end, end + 1)) return false;
      if (start === i - 1 && this.timePrefix(start - 1)) return false; // "from 4 May" is chrono's time
      // chrono's bare-month match keeps trailing spaces before a symbol ("February   ’s"); when
      // that is longer than "4 February", it wins the overlap.
      const nameEnd = (this.at(name) as Word).e;
      if (end === name && nameEnd - t.s + this.trailing(name) > nameEnd - (this.at(start) as Word).s) return false;
      this.push(start, end === name ? i : end);
      return this.side(start - 1, -1, PAREN_WALL) && this.side(end + 1, 1, end === name ? AFTER_WORD : 0);
    }
    let end = name;
    if (next && next.digits && this.day(name + 1, m)) {
      // "February 4[, 2021]"
      const after = this.word(name + 2);
      if (this.gluedWord(name + 1, name + 2)) return false;
      // chrono refuses a day followed by a word starting "am"/"pm" ("May 4 amid"), whatever it is.
      if (after && after.letters && /^[ap]m/.test(after.w === '' ? this.text.slice(after.s, after.s + 2).toLowerCase() : after.w)) return false;
      end = name + 1;
      if (after && after.digits) {
        if (!this.year(name + 2)) return false;
        end = name + 2;
      } else if (after && after.w === ',' && this.word(name + 3)?.digits) {
        if (!this.year(name + 3)) return false;
        end = name + 3;
      }
    } else if (next && next.digits) {
      // "February 2021"
      if (!this.year(name + 1)) return false;
      end = name + 1;
    } else if (next && next.w === ',' && this.word(name + 2)?.digits) {
      // "February, 2021"
      if (!this.year(name + 2)) return false;
      end = name + 2;
    }
    if (end !== name) {
      if (this.gluedWord(end, end + 1)) return false;
      this.push(i, end);
    } else if (next && (next.w === '-' || next.w === 'of')) {
      return false; // chrono's match takes them: "February of", "May -"
    } else if (abbr && name === i && t.w !== 'sept') {
      return false; // a bare "Jan": see cue()
    } else if (m !== 4) {
      this.push(i, i);
    } else if (
      (this.is(i - 1, 'in') && !this.gluedWord(i - 1, i - 2)) ||
      (this.lo === i && this.hi === i + 1) ||
      (next && next.w === ',' && !this.gluedWord(i + 1, i + 2))
    ) {
      // chrono drops a match that is just "may" unless "in May" (or the chunk is just "May");
      // "May, " is matched with its comma, so it stays.
      this.push(i, i);
    }
    return this.side(i - 1, -1, PAREN_WALL) && this.side(end + 1, 1, end === name ? AFTER_WORD : 0);
  }

  /**
   * "last month", "3 years ago": chrono's reading is scanCandidates' phrase. parseTime reads a
   * unit word only after this/last/next/in or in "N units ago", so any other "week", "a year",
   * "for years" is no date whatever chrono makes of it.
   */
  private unit(i: number): boolean {
    const prev = this.word(i - 1);
    const next = this.word(i + 1);
    if (next && next.letters && next.c & C_AGO) {
      // "3 days ago", "two years ago": the same phrase scanCandidates finds.
      if (!prev || this.gap(i - 1) === 0 || this.gap(i) === 0) return false;
      if (!(prev.digits ? prev.e - prev.s <= 3 : prev.letters && prev.c & C_COUNT)) return false;
      this.consumed.add(i + 1);
      return this.side(i - 2, -1, PAREN_WALL) && this.side(i + 2, 1);
    }
    if (prev && prev.letters && prev.c & C_MODIFIER) return this.side(i - 2, -1, PAREN_WALL) && this.side(i + 1, 1, AFTER_WORD);
    const p = this.word(this.significant(i, -1));
    const q = this.word(this.significant(i, 1));
    if (q && q.letters && q.c & C_AGO) return false;
    return !p || !p.letters || !((p.c & C_MODIFIER) !== 0 || p.w === 'in');
  }

  /** The nearest word from i going `dir` that parseTime does not drop (punctuation, "the", "of", "-"). */
  private significant(i: number, dir: 1 | -1): number {
    let k = i + dir;
    for (let t = this.word(k); t && (t.letters ? t.w === 'the' || t.w === 'of' : !t.digits && PARSE_DROPPED.has(t.w)); t = this.word(k)) k += dir;
    return k;
  }
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

function chronoCandidates(text: string, chunk: Chunk, ref: chrono.ParsingReference, out: Candidate[]): void {
  let results: chrono.ParsedResult[];
  try {
    results = chrono.casual.parse(text.slice(chunk.start, chunk.end), ref);
  } catch {
    return; // chrono is a best-effort parser here; a surprise means "no dates in this chunk"
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

const UNIT_WORDS: ReadonlySet<string> = new Set(['week', 'month', 'year', 'weekend']);
const WHICH: ReadonlySet<string> = new Set(['this', 'last', 'next', 'previous', 'past', 'coming']);
const PART: ReadonlySet<string> = new Set(['earlier', 'later', 'early', 'late', 'mid']);
const DAY_PARTS: ReadonlySet<string> = new Set(['night', 'evening', 'morning', 'afternoon', 'weekend']);
const AGO_UNITS: ReadonlySet<string> = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);
const COUNT_WORDS: ReadonlySet<string> = new Set(COUNT_WORD_LIST);
const SINGLE: ReadonlySet<string> = new Set(['today', 'tonight', 'yesterday', 'tomorrow']);
const YEAR_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'since', 'during', 'by']);

/**
 * Relative phrases as word shapes: "earlier this week", "late last month", "earlier in the week",
 * "last evening", "over the weekend", "3 days ago", "day before yesterday", "in 2019".
 * Words must be separated by whitespace only (a hyphen after "mid"); parseTime validates.
 */
function scanCandidates(text: string, ws: Words, out: Candidate[]): void {
  const { n, s, e, v } = ws;
  // Every word compared below is a word of letters: digits and symbols read as ''.
  const at = (i: number): string => (i < n && (v[i] as number) >= 0 ? (VOCABULARY[v[i] as number] as string) : '');
  // Only whitespace (or a hyphen after "mid") between words i..j.
  const joined = (i: number, j: number): boolean => {
    for (let k = i; k < j; k++) {
      if (k + 1 >= n || v[k] === V_SYMBOL || v[k + 1] === V_SYMBOL) return false;
      if (s[k + 1] === e[k]) return false;
      for (let c = e[k] as number; c < (s[k + 1] as number); c++) if (!isSpaceCode(text.charCodeAt(c))) return false;
    }
    return true;
  };
  const push = (i: number, j: number) => {
    if (j < n && joined(i, j)) out.push({ start: s[i] as number, end: e[j] as number });
  };
  for (let i = 0; i < n; i++) {
    const vi = v[i] as number;
    if (vi === V_DIGITS) {
      // Short numbers start only "3 days ago".
      if ((e[i] as number) - (s[i] as number) <= 3 && AGO_UNITS.has(at(i + 1)) && at(i + 2) === 'ago') push(i, i + 2);
      continue;
    }
    // Only words that can start a phrase below.
    if (vi < 0 || ((VOCABULARY_CLASSES[vi] as number) & C_SCAN) === 0) continue;
    const w = VOCABULARY[vi] as string;
    if (PART.has(w)) {
      if (WHICH.has(at(i + 1)) && UNIT_WORDS.has(at(i + 2))) push(i, i + 2);
      else if ((w === 'earlier' || w === 'later') && at(i + 1) === 'in' && at(i + 2) === 'the' && UNIT_WORDS.has(at(i + 3))) push(i, i + 3);
      else if ((w === 'earlier' || w === 'later') && at(i + 1) === 'today') push(i, i + 1);
    } else if (WHICH.has(w)) {
      if (UNIT_WORDS.has(at(i + 1)) || DAY_PARTS.has(at(i + 1))) push(i, i + 1);
    } else if (w === 'over' && at(i + 1) === 'the' && at(i + 2) === 'weekend') {
      push(i, i + 2);
    } else if (COUNT_WORDS.has(w) && AGO_UNITS.has(at(i + 1)) && at(i + 2) === 'ago') {
      push(i, i + 2);
    } else if (w === 'day' && (at(i + 1) === 'before' || at(i + 1) === 'after') && (at(i + 2) === 'yesterday' || at(i + 2) === 'tomorrow')) {
      push(i, i + 2);
    } else if (SINGLE.has(w)) {
      push(i, i);
    } else if (YEAR_PREPOSITIONS.has(w)) {
      // "in 2019" but not "in 2020-21", "in 2019's", "in 20190".
      const y = i + 1;
      if (y < n && v[y] === V_DIGITS && (e[y] as number) - (s[y] as number) === 4) {
        const after = text.charCodeAt(e[y] as number);
        if (!(isAsciiLetter(after) || after === 45 || after === 47 || after === 0x2013 || after === 39 || after === 0x2019 || (after === 46 && isDigitCode(text.charCodeAt((e[y] as number) + 1))))) {
          const year = Number(text.slice(s[y] as number, e[y] as number));
          if (year >= 1800 && year <= 2199) push(i, i + 1);
        }
      }
    }
  }
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

/**
 * parseTime, remembered: news repeats its date phrases ("on Monday", "February 4"), and a
 * reading depends only on the phrase and the publication date. Bounded; values are shared, so
 * callers never mutate them (mentions get copies).
 */
const READINGS = new Map<string, TimeValue | null>();
const MAX_READINGS = 4096;

function readPhrase(phrase: string, publishedAt: string | null | undefined): TimeValue | null {
  const key = `${typeof publishedAt === 'string' ? publishedAt : ''}\u0000${phrase}`;
  let value = READINGS.get(key);
  if (value === undefined) {
    value = parseTime(phrase, { publishedAt });
    if (READINGS.size >= MAX_READINGS) READINGS.clear();
    READINGS.set(key, value);
  }
  return value;
}

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
    const v = readPhrase(text.slice(part.s, best.end), publishedAt);
    if (v) best = { start: part.s, end: best.end, value: v };
  }
  const prep = wordBefore(text, best.start);
  if (prep && LEFT_PREPOSITIONS.has(prep.w)) {
    const v = readPhrase(text.slice(prep.s, best.end), publishedAt);
    if (v) best = { start: prep.s, end: best.end, value: v };
  }
  return best;
}

/** Words after which chrono reads a bare number as a clock time ("on Monday after 14"). */
const CLOCK_JOINERS: ReadonlySet<string> = new Set(['at', 'after', 'before', 'around', 'about', 'by', 'past', 'from', 'since']);

/**
 * Where the date ends in a phrase that ends in a joiner and a bare one- or two-digit number
 * ("on Monday after 14" of "after 14 cracks were found", "on Tuesday at 10" of "at 10 people
 * were hurt"): chrono reads the number as a clock time, parseTime cannot, and the number is
 * more likely a count. -1 when the phrase has no such tail (or nothing before it).
 */
function clockTail(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && isDigitCode(text.charCodeAt(i - 1))) i--;
  if (end - i < 1 || end - i > 2 || i === start || !isSpaceCode(text.charCodeAt(i - 1))) return -1;
  while (i > start && isSpaceCode(text.charCodeAt(i - 1))) i--;
  const word = wordBefore(text, i, false);
  if (!word || word.s <= start || !CLOCK_JOINERS.has(word.w)) return -1;
  let cut = word.s;
  while (cut > start && TRIM.has(text.charCodeAt(cut - 1))) cut--;
  return cut > start ? cut : -1;
}

function read(text: string, c: Candidate, publishedAt: string | null | undefined): Found[] {
  const phrase = text.slice(c.start, c.end);
  const value = readPhrase(phrase, publishedAt);
  if (value) return implausible(text, c.start, c.end, value) ? [] : [widen(text, { start: c.start, end: c.end, value }, publishedAt)];
  // "on Monday after 14 cracks were found": the date stands without chrono's clock time.
  const cut = clockTail(text, c.start, c.end);
  if (cut > 0) return read(text, { start: c.start, end: cut }, publishedAt);
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
      const v = readPhrase(text.slice(part.start, part.end), publishedAt);
      if (v && !implausible(text, part.start, part.end, v)) out.push(part === parts[0] ? widen(text, { start: part.start, end: part.end, value: v }, publishedAt) : { start: part.start, end: part.end, value: v });
    }
    return out;
  }
  return [];
}

const BARE_WEEKDAY = /^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
// Words that point a bare weekday forward: "will reopen on Monday", "she'll visit on Tuesday";
// weaker ones only in a clause without a past auxiliary ("rain is forecast until Saturday", but
// "talks were scheduled to end on Friday" is past).
const FUTURE_AUXILIARY = /\b(?:will|shall)\b|\w'll\b/i;
const FUTURE_CUE = /\b(?:until|till|forecasts?|expected|scheduled|due|upcoming|slated|plans?\s+to|set\s+to|(?:is|are)\s+to)\b/i;
const PAST_AUXILIARY = /\b(?:was|were|had)\b/i;
const FORWARD_REACH = 80;

/**
 * News is past tense, so a bare weekday is read as the latest one (parseTime); in a clause
 * about the future ("the weather office has forecast more rain until Saturday", "schools will
 * reopen on Monday") it is the next one. Looks back at most FORWARD_REACH characters, not past
 * the start of the clause (a sentence end, a comma, a semicolon or a colon).
 */
function forward(text: string, f: Found, publishedAt: string | null | undefined): Found {
  // Cheap tests first: most mentions are not a bare weekday ("…day" ending, at most "on Wednesday").
  if (f.value.anchor !== 'publication' || f.end - f.start > 12 || (text.charCodeAt(f.end - 1) | 32) !== 121) return f;
  const day = BARE_WEEKDAY.exec(text.slice(f.start, f.end));
  if (!day) return f;
  let from = f.start;
  while (from > 0 && f.start - from < FORWARD_REACH) {
    const c = text.charCodeAt(from - 1);
    // A sentence or clause boundary: the cue must be in the weekday's own clause.
    if (c === 10 || c === 44 || c === 59 || c === 58 || ((c === 46 || c === 33 || c === 63) && isSpaceCode(text.charCodeAt(from)))) break;
    from--;
  }
  const clause = text.slice(from, f.start);
  if (!FUTURE_AUXILIARY.test(clause) && !(FUTURE_CUE.test(clause) && !PAST_AUXILIARY.test(clause))) return f;
  const value = readPhrase(`next ${day[1]!.toLowerCase()}`, publishedAt);
  return value ? { start: f.start, end: f.end, value } : f;
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
 * - Most sentences never reach chrono (it costs ~15 µs a call): when every cue has a shape whose
 *   chrono match is known from the words ("on Monday", "February 4, 2021", "4 Feb.", "yesterday
 *   morning", "last week", "2.5", "march" the verb …) and nothing beside it can extend or join
 *   that match, the sentence is read without chrono, to the same result.
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
  options: {
    publishedAt?: string | null;
    /** Read the common cue shapes without chrono (default true; false gives chrono every cue sentence, as a reference). */
    readCues?: boolean;
  },
): TimeMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const publishedAt = options?.publishedAt;
  const ws = words(text);
  const chunks = chunksFor(text, ws, sentences ?? splitSentences(text));
  const candidates: Candidate[] = [];
  const reader = options?.readCues === false ? null : new CueReader(text, ws, candidates);
  let ref: chrono.ParsingReference | null = null;
  for (const chunk of chunks) {
    if (reader && chunk.lo >= 0 && reader.chunk(chunk)) continue;
    chronoCandidates(text, chunk, (ref ??= reference(publishedAt)), candidates);
  }
  scanCandidates(text, ws, candidates);
  const found: Found[] = [];
  for (const c of candidates) found.push(...read(text, c, publishedAt));
  return merge(found).map((plain) => {
    const f = forward(text, plain, publishedAt);
    const mentionText = text.slice(f.start, f.end);
    const v = f.value;
    // (Built field by field: an object spread with an added key is slow.)
    return { start: f.start, end: f.end, text: mentionText, value: { kind: v.kind, start: v.start, end: v.end, granularity: v.granularity, anchor: v.anchor, text: mentionText } };
  });
}
