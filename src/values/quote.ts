import type { Comparison, QuoteValue, WordDiffOp } from '../model/index.js';
import { compareStrings, distinctValues } from './canonical.js';

// Quote marks folded to their ASCII form. Primes and acute accents are left alone: NFKC
// rewrites some of them and they are rarely used as quote marks in edited copy.
const SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B', '`', '\u2039', '\u203A']);
const DOUBLE_QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u301D', '\u301E']);
// Hyphen-like dashes keep their spacing ("24-hours", "10–20"); em dashes and bars are always
// parenthetical, so they become a spaced " - ".
const HYPHENS = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uFE63']);
const LONG_DASHES = new Set(['\u2014', '\u2015', '\u2E3A', '\u2E3B']);
const EDGE_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"']);
const ELLIPSIS = '\u2026';
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const WHITESPACE = /\s/u;
/** Above this many LCS cells diffWords gives up on alignment (memory guard, ~8 MB). */
const MAX_DIFF_CELLS = 4_000_000;

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && WHITESPACE.test(ch);
}

/** Folds quote marks, dashes and whitespace, one character at a time. */
function foldMarks(text: string): string {
  let out = '';
  for (const ch of text) {
    if (SINGLE_QUOTES.has(ch)) out += "'";
    else if (DOUBLE_QUOTES.has(ch)) out += '"';
    else if (HYPHENS.has(ch)) out += '-';
    else if (LONG_DASHES.has(ch)) out += ' -- ';
    else if (isSpace(ch)) out += ' ';
    else out += ch;
  }
  return out;
}

/** Replaces runs of three or more dots (spaces allowed between them) with one spaced "…". */
function foldEllipses(text: string): string {
  // Pieces, not string concatenation: looking back into a growing string would flatten it
  // on every cut and turn this quadratic.
  const out: string[] = [];
  let last = -1; // index in `out` of the last piece that is not a space
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch !== '.') {
      out.push(ch);
      if (ch !== ' ') last = out.length - 1;
      i++;
      continue;
    }
    let dots = 0;
    let j = i;
    let end = i;
    while (j < text.length) {
      if (text[j] === '.') {
        dots++;
        j++;
        end = j;
      } else if (text[j] === ' ') {
        j++;
      } else break;
    }
    if (dots < 3) {
      for (let k = i; k < end; k++) out.push(text[k] as string);
      last = out.length - 1;
      i = end;
      continue;
    }
    i = end;
    // "[…]" and "(…)" mark an editorial cut just like a bare ellipsis.
    let k = i;
    while (text[k] === ' ') k++;
    const before = out[last];
    if ((before === '[' && text[k] === ']') || (before === '(' && text[k] === ')')) {
      out.length = last;
      last = out.length - 1;
      while (last >= 0 && out[last] === ' ') last--;
      i = k + 1;
    }
    // Two cuts with nothing between them are one cut; keeps the result idempotent.
    if (out[last] !== ` ${ELLIPSIS} `) {
      out.push(` ${ELLIPSIS} `);
      last = out.length - 1;
    }
  }
  return out.join('');
}

/** Space a dash that was spaced on either side or doubled; leave a word-internal hyphen alone. */
function foldDashes(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '-') {
      out += text[i];
      i++;
      continue;
    }
    let j = i;
    while (text[j] === '-') j++;
    const spaced = j - i > 1 || text[i - 1] === ' ' || text[j] === ' ';
    out += spaced ? ' - ' : '-';
    i = j;
  }
  return out;
}

function collapseSpaces(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === ' ') {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += ch;
  }
  return out;
}

function trimEdges(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === ' ' || EDGE_PUNCTUATION.has(text[start] as string))) start++;
  while (end > start && (text[end - 1] === ' ' || EDGE_PUNCTUATION.has(text[end - 1] as string))) end--;
  return text.slice(start, end);
}

/**
 * Folds a quotation to the form quotes are compared in: NFKC, lower case, quote marks and
 * dashes folded, ellipses made one " … " token, whitespace collapsed, end punctuation and
 * quote marks trimmed. Word-internal hyphens are kept ("24-hours"); dashes spaced on either
 * side (or doubled, or em dashes) become " - ". Idempotent.
 *
 * @example
 * normalizeQuote('“Safety of our employees is a top priority for us at Twitter.”');
 * // 'safety of our employees is a top priority for us at twitter'
 * normalizeQuote('...the Tweets must continue to flow'); // '… the tweets must continue to flow'
 */
export function normalizeQuote(text: string): string {
  const plain = plainMarks(text);
  if (plain !== null) return trimEdges(collapseSpaces(plain.toLowerCase()));
  const folded = text.normalize('NFKC').toLowerCase().normalize('NFKC');
  return trimEdges(collapseSpaces(foldDashes(foldEllipses(foldMarks(folded)))));
}

/**
 * Most quotes are printable ASCII and curly quote marks, with no "-" and no run of three dots:
 * NFKC and the dash and ellipsis folds leave such text as it is, so folding its marks to ASCII
 * is all there is before case, spaces and edges. null for any other text.
 */
function plainMarks(text: string): string | null {
  let dots = 0; // dots in the current run of dots and spaces
  let curly = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2018 && c <= 0x201d) {
      if (c === 0x201a || c === 0x201b) return null;
      curly = true;
      dots = 0;
      continue;
    }
    if (c < 0x20 || c > 0x7e || c === 0x2d || c === 0x60) return null;
    if (c === 0x2e) {
      if (++dots >= 3) return null;
    } else if (c !== 0x20) dots = 0;
  }
  return curly ? text.replace(CURLY_MARKS, (m) => (m === '\u2018' || m === '\u2019' ? "'" : '"')) : text;
}

const CURLY_MARKS = /[\u2018\u2019\u201c\u201d]/g;

function isOpeningQuote(ch: string | undefined): boolean {
  return ch !== undefined && (SINGLE_QUOTES.has(ch) || DOUBLE_QUOTES.has(ch));
}

/**
 * Makes a quote value from its verbatim words, filling in `normalized`. Surrounding
 * whitespace and enclosing quote marks (a mark at both ends) are dropped; nothing else is
 * touched. Never throws.
 *
 * @example
 * parseQuote('"We have reached out to the honourable minister"');
 * // { kind: 'quote', text: 'We have reached out to the honourable minister',
 * //   normalized: 'we have reached out to the honourable minister' }
 */
export function parseQuote(text: string): QuoteValue {
  let inner = text.trim();
  while (inner.length >= 2 && isOpeningQuote(inner[0]) && isOpeningQuote(inner[inner.length - 1])) {
    const stripped = inner.slice(1, -1).trim();
    if (stripped.length === 0) break;
    inner = stripped;
  }
  const verbatim = inner.length > 0 ? inner : text;
  return { kind: 'quote', text: verbatim, normalized: normalizeQuote(verbatim) };
}

/** A word key with surrounding punctuation removed; '' when the token has no letters or digits. */
function wordKey(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && !WORD_CHAR.test(token[start] as string)) start++;
  while (end > start && !WORD_CHAR.test(token[end - 1] as string)) end--;
  return token.slice(start, end);
}

// A value no word key can take (keys start and end with a letter, digit or mark).
const GAP = ' ';

/**
 * The words of a normalised quote as comparison keys, with GAP for an inner ellipsis. Ellipses
 * at either end only say the quote was cut, which every quote is, so they are dropped.
 */
function quoteWords(normalized: string): string[] {
  const words: string[] = [];
  for (const token of normalized.split(' ')) {
    if (token === ELLIPSIS) {
      if (words.length > 0 && words[words.length - 1] !== GAP) words.push(GAP);
      continue;
    }
    const key = wordKey(token);
    if (key.length > 0) words.push(key);
  }
  if (words[words.length - 1] === GAP) words.pop();
  return words;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** First index >= from where `pattern` occurs contiguously in `text` (KMP: linear), or -1. */
function indexOfSeq(text: readonly string[], pattern: readonly string[], from: number): number {
  if (pattern.length === 0) return from;
  const fail = new Array<number>(pattern.length).fill(0);
  for (let i = 1, k = 0; i < pattern.length; i++) {
    while (k > 0 && pattern[i] !== pattern[k]) k = fail[k - 1] as number;
    if (pattern[i] === pattern[k]) k++;
    fail[i] = k;
  }
  for (let i = from, k = 0; i < text.length; i++) {
    while (k > 0 && text[i] !== pattern[k]) k = fail[k - 1] as number;
    if (text[i] === pattern[k]) k++;
    if (k === pattern.length) return i - k + 1;
  }
  return -1;
}

/**
 * True when every ellipsis-separated segment of `part` occurs verbatim, in order and without
 * crossing an ellipsis of `whole`, in `whole`. Greedy earliest matching is optimal here.
 */
function isExcerptOf(part: readonly string[], whole: readonly string[]): boolean {
  if (part.length === 0) return false;
  let from = 0;
  let segment: string[] = [];
  for (let i = 0; i <= part.length; i++) {
    const word = part[i];
    if (word !== undefined && word !== GAP) {
      segment.push(word);
      continue;
    }
    if (segment.length > 0) {
      const at = indexOfSeq(whole, segment, from);
      if (at < 0) return false;
      from = at + segment.length;
    }
    segment = [];
  }
  return true;
}

interface DiffUnit {
  readonly key: string;
  readonly text: string;
}

/**
 * Splits raw text on whitespace into units keyed by their normalised words. A chunk with no
 * word ("—", "...") is a unit of its own keyed by its folded marks ("#-", "#…"; word keys never
 * start with "#"), so every raw chunk of either side appears in the diff exactly once.
 */
function diffUnits(text: string): DiffUnit[] {
  const units: DiffUnit[] = [];
  for (const chunk of text.split(/\s+/u)) {
    if (chunk.length === 0) continue;
    const normalized = normalizeQuote(chunk);
    const key = quoteWords(normalized)
      .filter((w) => w !== GAP)
      .join(' ');
    units.push({ key: key.length > 0 ? key : `#${normalized}`, text: chunk });
  }
  return units;
}

