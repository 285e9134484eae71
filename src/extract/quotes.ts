import { partitionPoint } from './search.js';
import { attributeQuotes, cleanSentences, isLetterAt, isSpaceAt, isSpeechVerb, isWordCharAt } from './attribution.js';
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

/** Quote marks and apostrophes: " ' ‘ ’ “ ”. Found natively, not character by character. */
const MARKS = /["'\u2018\u2019\u201C\u201D]/g;

/** Before an opening mark: brackets, dashes and other opening marks ("‘ inside “"). */
function isOpeningContext(c: number): boolean {
  return c === 0x28 || c === 0x5b || c === 0x7b || c === 0x2014 || c === 0x2013 || c === 0x201c || c === 0x2018 || c === 0x22 || c === 0x27;
}

/** Before a closing mark these mean the mark opens instead. */
function isNotBeforeClose(c: number): boolean {
  return c === 0x28 || c === 0x5b || c === 0x7b || c === 0x201c || c === 0x2018;
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
  const ch = text.charCodeAt(i);
  const hasPrev = i > ps;
  const prev = hasPrev ? text.charCodeAt(i - 1) : -1;
  const hasNext = i + 1 < pe;
  const prevSpace = hasPrev && isSpaceAt(text, i - 1);
  const openContext = !hasPrev || prevSpace || isOpeningContext(prev);
  const closeContext = hasPrev && !prevSpace && !isNotBeforeClose(prev);
  if (ch === 0x201c) return DOUBLE * 4 + OPEN;
  const nextWord = hasNext && isWordCharAt(text, i + 1);
  if (ch === 0x201d) {
    // A right mark at a word start is a mistyped opener (”Hello”).
    return DOUBLE * 4 + (openContext && !closeContext && nextWord ? OPEN : CLOSE);
  }
  if (ch === 0x22) {
    const canOpen = openContext && hasNext && !isSpaceAt(text, i + 1);
    const canClose = closeContext && !nextWord;
    if (canOpen && canClose) return DOUBLE * 4 + AMBIGUOUS;
    return DOUBLE * 4 + (canOpen ? OPEN : canClose ? CLOSE : NONE);
  }
  const canOpen = openContext && hasNext && isLetterAt(text, i + 1);
  if (ch === 0x2018) return SINGLE * 4 + (canOpen ? OPEN : NONE);
  const canClose = closeContext && !nextWord;
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

/** The scan of a paragraph without marks: shared, never written. */
const NO_PAIRS: number[] = [];
const NONE_UNCLOSED: [number, number] = [-1, -1];
/**
 * The scan of every paragraph without marks: no quotation opens, closes or runs in it, so
 * nothing reads its span or writes its runOpen.
 */
const NO_MARKS: ParagraphScan = { start: -1, end: -1, pairs: NO_PAIRS, firstUnclosed: NONE_UNCLOSED, leadKind: -1, leadClose: -1, runOpen: -1 };

/** Finds the next quote mark at or after a position; positions asked for never go back far. */
class MarkFinder {
  private asked = 0;
  private found = -1;
  constructor(private readonly text: string) {}

  /** The first mark at or after pos, or the text's length. */
  from(pos: number): number {
    if (this.found >= 0 && pos >= this.asked && pos <= this.found) return this.found;
    const re = MARKS;
    re.lastIndex = pos;
    this.asked = pos;
    this.found = re.test(this.text) ? re.lastIndex - 1 : this.text.length;
    return this.found;
  }
}

/**
 * Matches marks with a stack: one pass, each mark pushed and popped at most once. A single
 * closer after "s" and before a word (the farmers' land) may be a plural possessive: it is
 * only remembered, and closes its opener if no better closer comes before the opener is dropped.
 */
function scanParagraph(text: string, ps: number, pe: number, marks: MarkFinder): ParagraphScan {
  const first = marks.from(ps);
  if (first >= pe) return NO_MARKS;
  // The stack of open marks (shared buffers: scanning is not re-entrant): position, kind, and a
  // weak closer ("the farmers' land") or -1; `singles` holds stack indices of single openers.
  let top = 0;
  let singleTop = 0;
  let openDouble = 0;
  let openSingle = 0;
  let pairs = NO_PAIRS;
  let leadKind = -1;
  // Where the paragraph's leading mark closes: the pair opening at ps, found below.
  let leadClose = -1;
  for (let i = first; i < pe; i = marks.from(i + 1)) {
    const m = classifyMark(text, i, ps, pe);
    const kind = m >> 2;
    let role = m & 3;
    if (role === NONE) continue;
    const openOfKind = kind === SINGLE ? openSingle : openDouble;
    if (role === AMBIGUOUS) role = openOfKind > 0 ? CLOSE : OPEN;
    if (role === OPEN) {
      if (top === stackPos.length) growStacks();
      stackPos[top] = i;
      stackKind[top] = kind;
      stackWeak[top] = -1;
      if (kind === SINGLE) {
        singles[singleTop++] = top;
        openSingle++;
      } else openDouble++;
      top++;
      if (i === ps) leadKind = kind;
      continue;
    }
    if (openOfKind === 0) continue; // an unmatched closer is ignored
    if (kind === SINGLE && (text.charCodeAt(i - 1) | 0x20) === 0x73 && text.charCodeAt(i + 1) === 0x20 && i + 2 < pe && isLetterAt(text, i + 2)) {
      stackWeak[singles[singleTop - 1] as number] = i;
      continue;
    }
    // Unclosed marks above the match are dropped: a closer ends everything opened inside it.
    for (;;) {
      top--;
      const p = stackPos[top] as number;
      const k = stackKind[top] as number;
      const weak = stackWeak[top] as number;
      if (k === SINGLE) {
        singleTop--;
        openSingle--;
      } else openDouble--;
      if (k === kind) {
        if (pairs === NO_PAIRS) pairs = [];
        pairs.push(p, i);
        if (p === ps) leadClose = i;
        break;
      }
      if (weak >= 0) {
        if (pairs === NO_PAIRS) pairs = [];
        pairs.push(p, weak);
        if (p === ps) leadClose = weak;
      }
    }
  }
  let firstUnclosed = NONE_UNCLOSED;
  for (let k = 0; k < top; k++) {
    const kind = stackKind[k] as number;
    const weak = stackWeak[k] as number;
    const p = stackPos[k] as number;
    if (weak >= 0) {
      if (pairs === NO_PAIRS) pairs = [];
      pairs.push(p, weak);
      if (p === ps) leadClose = weak;
    } else if (firstUnclosed[kind] === -1) {
      if (firstUnclosed === NONE_UNCLOSED) firstUnclosed = [-1, -1];
      firstUnclosed[kind] = p;
    }
  }
  if (stackPos.length > 1 << 16) releaseStacks();
  return { start: ps, end: pe, pairs, firstUnclosed, leadKind, leadClose, runOpen: -1 };
}

let stackPos = new Int32Array(64);
let stackKind = new Int32Array(64);
let stackWeak = new Int32Array(64);
let singles = new Int32Array(64);

/** Back to small stacks after a paragraph of very many marks. */
function releaseStacks(): void {
  stackPos = new Int32Array(64);
  stackKind = new Int32Array(64);
  stackWeak = new Int32Array(64);
  singles = new Int32Array(64);
}

function growStacks(): void {
  const size = stackPos.length * 2;
  const grown = (a: Int32Array) => {
    const b = new Int32Array(size);
    b.set(a);
    return b;
  };
  stackPos = grown(stackPos);
  stackKind = grown(stackKind);
  stackWeak = grown(stackWeak);
  singles = grown(singles);
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

/**
 * Links quotations that run over paragraphs: a paragraph that ends inside a quotation and a
 * next paragraph that starts with an opening mark of the same kind. A chain that never closes
 * is dropped (its marks are unmatched). Each paragraph is visited a bounded number of times.
 */
function linkParagraphs(paras: ParagraphScan[]): Map<number, Quotation> | null {
  let chains: Map<number, Quotation> | null = null;
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
      for (let r = 0; r < runs.length; r++) {
        const run = runs[r] as [number, number];
        (paras[run[0]] as ParagraphScan).runOpen = run[1];
      }
      chains ??= new Map();
      for (let g = 0; g < segments.length; g++) chains.set((segments[g] as Segment).open, quotation);
    }
    p = Math.max(q, p + 1);
  }
  return chains;
}

function byStart(x: [number, number], y: [number, number]): number {
  return x[0] - y[0];
}

/** Whether the spans are in order of their starts already (sorting would keep them). */
function ascending(spans: readonly [number, number][]): boolean {
  for (let k = 1; k < spans.length; k++) if ((spans[k - 1] as [number, number])[0] > (spans[k] as [number, number])[0]) return false;
  return true;
}

/** Top-level quotations in document order; nested marks belong to the quotation around them. */
function findQuotations(text: string, sentences: readonly Sentence[]): Quotation[] {
  const marks = new MarkFinder(text);
  // Paragraphs: runs of consecutive sentences sharing a paragraph number.
  const paras: ParagraphScan[] = [];
  for (let k = 0; k < sentences.length; ) {
    const first = sentences[k] as Sentence;
    let end = first.end;
    let j = k + 1;
    for (; j < sentences.length && (sentences[j] as Sentence).paragraph === first.paragraph; j++) end = (sentences[j] as Sentence).end;
    paras.push(scanParagraph(text, first.start, end, marks));
    k = j;
  }
  const chains = linkParagraphs(paras);
  const out: Quotation[] = [];
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p] as ParagraphScan;
    const pairs = para.pairs;
    if (pairs.length < 2 && para.runOpen < 0) continue;
    const spans: [number, number][] = [];
    for (let k = 0; k + 1 < pairs.length; k += 2) spans.push([pairs[k] as number, pairs[k + 1] as number]);
    if (para.runOpen >= 0) spans.push([para.runOpen, para.end]);
    if (!ascending(spans)) spans.sort(byStart);
    let reach = -1;
    for (let k = 0; k < spans.length; k++) {
      const span = spans[k] as [number, number];
      const open = span[0];
      const close = span[1];
      if (open <= reach) continue; // nested inside the previous top-level span
      reach = close;
      const chain = chains !== null ? chains.get(open) : undefined;
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
  return partitionPoint(sentences.length, (i) => sentences[i]!.end <= pos);
}

/** The sentence containing pos, or undefined. */
function sentenceAt(sentences: readonly Sentence[], pos: number): Sentence | undefined {
  const s = sentences[firstEndingAfter(sentences, pos)];
  return s !== undefined && s.start <= pos ? s : undefined;
}

/** [start, end) trimmed of spaces and a trailing comma into pieceBuffer; false when no word is left. */
function trimPiece(text: string, start: number, end: number): boolean {
  let a = start;
  let b = end;
  while (a < b && isSpaceAt(text, a)) a++;
  while (b > a && isSpaceAt(text, b - 1)) b--;
  if (b > a && text.charCodeAt(b - 1) === 0x2c) b--;
  while (b > a && isSpaceAt(text, b - 1)) b--;
  for (let k = a; k < b; k++) {
    if (isWordCharAt(text, k)) {
      pieceBuffer[pieceCount++] = a;
      pieceBuffer[pieceCount++] = b;
      return true;
    }
  }
  return false;
}

/**
 * The pieces of the quotation being read, flat: start, end, start, end… in its first
 * pieceCount entries (shared by every call).
 */
const pieceBuffer: number[] = [];
let pieceCount = 0;

/** The quoted words of each segment, cut at sentence boundaries, into pieceBuffer. */
function piecesOf(text: string, quotation: Quotation, sentences: readonly Sentence[]): void {
  pieceCount = 0;
  for (let g = 0; g < quotation.segments.length; g++) {
    const seg = quotation.segments[g] as Segment;
    let k = firstEndingAfter(sentences, seg.inner);
    let any = false;
    for (; k < sentences.length; k++) {
      const s = sentences[k] as Sentence;
      if (s.start >= seg.innerEnd) break;
      any = true;
      trimPiece(text, Math.max(seg.inner, s.start), Math.min(seg.innerEnd, s.end));
    }
    if (!any) trimPiece(text, seg.inner, seg.innerEnd);
  }
}

/** text[start, end) in lower case; sliced as it is when it has no capital (nor any non-ASCII letter). */
function lowerWord(text: string, start: number, end: number): string {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x80 && c !== 0x2019)) return text.slice(start, end).toLowerCase();
  }
  return text.slice(start, end);
}

