import type { QuantityValue } from '../model/index.js';
import { canonicalUnit, parseQuantityIn, quantityPhrase } from '../values/quantity.js';
import { splitSentences, type Sentence } from './sentences.js';

/**
 * A count or amount found in a text: its exact UTF-16 span (`text === input.slice(start, end)`)
 * covering hedge + figure + unit as written, and the parsed value.
 *
 * @example
 * extractQuantities('They removed over 1,000 accounts.')[0];
 * // { start: 13, end: 32, text: 'over 1,000 accounts', value: { qualifier: 'over', value: 1000, unit: 'accounts', ... } }
 */
export interface QuantityMention {
  start: number;
  end: number;
  text: string;
  value: QuantityValue;
}

// ---------------------------------------------------------------------------------------------
// Tokens: one linear pass; numbers, words and single symbols with offsets.
// ---------------------------------------------------------------------------------------------

const NUM = 0;
const WORD = 1;
const SYM = 2;

interface Tok {
  k: 0 | 1 | 2;
  s: number;
  e: number;
  /** Lower-cased text (numbers: raw). */
  w: string;
  /** Whitespace precedes the token. */
  sp: boolean;
  /** Sentence index, or a negative id for the gap before a sentence. */
  seg: number;
}

/** Tokens longer than this are never part of a quantity (keeps every window small). */
const MAX_TOKEN = 40;
/** Tokens after the figure's first token that a quantity phrase may use. */
const MAX_AHEAD = 14;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

// Every UTF-16 code unit's class, one table lookup (non-ASCII ones classified by regex on first
// sight: curly quotes and dashes are frequent in news). 0 = not yet known.
const C_KNOWN = 1;
const C_LETTER = 2;
const C_SPACE = 4;
const C_DIGIT = 8;
/** An ASCII lower-case letter: a word of these needs no lower-casing. */
const C_LOWER = 16;
const NON_ASCII_LETTER = /[\p{L}\p{M}]/u;
const NON_ASCII_SPACE = /\s/;
const CHAR_CLASS = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  CHAR_CLASS[c] =
    C_KNOWN |
    ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? C_LETTER : 0) |
    (c >= 97 && c <= 122 ? C_LOWER : 0) |
    (c === 32 || (c >= 9 && c <= 13) ? C_SPACE : 0) |
    (c >= 48 && c <= 57 ? C_DIGIT : 0);
}
function charClass(c: number): number {
  let k = CHAR_CLASS[c] as number;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = C_KNOWN | (NON_ASCII_LETTER.test(ch) ? C_LETTER : 0) | (NON_ASCII_SPACE.test(ch) ? C_SPACE : 0);
    CHAR_CLASS[c] = k;
  }
  return k;
}

function isLetterCode(c: number): boolean {
  return (charClass(c) & C_LETTER) !== 0;
}

function isSpaceCode(c: number): boolean {
  return (charClass(c) & C_SPACE) !== 0;
}

function isLetterAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isLetterCode(text.charCodeAt(i));
}

function isDigitAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isDigitCode(text.charCodeAt(i));
}

// Digits, then ","-groups of 2–3 digits (Western 1,178 and Indian 1,00,000), then a decimal part.
// Every character is looked at a bounded number of times, so runs of digits and commas stay linear.
function numberEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n && isDigitCode(text.charCodeAt(j))) j++;
  while (j < n && text.charCodeAt(j) === 44) {
    let m = j + 1;
    while (m < n && m - j <= 4 && isDigitCode(text.charCodeAt(m))) m++;
    const len = m - j - 1;
    if (len < 2 || len > 3 || (m < n && isDigitCode(text.charCodeAt(m)))) break;
    j = m;
  }
  if (j + 1 < n && text.charCodeAt(j) === 46 && isDigitCode(text.charCodeAt(j + 1))) {
    j++;
    while (j < n && isDigitCode(text.charCodeAt(j))) j++;
  }
  return j;
}

/**
 * Tokens made ahead of the scan and kept behind it. The scan reads at most about 40 tokens
 * back (unitBefore) and 30 ahead (a window and its "of the …" phrase) of the token it is at.
 */
const TOKEN_WINDOW = 1024;
const TOKEN_REACH = 64;
/** Slots of the token ring: more than the 2 × TOKEN_WINDOW tokens ever kept. */
const RING = 4096;
const MASK = RING - 1;

/**
 * A token's byte in `meta`: its kind (bits 0–1), whether whitespace precedes it, and for words:
 * its text is ASCII lower-case letters and "'" (no lower-casing needed); it has non-ASCII
 * characters; one of them is not the Kelvin sign (the only non-ASCII character that lower-cases
 * to ASCII), so its lower-cased text is in no word list (all ASCII).
 */
const M_KIND = 3;
const M_SP = 4;
const W_PLAIN = 8;
const W_NON_ASCII = 16;
const W_FOREIGN = 32;
/**
 * A token `run` must look at: a number, or a word that may be a figure word (an ASCII one with
 * the length, first and last letter of one; a non-ASCII one whose only non-ASCII letters are
 * Kelvin signs).
 */
const M_CANDIDATE = 64;
const KELVIN = 0x212a;

/**
 * Token columns, a ring indexed by token number & MASK. Most tokens are only looked at by kind
 * and offsets (by `run`, which passes over every one), so no object or string is made for them:
 * the few the scan reads closely (around candidate figures) are made as `Tok` records on first
 * read and kept in `objs` (slot taken when `objAt[slot]` is the token's number).
 */
interface TokenBuffers {
  meta: Uint8Array;
  s: Int32Array;
  e: Int32Array;
  seg: Int32Array;
  objs: (Tok | undefined)[];
  objAt: Int32Array;
}

function makeBuffers(): TokenBuffers {
  return {
    meta: new Uint8Array(RING),
    s: new Int32Array(RING),
    e: new Int32Array(RING),
    seg: new Int32Array(RING),
    objs: new Array<Tok | undefined>(RING).fill(undefined),
    objAt: new Int32Array(RING).fill(-1),
  };
}

/** One set of buffers kept between calls (taken by a scan, given back after it). */
let spareBuffers: TokenBuffers | undefined;

/**
 * The text's tokens, made as the scan nears them and let go once it is well past: made all at
 * once, a long text's tokens would all live through the scan and make the cost grow faster than
 * the text. Tokens are numbered from 0; those let go (below `dropped`) and those not made yet
 * read as absent.
 */
interface Tokens {
  text: string;
  sorted: readonly Sentence[];
  buf: TokenBuffers;
  /** Tokens made. */
  count: number;
  /** Next character, sentence cursor, whether whitespace came since the last token, tokens let go. */
  pos: number;
  sentence: number;
  sp: boolean;
  dropped: number;
}

function tokensOf(text: string, sentences: readonly Sentence[]): Tokens {
  const sorted = sentences
    .filter((x) => x && Number.isFinite(x.start) && Number.isFinite(x.end) && x.end > x.start)
    .slice()
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const buf = spareBuffers ?? makeBuffers();
  spareBuffers = undefined;
  return { text, sorted, buf, count: 0, pos: 0, sentence: 0, sp: true, dropped: 0 };
}

/** Gives the buffers back for the next scan, letting go of the records made (they hold slices of the text). */
function releaseTokens(tokens: Tokens): void {
  const { objs, objAt } = tokens.buf;
  const used = Math.min(tokens.count, RING);
  for (let k = 0; k < used; k++) {
    if (objAt[k] !== -1) {
      objAt[k] = -1;
      objs[k] = undefined;
    }
  }
  spareBuffers = tokens.buf;
}

