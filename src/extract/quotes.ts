import { attributeQuotes, isSpeechVerb } from './attribution.js';
import { splitSentences, type Sentence } from './sentences.js';

/**
 * Who a quotation is attributed to: a phrase for parseEntity() plus the mention in the text.
 *
 * @example
 * extractQuotes('A spokesperson of Twitter said so. "We agree," the spokesperson said.')[0]?.speaker;
 * // { name: 'a spokesperson of Twitter', start: 47, end: 63, text: 'the spokesperson', how: 'role' }
 */
export interface SpeakerMention {
  /** A phrase naming the speaker, fit for parseEntity(): "a spokesperson of Twitter", "Twitter", "Ravi Shankar Prasad", "police", "sources". For pronouns/roles/"the statement"/"the company", the resolved antecedent's phrase. */
  name: string;
  /** The mention as it appears in the text ("he", "the spokesperson", "A spokesperson of Twitter"), with exact UTF-16 offsets: text === input.slice(start, end). */
  start: number;
  end: number;
  text: string;
  how: 'explicit' | 'pronoun' | 'role' | 'statement' | 'according-to' | 'told' | 'sources';
}

/**
 * One sentence-sized piece of a quotation, with exact offsets into the input.
 *
 * @example
 * const [piece] = extractQuotes('"We will go," Rao said.');
 * // { start: 1, end: 11, text: 'We will go', quotation: 0, fragment: false, speaker: { name: 'Rao', ... } }
 */
export interface QuoteMention {
  /** The quoted words without the marks; text === input.slice(start, end). */
  start: number;
  end: number;
  text: string;
  /** Index (document order) of the quotation this piece belongs to; the sentences of one quotation share it. */
  quotation: number;
  /** A short fragment embedded in the writer's own sentence (may “foment trouble”), not a full quoted statement. */
  fragment: boolean;
  speaker: SpeakerMention | null;
}

const DOUBLE = 0;
const SINGLE = 1;
const NONE = 0;
const OPEN = 1;
const CLOSE = 2;
const AMBIGUOUS = 3;

/** Above this many characters, look-back and look-ahead windows stop: they keep every scan linear. */
const WINDOW = 200;
/** Quotes of at most this many words, not introduced as a statement, are fragments. */
const FRAGMENT_WORDS = 6;

// Before an opening mark: brackets, dashes and other opening marks ("‘ inside “").
const OPENING_CONTEXT = new Set(['(', '[', '{', '\u2014', '\u2013', '\u201C', '\u2018', '"', "'"]);
// Before a closing mark these mean the mark opens instead.
const NOT_BEFORE_CLOSE = new Set(['(', '[', '{', '\u201C', '\u2018']);

function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0') return true;
  return ch > '\u007f' && /\s/u.test(ch);
}

function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (ch < '\u0080') return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  return /\p{L}/u.test(ch);
}

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (ch < '\u0080') return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
  return /[\p{L}\p{N}\p{M}]/u.test(ch);
}

function isMarkCode(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d;
}

/**
 * What the mark at i can do, from its neighbours inside the paragraph [ps, pe):
 * kind * 4 + role. Single marks open only before a letter at a word start and close only
 * before a non-letter, so apostrophes (Twitter's, farmers', don't, ’90s) never pair up.
 */
