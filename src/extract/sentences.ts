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

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0';
}

function isUpperStart(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && (CLOSERS.has(text[j]!) || text[j] === '“' || text[j] === '‘' || text[j] === '(')) j++;
  const ch = text[j];
  return ch !== undefined && (ch.toUpperCase() === ch && ch.toLowerCase() !== ch || /[0-9]/.test(ch));
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
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let start = skipSpace(text, 0);
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
      i = skipSpace(text, i);
      start = i;
      continue;
    }
    if (ch === '.' || ch === '!' || ch === '?') {
      let end = i + 1;
      while (end < text.length && (text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
      while (end < text.length && CLOSERS.has(text[end]!)) end++;
      if ((end >= text.length || isSpace(text[end])) && !(ch === '.' && isAbbreviation(text, i)) && (end >= text.length || isUpperStart(text, skipInline(text, end)))) {
        push(end);
        i = skipInline(text, end);
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

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

function skipInline(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00a0')) i++;
  return i;
}

function isAbbreviation(text: string, dot: number): boolean {
  // Look back at most 12 characters: abbreviations are short, and a bounded look keeps the
  // whole split linear on adversarial input ("a.a.a.a…").
  let j = dot;
  const floor = Math.max(0, dot - 12);
  while (j > floor && /[A-Za-z.]/.test(text[j - 1]!)) j--;
  const word = text.slice(j, dot).toLowerCase();
  if (word.length === 1) return true; // an initial: "P. K. Jena"
  return ABBREVIATIONS.has(word.replace(/^\.+/, ''));
}