/** Lower-case words ending at or before `end`, nearest first, at most `max`, not before `floor`. */
function wordsBefore(text: string, end: number, floor: number, max: number): string[] {
  const out: string[] = [];
  let j = end;
  while (out.length < max && j > floor) {
    while (j > floor && !isWordCharAt(text, j - 1)) {
      const c = text.charCodeAt(j - 1);
      if (isMarkCode(c) && c !== 0x27 && c !== 0x2019) return out; // another quotation
      j--;
    }
    const wordEnd = j;
    while (j > floor && (isWordCharAt(text, j - 1) || ((text.charCodeAt(j - 1) === 0x27 || text.charCodeAt(j - 1) === 0x2019) && isWordCharAt(text, j - 2)))) j--;
    if (wordEnd > j) out.push(lowerWord(text, j, wordEnd));
  }
  return out;
}

/** The quote is introduced as a statement: after "X said:", "said that", "said,", "according to X,". */
function introduced(text: string, open: number, floor: number): boolean {
  let j = open;
  while (j > floor && isSpaceAt(text, j - 1)) j--;
  if (j <= floor) return false;
  const ch = text.charCodeAt(j - 1);
  if (ch === 0x3a) return true;
  if (ch === 0x2c) return wordsBefore(text, j - 1, floor, 8).some((w) => isSpeechVerb(w) || w === 'according');
  if (!isWordCharAt(text, j - 1)) return false;
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
    const c = text.charCodeAt(k);
    if (!isSpaceAt(text, k) && !isOpeningContext(c) && !isMarkCode(c)) return false;
  }
  return true;
}

