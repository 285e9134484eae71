import type { Comparison, QuantityQualifier, QuantityValue, Reason } from '../model/index.js';
import { compareStrings, stableStringify, distinctValues } from './canonical.js';
import type { QuantityCompareOptions } from './options.js';

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

/**
 * Unit synonyms: a (lower-case) noun as news prose writes it → the canonical unit. Keys are
 * looked up both as written and after pluralising, so "handle" and "handles" both map. Values
 * must be canonical themselves (fixed points), so {@link canonicalUnit} is idempotent.
 * Extend it by passing `{ ...UNIT_SYNONYMS, ...yours }` to {@link canonicalUnit}.
 *
 * @example
 * UNIT_SYNONYMS['handles']; // 'accounts'
 * canonicalUnit('fatalities'); // 'deaths'
 */
export const UNIT_SYNONYMS: Readonly<Record<string, string>> = Object.freeze({
  handles: 'accounts',
  persons: 'people',
  individuals: 'people',
  fatalities: 'deaths',
  dead: 'deaths',
  killed: 'deaths',
  lives: 'deaths',
  injured: 'injuries',
  wounded: 'injuries',
  residents: 'people',
  respondents: 'people',
  citizens: 'people',
  vessels: 'ships',
  homes: 'houses',
  nations: 'countries',
});

/** A word table as a Map: a word like "constructor" is no entry (an object's prototype would answer). */
function table<T>(entries: Readonly<Record<string, T>>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries));
}

/** The table's own entry for a word, never one inherited from Object.prototype. */
function own(entries: Readonly<Record<string, string>>, word: string): string | undefined {
  return Object.hasOwn(entries, word) ? entries[word] : undefined;
}

// Currency words/symbols → ISO code. Looked up lower-case.
const CURRENCY_WORDS: ReadonlyMap<string, string> = table({
  rs: 'INR',
  'rs.': 'INR',
  inr: 'INR',
  '₹': 'INR',
  rupee: 'INR',
  rupees: 'INR',
  $: 'USD',
  us$: 'USD',
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
});

const PERCENT_WORDS: ReadonlySet<string> = new Set(['%', 'percent', 'per cent', 'pc', 'pct', 'percentage']);

// Nouns that are already plural (or have no plural), and unit abbreviations, kept as written.
const INVARIANT: ReadonlySet<string> = new Set([
  'people', 'children', 'men', 'women', 'police', 'personnel', 'staff', 'cattle', 'sheep',
  'deer', 'fish', 'data', 'media', 'feet', 'teeth', 'mice', 'geese', 'aircraft', 'crew',
  'km', 'kg', 'm', 'cm', 'mm', 'mg', 'g', 'l', 'ml', 'mph', 'kmph', 'ha', 'ft', 'mw', 'gw', 'kw',
  'kwh', 'gb', 'mb', 'tb',
]);

const IRREGULAR: ReadonlyMap<string, string> = table({
  person: 'people',
  child: 'children',
  man: 'men',
  woman: 'women',
  foot: 'feet',
  tooth: 'teeth',
  mouse: 'mice',
  goose: 'geese',
  policeman: 'policemen',
  policewoman: 'policewomen',
});

function isAsciiWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return w.length > 0;
}

// Simple English plural rules: the unit is stored in plural so "1 account" and "1,178 accounts" match.
function pluralize(w: string): string {
  if (INVARIANT.has(w)) return w;
  const irregular = IRREGULAR.get(w);
  if (irregular !== undefined) return irregular;
  if (!isAsciiWord(w)) return w;
  if (w.endsWith('men') || w.endsWith('people')) return w; // fishermen, policemen, townspeople
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w;
  if (w.length > 1 && w.endsWith('y') && !'aeiou'.includes(w.charAt(w.length - 2))) return `${w.slice(0, -1)}ies`;
  if (w.endsWith('s') || w.endsWith('x') || w.endsWith('z') || w.endsWith('ch') || w.endsWith('sh')) return `${w}es`;
  return `${w}s`;
}

/**
 * The canonical form of a unit: currency words and symbols become ISO codes ("Rs" → "INR",
 * "$" → "USD"), "%"/"per cent" become "percent", nouns are lower-cased, pluralised (so "account"
 * and "accounts" are one unit) and mapped through `synonyms` ("handles" → "accounts").
 * Idempotent. Pass your own table (e.g. `{ ...UNIT_SYNONYMS, tweets: 'posts' }`) to extend it.
 *
 * @example
 * canonicalUnit('Handles'); // 'accounts'
 * canonicalUnit('person'); // 'people'
 * canonicalUnit('Rs.'); // 'INR'
 * canonicalUnit('per cent'); // 'percent'
 */
export function canonicalUnit(noun: string, synonyms: Readonly<Record<string, string>> = UNIT_SYNONYMS): string {
  const lower = noun.trim().toLowerCase();
  if (lower === '') return lower;
  const currency = CURRENCY_WORDS.get(lower);
  if (currency !== undefined) return currency;
  if (PERCENT_WORDS.has(lower)) return 'percent';
  const direct = own(synonyms, lower);
  if (direct !== undefined) return direct;
  // Multi-word units ("police officer"): pluralise the head, i.e. the last word.
  const space = lower.lastIndexOf(' ');
  const head = lower.slice(space + 1);
  const plural = lower.slice(0, space + 1) + pluralize(head);
  return own(synonyms, plural) ?? plural;
}

// ---------------------------------------------------------------------------------------------
// Tokenizer: one pass, no backtracking, so parsing is linear in the phrase length.
// ---------------------------------------------------------------------------------------------

interface Tok {
  kind: 'num' | 'word' | 'sym';
  /** Lower-cased text (words, symbols) or the raw text (numbers). */
  lower: string;
  /** Whitespace (or the start of the phrase) precedes this token. */
  space: boolean;
  /** Numbers: integer digits without separators. */
  int: string;
  /** Numbers: fraction digits. */
  frac: string;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const NON_ASCII_SPACE = /\s/;
// Non-ASCII code units classified once: 1 known, 2 space.
const BMP_SPACE = new Uint8Array(65536);
function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c <= 127) return false;
  let k = BMP_SPACE[c] as number;
  if (k === 0) {
    k = NON_ASCII_SPACE.test(String.fromCharCode(c)) ? 3 : 1;
    BMP_SPACE[c] = k;
  }
  return k === 3;
}

// Spaces that may group thousands ("12 000"); never line breaks.
function isGroupSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

const LETTER = /[\p{L}\p{M}]/u;
// Non-ASCII code points of the Basic Multilingual Plane, classified once: 1 known, 2 letter.
const BMP_LETTER = new Uint8Array(65536);
function isLetter(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  if (cp > 0xffff) return LETTER.test(String.fromCodePoint(cp));
  let k = BMP_LETTER[cp] as number;
  if (k === 0) {
    k = LETTER.test(String.fromCodePoint(cp)) ? 3 : 1;
    BMP_LETTER[cp] = k;
  }
  return k === 3;
}

function numTok(int: string, frac: string, raw: string, space: boolean): Tok {
  return { kind: 'num', lower: raw, space, int, frac };
}

function symTok(text: string, space: boolean): Tok {
  return { kind: 'sym', lower: text, space, int: '', frac: '' };
}