/** The scan is at token `at`: makes tokens up to TOKEN_WINDOW past it, lets go of those over TOKEN_WINDOW before it. */
function advance(tokens: Tokens, at: number): void {
  const { text, sorted } = tokens;
  const { meta, s: startOf, e: endOf, seg: segOf } = tokens.buf;
  const below = at - TOKEN_WINDOW;
  if (tokens.dropped < below) tokens.dropped = below;
  const n = text.length;
  const limit = at + TOKEN_WINDOW;
  let { pos: i, sentence: p, sp, count } = tokens;
  // The sentence at the cursor: tokens inside it get its index, others the gap's negative id.
  let curStart = p < sorted.length ? (sorted[p] as Sentence).start : Infinity;
  let curEnd = p < sorted.length ? (sorted[p] as Sentence).end : -Infinity;
  // One linear pass; each token is tagged with its sentence so windows never cross one.
  while (i < n && count < limit) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      sp = true;
      i++;
      continue;
    }
    const k = CHAR_CLASS[c] || charClass(c);
    if (k & C_SPACE) {
      sp = true;
      i++;
      continue;
    }
    const s = i;
    let m: number;
    if (k & C_DIGIT) {
      i = numberEnd(text, s);
      m = NUM | M_CANDIDATE;
    } else if (k & C_LETTER) {
      let j = s + 1;
      // Lower-casing is needed only for capitals and non-ASCII letters.
      let plain = (k & C_LOWER) !== 0;
      let nonAscii = c >= 128;
      let foreign = nonAscii && c !== KELVIN;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d >= 97 && d <= 122) {
          j++;
          continue;
        }
        // The rest of ASCII: capitals, "'" before a letter, else the word's end.
        if (d < 128) {
          if (d >= 65 && d <= 90) {
            plain = false;
            j++;
            continue;
          }
          if (d === 0x27 && j + 1 < n && isLetterCode(text.charCodeAt(j + 1))) {
            j++;
            continue;
          }
          break;
        }
        const kd = CHAR_CLASS[d] || charClass(d);
        if (kd & C_LETTER) {
          plain = false;
          if (d >= 128) {
            nonAscii = true;
            if (d !== KELVIN) foreign = true;
          }
          j++;
        } else if ((d === 0x27 || d === 0x2019) && j + 1 < n && isLetterCode(text.charCodeAt(j + 1))) {
          if (d !== 0x27) {
            plain = false;
            nonAscii = true;
            foreign = true;
          }
          j++;
        } else break;
      }
      m = plain ? WORD | W_PLAIN : WORD;
      if (nonAscii) m |= foreign ? W_NON_ASCII | W_FOREIGN : W_NON_ASCII | M_CANDIDATE;
      else if (j - s < 16) {
        const lasts = FIGURE_LASTS[(j - s) * 32 + (c | 32) - 97] as number;
        if (lasts !== 0 && (lasts >>> (((text.charCodeAt(j - 1) | 32) - 97) & 31)) & 1) m |= M_CANDIDATE;
      }
      i = j;
    } else {
      // Surrogate pairs stay one symbol.
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      m = SYM;
    }
    if (curEnd <= s) {
      while (p < sorted.length && (sorted[p] as Sentence).end <= s) p++;
      curStart = p < sorted.length ? (sorted[p] as Sentence).start : Infinity;
      curEnd = p < sorted.length ? (sorted[p] as Sentence).end : -Infinity;
    }
    const slot = count & MASK;
    meta[slot] = sp ? m | M_SP : m;
    startOf[slot] = s;
    endOf[slot] = i;
    segOf[slot] = curStart <= s && i <= curEnd ? p : -(p + 1);
    count++;
    sp = false;
  }
  tokens.pos = i;
  tokens.sentence = p;
  tokens.sp = sp;
  tokens.count = count;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

// The hedges parseQuantity understands, looked up by their last token (they sit just before
// the figure). Longest first so "no more than" wins over "more than".
const HEDGES: readonly (readonly string[])[] = [
  ['over'], ['more', 'than'], ['above'], ['in', 'excess', 'of'], ['upwards', 'of'], ['upward', 'of'],
  ['well', 'over'], ['just', 'over'], ['well', 'above'], ['just', 'above'], ['exceeding'], ['>'],
  ['at', 'least'], ['no', 'fewer', 'than'], ['no', 'less', 'than'], ['not', 'fewer', 'than'],
  ['not', 'less', 'than'], ['a', 'minimum', 'of'], ['≥'], ['nearly'], ['almost'], ['close', 'to'],
  ['just', 'under'], ['just', 'below'], ['just', 'short', 'of'], ['short', 'of'], ['about'], ['around'],
  ['some'], ['approximately'], ['approx'], ['approx', '.'], ['roughly'], ['an', 'estimated'], ['estimated'],
  ['circa'], ['in', 'the', 'region', 'of'], ['~'], ['≈'], ['up', 'to'], ['as', 'many', 'as'],
  ['as', 'much', 'as'], ['at', 'most'], ['at', 'the', 'most'], ['no', 'more', 'than'], ['not', 'more', 'than'],
  ['a', 'maximum', 'of'], ['≤'], ['under'], ['fewer', 'than'], ['less', 'than'], ['below'], ['well', 'under'],
  ['well', 'below'], ['<'], ['between'],
];
const HEDGES_BY_LAST: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const map = new Map<string, (readonly string[])[]>();
  for (const h of [...HEDGES].sort((a, b) => b.length - a.length)) {
    const last = h[h.length - 1] ?? '';
    map.set(last, [...(map.get(last) ?? []), h]);
  }
  return map;
})();

const CURRENCY_SYMBOLS: ReadonlySet<string> = new Set(['$', '₹', '€', '£']);
const CURRENCY_WORDS: ReadonlySet<string> = new Set(['rs', 'inr', 'usd', 'eur', 'gbp']);

const SMALL_WORDS: ReadonlySet<string> = new Set([
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
]);
const VAGUE_WORDS: ReadonlySet<string> = new Set(['dozens', 'hundreds', 'thousands', 'lakhs', 'millions', 'crores', 'billions', 'several']);
const AFTER_A: ReadonlySet<string> = new Set([
  'dozen', 'hundred', 'thousand', 'lakh', 'crore', 'million', 'billion', 'few', 'handful', 'couple', 'third', 'quarter', 'fifth',
]);
// Plural nouns parseQuantity does not recognise as plural ("27 fishermen", "45 staff").
const IRREGULAR_PLURALS: ReadonlySet<string> = new Set(['people', 'children', 'police', 'personnel', 'staff', 'cattle', 'crew', 'folk', 'youth', 'livestock']);
// Participles that stand for people after "of those" ("half of those surveyed").
const PEOPLE_PARTICIPLES: ReadonlySet<string> = new Set(['surveyed', 'polled', 'questioned', 'interviewed', 'asked', 'sampled', 'respondents']);
const DETERMINERS_OF: ReadonlySet<string> = new Set(['the', 'those', 'these', 'all', 'its', 'their', 'his', 'her', 'our', 'your']);
// Words that end a noun phrase being read after "of".
const PHRASE_STOPS: ReadonlySet<string> = new Set([
  'was', 'were', 'is', 'are', 'be', 'been', 'said', 'say', 'says', 'had', 'have', 'has', 'and', 'or', 'but', 'in',
  'on', 'at', 'to', 'for', 'from', 'with', 'by', 'who', 'whom', 'which', 'that', 'than', 'as', 'of', 'the', 'a',
  'an', 'while', 'when', 'will', 'would', 'could', 'can', 'may', 'might', 'did', 'do', 'does', 'not',
]);
// Words ending in "s" that are not plural nouns.
const NOT_PLURAL: ReadonlySet<string> = new Set([
  'does', 'this', 'thus', 'always', 'perhaps', 'besides', 'across', 'whereas', 'unless', 'its', 'his', 'hers',
  'ours', 'yours', 'theirs', 'news', 'series', 'species', 'was', 'has', 'is', 'as', 'us', 'yes', 'less', 'says',
  'gets', 'makes', 'takes', 'goes', 'comes', 'sees', 'seems', 'means', 'needs', 'wants', 'includes', 'remains',
]);
// Prepositions after which "one" is idiom ("under one roof", "at one point", "in one go").
const ONE_IDIOM_BEFORE: ReadonlySet<string> = new Set([
  'no', 'any', 'every', 'each', 'the', 'this', 'that', 'which', 'someone', 'anyone', 'only', 'just', 'another',
  'under', 'in', 'at', 'on', 'from', 'to', 'into', 'with', 'by', 'for', 'of', 'as', 'like',
]);
// Every word wordOk can accept as the start of a figure.
const FIGURE_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'tens', 'scores', 'few', 'half', ...VAGUE_WORDS, ...SMALL_WORDS]);
// Those words by length and first letter: a word is looked for among two or three of the same
// shape, by plain comparison (no hashing of every word of the text).
const FIGURE_SHAPES: readonly (readonly string[] | undefined)[] = (() => {
  const shapes: string[][] = [];
  for (const w of FIGURE_WORDS) (shapes[w.length * 32 + w.charCodeAt(0) - 97] ??= []).push(w);
  return shapes;
})();
function isFigureWord(w: string): boolean {
  const c = w.charCodeAt(0) - 97;
  if (!(c >= 0 && c < 26)) return false;
  const same = FIGURE_SHAPES[w.length * 32 + c];
  if (same === undefined) return false;
  for (let k = 0; k < same.length; k++) if (same[k] === w) return true;
  return false;
}
const LARGE_ORDERS: ReadonlySet<string> = new Set(['thousands', 'lakhs', 'millions', 'crores', 'billions']);