/** A speech verb among the first few words after the closing mark ("…” he said), in the sentence. */
function attributedAfter(text: string, close: number, limit: number): boolean {
  let j = close + 1;
  const end = Math.min(limit, close + 1 + WINDOW);
  for (let words = 0; words < 5 && j < end; words++) {
    while (j < end && !isWordCharAt(text, j)) {
      if (isMarkCode(text.charCodeAt(j))) return false;
      j++;
    }
    const start = j;
    while (j < end && isWordCharAt(text, j)) j++;
    const word = lowerWord(text, start, j);
    if (word.length > 0 && (isSpeechVerb(word) || word === 'according')) return true;
  }
  return false;
}

function countWords(text: string, start: number, end: number, max: number): number {
  let words = 0;
  let inWord = false;
  for (let k = start; k < end && words <= max; k++) {
    const space = isSpaceAt(text, k);
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
function isFragment(text: string, seg: Segment, pieceStart: number, pieceEnd: number, sentences: readonly Sentence[]): boolean {
  const sentence = sentenceAt(sentences, seg.open);
  const sStart = sentence?.start ?? seg.open;
  const sEnd = sentence?.end ?? seg.innerEnd + 1;
  if (introduced(text, seg.open, Math.max(sStart, seg.open - WINDOW))) return false;
  if (!atSentenceStart(text, sStart, seg.open)) return true;
  if (countWords(text, pieceStart, pieceEnd, FRAGMENT_WORDS + 1) > FRAGMENT_WORDS) return false;
  let j = seg.innerEnd;
  while (j > seg.inner && isSpaceAt(text, j - 1)) j--;
  const last = text.charCodeAt(j - 1);
  if (last === 0x2c || last === 0x2e || last === 0x21 || last === 0x3f || last === 0x2026) return false;
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
  return attributeQuotes(text, findQuotes(text, clean), clean);
}

/** The quote pieces of {@link extractQuotes} before attribution (speaker null); sentences clean. */
export function findQuotes(text: string, clean: readonly Sentence[]): QuoteMention[] {
  const quotes: QuoteMention[] = [];
  let index = 0;
  const quotations = findQuotations(text, clean);
  for (let q = 0; q < quotations.length; q++) {
    const quotation = quotations[q] as Quotation;
    piecesOf(text, quotation, clean);
    const pieces = pieceBuffer;
    const count = pieceCount;
    if (count === 0) continue;
    const only = quotation.segments.length === 1 ? quotation.segments[0] : undefined;
    const fragment = only !== undefined && count === 2 && isFragment(text, only, pieces[0] as number, pieces[1] as number, clean);
    for (let k = 0; k + 1 < count; k += 2) {
      const start = pieces[k] as number;
      const end = pieces[k + 1] as number;
      quotes.push({ start, end, text: text.slice(start, end), quotation: index, fragment, speaker: null });
    }
    index++;
  }
  return quotes;
}