// Reads digits with "," groups (Western 1,178 / Indian 1,00,000), optional space groups and
// decimals, starting at s[i]. Pushes the token(s) and returns the index after them.
function readNumber(s: string, i: number, space: boolean, out: Tok[], at: number[] | null): number {
  const n = s.length;
  let j = i;
  while (j < n && isDigit(s.charCodeAt(j))) j++;
  const first = s.slice(i, j);
  const groups: string[] = [];
  let k = j;
  while (k < n && s.charCodeAt(k) === 44) {
    let m = k + 1;
    while (m < n && isDigit(s.charCodeAt(m))) m++;
    const len = m - k - 1;
    if (len < 2 || len > 3) break;
    groups.push(s.slice(k + 1, m));
    k = m;
  }
  // The longest prefix of groups that is valid Western or Indian grouping.
  let western = 0;
  if (first.length <= 3) while (western < groups.length && groups[western]?.length === 3) western++;
  let indian = 0;
  if (first.length <= 2) {
    let t = 0;
    while (t < groups.length && groups[t]?.length === 2) t++;
    if (t >= 1 && groups[t]?.length === 3) indian = t + 1;
  }
  const used = Math.max(western, indian);
  let int = first + groups.slice(0, used).join('');
  let end = j;
  for (let g = 0; g < used; g++) end += 1 + (groups[g]?.length ?? 0);
  if (used < groups.length) {
    // Not a grouped number ("1,2,3"): the first part is the number; the rest are plain tokens,
    // emitted now so nothing is scanned twice.
    out.push(numTok(int, '', s.slice(i, end), space));
    at?.push(i, end);
    let p = end;
    for (let g = used; g < groups.length; g++) {
      const group = groups[g] ?? '';
      out.push(symTok(',', false));
      out.push(numTok(group, '', group, false));
      at?.push(p, p + 1, p + 1, p + 1 + group.length);
      p += 1 + group.length;
    }
    return k;
  }
  if (groups.length === 0 && first.length <= 3) {
    // "12 000": a space followed by exactly three digits.
    while (
      end + 3 < n &&
      isGroupSpace(s.charCodeAt(end)) &&
      isDigit(s.charCodeAt(end + 1)) &&
      isDigit(s.charCodeAt(end + 2)) &&
      isDigit(s.charCodeAt(end + 3)) &&
      (end + 4 >= n || !isDigit(s.charCodeAt(end + 4)))
    ) {
      int += s.slice(end + 1, end + 4);
      end += 4;
    }
  }
  let frac = '';
  if (end + 1 < n && s.charCodeAt(end) === 46 && isDigit(s.charCodeAt(end + 1))) {
    let m = end + 1;
    while (m < n && isDigit(s.charCodeAt(m))) m++;
    frac = s.slice(end + 1, m);
    end = m;
  }
  out.push(numTok(int, frac, s.slice(i, end), space));
  at?.push(i, end);
  return end;
}

/** The tokens of s; with `at`, each token's [start, end) offsets too, flat. */
function tokenize(s: string, at: number[] | null = null): Tok[] {
  const out: Tok[] = [];
  const n = s.length;
  let i = 0;
  let space = true;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c < 128 ? c >= 9 && c <= 13 : isSpace(c))) {
      space = true;
      i++;
      continue;
    }
    if (c >= 48 && c <= 57) {
      i = readNumber(s, i, space, out, at);
      space = false;
      continue;
    }
    const cp = c < 0xd800 ? c : (s.codePointAt(i) ?? c);
    const width = cp > 0xffff ? 2 : 1;
    if (cp < 128 ? (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) : isLetter(cp)) {
      let j = i + width;
      // Only capitals and non-ASCII letters need lower-casing.
      let lower = cp >= 97 && cp <= 122;
      while (j < n) {
        const d = s.charCodeAt(j);
        const cp2 = d < 0xd800 ? d : (s.codePointAt(j) ?? 0);
        if (cp2 >= 97 && cp2 <= 122) {
          j++;
        } else if (isLetter(cp2)) {
          lower = false;
          j += cp2 > 0xffff ? 2 : 1;
        } else if ((cp2 === 0x27 || cp2 === 0x2019) && j + 1 < n && isLetter(s.codePointAt(j + 1) ?? 0)) {
          if (cp2 !== 0x27) lower = false;
          j++; // an apostrophe inside a word
        } else {
          break;
        }
      }
      out.push({ kind: 'word', lower: lower ? s.slice(i, j) : s.slice(i, j).toLowerCase(), space, int: '', frac: '' });
      at?.push(i, j);
      i = j;
    } else {
      out.push(symTok(s.slice(i, i + width), space));
      at?.push(i, i + width);
      i += width;
    }
    space = false;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

type HedgeKind = QuantityQualifier | 'between';

// Longest match wins, so "no more than" (up-to) beats "more than" (over).
const HEDGES: readonly (readonly [readonly string[], HedgeKind])[] = (
  [
    [['over'], 'over'],
    [['more', 'than'], 'over'],
    [['above'], 'over'],
    [['in', 'excess', 'of'], 'over'],
    [['upwards', 'of'], 'over'],
    [['upward', 'of'], 'over'],
    [['well', 'over'], 'over'],
    [['just', 'over'], 'over'],
    [['well', 'above'], 'over'],
    [['just', 'above'], 'over'],
    [['exceeding'], 'over'],
    [['>'], 'over'],
    [['at', 'least'], 'at-least'],
    [['no', 'fewer', 'than'], 'at-least'],
    [['no', 'less', 'than'], 'at-least'],
    [['not', 'fewer', 'than'], 'at-least'],
    [['not', 'less', 'than'], 'at-least'],
    [['a', 'minimum', 'of'], 'at-least'],
    [['≥'], 'at-least'],
    [['nearly'], 'nearly'],
    [['almost'], 'nearly'],
    [['close', 'to'], 'nearly'],
    [['just', 'under'], 'nearly'],
    [['just', 'below'], 'nearly'],
    [['just', 'short', 'of'], 'nearly'],
    [['short', 'of'], 'nearly'],
    [['about'], 'about'],
    [['around'], 'about'],
    [['some'], 'about'],
    [['approximately'], 'about'],
    [['approx'], 'about'],
    [['approx', '.'], 'about'],
    [['roughly'], 'about'],
    [['an', 'estimated'], 'about'],
    [['estimated'], 'about'],
    [['circa'], 'about'],
    [['in', 'the', 'region', 'of'], 'about'],
    [['~'], 'about'],
    [['≈'], 'about'],
    [['up', 'to'], 'up-to'],
    [['as', 'many', 'as'], 'up-to'],
    [['as', 'much', 'as'], 'up-to'],
    [['at', 'most'], 'up-to'],
    [['at', 'the', 'most'], 'up-to'],
    [['no', 'more', 'than'], 'up-to'],
    [['not', 'more', 'than'], 'up-to'],
    [['a', 'maximum', 'of'], 'up-to'],
    [['≤'], 'up-to'],
    [['under'], 'under'],
    [['fewer', 'than'], 'under'],
    [['less', 'than'], 'under'],
    [['below'], 'under'],
    [['well', 'under'], 'under'],
    [['well', 'below'], 'under'],
    [['<'], 'under'],
    [['between'], 'between'],
  ] as const
)
  .slice()
  .sort((x, y) => y[0].length - x[0].length);

// Postfix hedges: "1,000 or more", "300 or so", "1,000-odd", "1,000+".
const POSTFIX: readonly (readonly [readonly string[], QuantityQualifier])[] = [
  [['or', 'more'], 'at-least'],
  [['or', 'above'], 'at-least'],
  [['or', 'so'], 'about'],
  [['or', 'fewer'], 'up-to'],
  [['or', 'less'], 'up-to'],
  [['-', 'plus'], 'at-least'],
  [['-', 'odd'], 'about'],
  [['plus'], 'at-least'],
  [['odd'], 'about'],
  [['+'], 'at-least'],
];

const SMALL: ReadonlyMap<string, number> = table({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
});
const TENS: ReadonlyMap<string, number> = table({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});

// Scale words as powers of ten (all are, which keeps digit arithmetic exact).
const SCALE_WORDS: ReadonlyMap<string, number> = table({
  hundred: 2,
  thousand: 3,
  lakh: 5,
  lakhs: 5,
  lac: 5,
  lacs: 5,
  million: 6,
  mn: 6,
  crore: 7,
  crores: 7,
  cr: 7,
  billion: 9,
  bn: 9,
  trillion: 12,
  tn: 12,
});
// Suffixes written against the digits: "$10.35m", "5k", "2bn".
const SCALE_SUFFIXES: ReadonlyMap<string, number> = table({
  k: 3, mn: 6, million: 6, bn: 9, b: 9, billion: 9, tn: 12, cr: 7, crore: 7, lakh: 5, lac: 5,
});
const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set(['st', 'nd', 'rd', 'th', 's']);

// Vague plural order words: [min, max] = [2u, 10u - 1] ("hundreds" = 200..999).
const VAGUE_ORDERS: ReadonlyMap<string, number> = table({
  hundreds: 100, thousands: 1000, lakhs: 1e5, millions: 1e6, crores: 1e7, billions: 1e9,
});

const DENOMINATORS: ReadonlyMap<string, number> = table({
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5,
});
const NUMERATORS: ReadonlyMap<string, number> = table({ a: 1, an: 1, one: 1, two: 2, three: 3, four: 4 });