// Letters written against digits that still make a quantity ("5km", "$10m", "2bn").
const GLUED_UNITS: ReadonlySet<string> = new Set([
  'k', 'mn', 'bn', 'cr', 'tn', 'lakh', 'lakhs', 'lac', 'crore', 'crores', 'million', 'billion',
  'km', 'kg', 'mw', 'gw', 'kw', 'kwh', 'gb', 'tb', 'mb', 'ml', 'mm', 'cm', 'pc', 'pct', 'percent', 'ha', 'ft',
]);
const GLUED_MONEY_UNITS: ReadonlySet<string> = new Set(['m', 'b']);

// Canonical units that make a figure a duration, not a count.
const TIME_UNITS: ReadonlySet<string> = new Set([
  'seconds', 'secs', 'minutes', 'mins', 'hours', 'hrs', 'days', 'nights', 'weeks', 'fortnights', 'months',
  'years', 'yrs', 'decades', 'centuries', 'weekends', 'mornings', 'evenings',
]);
const TIME_UNIT_WORDS: ReadonlySet<string> = new Set([
  'second', 'sec', 'minute', 'min', 'hour', 'hr', 'day', 'night', 'week', 'fortnight', 'month', 'year', 'yr',
  'decade', 'century', ...TIME_UNITS,
]);

// Words that make the next number a reference, not a count.
// Only nouns that are not also common verbs ("to train 5,000 residents" is a count).
const LABELS: ReadonlySet<string> = new Set([
  'section', 'sections', 'sec', 'article', 'articles', 'art', 'clause', 'clauses', 'rule', 'rules', 'chapter',
  'chapters', 'nos', 'number', 'page', 'pages', 'para', 'paragraph', 'schedule', 'item', 'version',
  'room', 'platform', 'gate', 'flight', 'route', 'ward', 'sector', 'phase', 'level', 'grade',
  'class', 'standard', 'vol', 'volume', 'episode', 'season', 'seat', 'rank', 'ranked', 'ranking', 'pin',
  'plot', 'amendment', 'terminal', 'highway', 'tier', 'category', 'appendix', 'annexure', 'exhibit', 'fig', 'verse',
]);

// Words after which a four-digit 1900–2100 is a year, whatever follows it.
const YEAR_CONTEXT: ReadonlySet<string> = new Set([
  'in', 'since', 'of', 'by', 'until', 'till', 'from', 'during', 'before', 'after', 'year', 'years', 'fy',
  'circa', 'early', 'mid', 'late', 'throughout', 'through', 'spring', 'summer', 'autumn',
  'winter', 'monsoon', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december',
  // "the 2021 protests": with a determiner a four-digit 1900–2100 is far more often a year.
  'the', 'this', 'that', 'its', 'their', 'his', 'her', 'our',
]);

const MONTHS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

// Nouns before a bare figure that say what it counts ("the death toll rose to 288").
const BORROW: ReadonlyMap<string, string> = new Map(Object.entries({
  toll: 'deaths', tolls: 'deaths', deaths: 'deaths', fatalities: 'deaths', dead: 'deaths',
  casualties: 'casualties', injured: 'injuries', injuries: 'injuries',
  turnout: 'people', crowd: 'people', crowds: 'people', attendance: 'people', footfall: 'people',
  headcount: 'people', gathering: 'people', audience: 'people',
}));
const BORROW_WINDOW = 30;
/** tailFigure: the whole is the previous figure ('900 of them'). */
const PREVIOUS = -2;

// Singular nouns after "one"/"1" that are idioms, not units ("one way", "one another").
const NOT_SINGLE_UNITS: ReadonlySet<string> = new Set([
  'way', 'thing', 'side', 'hand', 'point', 'reason', 'another', 'other', 'time', 'more', 'such', 'kind',
  'sort', 'type', 'part', 'place', 'case', 'instance', 'example', 'issue', 'question', 'stage', 'step',
  'matter', 'aspect', 'option', 'source', 'official', 'spokesperson', 'member', 'leader', 'minister',
]);

// Casualty counts (and arrests): people counted by what happened to them. "Eighteen people were killed",
// "16 passengers died", "the crash killed 12 workers" and "the death toll stood at 18" are one
// measure (deaths), whichever noun the outlet counted; "150 workers were on the shift" is not.
const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'people', 'persons', 'passengers', 'workers', 'labourers', 'laborers', 'villagers', 'residents', 'pilgrims',
  'devotees', 'students', 'children', 'kids', 'women', 'men', 'miners', 'tourists', 'soldiers', 'troops',
  'jawans', 'personnel', 'civilians', 'protesters', 'protestors', 'farmers', 'fishermen', 'employees',
  'patients', 'commuters', 'migrants', 'crew', 'sailors', 'climbers', 'trekkers', 'hikers', 'spectators',
  'fans', 'worshippers', 'inmates', 'prisoners', 'victims', 'individuals', 'citizens', 'locals', 'officers',
  'policemen', 'firefighters', 'rescuers', 'infants', 'babies', 'adults', 'girls', 'boys', 'teenagers',
  'occupants', 'guests', 'shoppers', 'visitors', 'members', 'relatives', 'volunteers', 'staffers',
]);
// What happened, after the count ("were killed", "died", "are feared dead", "lost their lives").
const CASUALTY_AFTER: ReadonlyMap<string, string> = new Map(Object.entries({
  killed: 'deaths', died: 'deaths', dead: 'deaths', perished: 'deaths', drowned: 'deaths', dies: 'deaths',
  injured: 'injuries', hurt: 'injuries', wounded: 'injuries', treated: 'injuries', hospitalised: 'injuries',
  hospitalized: 'injuries', missing: 'missing', arrested: 'arrests', detained: 'arrests',
}));
// Between the count and what happened: "were", "have reportedly", "are feared".
const CASUALTY_GAP: ReadonlySet<string> = new Set([
  'were', 'was', 'are', 'is', 'have', 'has', 'had', 'been', 'being', 'reportedly', 'also', 'all', 'later',
  'allegedly', 'feared', 'believed', 'confirmed', 'now', 'already', 'still', 'so', 'far', 'seriously',
  'critically', 'grievously', 'severely', 'badly', 'left', 'got', 'either', 'since', 'subsequently',
  'remain', 'remains', 'remained',
]);
// What happened, before the count ("the blast killed 12 workers", "killing 18 people").
const CASUALTY_BEFORE: ReadonlyMap<string, string> = new Map(Object.entries({
  killed: 'deaths', killing: 'deaths', kills: 'deaths', claimed: 'deaths', claiming: 'deaths',
  injured: 'injuries', injuring: 'injuries', wounded: 'injuries', wounding: 'injuries',
  arrested: 'arrests', arresting: 'arrests', detained: 'arrests', detaining: 'arrests',
}));