function hasWord(text: string): boolean {
  for (const ch of text) if (WORD_CHAR.test(ch)) return true;
  return false;
}

function pushOp(ops: WordDiffOp[], op: WordDiffOp['op'], text: string): void {
  const last = ops[ops.length - 1];
  if (last && last.op === op) last.text += ` ${text}`;
  else ops.push({ op, text });
}

/**
 * A word-level diff from `a` to `b`. Words are matched on their normalised form (case, quote
 * marks, dashes and end punctuation ignored) but emitted as written: `equal` and `delete`
 * carry a's words, `insert` carries b's, adjacent steps of one kind are merged. Joining the
 * equal and delete texts gives a's words; equal and insert give b's. Common ends are trimmed
 * first; if the rest would need more than ~4 million LCS cells the middle is reported as one
 * delete and one insert. Deterministic (deletes come before inserts on ties).
 *
 * @example
 * diffWords('the work force', 'the workforce');
 * // [{ op: 'equal', text: 'the' }, { op: 'delete', text: 'work force' }, { op: 'insert', text: 'workforce' }]
 */
export function diffWords(a: string, b: string): WordDiffOp[] {
  const ua = diffUnits(a);
  const ub = diffUnits(b);
  const ops: WordDiffOp[] = [];
  let pre = 0;
  while (pre < ua.length && pre < ub.length && ua[pre]?.key === ub[pre]?.key) pre++;
  let suf = 0;
  while (
    suf < ua.length - pre &&
    suf < ub.length - pre &&
    ua[ua.length - 1 - suf]?.key === ub[ub.length - 1 - suf]?.key
  ) {
    suf++;
  }
  for (let i = 0; i < pre; i++) pushOp(ops, 'equal', (ua[i] as DiffUnit).text);
  const ma = ua.slice(pre, ua.length - suf);
  const mb = ub.slice(pre, ub.length - suf);
  const n = ma.length;
  const m = mb.length;
  if (n > 0 && m > 0 && n * m <= MAX_DIFF_CELLS) {
    // lcs[i * (m + 1) + j] = LCS length of ma[i..] and mb[j..]; it never exceeds min(n, m) <= 2000.
    const w = m + 1;
    const lcs = new Uint16Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] =
          ma[i]?.key === mb[j]?.key
            ? (lcs[(i + 1) * w + j + 1] as number) + 1
            : Math.max(lcs[(i + 1) * w + j] as number, lcs[i * w + j + 1] as number);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      const x = ma[i] as DiffUnit;
      const y = mb[j] as DiffUnit;
      if (x.key === y.key) {
        pushOp(ops, 'equal', x.text);
        i++;
        j++;
      } else if ((lcs[(i + 1) * w + j] as number) >= (lcs[i * w + j + 1] as number)) {
        pushOp(ops, 'delete', x.text);
        i++;
      } else {
        pushOp(ops, 'insert', y.text);
        j++;
      }
    }
    for (; i < n; i++) pushOp(ops, 'delete', (ma[i] as DiffUnit).text);
    for (; j < m; j++) pushOp(ops, 'insert', (mb[j] as DiffUnit).text);
  } else {
    for (const u of ma) pushOp(ops, 'delete', u.text);
    for (const u of mb) pushOp(ops, 'insert', u.text);
  }
  for (let i = ua.length - suf; i < ua.length; i++) pushOp(ops, 'equal', (ua[i] as DiffUnit).text);
  return ops;
}