const DETERMINERS: ReadonlySet<string> = new Set(['the', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'all']);

// Words that end a unit noun phrase.
const STOP: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'which', 'who', 'whom', 'whose', 'what',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'then', 'than', 'as', 'because', 'while', 'when',
  'where', 'whereas', 'unless', 'though', 'although',
  'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'of', 'into', 'onto', 'over', 'under',
  'about', 'after', 'before', 'since', 'during', 'across', 'against', 'among', 'between',
  'through', 'toward', 'towards', 'within', 'without', 'per', 'via', 'upon', 'out', 'up', 'down',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does',
  'did', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
  'it', 'its', 'they', 'them', 'their', 'he', 'him', 'his', 'she', 'her', 'hers', 'we', 'us',
  'our', 'ours', 'you', 'your', 'yours', 'i', 'me', 'my',
  'not', 'no', 'also', 'only', 'just', 'already', 'still', 'now', 'ago', 'earlier', 'later',
  'today', 'yesterday', 'tomorrow', 'thus', 'always', 'perhaps', 'besides', 'plus', 'less',
  'said', 'says', 'say', 'told', 'added', 'according', 'each', 'every', 'some', 'any',
]);

// Words that make the next number a reference, not a count: "Section 69 (A)", "No. 10".
const LABELS: ReadonlySet<string> = new Set([
  'section', 'sec', 'article', 'clause', 'rule', 'chapter', 'no', 'page', 'paragraph', 'para',
  'schedule', 'part', 'item', 'version', 'room', 'platform', 'gate', 'flight', 'route',
]);

// Adjectives standing for a noun ("5 dead"); a unit only right after the number.
const PARTICIPLES: ReadonlySet<string> = new Set(['dead', 'injured', 'killed', 'wounded']);

// ---------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------

interface Figure {
  value: number;
  precision: number;
  /** Token index after the figure. */
  end: number;
  percent: boolean;
  /** A scale word or suffix was applied ("2 lakh", "$10.35m"). */
  scaled: boolean;
  /** Letters written against the digits that are not a scale ("5km"). */
  attachedUnit?: string | undefined;
  /** Digits figures keep their strings so a later scale word can be applied exactly. */
  digits?: { int: string; frac: string };
  /** Word figures written entirely in words. */
  word: boolean;
}

interface VagueFigure {
  min: number;
  max: number;
  precision: number;
  end: number;
}

function tokAt(toks: readonly Tok[], i: number): Tok | undefined {
  return toks[i];
}

function wordAt(toks: readonly Tok[], i: number): string | undefined {
  const t = toks[i];
  return t?.kind === 'word' ? t.lower : undefined;
}

// Matches a token sequence (words or symbols, lower-case) starting at i; returns the end index.
function matchSeq(toks: readonly Tok[], i: number, seq: readonly string[]): number {
  for (let k = 0; k < seq.length; k++) {
    const t = toks[i + k];
    if (!t || t.lower !== seq[k] || t.kind === 'num') return -1;
    // "-plus", "1,000+": the symbol must touch the previous token; so must an abbreviation's dot.
    if (t.kind === 'sym' && (t.lower === '-' || t.lower === '+' || t.lower === '.') && t.space) return -1;
  }
  return i + seq.length;
}

// Hedges by their first token, so a token that starts none costs one lookup.
const HEDGES_BY_FIRST: ReadonlyMap<string, readonly (readonly [readonly string[], HedgeKind])[]> = (() => {
  const map = new Map<string, (readonly [readonly string[], HedgeKind])[]>();
  for (const entry of HEDGES) {
    const first = entry[0][0] ?? '';
    const list = map.get(first) ?? [];
    list.push(entry);
    map.set(first, list);
  }
  return map;
})();

function matchHedge(toks: readonly Tok[], i: number): { kind: HedgeKind; end: number } | null {
  const t = toks[i];
  const candidates = t === undefined || t.kind === 'num' ? undefined : HEDGES_BY_FIRST.get(t.lower);
  if (candidates === undefined) return null;
  for (const [seq, kind] of candidates) {
    const end = matchSeq(toks, i, seq);
    if (end >= 0) return { kind, end };
  }
  return null;
}

function matchCurrencyPrefix(toks: readonly Tok[], i: number): { code: string; end: number } | null {
  const t = tokAt(toks, i);
  if (!t) return null;
  if (t.kind === 'sym') {
    const code = t.lower === '$' || t.lower === '₹' || t.lower === '€' || t.lower === '£' ? CURRENCY_WORDS.get(t.lower) : undefined;
    return code ? { code, end: i + 1 } : null;
  }
  if (t.kind !== 'word') return null;
  const next = tokAt(toks, i + 1);
  if (t.lower === 'us' && next?.kind === 'sym' && next.lower === '$' && !next.space) return { code: 'USD', end: i + 2 };
  if (t.lower === 'rs') {
    const dot = next?.kind === 'sym' && next.lower === '.' && !next.space;
    return { code: 'INR', end: dot ? i + 2 : i + 1 };
  }
  if (t.lower === 'inr' || t.lower === 'usd' || t.lower === 'eur' || t.lower === 'gbp') {
    return { code: t.lower.toUpperCase(), end: i + 1 };
  }
  return null;
}

function matchCurrencySuffix(toks: readonly Tok[], i: number): { code: string; end: number } | null {
  const w = wordAt(toks, i);
  if (w === undefined || w === 'rs' || w.length < 3) return null;
  const code = CURRENCY_WORDS.get(w);
  return code ? { code, end: i + 1 } : null;
}

function matchPercent(toks: readonly Tok[], i: number): number {
  const t = tokAt(toks, i);
  if (!t) return -1;
  if (t.kind === 'sym' && t.lower === '%') return i + 1;
  if (t.kind !== 'word') return -1;
  if (t.lower === 'percent' || t.lower === 'pct' || (t.lower === 'pc' && !t.space)) return i + 1;
  if (t.lower === 'per' && wordAt(toks, i + 1) === 'cent') return i + 2;
  return -1;
}

// 10^e exactly as Number('1e<e>') reads it; the common exponents come from a table.
const POW10: readonly number[] = Array.from({ length: 61 }, (_, k) => Number(`1e${k - 30}`));
function pow10(e: number): number {
  return e >= -30 && e <= 30 && Number.isInteger(e) ? (POW10[e + 30] as number) : Number(`1e${e}`);
}

/**
 * Number(`${digits}e${exp}`) without building the string when digits is at most 15 digits
 * (an exact integer) and |exp| ≤ 22 (10^|exp| exact): one correctly rounded multiplication
 * or division gives the same double as the correctly rounded decimal reading.
 */
function decimalValue(int: string, frac: string, exp: number): number {
  const n = int.length + frac.length;
  if (n > 0 && n <= 15 && exp >= -22 && exp <= 22) {
    let v = 0;
    for (let k = 0; k < int.length; k++) v = v * 10 + (int.charCodeAt(k) - 48);
    for (let k = 0; k < frac.length; k++) v = v * 10 + (frac.charCodeAt(k) - 48);
    return exp >= 0 ? v * (POW10[exp + 30] as number) : v / (POW10[30 - exp] as number);
  }
  return Number(`${int}${frac}e${exp}`);
}

// Value and precision of digits × 10^scaleExp, computed from the decimal strings so that
// 7.4 million is exactly 7400000 and not 7400000.000000001.
function digitValue(int: string, frac: string, scaleExp: number): { value: number; precision: number } | null {
  const exp = scaleExp - frac.length;
  const value = decimalValue(int, frac, exp);
  let precision: number;
  if (frac.length > 0) {
    precision = pow10(exp);
  } else {
    // Trailing zeros imply rounding ("1,200" → 100) only from three digits up: "10 killed" is exact.
    let lead = 0;
    while (lead < int.length && int.charCodeAt(lead) === 48) lead++;
    const digits = int.length - lead;
    let tz = 0;
    if (digits >= 3) while (tz < digits - 1 && int.charCodeAt(int.length - 1 - tz) === 48) tz++;
    precision = pow10(scaleExp + tz);
  }
  if (!Number.isFinite(value) || !Number.isFinite(precision) || precision <= 0) return null;
  return { value, precision };
}