// Symbols that end a quantity window.
const WINDOW_STOPS: ReadonlySet<string> = new Set(['.', '!', '?', ';', ':', '"', '“', '”', '(', ')', '[', ']', '|']);
/** WINDOW_STOPS as character codes (a symbol token is one code unit or a surrogate pair). */
const WINDOW_STOP_CODES: ReadonlySet<number> = new Set([...WINDOW_STOPS].map((w) => w.charCodeAt(0)));

/**
 * A word list looked up from a token's offsets, without making its lower-cased string: an ASCII
 * word is compared, case-folded, with the two or three listed words of its length and first
 * letter; a word with non-ASCII characters (rare; lower-casing them is not per character) by
 * its string.
 */
interface Vocab {
  set: ReadonlySet<string>;
  /** By length * 32 + first letter. */
  shapes: (string[] | undefined)[];
  maxLen: number;
  /** A listed word is not ASCII lower-case letters from a to z first: look every word up by its string. */
  odd: boolean;
}

function vocab(words: Iterable<string>): Vocab {
  const set = new Set(words);
  const shapes: string[][] = [];
  let maxLen = 0;
  let odd = false;
  for (const w of set) {
    const c = w.charCodeAt(0) - 97;
    if (w.length === 0 || !(c >= 0 && c < 26) || /[^\x20-\x40\x5b-\x7e]/.test(w)) odd = true;
    else (shapes[w.length * 32 + c] ??= []).push(w);
    maxLen = Math.max(maxLen, w.length);
  }
  return { set, shapes, maxLen, odd };
}

const FIGURE_VOCAB = vocab(FIGURE_WORDS);
/**
 * Lengths (under 16), first and last letters of FIGURE_WORDS: by length * 32 + first letter, a
 * bit per last letter. An ASCII word of none of these shapes is none of them.
 */
const FIGURE_LASTS: Uint32Array = (() => {
  const lasts = new Uint32Array(16 * 32);
  const letter = (c: number) => ((c | 32) - 97) & 31;
  for (const w of FIGURE_WORDS) {
    if (w.length < 16) lasts[w.length * 32 + letter(w.charCodeAt(0))]! |= 1 << letter(w.charCodeAt(w.length - 1));
  }
  return lasts;
})();
const AFTER_A_VOCAB = vocab(AFTER_A);
const BORROW_VOCAB = vocab(BORROW.keys());

// ---------------------------------------------------------------------------------------------
// Scanning
// ---------------------------------------------------------------------------------------------

interface Pending {
  s: number;
  e: number;
  value: QuantityValue;
  /** Sentence of token s, and the text offsets of tokens s and e (tokens far behind the scan are let go). */
  seg: number;
  start: number;
  end: number;
  /** Token of the "out of the N <unit>" figure whose unit this one borrows. */
  borrow?: number;
}

interface Exclusions {
  starts: number[];
  maxEnds: number[];
}

function makeExclusions(spans: readonly { start: number; end: number }[] | undefined): Exclusions {
  const list = (spans ?? [])
    .filter((x) => x && Number.isFinite(x.start) && Number.isFinite(x.end) && x.end > x.start)
    .map((x) => ({ start: x.start, end: x.end }))
    .sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const maxEnds: number[] = [];
  let max = -Infinity;
  for (const x of list) {
    max = Math.max(max, x.end);
    starts.push(x.start);
    maxEnds.push(max);
  }
  return { starts, maxEnds };
}

// Whether [s, e) meets an excluded span: the last one starting before e reaches past s.
function excluded(ex: Exclusions, s: number, e: number): boolean {
  let lo = 0;
  let hi = ex.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ex.starts[mid] ?? 0) < e) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && (ex.maxEnds[lo - 1] ?? -Infinity) > s;
}

// Copies built field by field, in the key order `{ ...v, unit }` and `{ ...v, text }` give (an
// object spread with added keys is slow in V8). A unit added to a parsed value (which has its
// text) comes after the text; a parsed unit before it.
const LATE_UNIT = new WeakSet<QuantityValue>();

function withUnit(v: QuantityValue, unit: string): QuantityValue {
  if (v.unit !== undefined || v.text === undefined) {
    const out = { ...v, unit };
    if (LATE_UNIT.has(v)) LATE_UNIT.add(out);
    return out;
  }
  const out: QuantityValue = { kind: v.kind, value: v.value, min: v.min, max: v.max, qualifier: v.qualifier, precision: v.precision, text: v.text, unit };
  LATE_UNIT.add(out);
  return out;
}

function withText(v: QuantityValue, text: string): QuantityValue {
  const out: QuantityValue = { kind: v.kind, value: v.value, min: v.min, max: v.max, qualifier: v.qualifier, precision: v.precision };
  if (LATE_UNIT.has(v)) {
    out.text = text;
    out.unit = v.unit;
  } else {
    if (v.unit !== undefined) out.unit = v.unit;
    out.text = text;
  }
  return out;
}

function sameValue(a: QuantityValue | null, b: QuantityValue | null): boolean {
  return (
    a !== null &&
    b !== null &&
    a.value === b.value &&
    a.min === b.min &&
    a.max === b.max &&
    a.qualifier === b.qualifier &&
    a.precision === b.precision &&
    a.unit === b.unit
  );
}

class Scanner {
  private readonly tokens: Tokens;
  private readonly buf: TokenBuffers;

  constructor(
    private readonly text: string,
    sentences: readonly Sentence[],
    private readonly ex: Exclusions,
  ) {
    this.tokens = tokensOf(text, sentences);
    this.buf = this.tokens.buf;
  }

  /** Gives the token buffers back (the scanner is not used after). */
  release(): void {
    releaseTokens(this.tokens);
  }

  run(): QuantityMention[] {
    const { tokens, text } = this;
    const { meta } = this.buf;
    const pending: Pending[] = [];
    let i = 0;
    for (;;) {
      if (tokens.count - i < TOKEN_REACH && tokens.pos < text.length) advance(tokens, i);
      const count = tokens.count;
      if (i >= count) break;
      // Only digits and the words wordOk can accept start a figure ("a"/"an" only before "dozen", "few" …).
      // Most tokens are neither: they are stepped over here, up to where more tokens are to be made.
      const quiet = tokens.pos < text.length ? count - TOKEN_REACH + 1 : count;
      if (!((meta[i & MASK] as number) & M_CANDIDATE)) {
        i++;
        while (i < quiet && !((meta[i & MASK] as number) & M_CANDIDATE)) i++;
        continue;
      }
      if (((meta[i & MASK] as number) & M_KIND) !== NUM) {
        const w = this.wordIn(i, FIGURE_VOCAB);
        if (w === undefined || ((w === 'a' || w === 'an') && !(this.isWord(i + 1) && this.wordIn(i + 1, AFTER_A_VOCAB) !== undefined))) {
          i++;
          continue;
        }
      }
      const r = this.at(i, pending);
      if (r.found) pending.push(r.found);
      i = Math.max(i + 1, r.next);
    }
    return this.finish(pending);
  }