function classifyMark(text: string, i: number, ps: number, pe: number): number {
  const ch = text[i];
  const prev = i > ps ? text[i - 1] : undefined;
  const next = i + 1 < pe ? text[i + 1] : undefined;
  const openContext = prev === undefined || isSpace(prev) || OPENING_CONTEXT.has(prev);
  const closeContext = prev !== undefined && !isSpace(prev) && !NOT_BEFORE_CLOSE.has(prev);
  if (ch === '\u201C') return DOUBLE * 4 + OPEN;
  if (ch === '\u201D') {
    // A right mark at a word start is a mistyped opener (”Hello”).
    return DOUBLE * 4 + (openContext && !closeContext && isWordChar(next) ? OPEN : CLOSE);
  }
  if (ch === '"') {
    const canOpen = openContext && next !== undefined && !isSpace(next);
    const canClose = closeContext && !isWordChar(next);
    if (canOpen && canClose) return DOUBLE * 4 + AMBIGUOUS;
    return DOUBLE * 4 + (canOpen ? OPEN : canClose ? CLOSE : NONE);
  }
  const canOpen = openContext && isLetter(next);
  if (ch === '\u2018') return SINGLE * 4 + (canOpen ? OPEN : NONE);
  const canClose = closeContext && !isWordChar(next);
  return SINGLE * 4 + (canOpen ? OPEN : canClose ? CLOSE : NONE);
}

interface ParagraphScan {
  start: number;
  end: number;
  /** Matched marks, flat: open, close, open, close... (nested pairs included). */
  pairs: number[];
  /** Earliest opener of each kind still open at the paragraph's end, or -1. */
  firstUnclosed: [number, number];
  /** Kind of the opening mark the paragraph starts with, or -1. */
  leadKind: number;
  /** Where that leading mark closes, or -1. */
  leadClose: number;
  /** Start of the quotation that runs to the paragraph's end (news convention), or -1. */
  runOpen: number;
}

/**
 * Matches marks with a stack: one pass, each mark pushed and popped at most once. A single
 * closer after "s" and before a word (the farmers' land) may be a plural possessive: it is
 * only remembered, and closes its opener if no better closer comes before the opener is dropped.
 */
function scanParagraph(text: string, ps: number, pe: number): ParagraphScan {
  const stackPos: number[] = [];
  const stackKind: number[] = [];
  const stackWeak: number[] = [];
  const singles: number[] = []; // stack indices of single openers
  const open = [0, 0];
  const pairs: number[] = [];
  let leadKind = -1;
  let leadClose = -1;
  const pair = (p: number, c: number) => {
    pairs.push(p, c);
    if (p === ps) leadClose = c;
  };
  for (let i = ps; i < pe; i++) {
    if (!isMarkCode(text.charCodeAt(i))) continue;
    const m = classifyMark(text, i, ps, pe);
    const kind = m >> 2;
    let role = m & 3;
    if (role === NONE) continue;
    if (role === AMBIGUOUS) role = (open[kind] as number) > 0 ? CLOSE : OPEN;
    if (role === OPEN) {
      stackPos.push(i);
      stackKind.push(kind);
      stackWeak.push(-1);
      if (kind === SINGLE) singles.push(stackPos.length - 1);
      open[kind] = (open[kind] as number) + 1;
      if (i === ps) leadKind = kind;
      continue;
    }
    if ((open[kind] as number) === 0) continue; // an unmatched closer is ignored
    if (kind === SINGLE && (text[i - 1] === 's' || text[i - 1] === 'S') && text[i + 1] === ' ' && i + 2 < pe && isLetter(text[i + 2])) {
      stackWeak[singles[singles.length - 1] as number] = i;
      continue;
    }
    // Unclosed marks above the match are dropped: a closer ends everything opened inside it.
    for (;;) {
      const p = stackPos.pop() as number;
      const k = stackKind.pop() as number;
      const weak = stackWeak.pop() as number;
      if (k === SINGLE) singles.pop();
      open[k] = (open[k] as number) - 1;
      if (k === kind) {
        pair(p, i);
        break;
      }
      if (weak >= 0) pair(p, weak);
    }
  }
  const firstUnclosed: [number, number] = [-1, -1];
  for (let k = 0; k < stackPos.length; k++) {
    const kind = stackKind[k] as number;
    const weak = stackWeak[k] as number;
    if (weak >= 0) pair(stackPos[k] as number, weak);
    else if (firstUnclosed[kind] === -1) firstUnclosed[kind] = stackPos[k] as number;
  }
  return { start: ps, end: pe, pairs, firstUnclosed, leadKind, leadClose, runOpen: -1 };
}