// Rejects digits glued to letters ("G20", "COVID-19", "A380") unless a currency prefix came first.
function isGlued(toks: readonly Tok[], j: number): boolean {
  const t = toks[j];
  const prev = toks[j - 1];
  if (!t || !prev || t.space) return false;
  if (prev.kind === 'word') return true;
  if (prev.kind === 'sym' && (prev.lower === '-' || prev.lower === '/' || prev.lower === ':' || prev.lower === '.')) {
    const before = toks[j - 2];
    return !prev.space && before !== undefined && before.kind !== 'sym';
  }
  return false;
}

function digitFigure(toks: readonly Tok[], j: number, allowGlued: boolean, currency: boolean): Figure | null {
  const t = tokAt(toks, j);
  if (!t || t.kind !== 'num') return null;
  if (!allowGlued && isGlued(toks, j)) return null;
  const labelWord = toks[j - 1]?.kind === 'sym' && toks[j - 1]?.lower === '.' ? wordAt(toks, j - 2) : wordAt(toks, j - 1);
  if (labelWord !== undefined && LABELS.has(labelWord)) return null;
  const next = tokAt(toks, j + 1);
  // "24/7", "10:30", "08/02/2021": ratios, clock times and dates are not quantities.
  if (next && !next.space && next.kind === 'sym' && (next.lower === '/' || next.lower === ':')) {
    const after = tokAt(toks, j + 2);
    if (after?.kind === 'num' && !after.space) return null;
  }
  let scaleExp = 0;
  let end = j + 1;
  let scaled = false;
  let percent = false;
  let attachedUnit: string | undefined;
  if (next && !next.space && next.kind === 'word') {
    const suffix = next.lower;
    if (ORDINAL_SUFFIXES.has(suffix)) return null; // "21st", "1990s"
    const e = SCALE_SUFFIXES.get(suffix) ?? (suffix === 'm' && currency ? 6 : undefined);
    if (e !== undefined) {
      scaleExp = e;
      scaled = true;
    } else if (suffix === 'pc' || suffix === 'pct' || suffix === 'percent') {
      percent = true;
    } else if (suffix.length > 1 || INVARIANT.has(suffix)) {
      attachedUnit = suffix;
    }
    end = j + 2;
  }
  if (!scaled && attachedUnit === undefined && !percent) {
    const w = wordAt(toks, end);
    const e = w === undefined ? undefined : SCALE_WORDS.get(w);
    if (e !== undefined) {
      scaleExp = e;
      scaled = true;
      end++;
    }
  }
  const dv = digitValue(t.int, t.frac, scaleExp);
  if (!dv) return null;
  // Built field by field: an object spread here is the slowest step of a parse.
  return { value: dv.value, precision: dv.precision, end, percent, scaled, attachedUnit, digits: { int: t.int, frac: t.frac }, word: false };
}

// "Twenty-seven", "one hundred and twenty", "two thousand", "a dozen", "five lakh".
function wordFigure(toks: readonly Tok[], j: number): Figure | null {
  type Last = 'none' | 'small' | 'tens' | 'hundred' | 'mult' | 'and' | 'dozen';
  let i = j;
  let last: Last = 'none';
  let total = 0;
  let current = 0;
  let lastMult = Infinity;
  let end = -1;
  let precision = 1;
  let tensOnly = false; // a tens word can take one unit word ("twenty-seven")
  const first = wordAt(toks, i);
  if (first === 'a' || first === 'an') {
    const next = wordAt(toks, i + 1);
    if (next === undefined || (SCALE_WORDS.get(next) === undefined && next !== 'dozen')) return null;
    current = 1;
    last = 'small';
    i++;
  }
  while (i < toks.length) {
    const t = toks[i];
    if (!t) break;
    if (t.kind === 'sym' && t.lower === '-' && !t.space && last === 'tens' && tensOnly) {
      const n = SMALL.get(wordAt(toks, i + 1) ?? '');
      if (n !== undefined && n >= 1 && n <= 9 && !toks[i + 1]?.space) {
        i++;
        continue;
      }
      break;
    }
    if (t.kind !== 'word') break;
    const w = t.lower;
    const small = SMALL.get(w);
    const tens = TENS.get(w);
    const scale = SCALE_WORDS.get(w);
    if (small !== undefined) {
      const afterTens = last === 'tens' && tensOnly && small >= 1 && small <= 9;
      if (!(last === 'none' || last === 'hundred' || last === 'mult' || last === 'and' || afterTens)) break;
      if (small === 0 && last !== 'none') break;
      current += small;
      last = 'small';
      tensOnly = false;
      precision = 1;
    } else if (tens !== undefined) {
      if (!(last === 'none' || last === 'hundred' || last === 'mult' || last === 'and')) break;
      current += tens;
      last = 'tens';
      tensOnly = true;
      precision = 1;
    } else if (w === 'hundred') {
      if (!(last === 'small' || last === 'tens') || current >= 100 || current === 0) break;
      current *= 100;
      last = 'hundred';
      precision = 100;
    } else if (scale !== undefined && scale >= 3 && w !== 'mn' && w !== 'bn' && w !== 'cr' && w !== 'tn') {
      const mult = pow10(scale);
      if (!(last === 'small' || last === 'tens' || last === 'hundred') || mult >= lastMult || current === 0) break;
      total += current * mult;
      current = 0;
      lastMult = mult;
      last = 'mult';
      precision = mult;
    } else if (w === 'dozen') {
      if (!(last === 'none' || last === 'small' || last === 'tens')) break;
      current = (last === 'none' ? 1 : current) * 12;
      last = 'dozen';
      precision = 1;
      end = i + 1;
      break;
    } else if (w === 'and' && (last === 'hundred' || last === 'mult')) {
      const next = wordAt(toks, i + 1) ?? '';
      if (SMALL.get(next) === undefined && TENS.get(next) === undefined) break;
      last = 'and';
      i++;
      continue;
    } else {
      break;
    }
    i++;
    end = i;
  }
  if (end < 0 || last === 'none') return null;
  const value = total + current;
  // "three hundred" and "three million" end in a scale a range's first figure may share.
  const scaled = last === 'hundred' || last === 'mult';
  return { value, precision, end, percent: false, scaled, word: true };
}

// "half", "a third", "two-thirds", "three quarters" (as percent); "half a dozen", "half a million".
function fractionFigure(toks: readonly Tok[], j: number): Figure | null {
  const w = wordAt(toks, j);
  if (w === undefined) return null;
  if (w === 'half') {
    const a = wordAt(toks, j + 1);
    const what = wordAt(toks, j + 2) ?? '';
    if (a === 'a' || a === 'an') {
      if (what === 'dozen') return { value: 6, precision: 1, end: j + 3, percent: false, scaled: false, word: true };
      const e = SCALE_WORDS.get(what);
      if (e !== undefined && e >= 3 && what.length > 2) {
        const scale = pow10(e);
        return { value: scale / 2, precision: scale / 10, end: j + 3, percent: false, scaled: true, word: true };
      }
    }
    return { value: 50, precision: 1, end: j + 1, percent: true, scaled: false, word: true };
  }
  const num = NUMERATORS.get(w);
  if (num === undefined) return null;
  let k = j + 1;
  const hyphen = toks[k];
  if (hyphen?.kind === 'sym' && hyphen.lower === '-' && !hyphen.space) k++;
  const denWord = wordAt(toks, k);
  const den = denWord === undefined ? undefined : DENOMINATORS.get(denWord);
  if (den === undefined) return null;
  // "a third", "one half" (singular) vs "two thirds" (plural); "a halves" is not English.
  const plural = denWord !== undefined && denWord.endsWith('s');
  if ((num === 1) === plural || (den === 2 && num !== 1)) return null;
  return { value: (100 * num) / den, precision: 1, end: k + 1, percent: true, scaled: false, word: true };
}