  /** Whether token j exists (made, not let go). */
  private has(j: number): boolean {
    return j >= this.tokens.dropped && j < this.tokens.count;
  }

  private isWord(j: number): boolean {
    return this.has(j) && ((this.buf.meta[j & MASK] as number) & M_KIND) === WORD;
  }

  /** Word token j's (lower-cased) text when it is in `v`, else undefined. Token j must be a word. */
  private wordIn(j: number, v: Vocab): string | undefined {
    const slot = j & MASK;
    const { buf, text } = this;
    const m = buf.meta[slot] as number;
    if (v.odd || m & W_NON_ASCII) {
      if (m & W_FOREIGN && !v.odd) return undefined;
      const w = (this.tok(j) as Tok).w;
      return v.set.has(w) ? w : undefined;
    }
    const s = buf.s[slot] as number;
    const len = (buf.e[slot] as number) - s;
    if (len > v.maxLen) return undefined;
    const same = v.shapes[len * 32 + (text.charCodeAt(s) | 32) - 97];
    if (same === undefined) return undefined;
    for (let m = 0; m < same.length; m++) {
      const w = same[m] as string;
      let k = 1;
      for (; k < len; k++) {
        let c = text.charCodeAt(s + k);
        if (c >= 65 && c <= 90) c += 32;
        if (c !== w.charCodeAt(k)) break;
      }
      if (k === len) return w;
    }
    return undefined;
  }

