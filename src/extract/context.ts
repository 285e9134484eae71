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

function isLetter(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
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

interface Word {
  text: string;
  start: number;
}

function wordsOf(text: string, from: number, to: number, skip: readonly Span[]): Word[] {
  const words: Word[] = [];
  let i = from;
  let s = 0;
  while (i < to) {
    while (s < skip.length && skip[s]!.end <= i) s++;
    const inside = s < skip.length && skip[s]!.start <= i;
    if (inside) {
      i = Math.min(skip[s]!.end, to);
      continue;
    }
    if (!isLetter(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && (isLetter(text[i]!) || ((text[i] === '-' || text[i] === '’' || text[i] === "'") && i + 1 < to && isLetter(text[i + 1]!)))) i++;
    words.push({ text: text.slice(start, i), start });
  }
  return words;
}

/** How far (UTF-16 units) either side of a claim its context reaches within the sentence. */
const CONTEXT_WINDOW = 400;

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
  const words = wordsOf(text, from, to, skip);
  const keywords: string[] = [];
  const seen = new Set<string>();
  const entities: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) entities.push(run.join(' '));
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.text;
    const lower = word.toLowerCase();
    const capital = isUpper(word[0]!);
    if (capital && !(STOPWORDS.has(lower) && run.length === 0)) run.push(word);
    else if (run.length && (lower === 'of' || lower === 'and') && i + 1 < words.length && isUpper(words[i + 1]!.text[0]!)) run.push(word);
    else flush();
    if (lower.length >= 3 && !STOPWORDS.has(lower)) {
      const bare = lower.replace(/['’]s$/, '');
      if (!seen.has(bare)) {
        seen.add(bare);
        keywords.push(bare);
      }
    }
  }
  flush();
  return { sentence: { start: sentence.start, end: sentence.end }, keywords, entities: [...new Set(entities)] };
}