// "dozens", "hundreds of", "tens of thousands", "a few", "several", "a handful", "a couple".
function vagueFigure(toks: readonly Tok[], j: number): VagueFigure | null {
  const w = wordAt(toks, j);
  if (w === undefined) return null;
  if ((w === 'tens' || w === 'hundreds') && wordAt(toks, j + 1) === 'of') {
    const order = VAGUE_ORDERS.get(wordAt(toks, j + 2) ?? '');
    if (order !== undefined && order >= 1000) {
      const f = w === 'tens' ? 10 : 100;
      return { min: 2 * f * order, max: 10 * f * order - 1, precision: f * order, end: j + 3 };
    }
  }
  const order = VAGUE_ORDERS.get(w);
  if (order !== undefined) return { min: 2 * order, max: 10 * order - 1, precision: order, end: j + 1 };
  if (w === 'dozens') return { min: 24, max: 99, precision: 12, end: j + 1 };
  if (w === 'scores' && wordAt(toks, j + 1) === 'of') return { min: 40, max: 199, precision: 20, end: j + 1 };
  if (w === 'few' || w === 'several') return { min: w === 'few' ? 2 : 3, max: 9, precision: 1, end: j + 1 };
  if (w === 'a') {
    const next = wordAt(toks, j + 1);
    if (next === 'few' || next === 'handful') return { min: 2, max: 9, precision: 1, end: j + 2 };
    if (next === 'couple') return { min: 2, max: 3, precision: 1, end: j + 2 };
  }
  return null;
}

function figureAt(toks: readonly Tok[], j: number, allowGlued: boolean, currency: boolean): Figure | VagueFigure | null {
  return (
    fractionFigure(toks, j) ??
    vagueFigure(toks, j) ??
    wordFigure(toks, j) ??
    digitFigure(toks, j, allowGlued, currency)
  );
}

function isVague(f: Figure | VagueFigure): f is VagueFigure {
  return 'min' in f;
}

// Applies a scale word that only followed the second figure of a range ("2-3 lakh").
function rescale(f: Figure, scaleExp: number): Figure | null {
  if (f.digits) {
    const dv = digitValue(f.digits.int, f.digits.frac, scaleExp);
    return dv ? { ...f, ...dv, scaled: true } : null;
  }
  const m = pow10(scaleExp);
  return { ...f, value: f.value * m, precision: f.precision * m, scaled: true };
}

function scaleExpOf(toks: readonly Tok[], f: Figure): number | null {
  // The scale is the token just before the figure's end (a word or a glued suffix).
  const t = toks[f.end - 1];
  if (!t || t.kind !== 'word') return null;
  return SCALE_WORDS.get(t.lower) ?? SCALE_SUFFIXES.get(t.lower) ?? (t.lower === 'm' ? 6 : null);
}

function isPluralish(w: string): boolean {
  if (PARTICIPLES.has(w)) return false;
  if (INVARIANT.has(w) || own(UNIT_SYNONYMS, w) !== undefined || IRREGULAR.has(w)) return true;
  return w.length >= 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && !w.endsWith("'s") && !w.endsWith('’s');
}

// The noun after a figure: "1,178 Twitter accounts that" → accounts; "1 account" → accounts.
function readUnit(toks: readonly Tok[], k: number, single: boolean): string | undefined {
  let i = k;
  const dash = toks[i];
  if (dash?.kind === 'sym' && dash.lower === '-' && !dash.space && toks[i + 1]?.kind === 'word' && !toks[i + 1]?.space) {
    i++; // "24-hours"
  } else if (wordAt(toks, i) === 'of' && wordAt(toks, i + 1) !== undefined) {
    i++;
    if (DETERMINERS.has(wordAt(toks, i) ?? '')) i++;
  }
  let chosen: string | undefined;
  let lastSingular: string | undefined;
  let seen = 0;
  while (i < toks.length && seen < 4) {
    const t = toks[i];
    if (!t) break;
    if (t.kind === 'sym' && t.lower === '-' && !t.space && seen > 0 && toks[i + 1]?.kind === 'word' && !toks[i + 1]?.space) {
      i++; // "Pakistani-Khalistani accounts"
      continue;
    }
    if (t.kind !== 'word' || STOP.has(t.lower)) break;
    const w = t.lower;
    if (seen === 0 && PARTICIPLES.has(w)) return canonicalUnit(w);
    if (isPluralish(w)) {
      chosen = w;
    } else if (chosen !== undefined) {
      break;
    } else {
      lastSingular = w;
    }
    seen++;
    i++;
  }
  const noun = chosen ?? (single ? lastSingular : undefined);
  return noun === undefined ? undefined : canonicalUnit(noun);
}

interface Parsed {
  qualifier: QuantityQualifier;
  value: number | null;
  min: number | null;
  max: number | null;
  precision: number;
  unit?: string;
}

function parseAt(toks: readonly Tok[], i: number): Parsed | null {
  let j = i;
  let qualifier: QuantityQualifier = 'exact';
  let between = false;
  const hedge = matchHedge(toks, j);
  if (hedge) {
    j = hedge.end;
    if (hedge.kind === 'between') between = true;
    else qualifier = hedge.kind;
  }
  let currency = matchCurrencyPrefix(toks, j);
  if (currency) j = currency.end;
  const first = figureAt(toks, j, currency !== null, currency !== null);
  if (!first) return null;

  if (isVague(first)) {
    // A vague figure keeps its own interval; hedges around it ("more than a few") add nothing exact.
    const parsed: Parsed = { qualifier: 'vague', value: null, min: first.min, max: first.max, precision: first.precision };
    const unit = currency?.code ?? readUnit(toks, first.end, false);
    if (unit !== undefined) parsed.unit = unit;
    return parsed;
  }

  let fig: Figure = first;
  let end = fig.end;
  let percent = fig.percent;
  const p1 = matchPercent(toks, end);
  if (p1 >= 0) {
    percent = true;
    end = p1;
  }
  if (!currency) {
    const suffix = matchCurrencySuffix(toks, end);
    if (suffix) {
      currency = suffix;
      end = suffix.end;
    }
  }

  // Ranges: "400-500", "400–500", "400 to 500", "two or three", "between 10 and 12".
  let range: { lo: Figure; hi: Figure } | null = null;
  const sep = tokAt(toks, end);
  const afterFrom = wordAt(toks, i - 1) === 'from';
  const isSep =
    sep !== undefined &&
    ((sep.kind === 'sym' && (sep.lower === '-' || sep.lower === '–')) ||
      (sep.kind === 'word' &&
        ((sep.lower === 'to' && !afterFrom) || (sep.lower === 'and' && between) || (sep.lower === 'or' && fig.word))));
  if (isSep && !fig.percent) {
    let k = end + 1;
    const c2 = matchCurrencyPrefix(toks, k);
    if (c2 && (!currency || c2.code === currency.code)) k = c2.end;
    const second = figureAt(toks, k, true, currency !== null || c2 !== null);
    if (second && !isVague(second) && !second.percent && (sep.lower !== 'or' || second.word)) {
      let lo: Figure | null = fig;
      if (second.scaled && !fig.scaled) {
        const e = scaleExpOf(toks, second);
        lo = e === null ? null : rescale(fig, e);
      }
      if (lo) {
        let a = lo;
        let b = second;
        if (between && b.value < a.value) [a, b] = [b, a];
        if (b.value > a.value || (between && b.value === a.value)) {
          range = { lo: a, hi: b };
          end = second.end;
          if (second.attachedUnit !== undefined && fig.attachedUnit === undefined) fig = { ...fig, attachedUnit: second.attachedUnit };
          const p2 = matchPercent(toks, end);
          if (p2 >= 0) {
            percent = true;
            end = p2;
          }
          if (!currency) {
            const suffix = matchCurrencySuffix(toks, end);
            if (suffix) {
              currency = suffix;
              end = suffix.end;
            }
          }
          if (c2 && !currency) currency = c2;
        }
      }
    }
  }

  let parsed: Parsed;
  if (range) {
    const { lo, hi } = range;
    parsed =
      lo.value === hi.value
        ? { qualifier: 'exact', value: lo.value, min: lo.value, max: lo.value, precision: Math.min(lo.precision, hi.precision) }
        : { qualifier: 'range', value: null, min: lo.value, max: hi.value, precision: Math.min(lo.precision, hi.precision) };
  } else {
    if (qualifier === 'exact') {
      for (const [seq, q] of POSTFIX) {
        const e = matchSeq(toks, end, seq);
        if (e >= 0) {
          qualifier = q;
          end = e;
          break;
        }
      }
    }
    const v = fig.value;
    // The bounds the words assert: about none, nearly/under/up-to an upper, over/at-least a lower.
    const min = qualifier === 'about' || qualifier === 'nearly' || qualifier === 'under' || qualifier === 'up-to' ? null : v;
    const max = qualifier === 'about' || qualifier === 'over' || qualifier === 'at-least' ? null : v;
    parsed = { qualifier, value: v, min, max, precision: fig.precision };
  }

  let unit: string | undefined;
  if (percent) unit = 'percent';
  else if (currency) unit = currency.code;
  else if (fig.attachedUnit !== undefined) unit = canonicalUnit(fig.attachedUnit);
  else unit = readUnit(toks, end, !range && parsed.value === 1);
  if (unit !== undefined) parsed.unit = unit;
  return parsed;
}