  /** Whether token j is the word `w` (ASCII lower-case letters), without making its string. */
  private wordIs(j: number, w: string): boolean {
    if (!this.isWord(j)) return false;
    const slot = j & MASK;
    const { buf, text } = this;
    const m = buf.meta[slot] as number;
    if (m & W_NON_ASCII) return !(m & W_FOREIGN) && (this.tok(j) as Tok).w === w;
    const s = buf.s[slot] as number;
    const len = (buf.e[slot] as number) - s;
    if (len !== w.length || len > MAX_TOKEN) return false;
    for (let k = 0; k < len; k++) {
      let c = text.charCodeAt(s + k);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== w.charCodeAt(k)) return false;
    }
    return true;
  }

  /** Whether symbol token `slot` is one of WINDOW_STOPS. */
  private isStopSym(slot: number): boolean {
    const s = this.buf.s[slot] as number;
    return (this.buf.e[slot] as number) - s === 1 && WINDOW_STOP_CODES.has(this.text.charCodeAt(s));
  }

  /** Whether a word token lies in i+1 … p. */
  private hasWordAfter(i: number, p: number): boolean {
    for (let k = i + 1; k <= p; k++) if (this.isWord(k)) return true;
    return false;
  }

  /** Token j's record, made on first read; undefined when there is no token j. */
  private tok(j: number): Tok | undefined {
    if (!this.has(j)) return undefined;
    const slot = j & MASK;
    const buf = this.buf;
    if (buf.objAt[slot] === j) return buf.objs[slot];
    const m = buf.meta[slot] as number;
    const k = (m & M_KIND) as 0 | 1 | 2;
    const s = buf.s[slot] as number;
    const e = buf.e[slot] as number;
    // Words: lower-cased; long ones are never looked at, so they read ''.
    const w = k !== WORD ? this.text.slice(s, e) : e - s > MAX_TOKEN ? '' : m & W_PLAIN ? this.text.slice(s, e) : this.text.slice(s, e).toLowerCase();
    const t: Tok = { k, s, e, w, sp: (m & M_SP) !== 0, seg: buf.seg[slot] as number };
    buf.objs[slot] = t;
    buf.objAt[slot] = j;
    return t;
  }

  private word(i: number): string | undefined {
    const t = this.tok(i);
    return t?.k === WORD ? t.w : undefined;
  }

  /** Token i-1 when it is in the same sentence as token i. */
  private prevInSeg(i: number): Tok | undefined {
    const t = this.tok(i);
    const p = this.tok(i - 1);
    return t && p && p.seg === t.seg ? p : undefined;
  }

  private capitalised(t: Tok | undefined): boolean {
    if (!t || t.k !== WORD) return false;
    const c = this.text.charCodeAt(t.s);
    return c >= 65 && c <= 90;
  }

  private isMonthTok(t: Tok | undefined): boolean {
    return t !== undefined && t.k === WORD && MONTHS.has(t.w) && this.capitalised(t);
  }

  /** The word before token i, stepping over an abbreviation's dot ("No. 10", "Feb. 4"). */
  private wordBefore(i: number): { tok: Tok; index: number } | undefined {
    let j = i - 1;
    const p = this.prevInSeg(i);
    if (p?.k === SYM && p.w === '.' && !p.sp) j--;
    const t = this.tok(j);
    const cur = this.tok(i);
    return t && cur && t.k === WORD && t.seg === cur.seg ? { tok: t, index: j } : undefined;
  }

  private isYearLike(t: Tok): boolean {
    if (t.k !== NUM || t.w.length !== 4) return false;
    const v = Number(t.w);
    return v >= 1900 && v <= 2100;
  }

  // ---- the figure's first token ----------------------------------------------------------

  /** Whether a digit token can start a count (not a year, date, clock, label, code …). */
  private digitsOk(i: number): boolean {
    const { text } = this;
    const t = this.tok(i);
    if (!t) return false;
    const raw = t.w;
    if (raw.length > 30) return false;
    // "08", "011-2345…": a leading zero is a code or a date, never a count.
    if (raw.length > 1 && raw.charCodeAt(0) === 48 && raw.charCodeAt(1) !== 46) return false;
    // Seven or more ungrouped digits: phone numbers, IDs.
    if (raw.length >= 7 && /^\d{7,}$/.test(raw)) return false;

    // Glued on the left: "G20", "COVID-19", "24/7"'s 7, "+91", "#1"; currency is fine ("Rs2", "₹5").
    const before = text.charCodeAt(t.s - 1);
    if (t.s > 0 && !isSpaceCode(before)) {
      if (isLetterCode(before)) {
        const p = this.tok(i - 1);
        if (!(p && p.k === WORD && p.e === t.s && CURRENCY_WORDS.has(p.w))) return false;
      } else if (before === 45 || before === 47 || before === 58 || before === 46 || before === 44 || before === 0x2013) {
        const p = this.tok(i - 1);
        const pp = this.tok(i - 2);
        const glued = pp !== undefined && p !== undefined && !p.sp && pp.e === p.s && pp.k !== SYM;
        if (glued && !(before === 46 && pp.k === WORD && CURRENCY_WORDS.has(pp.w))) return false;
      } else if (before === 43 || before === 35 || before === 64 || before === 95 || before === 38) {
        return false;
      }
    }

    // Glued on the right.
    const after = text.charCodeAt(t.e);
    if (t.e < text.length) {
      if ((after === 58 || after === 47) && isDigitAt(text, t.e + 1)) return false; // 10:30, 24/7, 04/02/2021
      if (after === 46 && isDigitAt(text, t.e + 1)) return false; // 1.2.3, 04.02.2021
      if (isLetterCode(after)) {
        const n = this.tok(i + 1);
        if (!n || n.k !== WORD || n.e - n.s > 12) return false;
        const currencyBefore = this.currencyStart(i) !== -1;
        if (!GLUED_UNITS.has(n.w) && !(currencyBefore && GLUED_MONEY_UNITS.has(n.w))) return false; // 4G, 21st, 1990s
      }
      if (after === 45 || after === 0x2013) {
        const n = this.tok(i + 2);
        if (n && n.k === WORD && n.s === t.e + 1 && TIME_UNIT_WORDS.has(n.w)) return false; // 24-hour, 5-year-old
      }
    }

    // Reference numbers: "Section 69 (A)", "Article 370", "No. 10", "number 7".
    const wb = this.wordBefore(i);
    if (wb) {
      const w = wb.tok.w;
      if (LABELS.has(w)) return false;
      if (w === 'no' && (this.capitalised(wb.tok) || wb.index === i - 2)) return false;
    }

    // Clock times: "10 am", "5 p.m.", "10 o'clock".
    const n1 = this.tok(i + 1);
    if (n1 && n1.k === WORD && n1.seg === t.seg) {
      if (n1.w === 'am' || n1.w === 'pm' || n1.w === "o'clock" || n1.w === 'o’clock') return false;
      if ((n1.w === 'a' || n1.w === 'p') && this.tok(i + 2)?.w === '.' && this.word(i + 3) === 'm') return false;
    }

    const value = Number(raw.indexOf(',') < 0 ? raw : raw.replace(/,/g, ''));
    // Day numbers in dates: "February 4", "Feb. 4", "4 February", "4 of February".
    if (raw.length <= 2 && value >= 1 && value <= 31) {
      if (wb && this.isMonthTok(wb.tok)) return false;
      const next = this.word(i + 1) === 'of' ? this.tok(i + 2) : n1;
      if (this.isMonthTok(next)) return false;
    }

    // Years: "in 2019", "June 2, 2023", "2020-21", "2021-02-08".
    if (this.isYearLike(t)) {
      if (wb && (YEAR_CONTEXT.has(wb.tok.w) || this.isMonthTok(wb.tok))) return false;
      const p = this.prevInSeg(i);
      if (p && p.k === SYM && p.w === ',') {
        const pp = this.tok(i - 2);
        if (pp && ((pp.k === NUM && pp.w.length <= 2) || this.isMonthTok(pp))) return false;
      }
      if ((after === 45 || after === 0x2013 || after === 47) && isDigitAt(text, t.e + 1)) return false;
      // "from 2019 to 2021", "2019 and 2020".
      if (wb && (wb.tok.w === 'to' || wb.tok.w === 'and' || wb.tok.w === 'or')) {
        const q = this.tok(wb.index - 1);
        if (q && this.isYearLike(q)) return false;
      }
    }
    return true;
  }

  /** Whether a word token can start a figure ("Twenty-seven", "a dozen", "hundreds of", "half"). */
  private wordOk(i: number): boolean {
    const t = this.tok(i);
    if (!t || t.k !== WORD) return false;
    const w = t.w;
    const next = this.word(i + 1);
    const prevTok = this.prevInSeg(i);
    const prev = prevTok?.k === WORD ? prevTok.w : undefined;
    // Part of a compound written with a hyphen ("COVID-nineteen", "forty-one" is read from "forty").
    if (prevTok && !t.sp && prevTok.k === SYM && (prevTok.w === '-' || prevTok.w === '–')) return false;
    // "two-day", "three-month-long": a duration used as an adjective.
    const hyphen = this.tok(i + 1);
    if (hyphen && hyphen.k === SYM && hyphen.w === '-' && !hyphen.sp) {
      const u = this.tok(i + 2);
      if (u && u.k === WORD && !u.sp && TIME_UNIT_WORDS.has(u.w)) return false;
    }
    if (w === 'a' || w === 'an') return next !== undefined && AFTER_A.has(next);
    if (w === 'tens') return next === 'of' && LARGE_ORDERS.has(this.word(i + 2) ?? '');
    if (w === 'scores') return next === 'of';
    if (w === 'few') return prev === undefined || !['very', 'too', 'so', 'how', 'the', 'quite', 'a', 'those', 'these', 'its', 'his', 'her', 'their'].includes(prev);
    if (w === 'half') {
      if (prev !== undefined && ['first', 'second', 'third', 'fourth', 'last', 'latter', 'former', 'other', 'the', 'a', 'one', 'and', 'an'].includes(prev)) return false;
      if (hyphen && hyphen.k === SYM && !hyphen.sp) return false; // "half-hour", "half-yearly"
      const n2 = next === 'a' || next === 'an' ? this.word(i + 2) : next;
      return n2 === undefined || !(TIME_UNIT_WORDS.has(n2) || n2 === 'past');
    }
    if (VAGUE_WORDS.has(w)) return true;
    if (SMALL_WORDS.has(w)) {
      if (w === 'one') {
        if (prev !== undefined && ONE_IDIOM_BEFORE.has(prev)) return false;
        if (next === undefined && this.tok(i + 1)?.k !== NUM) return false;
      }
      return true;
    }
    return false;
  }

  // ---- leftwards: currency and hedge -----------------------------------------------------

  /** Index of a currency prefix ending just before token i ("Rs", "Rs.", "₹", "$", "US$"), or -1. */
  private currencyStart(i: number): number {
    const p = this.prevInSeg(i);
    if (!p) return -1;
    if (p.k === SYM && CURRENCY_SYMBOLS.has(p.w)) {
      const us = this.prevInSeg(i - 1);
      return us && us.k === WORD && us.w === 'us' && us.e === p.s ? i - 2 : i - 1;
    }
    if (p.k === WORD && CURRENCY_WORDS.has(p.w)) return i - 1;
    if (p.k === SYM && p.w === '.' && !p.sp) {
      const rs = this.prevInSeg(i - 1);
      if (rs && rs.k === WORD && rs.w === 'rs') return i - 2;
    }
    return -1;
  }

  /** Index of a hedge ending just before token i, or -1. */
  private hedgeStart(i: number): number {
    const p = this.prevInSeg(i);
    if (!p) return -1;
    const candidates = HEDGES_BY_LAST.get(p.w);
    if (!candidates) return -1;
    for (const h of candidates) {
      const from = i - h.length;
      if (from < 0) continue;
      let ok = true;
      for (let k = 0; k < h.length && ok; k++) {
        const t = this.tok(from + k);
        ok = t !== undefined && t.k !== NUM && t.w === h[k] && t.seg === p.seg;
      }
      if (ok) return from;
    }
    return -1;
  }

  // ---- one candidate -----------------------------------------------------------------------

  private at(i: number, pending: readonly Pending[]): { found: Pending | undefined; next: number } {
    const t = this.tok(i);
    // One result shape throughout (keeps the caller's property reads monomorphic).
    const skip = { found: undefined, next: i + 1 };
    if (!t) return skip;
    if (t.k === NUM ? !this.digitsOk(i) : !this.wordOk(i)) return skip;
    if (t.e - t.s > MAX_TOKEN) return skip;

    // Never extend left into the previous mention ("one Rs. 24": "Rs." may already be taken).
    const last = pending[pending.length - 1];
    const floor = last ? last.e + 1 : 0;
    const currency = this.currencyStart(i);
    const cur = currency >= floor ? currency : -1;
    const left = cur >= 0 ? cur : i;
    const h = this.hedgeStart(left);
    const hedge = h >= floor ? h : -1;
    let s = hedge >= 0 ? hedge : left;
    // "one in five services", "two in three voters": the second figure is a ratio's base, no count.
    const inTok = this.tok(s - 1);
    const numerator = this.tok(s - 2);
    if (inTok?.k === WORD && inTok.w === 'in' && inTok.seg === t.seg && numerator && numerator.seg === t.seg && (numerator.k === NUM || (numerator.k === WORD && isFigureWord(numerator.w)))) {
      return skip;
    }

    // The window: up to MAX_AHEAD tokens, inside the sentence, short tokens, no hard stops.
    let end = i;
    const { meta, s: starts, e: ends, seg } = this.buf;
    while (end - i < MAX_AHEAD) {
      const j = end + 1;
      if (!this.has(j)) break;
      const slot = j & MASK;
      if (seg[slot] !== t.seg || (ends[slot] as number) - (starts[slot] as number) > MAX_TOKEN || (((meta[slot] as number) & M_KIND) === SYM && this.isStopSym(slot))) break;
      end++;
    }
    // Digits with no word, "%" or currency in reach can only get a unit from the noun before;
    // checking that first spares parseQuantity on runs of bare numbers ("1 2 3 …", "-1-1-").
    if (t.k === NUM && cur < 0 && hedge < 0) {
      let wordy = false;
      for (let k = i + 1; k <= end && !wordy; k++) {
        if (!this.has(k)) continue;
        const slot = k & MASK;
        const uk = (meta[slot] as number) & M_KIND;
        wordy = uk === WORD || (uk === SYM && (ends[slot] as number) - (starts[slot] as number) === 1 && this.text.charCodeAt(starts[slot] as number) === 37);
      }
      if (!wordy && this.unitBefore(s) === undefined) return skip;
    }
    // Every reading below is of a stretch of this window: it is tokenized once.
    const origin = this.tok(s)?.s ?? 0;
    const window = quantityPhrase(this.text.slice(origin, this.tok(end)?.e ?? 0));
    let full = this.phrase(window, origin, s, end);
    if (full && hedge >= 0) {
      // A hedge that changes nothing is not part of the figure: it did not bind ("between the
      // two, 40 …"), or parseQuantity ignores it (a vague figure, a range: "split between several
      // agencies", "some 10-12").
      const bare = this.phrase(window, origin, left, end);
      if (bare && sameValue(bare, full)) {
        s = left;
        full = bare;
      }
    }
    if (!full) return skip;

    // The shortest prefix that reads the same is the mention: figure + scale + unit as written.
    // A noun unit is read from a word after the figure's first token, so shorter prefixes
    // cannot have it (currencies and percentages may come from the figure or symbols).
    const noun = full.unit !== undefined && full.unit !== 'percent' && !/^[A-Z]{3}$/.test(full.unit);
    let p = i;
    if (noun) while (p < end && !this.hasWordAfter(i, p)) p++;
    let value: QuantityValue | null = null;
    for (; p <= end; p++) {
      const cand = p === end ? full : this.phrase(window, origin, s, p);
      if (sameValue(cand, full)) {
        value = cand;
        break;
      }
    }
    if (!value) return skip;
    const next = p + 1;
    const start = this.tok(s)?.s ?? 0;
    const stop = this.tok(p)?.e ?? 0;
    if (excluded(this.ex, start, stop)) return { found: undefined, next };

    if (value.unit !== undefined && TIME_UNITS.has(value.unit)) return { found: undefined, next }; // "within 24 hours", "few hours"
    if (value.unit !== undefined && value.value === 1 && value.unit !== 'percent' && !/^[A-Z]{3}$/.test(value.unit)) {
      // "one account" counts; "one way", "one of them" do not.
      const u = this.tok(p);
      if (p !== i + 1 || !u || u.k !== WORD || NOT_SINGLE_UNITS.has(u.w)) return { found: undefined, next };
    }

    const found: Pending = { s, e: p, value, seg: this.tok(s)?.seg ?? 0, start, end: stop };
    if (value.unit === 'percent') {
      // "31 per cent of families", "half of those surveyed": the whole belongs to the evidence.
      const of = this.ofPhraseEnd(p, (w) => this.isPluralWord(w) || PEOPLE_PARTICIPLES.has(w) || w === 'them');
      if (of >= 0) found.e = of;
    } else if (value.unit === undefined) {
      if (t.k === NUM && this.isYearLike(t)) return { found: undefined, next };
      const irregular = this.ofPhraseEnd(p, (w) => IRREGULAR_PLURALS.has(w) || w.endsWith('men'), true);
      const tail = irregular >= 0 ? -1 : this.tailFigure(p);
      if (irregular >= 0) {
        // "27 fishermen", "six of the rescued fishermen".
        found.e = irregular;
        found.value = withUnit(value, this.tok(irregular)?.w ?? '');
      } else if (tail >= 0) {
        found.borrow = tail;
      } else {
        const unit = tail === PREVIOUS ? (this.previousUnit(s, pending) ?? this.pluralNounBefore(s)) : this.unitBefore(s);
        if (unit === undefined) return { found: undefined, next };
        // "six of them": the pronoun is part of what the reader sees.
        const pronoun = tail === PREVIOUS ? this.ofPhraseEnd(p, (w) => w === 'them' || w === 'these' || w === 'those') : -1;
        if (pronoun >= 0) found.e = pronoun;
        found.value = withUnit(value, unit);
      }
    }
    if (found.e !== p && excluded(this.ex, start, this.tok(found.e)?.e ?? stop)) {
      // The noun phrase runs into an excluded span: a percentage stands without it; a unit read
      // from it does not.
      if (value.unit !== 'percent') return { found: undefined, next };
      found.e = p;
    }
    const casualty = this.casualtyOf(found);
    if (casualty !== undefined) found.value = withUnit(found.value, casualty);
    found.end = this.tok(found.e)?.e ?? 0;
    return { found, next: found.e + 1 };
  }

  /** The reading of tokens from … to of a candidate's window (tokenized from token `origin`'s offset). */
  private phrase(window: ReturnType<typeof quantityPhrase>, origin: number, from: number, to: number): QuantityValue | null {
    return parseQuantityIn(window, (this.tok(from)?.s ?? 0) - origin, (this.tok(to)?.e ?? 0) - origin);
  }

  /**
   * The casualty measure of a count of people ("Eighteen people were killed" → deaths, "killing
   * 18 passengers" → deaths, "30 workers were hurt" → injuries), read from the verb next to it.
   */
  private casualtyOf(found: Pending): string | undefined {
    const unit = found.value.unit;
    if (unit === undefined || !(PERSON_NOUNS.has(unit) || unit.endsWith('men'))) return undefined;
    for (let j = found.e + 1, gap = 0; gap <= 3; j++) {
      const t = this.tok(j);
      if (!t || t.seg !== found.seg || t.k !== WORD) break;
      const measure = CASUALTY_AFTER.get(t.w);
      if (measure !== undefined) return measure;
      if (t.w === 'lost' && this.word(j + 1) === 'their' && (this.word(j + 2) === 'lives' || this.word(j + 2) === 'life')) return 'deaths';
      if (!CASUALTY_GAP.has(t.w)) break;
      gap++;
    }
    const before = this.tok(found.s - 1);
    if (before && before.seg === found.seg && before.k === WORD && CASUALTY_BEFORE.has(before.w)) return CASUALTY_BEFORE.get(before.w);
    // "The toll in the district stands at 11 people": the noun before says what is counted.
    const borrowed = this.unitBefore(found.s);
    return borrowed === 'deaths' || borrowed === 'injuries' ? borrowed : undefined;
  }

  /**
   * "583 out of the 1,178 accounts": the token of the whole the part borrows its unit from;
   * PREVIOUS for "900 of them" (the whole is the sentence's previous figure); else -1.
   */
  private tailFigure(p: number): number {
    const t = this.tok(p);
    if (!t) return -1;
    let j = p + 1;
    if (this.word(j) === 'out' && this.word(j + 1) === 'of') j += 2;
    else if (this.word(j) === 'of') j += 1;
    else return -1;
    const pronoun = this.word(j);
    if (pronoun === 'them' || ((pronoun === 'these' || pronoun === 'those') && this.tok(j + 1)?.k !== WORD)) return PREVIOUS;
    const det = this.word(j);
    if (det === 'the' || det === 'these' || det === 'those' || det === 'a' || det === 'total') j++;
    if (this.word(j) === 'total' && this.word(j + 1) === 'of') j += 2;
    const n = this.tok(j);
    return n && n.seg === t.seg && (n.k === NUM || (n.k === WORD && SMALL_WORDS.has(n.w))) ? j : -1;
  }

  private isPluralWord(w: string): boolean {
    if (IRREGULAR_PLURALS.has(w) || w.endsWith('men')) return true;
    return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && !w.endsWith("'s") && !w.endsWith('’s');
  }

  /**
   * The last token of "[of [the|those…]] word{1,3}" after token p whose last accepted word
   * satisfies `accept` ("of the complaints", "of those surveyed", "rescued fishermen"); -1 if none.
   * `of` is required unless `ofOptional`.
   */
  private ofPhraseEnd(p: number, accept: (w: string) => boolean, ofOptional = false): number {
    const t = this.tok(p);
    if (!t) return -1;
    let j = p + 1;
    if (this.word(j) === 'of') j++;
    else if (!ofOptional) return -1;
    if (DETERMINERS_OF.has(this.word(j) ?? '') && this.tok(j + 1)?.k === WORD) j++;
    let best = -1;
    for (let seen = 0; seen < 3 && j - p <= 12; j++) {
      const u = this.tok(j);
      if (!u || u.seg !== t.seg) break;
      if (u.k === SYM && u.w === '-' && !u.sp && seen > 0) continue;
      if (u.k !== WORD || PHRASE_STOPS.has(u.w) || u.w === '') break;
      if (accept(u.w)) best = j;
      seen++;
    }
    return best;
  }

  /** "The rescued fishermen were brought …, and six of them": the nearest plural noun before, in the sentence. */
  private pluralNounBefore(s: number): string | undefined {
    const first = this.tok(s);
    if (!first) return undefined;
    for (let j = s - 1; j >= 0 && s - j <= BORROW_WINDOW; j--) {
      const t = this.tok(j);
      if (!t || t.seg !== first.seg || (t.k === SYM && WINDOW_STOPS.has(t.w) && t.w !== '.')) return undefined;
      if (t.k === WORD && !PHRASE_STOPS.has(t.w) && !NOT_PLURAL.has(t.w) && this.isPluralWord(t.w)) {
        return IRREGULAR_PLURALS.has(t.w) || t.w.endsWith('men') ? t.w : canonicalUnit(t.w);
      }
    }
    return undefined;
  }

  /** The unit of the previous mention when it is in the same sentence ("1,000 people …, 900 of them"). */
  private previousUnit(s: number, pending: readonly Pending[]): string | undefined {
    const last = pending[pending.length - 1];
    const here = this.tok(s);
    if (!last || !here || last.seg !== here.seg || last.borrow !== undefined) return undefined;
    const unit = last.value.unit;
    return unit === 'percent' ? undefined : unit;
  }

  /**
   * The unit a noun earlier in the sentence implies: "the death toll rose to 288" → deaths,
   * "turnout of 240,000" → people, "the number of accounts blocked rose to 583" → accounts.
   * Looks back at most BORROW_WINDOW tokens, across commas ("… rose to 288 on Saturday,
   * officials said, before it was revised to 275"), never past ; : quotes or brackets.
   */
  private unitBefore(s: number): string | undefined {
    const first = this.tok(s);
    if (!first) return undefined;
    // Read from the token columns: most of the words looked at are none of these.
    const { meta, seg } = this.buf;
    for (let j = s - 1; j >= 0 && s - j <= BORROW_WINDOW; j--) {
      if (!this.has(j)) return undefined;
      const slot = j & MASK;
      if (seg[slot] !== first.seg) return undefined;
      const k = (meta[slot] as number) & M_KIND;
      if (k === SYM) {
        if (this.isStopSym(slot) && this.text.charCodeAt(this.buf.s[slot] as number) !== 46) return undefined;
        continue;
      }
      if (k !== WORD) continue;
      const borrowed = this.wordIn(j, BORROW_VOCAB);
      if (borrowed !== undefined) return BORROW.get(borrowed);
      if (this.wordIs(j - 1, 'of') && this.wordIs(j - 2, 'number')) {
        const w = (this.tok(j) as Tok).w;
        if (w.length > 2 && w.endsWith('s')) return canonicalUnit(w);
      }
    }
    return undefined;
  }

  private finish(pending: readonly Pending[]): QuantityMention[] {
    const out: QuantityMention[] = [];
    // Tokens are increasing, so "which pending mention covers token j" is a binary search.
    const find = (j: number): Pending | undefined => {
      let lo = 0;
      let hi = pending.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const m = pending[mid];
        if (!m) return undefined;
        if (j < m.s) hi = mid - 1;
        else if (j > m.e) lo = mid + 1;
        else return m;
      }
      return undefined;
    };
    for (const m of pending) {
      let value = m.value;
      if (m.borrow !== undefined) {
        const whole = find(m.borrow);
        const unit = whole?.value.unit;
        if (whole === undefined || whole.borrow !== undefined || unit === undefined || unit === 'percent') continue;
        value = withUnit(value, unit);
      }
      const { start, end } = m;
      const text = this.text.slice(start, end);
      out.push({ start, end, text, value: withText(value, text) });
    }
    return out;
  }
}