function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}${ELLIPSIS}`;
}

/** "wording differs: "X" changed to "Y"; "Z" added" — at most three changes named. */
function describeDiff(diff: readonly WordDiffOp[]): string {
  const changes: string[] = [];
  // Marks-only steps ("—", "...") are real differences but not worth naming.
  const ops = diff.filter((op) => op.op !== 'equal' && hasWord(op.text));
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as WordDiffOp;
    const next = ops[i + 1];
    const adjacent = diff.indexOf(next as WordDiffOp) === diff.indexOf(op) + 1;
    if (op.op === 'delete' && next?.op === 'insert' && adjacent) {
      changes.push(`"${clip(op.text)}" changed to "${clip(next.text)}"`);
      i++;
    } else if (op.op === 'delete') changes.push(`"${clip(op.text)}" removed`);
    else if (op.op === 'insert') changes.push(`"${clip(op.text)}" added`);
  }
  if (changes.length === 0) return 'wording differs';
  const shown = changes.slice(0, 3).join('; ');
  const more = changes.length > 3 ? `; and ${changes.length - 3} more` : '';
  return `wording differs: ${shown}${more}`;
}

/**
 * Compares two quotations of (supposedly) the same words.
 *
 * - Same words after normalisation → `agree`: `identical` (raw texts equal), `case` (they
 *   differ only in letter case) or `punctuation` (marks, dashes, spacing, punctuation, edge
 *   ellipses; with or without case).
 * - One is a verbatim, word-contiguous excerpt of the other, or one has inner ellipses and each
 *   of its segments appears in order in the other → `compatible` / `excerpt`.
 * - Anything else → `conflict` / `wording`, with `diff` (from a to b) and the changed words.
 *
 * Symmetric in verdict and reason; only `diff` and `detail` are directional.
 *
 * @example
 * compareQuotes(parseQuote('the tweets must continue to flow'), parseQuote('the Tweets must continue to flow'));
 * // { verdict: 'agree', reason: 'case', detail: 'the quotes differ only in letter case' }
 */
export function compareQuotes(a: QuoteValue, b: QuoteValue): Comparison {
  if (a.text === b.text) return { verdict: 'agree', reason: 'identical', detail: 'the quotes are identical' };
  const wa = quoteWords(normalizeQuote(a.text));
  const wb = quoteWords(normalizeQuote(b.text));
  if (sameWords(wa, wb)) {
    return a.text.toLowerCase() === b.text.toLowerCase()
      ? { verdict: 'agree', reason: 'case', detail: 'the quotes differ only in letter case' }
      : { verdict: 'agree', reason: 'punctuation', detail: 'the quotes differ only in punctuation, marks or spacing' };
  }
  if (isExcerptOf(wa, wb)) {
    return { verdict: 'compatible', reason: 'excerpt', detail: 'the first quote is an excerpt of the second' };
  }
  if (isExcerptOf(wb, wa)) {
    return { verdict: 'compatible', reason: 'excerpt', detail: 'the second quote is an excerpt of the first' };
  }
  const diff = diffWords(a.text, b.text);
  return { verdict: 'conflict', reason: 'wording', detail: describeDiff(diff), diff };
}

/**
 * The fullest quotation consistent with all the others: one that every other value has the
 * same words as or is an excerpt of. Prefers more words, then fewer ellipses, then the
 * smallest raw text (code-unit order). Null when there is none (or no values). Order
 * independent; returns a fresh value.
 *
 * @example
 * combineQuotes([parseQuote('a formal dialogue'), parseQuote('reached out for a formal dialogue')]);
 * // { kind: 'quote', text: 'reached out for a formal dialogue', normalized: 'reached out for a formal dialogue' }
 */
export function combineQuotes(all: readonly QuoteValue[]): QuoteValue | null {
  const values = distinctValues(all); // pairwise below: repeats add nothing
  const items = values.map((v) => ({ text: v.text, words: quoteWords(normalizeQuote(v.text)) }));
  let best: (typeof items)[number] | undefined;
  let bestScore: [number, number] = [-1, 0];
  for (const c of items) {
    const covers = items.every((v) => v === c || sameWords(v.words, c.words) || isExcerptOf(v.words, c.words));
    if (!covers) continue;
    const gaps = c.words.filter((w) => w === GAP).length;
    const score: [number, number] = [c.words.length - gaps, -gaps];
    const better =
      best === undefined ||
      score[0] > bestScore[0] ||
      (score[0] === bestScore[0] &&
        (score[1] > bestScore[1] || (score[1] === bestScore[1] && compareStrings(c.text, best.text) < 0)));
    if (better) {
      best = c;
      bestScore = score;
    }
  }
  return best === undefined ? null : parseQuote(best.text);
}

/**
 * The quotation as text in curly double quotes (its own enclosing marks are not doubled).
 *
 * @example
 * formatQuote(parseQuote('the tweets must continue to flow')); // '“the tweets must continue to flow”'
 */
export function formatQuote(v: QuoteValue): string {
  return `\u201C${parseQuote(v.text).text}\u201D`;
}