interface Segment {
  /** The opening mark. */
  open: number;
  /** The closing mark, or -1 when the segment runs to the paragraph's end. */
  close: number;
  /** The quoted words: [inner, innerEnd). */
  inner: number;
  innerEnd: number;
}

interface Quotation {
  segments: Segment[];
}

/** Sentences clamped to the text, in order and without overlaps (a caller may pass anything). */
function cleanSentences(text: string, sentences: readonly Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  let last = 0;
  for (const s of sentences) {
    const start = Math.max(0, Math.floor(s.start));
    const end = Math.min(text.length, Math.floor(s.end));
    if (!(start < end) || start < last) continue;
    out.push({ start, end, paragraph: s.paragraph });
    last = end;
  }
  return out;
}

/** Paragraph spans: runs of consecutive sentences sharing a paragraph number. */
function paragraphSpans(sentences: readonly Sentence[]): [number, number][] {
  const spans: [number, number][] = [];
  let current = Number.NaN;
  for (const s of sentences) {
    const last = spans[spans.length - 1];
    if (last !== undefined && s.paragraph === current) last[1] = s.end;
    else spans.push([s.start, s.end]);
    current = s.paragraph;
  }
  return spans;
}

/**
 * Links quotations that run over paragraphs: a paragraph that ends inside a quotation and a
 * next paragraph that starts with an opening mark of the same kind. A chain that never closes
 * is dropped (its marks are unmatched). Each paragraph is visited a bounded number of times.
 */
function linkParagraphs(paras: ParagraphScan[], chains: Map<number, Quotation>): void {
  let p = 0;
  while (p < paras.length) {
    const here = paras[p] as ParagraphScan;
    const next = paras[p + 1];
    const kind = next?.leadKind ?? -1;
    const tail = kind >= 0 ? (here.firstUnclosed[kind] as number) : -1;
    if (next === undefined || tail < 0) {
      p++;
      continue;
    }
    const segments: Segment[] = [{ open: tail, close: -1, inner: tail + 1, innerEnd: here.end }];
    const runs: [number, number][] = [[p, tail]];
    let q = p + 1;
    let closed = false;
    for (;;) {
      const cur = paras[q] as ParagraphScan;
      if (cur.leadClose >= 0) {
        segments.push({ open: cur.start, close: cur.leadClose, inner: cur.start + 1, innerEnd: cur.leadClose });
        closed = true;
        break;
      }
      const after = paras[q + 1];
      if (after === undefined || after.leadKind !== kind) break;
      segments.push({ open: cur.start, close: -1, inner: cur.start + 1, innerEnd: cur.end });
      runs.push([q, cur.start]);
      q++;
    }
    if (closed) {
      const quotation: Quotation = { segments };
      for (const [index, open] of runs) (paras[index] as ParagraphScan).runOpen = open;
      for (const s of segments) chains.set(s.open, quotation);
    }
    p = Math.max(q, p + 1);
  }
}

/** Top-level quotations in document order; nested marks belong to the quotation around them. */
function findQuotations(text: string, sentences: readonly Sentence[]): Quotation[] {
  const paras = paragraphSpans(sentences).map(([s, e]) => scanParagraph(text, s, e));
  const chains = new Map<number, Quotation>();
  linkParagraphs(paras, chains);
  const out: Quotation[] = [];
  for (const para of paras) {
    const spans: [number, number][] = [];
    for (let k = 0; k + 1 < para.pairs.length; k += 2) spans.push([para.pairs[k] as number, para.pairs[k + 1] as number]);
    if (para.runOpen >= 0) spans.push([para.runOpen, para.end]);
    spans.sort((x, y) => x[0] - y[0]);
    let reach = -1;
    for (const [open, close] of spans) {
      if (open <= reach) continue; // nested inside the previous top-level span
      reach = close;
      const chain = chains.get(open);
      if (chain !== undefined) {
        if (chain.segments[0]?.open === open) out.push(chain);
        continue;
      }
      out.push({ segments: [{ open, close, inner: open + 1, innerEnd: close }] });
    }
  }
  return out;
}