/**
 * Parses the first quantity in a phrase into a {@link QuantityValue}; null when there is none.
 * Never throws, and runs in time linear in the phrase (a one-pass tokenizer, no backtracking).
 *
 * - Separators: "1,178", Indian "1,00,000", "12 000"; decimals "7.4".
 * - Scale words and suffixes: thousand, million, billion, lakh, crore, mn, bn, cr, k, and m after
 *   a currency ("$10.35m").
 * - Currencies → unit INR (Rs, Rs., INR, ₹, rupees), USD ($, US$, dollars), EUR (€), GBP (£, pounds).
 * - Percentages ("50%", "50 per cent", "half", "a third") → unit `percent`.
 * - Number words: "Twenty-seven", "one hundred and twenty", "two thousand", "a dozen".
 * - Hedges → qualifier, with `min`/`max` holding only the bounds the words assert:
 *   over/more than/above (over: min=v, strict), at least (at-least: min=v),
 *   under/fewer than (under: max=v, strict), up to/as many as (up-to: max=v),
 *   nearly/almost/close to/just under (nearly: min=null, max=v), about/around/some/roughly
 *   (about: min=max=null); compareQuantities adds the hedge slack (`hedgeTolerance`).
 * - Ranges ("400-500", "400 to 500", "between 10 and 12", "two or three") → qualifier range,
 *   value null. "from X to Y" is read as a change and gives X.
 * - Vague: dozens 24–99, scores of 40–199, hundreds 200–999, thousands 2,000–9,999 (in general
 *   [2u, 10u − 1]), tens of thousands 20,000–99,999, hundreds of thousands 200,000–999,999,
 *   a few/few/a handful 2–9, several 3–9, a couple 2–3.
 * - `precision`: the step implied by the writing: "1,178" → 1, "1,200" → 100, "300" → 100,
 *   "7.4 million" → 100000, "2.5 lakh" → 10000; numbers under 100 in digits are exact ("10" → 1);
 *   words are exact unless they end in a scale word ("two thousand" → 1000, "a dozen" → 1).
 * - `unit`: the noun after the figure, canonicalised by {@link canonicalUnit} ("1 account" →
 *   "accounts"; "1,178 Twitter accounts that" → "accounts"); a currency or percent wins.
 * - Not quantities: digits glued to letters ("COVID-19", "G20"), ordinals and decades ("21st",
 *   "1990s"), ratios, clock times and slashed dates ("24/7", "10:30", "08/02/2021"), and
 *   numbers after a label word ("Section 69 (A)", "No. 10", "Article 370"). Years are not
 *   recognised: "2021" parses as 2021 (precision 1).
 *
 * @example
 * parseQuantity('over 1,000 accounts');
 * // { kind: 'quantity', value: 1000, min: 1000, max: null, qualifier: 'over', precision: 1000,
 * //   unit: 'accounts', text: 'over 1,000 accounts' }
 * parseQuantity('Rs 2.5 lakh')?.value; // 250000
 * parseQuantity('hello'); // null
 */
export function parseQuantity(phrase: string): QuantityValue | null {
  if (typeof phrase !== 'string') return null;
  return withSign(parseTokens(tokenize(phrase), phrase), phrase);
}

// A minus sign (hyphen, U+2212) or "minus" right before the leading figure: "-5%", "−3.2 per
// cent", "minus 4 degrees". (An en dash is left alone: it joins ranges, "5–6".)
const LEADING_MINUS = /^\s*(?:[-\u2212]|minus\s+)(?=\d)/i;

/** The value negated when the phrase opens with a minus sign, so "-5%" never agrees with "5%". */
function withSign(value: QuantityValue | null, phrase: string): QuantityValue | null {
  if (!value || !LEADING_MINUS.test(phrase) || (value.qualifier !== 'exact' && value.qualifier !== 'about')) return value;
  const negate = (x: number | null) => (x === null ? null : x === 0 ? 0 : -x);
  return { ...value, value: negate(value.value), min: negate(value.max), max: negate(value.min) };
}

/** The first quantity the tokens of `phrase` hold, as parseQuantity gives it. */
function parseTokens(toks: readonly Tok[], phrase: string): QuantityValue | null {
  for (let i = 0; i < toks.length; i++) {
    const p = parseAt(toks, i);
    if (!p) continue;
    const out: QuantityValue = {
      kind: 'quantity',
      value: p.value,
      min: p.min,
      max: p.max,
      qualifier: p.qualifier,
      precision: p.precision,
    };
    if (p.unit !== undefined) out.unit = p.unit;
    out.text = phrase;
    return out;
  }
  return null;
}

/**
 * A phrase tokenized once, for reading many of its stretches with {@link parseQuantityIn}.
 *
 * @example
 * const phrase = quantityPhrase('over 1,000 accounts were blocked');
 */
export interface QuantityPhrase {
  readonly text: string;
  readonly toks: readonly Tok[];
  /** Each token's [start, end) in `text`, flat. */
  readonly at: readonly number[];
}

/** Tokenizes a phrase once for {@link parseQuantityIn}. */
export function quantityPhrase(text: string): QuantityPhrase {
  const at: number[] = [];
  return { text, toks: tokenize(text, at), at };
}

/**
 * parseQuantity(phrase.text.slice(start, end)), read from the phrase's tokens when no token
 * crosses `start` or `end` (a stretch of whole tokens tokenizes to those same tokens: the
 * tokenizer looks ahead only inside a token, and behind only for the space before it), else
 * from the slice itself.
 *
 * @example
 * const phrase = quantityPhrase('over 1,000 accounts were blocked');
 * parseQuantityIn(phrase, 0, 19)?.value; // 1000, as parseQuantity('over 1,000 accounts')
 */
export function parseQuantityIn(phrase: QuantityPhrase, start: number, end: number): QuantityValue | null {
  const { toks, at, text } = phrase;
  const n = toks.length;
  let a = 0;
  while (a < n && (at[2 * a + 1] as number) <= start) a++;
  let b = a;
  while (b < n && (at[2 * b + 1] as number) <= end) b++;
  const whole =
    (a === n || (at[2 * a] as number) >= start) &&
    (b === n || (at[2 * b] as number) >= end) &&
    // The first token's space flag: set at the start of a phrase, so it must be set here too.
    (a === b || (toks[a] as Tok).space || (at[2 * a] as number) > start);
  const slice = text.slice(start, end);
  if (!whole) return parseQuantity(slice);
  return withSign(parseTokens(a === 0 && b === n ? toks : toks.slice(a, b), slice), slice);
}

// ---------------------------------------------------------------------------------------------
// Intervals
// ---------------------------------------------------------------------------------------------

interface Interval {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
}

function point(v: number): Interval {
  return { lo: v, loOpen: false, hi: v, hiOpen: false };
}

// The bounds the words assert; `over`/`under` are strict.
function hardInterval(q: QuantityValue): Interval {
  return {
    lo: q.min ?? -Infinity,
    loOpen: q.min === null || q.qualifier === 'over',
    hi: q.max ?? Infinity,
    hiOpen: q.max === null || q.qualifier === 'under',
  };
}

// What a value says before any tolerance: hedged figures count as their figure.
function coreInterval(q: QuantityValue): Interval {
  if ((q.qualifier === 'about' || q.qualifier === 'nearly') && q.value !== null) return point(q.value);
  return hardInterval(q);
}