/**
 * Finds every count or amount in English news prose, in document order, without overlaps.
 *
 * Figures (digits with Western or Indian grouping and decimals, number words, "a dozen",
 * "hundreds of", "half") are extended left over a currency and a hedge ("over", "more than",
 * "nearly", "some", "as many as", "between … and …") and right over scale words and the unit
 * noun phrase, then read by {@link parseQuantity}. The span covers what a reader sees as the
 * figure: "over 1,000 accounts", "1,178 Pakistani-Khalistani accounts", "Rs 2.5 lakh".
 *
 * Skipped as not counts: years (a four-digit 1900–2100 without a unit, or after in/since/of/by,
 * a month or a determiner — "the 2021 protests" —, or inside a date), day numbers next to a
 * capitalised month name ("February 4"), anything overlapping `options.exclude` (pass the time
 * mentions' spans), clock times (10:30, 10 am, 5 p.m.), digits glued to letters or codes
 * (COVID-19, G20, 4G, 24/7, 1990s, 21st, 2.0.1), phone numbers, IDs and codes with a leading
 * zero, reference numbers after a label (Section 69 (A), Article 370, No. 10, number 7, ranked 3),
 * idioms with "one" ("under one roof", "one of the men") and durations whose unit is a time unit
 * ("within 24 hours", "24-hours", "a 24-hour strike", "for three days", "few hours").
 *
 * A figure with no unit is kept only when it can get one: an irregular plural after it
 * ("27 fishermen"), the whole of an "out of the 1,178 accounts" tail (a sub-figure: two
 * mentions), the referent of "of them" (the sentence's previous figure, else its nearest plural
 * noun), or a noun earlier in the sentence ("the death toll rose to 288" → deaths, "turnout of
 * 240,000" → people, "the number of accounts … rose to 583" → accounts). Money and percentages
 * always have a unit; a percentage's span takes its "of the households" phrase. Bare numbers are
 * dropped: too ambiguous to align across reports.
 *
 * Linear time: one tokenizer pass and, per figure, a bounded window of at most 15 short tokens
 * (tokens over 40 characters end it). Without `sentences`, {@link splitSentences} is used;
 * windows never cross a sentence.
 *
 * @example
 * extractQuantities('Police removed 583 out of the 1,178 accounts on February 4.').map((m) => [m.text, m.value.unit]);
 * // [['583', 'accounts'], ['1,178 accounts', 'accounts']]
 */
export function extractQuantities(
  text: string,
  sentences?: readonly Sentence[],
  options?: { exclude?: readonly { start: number; end: number }[] },
): QuantityMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const scanner = new Scanner(text, sentences ?? splitSentences(text), makeExclusions(options?.exclude));
  try {
    return scanner.run();
  } finally {
    scanner.release();
  }
}