/** Index of the first sentence whose end is after pos. */
function firstEndingAfter(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sentences[mid] as Sentence).end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence containing pos, or undefined. */
function sentenceAt(sentences: readonly Sentence[], pos: number): Sentence | undefined {
  const s = sentences[firstEndingAfter(sentences, pos)];
  return s !== undefined && s.start <= pos ? s : undefined;
}

/** [start, end) trimmed of spaces and a trailing comma; null when no word is left. */
function trimPiece(text: string, start: number, end: number): [number, number] | null {
  let a = start;
  let b = end;
  while (a < b && isSpace(text[a])) a++;
  while (b > a && isSpace(text[b - 1])) b--;
  if (b > a && text[b - 1] === ',') b--;
  while (b > a && isSpace(text[b - 1])) b--;
  for (let k = a; k < b; k++) if (isWordChar(text[k])) return [a, b];
  return null;
}

/** The quoted words of each segment, cut at sentence boundaries. */
function piecesOf(text: string, quotation: Quotation, sentences: readonly Sentence[]): [number, number][] {
  const pieces: [number, number][] = [];
  for (const seg of quotation.segments) {
    let k = firstEndingAfter(sentences, seg.inner);
    let any = false;
    for (; k < sentences.length; k++) {
      const s = sentences[k] as Sentence;
      if (s.start >= seg.innerEnd) break;
      any = true;
      const piece = trimPiece(text, Math.max(seg.inner, s.start), Math.min(seg.innerEnd, s.end));
      if (piece) pieces.push(piece);
    }
    if (!any) {
      const piece = trimPiece(text, seg.inner, seg.innerEnd);
      if (piece) pieces.push(piece);
    }
  }
  return pieces;
}

/** Lower-case words ending at or before `end`, nearest first, at most `max`, not before `floor`. */
function wordsBefore(text: string, end: number, floor: number, max: number): string[] {
  const out: string[] = [];
  let j = end;
  while (out.length < max && j > floor) {
    while (j > floor && !isWordChar(text[j - 1])) {
      const ch = text[j - 1];
      if (isMarkCode(text.charCodeAt(j - 1)) && ch !== "'" && ch !== '\u2019') return out; // another quotation
      j--;
    }
    const wordEnd = j;
    while (j > floor && (isWordChar(text[j - 1]) || ((text[j - 1] === "'" || text[j - 1] === '\u2019') && isWordChar(text[j - 2])))) j--;
    if (wordEnd > j) out.push(text.slice(j, wordEnd).toLowerCase());
  }
  return out;
}

/** The quote is introduced as a statement: after "X said:", "said that", "said,", "according to X,". */
function introduced(text: string, open: number, floor: number): boolean {
  let j = open;
  while (j > floor && isSpace(text[j - 1])) j--;
  if (j <= floor) return false;
  const ch = text[j - 1];
  if (ch === ':') return true;
  if (ch === ',') return wordsBefore(text, j - 1, floor, 8).some((w) => isSpeechVerb(w) || w === 'according');
  if (!isWordChar(ch)) return false;
  const words = wordsBefore(text, j, floor, 7);
  const first = words[0];
  if (first === undefined) return false;
  if (isSpeechVerb(first)) return true;
  return (first === 'that' || first === 'as') && words.slice(1).some(isSpeechVerb);
}

/** Only spaces, brackets, dashes and marks between the sentence start and the opening mark. */
function atSentenceStart(text: string, sentenceStart: number, open: number): boolean {
  if (open - sentenceStart > WINDOW) return false;
  for (let k = sentenceStart; k < open; k++) {
    const ch = text[k] as string;
    if (!isSpace(ch) && !OPENING_CONTEXT.has(ch) && !isMarkCode(text.charCodeAt(k))) return false;
  }
  return true;
}