// Where the true figure may lie if `v` was rounded (or truncated) to steps of `p`.
function roundingInterval(v: number, p: number, steps: number, truncation: boolean): Interval {
  let k = v / p;
  const r = Math.round(k);
  const whole = Number.isFinite(k) && Math.abs(k - r) <= 1e-9 * Math.max(1, Math.abs(k));
  if (whole) k = r;
  // Truncation only for rounded figures with ≥ 2 significant digits ("7.4 million"); a count
  // written to the unit ("288") is not truncated, so 288 and 289 stay apart.
  const trunc = truncation && p !== 1 && Math.abs(k) >= 10;
  const up = trunc ? Math.max(steps, 1) : steps;
  // Computing from the step count keeps adjacent figures' bounds bit-identical (half-open).
  const lo = whole ? (k - steps) * p : v - steps * p;
  const hi = whole ? (k + up) * p : v + up * p;
  return lo === hi ? point(v) : { lo, loOpen: false, hi, hiOpen: true };
}

function widen(iv: Interval, rel: number): Interval {
  if (!(rel > 0)) return iv;
  const lo = Number.isFinite(iv.lo) ? iv.lo - rel * Math.abs(iv.lo) : iv.lo;
  const hi = Number.isFinite(iv.hi) ? iv.hi + rel * Math.abs(iv.hi) : iv.hi;
  return { ...iv, lo: Number.isNaN(lo) ? iv.lo : lo, hi: Number.isNaN(hi) ? iv.hi : hi };
}

interface Resolved {
  roundingSteps: number;
  allowTruncation: boolean;
  hedgeTolerance: number;
  relativeTolerance: number;
}

function resolve(options: QuantityCompareOptions | undefined): Resolved {
  return {
    roundingSteps: options?.roundingSteps ?? 0.5,
    allowTruncation: options?.allowTruncation ?? true,
    hedgeTolerance: options?.hedgeTolerance ?? 0.1,
    relativeTolerance: options?.relativeTolerance ?? 0,
  };
}

function roundedBase(q: QuantityValue, o: Resolved): Interval {
  if (q.qualifier === 'exact' && q.value !== null) {
    return roundingInterval(q.value, q.precision, o.roundingSteps, o.allowTruncation && writtenWithDecimals(q));
  }
  return coreInterval(q);
}

// Writers truncate decimals ("7.4 million" for 7.48 million) but round whole figures to the
// nearest step: "1,100" is no truncated 1,199, nor "250" a truncated 257. Without a text,
// how the figure was written is unknown: rounding only.
function writtenWithDecimals(q: QuantityValue): boolean {
  const t = q.text;
  if (t === undefined) return false;
  for (let i = 1; i + 1 < t.length; i++) {
    if (t.charCodeAt(i) === 0x2e && isDigit(t.charCodeAt(i - 1)) && isDigit(t.charCodeAt(i + 1))) return true;
  }
  return false;
}

// Core plus rounding of exact figures plus the relative tolerance.
function roundedInterval(q: QuantityValue, o: Resolved): Interval {
  return widen(roundedBase(q, o), o.relativeTolerance);
}

// Rounded plus the hedge slack of about (±h) and nearly (−h, up to the figure).
function hedgedInterval(q: QuantityValue, o: Resolved): Interval {
  let iv = roundedBase(q, o);
  if (q.value !== null && (q.qualifier === 'about' || q.qualifier === 'nearly')) {
    const slack = o.hedgeTolerance * Math.abs(q.value);
    iv = { lo: q.value - slack, loOpen: false, hi: q.qualifier === 'about' ? q.value + slack : q.value, hiOpen: false };
  }
  return widen(iv, o.relativeTolerance);
}

function intersect(a: Interval, b: Interval): Interval {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  return {
    lo,
    loOpen: (a.lo === lo && a.loOpen) || (b.lo === lo && b.loOpen),
    hi,
    hiOpen: (a.hi === hi && a.hiOpen) || (b.hi === hi && b.hiOpen),
  };
}

function isEmpty(iv: Interval): boolean {
  return !(iv.lo < iv.hi || (iv.lo === iv.hi && !iv.loOpen && !iv.hiOpen));
}

function overlaps(a: Interval, b: Interval): boolean {
  return !isEmpty(intersect(a, b));
}

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

// ---------------------------------------------------------------------------------------------
// Compare, combine, format
// ---------------------------------------------------------------------------------------------

function label(q: QuantityValue): string {
  return q.text ?? formatQuantity(q);
}

function result(verdict: Comparison['verdict'], reason: Reason, detail: string): Comparison {
  return { verdict, reason, detail };
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(6)));
}

/**
 * Compares two quantities. The verdict and reason are symmetric in `a` and `b`:
 *
 * 1. both units known and different (after {@link canonicalUnit}) → conflict `unit`;
 *    a missing unit on one side is not a conflict;
 * 2. same qualifier, figure and bounds → agree `equal`;
 * 3. the intervals as written overlap ("over 1,000" and 1,178; "400-500" and 450) → compatible `hedge`;
 * 4. they overlap once exact figures are widened by rounding — `roundingSteps` (default 0.5)
 *    steps of the written precision either side, i.e. rounding to nearest ("1,200" vs 1,178;
 *    not "1,100" vs 1,199 nor "250" vs 257), plus one step upwards for truncation when
 *    `allowTruncation` (default true) and the figure is written with decimals and ≥ 2
 *    significant digits ("7.4 million" vs 7.48 million) — and every bound by
 *    `relativeTolerance` (default 0) → compatible `rounding`, the detail naming the rule;
 * 5. they overlap once "about" is widened by ±`hedgeTolerance` (default 0.1, relative) and
 *    "nearly" to [v − tolerance, v] ("about 3,700" vs 3,712; "nearly 300" vs 297) → compatible `hedge`;
 * 6. otherwise → conflict `disjoint` (288 vs 275; "over 1,000" vs 900).
 *
 * Bounds written with over/under/at least/up to and ranges are taken as written (no rounding).
 *
 * @example
 * compareQuantities(parseQuantity('over 1,000 accounts')!, parseQuantity('1,178 accounts')!);
 * // { verdict: 'compatible', reason: 'hedge', detail: '"1,178 accounts" lies within "over 1,000 accounts"' }
 * compareQuantities(parseQuantity('288 dead')!, parseQuantity('275 dead')!).reason; // 'disjoint'
 */
export function compareQuantities(a: QuantityValue, b: QuantityValue, options?: QuantityCompareOptions): Comparison {
  const o = resolve(options);
  const la = label(a);
  const lb = label(b);
  if (a.unit !== undefined && b.unit !== undefined) {
    const ua = canonicalUnit(a.unit);
    const ub = canonicalUnit(b.unit);
    if (ua !== ub) return result('conflict', 'unit', `"${la}" counts ${ua} but "${lb}" counts ${ub}`);
  }
  if (a.qualifier === b.qualifier && sameNumber(a.value, b.value) && sameNumber(a.min, b.min) && sameNumber(a.max, b.max)) {
    return result('agree', 'equal', la === lb ? `both say "${la}"` : `"${la}" and "${lb}" are the same figure`);
  }
  if (overlaps(coreInterval(a), coreInterval(b))) {
    const aPoint = a.qualifier === 'exact' && a.value !== null;
    const bPoint = b.qualifier === 'exact' && b.value !== null;
    const detail =
      aPoint && !bPoint
        ? `"${la}" lies within "${lb}"`
        : bPoint && !aPoint
          ? `"${lb}" lies within "${la}"`
          : `"${la}" and "${lb}" overlap`;
    return result('compatible', 'hedge', detail);
  }
  if (overlaps(roundedInterval(a, o), roundedInterval(b, o))) return result('compatible', 'rounding', roundingDetail(a, b, o));
  if (overlaps(hedgedInterval(a, o), hedgedInterval(b, o))) {
    const aHedge = a.qualifier === 'about' || a.qualifier === 'nearly';
    const [hedged, other] = aHedge ? [a, b] : [b, a];
    const within = hedged.qualifier === 'nearly' ? 'under' : 'of'; // "nearly" allows no overshoot
    return result(
      'compatible',
      'hedge',
      `"${label(other)}" is within ${formatNumber(o.hedgeTolerance * 100)}% ${within} "${label(hedged)}"`,
    );
  }
  return result('conflict', 'disjoint', `"${la}" and "${lb}" cannot both be true`);
}

