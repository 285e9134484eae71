import type { Span } from './context.js';
import { partitionPoint } from './search.js';
import type { Sentence } from './sentences.js';

// Cheap first test: texts without these letters have no correction notice. Case-sensitive
// literals are about twice as fast over a whole article as /correct|version|…/i.
const CUE = /orrect|ersion|larification|ORRECT|ERSION|LARIFICATION/;

// "Correction:" / "CORRECTION —" / "Clarification:" labelling a notice (checked at a sentence start).
const LABEL = /\b(?:corrections?|clarification)[ \t]*[:\u2013\u2014-]/gi;

// Sentences that say what the article said before: "An earlier version of this article said…",
// "This story has been corrected…". Literal alternatives only: linear on any input.
const RETRACTION =
  /\b(?:(?:an?|the)\s+(?:earlier|previous|prior|original)\s+version\s+of\s+(?:this|the)\s+(?:article|story|report|piece|copy)|this\s+(?:article|story|report|piece)\s+(?:has\s+been|had\s+been|was|is\s+being)\s+(?:corrected|amended))\b/gi;

/** The sentence holding offset pos (sentences sorted, disjoint), or -1. */
function sentenceIndex(sentences: readonly Sentence[], pos: number): number {
  const k = partitionPoint(sentences.length, (i) => (sentences[i] as Sentence).end <= pos);
  return k < sentences.length && (sentences[k] as Sentence).start <= pos ? k : -1;
}

/** Only brackets, asterisks or spaces lie between the sentence start and pos. */
function opensSentence(text: string, sentence: Sentence, pos: number): boolean {
  for (let i = sentence.start; i < pos; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 0x20 || c === 0x09 || c === 0x0a || c === 0x28 || c === 0x5b || c === 0x2a || c === 0x5f)) return false;
  }
  return true;
}

/**
 * The spans of a text's correction notices: a sentence reporting what an earlier version said
 * ("An earlier version of this article said 41 people died"), and every sentence from a
 * "Correction:" label to the end of its paragraph. Their figures are retracted or restated, not
 * claimed, so extract() keeps no claims from them. Sorted, disjoint; linear in the text.
 *
 * @example
 * const text = 'Six died. Correction: An earlier version said 9 died.';
 * correctionSpans(text, splitSentences(text)); // [{ start: 10, end: 53 }]
 */
export function correctionSpans(text: string, sentences: readonly Sentence[]): Span[] {
  if (!CUE.test(text)) return [];
  const marked = new Uint8Array(sentences.length);
  let any = false;
  for (const m of text.matchAll(LABEL)) {
    const k = sentenceIndex(sentences, m.index);
    if (k < 0 || !opensSentence(text, sentences[k] as Sentence, m.index)) continue;
    const paragraph = (sentences[k] as Sentence).paragraph;
    for (let j = k; j < sentences.length && (sentences[j] as Sentence).paragraph === paragraph && !marked[j]; j++) marked[j] = 1;
    any = true;
  }
  for (const m of text.matchAll(RETRACTION)) {
    const k = sentenceIndex(sentences, m.index);
    if (k < 0) continue;
    marked[k] = 1;
    any = true;
  }
  if (!any) return [];
  const spans: Span[] = [];
  for (let k = 0; k < sentences.length; k++) {
    if (!marked[k]) continue;
    const s = sentences[k] as Sentence;
    const last = spans[spans.length - 1];
    if (last !== undefined && (sentences[k - 1] as Sentence | undefined) !== undefined && marked[k - 1]) last.end = s.end;
    else spans.push({ start: s.start, end: s.end });
  }
  return spans;
}