/** A speech verb among the first few words after the closing mark ("…” he said), in the sentence. */
function attributedAfter(text: string, close: number, limit: number): boolean {
  let j = close + 1;
  const end = Math.min(limit, close + 1 + WINDOW);
  for (let words = 0; words < 5 && j < end; words++) {
    while (j < end && !isWordChar(text[j])) {
      if (isMarkCode(text.charCodeAt(j))) return false;
      j++;
    }
    const start = j;
    while (j < end && isWordChar(text[j])) j++;
    const word = text.slice(start, j).toLowerCase();
    if (word.length > 0 && (isSpeechVerb(word) || word === 'according')) return true;
  }
  return false;
}

function countWords(text: string, start: number, end: number, max: number): number {
  let words = 0;
  let inWord = false;
  for (let k = start; k < end && words <= max; k++) {
    const space = isSpace(text[k]);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/**
 * A one-piece quotation is a fragment when it is not introduced as a statement and either sits
 * inside the writer's own sentence (may “foment trouble”; adding that the 'safety of…') or is a
 * short phrase with no end punctuation and no attribution after it (“Misinformation” was…).
 */
function isFragment(text: string, seg: Segment, piece: [number, number], sentences: readonly Sentence[]): boolean {
  const sentence = sentenceAt(sentences, seg.open);
  const sStart = sentence?.start ?? seg.open;
  const sEnd = sentence?.end ?? seg.innerEnd + 1;
  if (introduced(text, seg.open, Math.max(sStart, seg.open - WINDOW))) return false;
  if (!atSentenceStart(text, sStart, seg.open)) return true;
  if (countWords(text, piece[0], piece[1], FRAGMENT_WORDS + 1) > FRAGMENT_WORDS) return false;
  let j = seg.innerEnd;
  while (j > seg.inner && isSpace(text[j - 1])) j--;
  const last = text[j - 1];
  if (last === ',' || last === '.' || last === '!' || last === '?' || last === '\u2026') return false;
  return seg.close < 0 || !attributedAfter(text, seg.close, sEnd);
}

/**
 * Finds the direct quotes of a news text and who said them. Curly and straight, double and
 * single marks; apostrophes are never marks; quotes nested in a quotation belong to it; a
 * quotation may run over paragraphs (an unclosed paragraph followed by one opening with a
 * mark); an unmatched mark is ignored and never reaches past its paragraph. Each quotation is
 * cut into sentence pieces (spaces and a trailing comma trimmed); short or embedded quotes in
 * the writer's own sentence are single `fragment` pieces. Speakers come from
 * {@link attributeQuotes}. Linear in the length of the text.
 *
 * @example
 * const quotes = extractQuotes('"We will rebuild. Nobody will be left out," the mayor said.');
 * quotes.map((q) => q.text); // ['We will rebuild.', 'Nobody will be left out']
 * quotes[0]?.quotation; // 0, shared by both pieces
 */
export function extractQuotes(text: string, sentences?: readonly Sentence[]): QuoteMention[] {
  const clean = cleanSentences(text, sentences ?? splitSentences(text));
  const quotes: QuoteMention[] = [];
  let index = 0;
  for (const quotation of findQuotations(text, clean)) {
    const pieces = piecesOf(text, quotation, clean);
    if (pieces.length === 0) continue;
    const only = quotation.segments.length === 1 ? quotation.segments[0] : undefined;
    const fragment = only !== undefined && pieces.length === 1 && isFragment(text, only, pieces[0] as [number, number], clean);
    for (const [start, end] of pieces) {
      quotes.push({ start, end, text: text.slice(start, end), quotation: index, fragment, speaker: null });
    }
    index++;
  }
  return attributeQuotes(text, quotes, clean);
}