// Names the rule that made two figures fit: rounding to nearest, truncation, or the relative tolerance.
function roundingDetail(a: QuantityValue, b: QuantityValue, o: Resolved): string {
  // The rounded figure is the coarser exact one; a bound ("over 1,000") is never rounded.
  const aExact = a.qualifier === 'exact';
  const [coarse, fine] = aExact !== (b.qualifier === 'exact') ? (aExact ? [a, b] : [b, a]) : a.precision >= b.precision ? [a, b] : [b, a];
  const step = groupDigits(formatNumber(coarse.precision));
  const of = fine.qualifier === 'exact' ? `"${label(fine)}"` : `a figure in "${label(fine)}"`;
  const exact: Resolved = { ...o, allowTruncation: false, relativeTolerance: 0 };
  if (overlaps(roundedInterval(a, exact), roundedInterval(b, exact))) {
    return o.roundingSteps === 0.5
      ? `"${label(coarse)}" can be ${of} rounded to the nearest ${step}`
      : `"${label(coarse)}" is within ${formatNumber(o.roundingSteps)} step${o.roundingSteps === 1 ? '' : 's'} of ${step} of ${of}`;
  }
  const truncated: Resolved = { ...o, relativeTolerance: 0 };
  if (overlaps(roundedInterval(a, truncated), roundedInterval(b, truncated))) {
    return `"${label(coarse)}" can be ${of} truncated to a step of ${step}`;
  }
  return `"${label(a)}" and "${label(b)}" are within ${formatNumber(o.relativeTolerance * 100)}% of each other`;
}

// "100000" → "100,000" (whole numbers only).
function groupDigits(n: string): string {
  if (n.length < 5) return n;
  for (let i = 0; i < n.length; i++) if (!isDigit(n.charCodeAt(i))) return n;
  let out = n.slice(0, ((n.length - 1) % 3) + 1);
  for (let i = out.length; i < n.length; i += 3) out += `,${n.slice(i, i + 3)}`;
  return out;
}

// The interval a value pins the truth to, with default tolerances (for combining).
function specificInterval(q: QuantityValue, o: Resolved): Interval {
  return q.qualifier === 'about' || q.qualifier === 'nearly' ? hedgedInterval(q, o) : roundedInterval(q, o);
}

function width(iv: Interval): number {
  return iv.hi - iv.lo;
}

function contains(iv: Interval, v: number): boolean {
  return overlaps(iv, point(v));
}

// A total order for deterministic choice: finest precision, narrowest, then the JSON text.
function bySpecificity(o: Resolved) {
  return (x: QuantityValue, y: QuantityValue): number => {
    if (x.precision !== y.precision) return x.precision < y.precision ? -1 : 1;
    const wx = width(specificInterval(x, o));
    const wy = width(specificInterval(y, o));
    if (wx !== wy && !(Number.isNaN(wx) || Number.isNaN(wy))) return wx < wy ? -1 : 1;
    return compareStrings(stableStringify(x), stableStringify(y));
  };
}

/**
 * The most specific quantity consistent with all of `values`, or null when there are none,
 * their units differ, or two of them conflict ({@link compareQuantities}). Preference:
 *
 * 1. an exact figure lying inside every other value (the finest precision wins:
 *    ["over 1,000 accounts", "1,200", "1,178 accounts"] → 1,178); failing that the finest exact figure;
 * 2. else the intersection of the intervals: an input whose interval equals it, else the
 *    narrowest "about"/"nearly" figure, else a new `range` (or `exact` if a single point) with
 *    inclusive bounds and no `text`.
 *
 * The result is a copy (inputs are never mutated) and carries the shared unit when the chosen
 * value had none. Independent of input order.
 *
 * @example
 * combineQuantities([parseQuantity('over 1,000 accounts')!, parseQuantity('1,178 accounts')!])?.value; // 1178
 * combineQuantities([parseQuantity('288')!, parseQuantity('275')!]); // null
 */
export function combineQuantities(all: readonly QuantityValue[]): QuantityValue | null {
  const values = distinctValues(all); // pairwise below: repeats add nothing
  if (values.length === 0) return null;
  const o = resolve(undefined);
  const units = new Set<string>();
  for (const v of values) if (v.unit !== undefined) units.add(canonicalUnit(v.unit));
  if (units.size > 1) return null;
  const unit = units.size === 1 ? [...units][0] : undefined;
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      if (a && b && compareQuantities(a, b).verdict === 'conflict') return null;
    }
  }
  const sorted = [...values].sort(bySpecificity(o));
  const finish = (chosen: QuantityValue): QuantityValue => {
    const copy: QuantityValue = { ...chosen };
    if (copy.unit === undefined && unit !== undefined) copy.unit = unit;
    return copy;
  };

  const exacts = sorted.filter((v) => v.qualifier === 'exact' && v.value !== null);
  if (exacts.length > 0) {
    const inside = exacts.find((e) =>
      sorted.every((other) => other === e || contains(specificInterval(other, o), e.value as number)),
    );
    return finish(inside ?? (exacts[0] as QuantityValue));
  }

  let meet: Interval = { lo: -Infinity, loOpen: true, hi: Infinity, hiOpen: true };
  for (const v of sorted) meet = intersect(meet, specificInterval(v, o));
  if (isEmpty(meet)) return null;
  const same = sorted.find((v) => {
    const iv = specificInterval(v, o);
    return iv.lo === meet.lo && iv.hi === meet.hi && iv.loOpen === meet.loOpen && iv.hiOpen === meet.hiOpen;
  });
  if (same) return finish(same);
  const hedged = sorted
    .filter((v) => v.qualifier === 'about' || v.qualifier === 'nearly')
    .sort((x, y) => {
      const d = width(specificInterval(x, o)) - width(specificInterval(y, o));
      return d !== 0 && !Number.isNaN(d) ? d : bySpecificity(o)(x, y);
    });
  if (hedged[0]) return finish(hedged[0]);
  if (!Number.isFinite(meet.lo) || !Number.isFinite(meet.hi)) {
    // Only possible with one-sided bounds, which always equal one input's interval; be safe.
    return finish(sorted[0] as QuantityValue);
  }
  const precision = Math.min(...sorted.map((v) => v.precision));
  const made: QuantityValue =
    meet.lo === meet.hi
      ? { kind: 'quantity', value: meet.lo, min: meet.lo, max: meet.lo, qualifier: 'exact', precision }
      : { kind: 'quantity', value: null, min: meet.lo, max: meet.hi, qualifier: 'range', precision };
  return finish(made);
}

function withUnit(text: string, unit: string | undefined): string {
  if (unit === undefined) return text;
  if (unit === 'percent') return `${text}%`;
  if (/^[A-Z]{3}$/.test(unit)) return `${unit} ${text}`;
  return `${text} ${unit}`;
}

/**
 * A short human rendering: the original `text` when present, else built from the fields
 * ("over 1000 accounts", "400–500", "about 50%", "INR 250000").
 *
 * @example
 * formatQuantity({ kind: 'quantity', value: 1000, min: 1000, max: null, qualifier: 'over', precision: 1000, unit: 'accounts' });
 * // 'over 1000 accounts'
 * formatQuantity({ kind: 'quantity', value: null, min: 400, max: 500, qualifier: 'range', precision: 100 });
 * // '400–500'
 */
export function formatQuantity(v: QuantityValue): string {
  if (v.text !== undefined) return v.text;
  const figure = v.value ?? v.min ?? v.max;
  const words: Partial<Record<QuantityQualifier, string>> = {
    about: 'about ',
    nearly: 'nearly ',
    over: 'over ',
    'at-least': 'at least ',
    under: 'under ',
    'up-to': 'up to ',
  };
  const prefix = words[v.qualifier];
  if (prefix !== undefined && figure !== null) return prefix + withUnit(formatNumber(figure), v.unit);
  if (v.qualifier === 'exact' && v.value !== null) return withUnit(formatNumber(v.value), v.unit);
  if (v.min !== null && v.max !== null) {
    return withUnit(v.min === v.max ? formatNumber(v.min) : `${formatNumber(v.min)}–${formatNumber(v.max)}`, v.unit);
  }
  if (v.min !== null) return `at least ${withUnit(formatNumber(v.min), v.unit)}`;
  if (v.max !== null) return `up to ${withUnit(formatNumber(v.max), v.unit)}`;
  if (figure !== null) return withUnit(formatNumber(figure), v.unit);
  return v.unit === undefined ? 'an unknown quantity' : `an unknown number of ${v.unit}`;
}
