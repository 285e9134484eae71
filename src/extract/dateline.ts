import type { Span } from './context.js';

/** A date mention as extractTimes gives it. */
interface DateMention extends Span {
  text: string;
}

/** How long a dateline's place may be ("Mandi, ", "NEW DELHI, ", "Shimla, Himachal Pradesh, "). */
const MAX_PLACE = 60;
/** How long a wire credit in parentheses may be ("(PTI)", "(Reuters)"). */
const MAX_CREDIT = 40;

// One or two capitalised place names, each followed by a comma. No nested quantifiers, and the
// input is at most MAX_PLACE characters.
const PLACE = /^\p{Lu}[\p{L}\p{M}.'’ -]*,(?: *\p{Lu}[\p{L}\p{M}.'’ -]*,)? *$/u;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The first non-blank offset at or after i (newlines count as blank). */
function skipSpace(text: string, i: number): number {
  while (i < text.length && (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === 0x0a)) i++;
  return i;
}

/**
 * Where a dateline may start: the first line of the text, or the line after it when that first
 * line is a headline (the text may open with one).
 */
function datelineStarts(text: string): [number, number] {
  const first = skipSpace(text, 0);
  const eol = text.indexOf('\n', first);
  return [first, eol < 0 ? -1 : skipSpace(text, eol)];
}

function placeBefore(text: string, from: number, date: number): boolean {
  return from >= 0 && date > from && date - from <= MAX_PLACE && PLACE.test(text.slice(from, date));
}

/** After the date: ", 2024", then a wire credit "(PTI)", a dash, a colon or the end of the line. */
function endsDateline(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x2c) {
    let j = i + 1;
    while (j < text.length && isBlank(text.charCodeAt(j))) j++;
    let digits = 0;
    while (digits < 5 && isDigit(text.charCodeAt(j + digits))) digits++;
    if (digits !== 4) return false;
    i = j + 4;
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  }
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  if (c === 0x0a || c === 0x3a || c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x7c) return true;
  if (c !== 0x28) return false;
  const close = text.indexOf(')', i);
  if (close < 0 || close - i > MAX_CREDIT) return false;
  const credit = text.slice(i + 1, close);
  return credit.length > 0 && !credit.includes('\n') && !credit.includes('(');
}

/**
 * The index in `times` of the dateline's date ("Mandi, Mar 11 (PTI) A bus fell…", "NEW DELHI,
 * Feb 9 (Reuters) -", "Patna, March 10:"), or -1. A dateline is filing metadata at the start of
 * the text: PLACE, DATE, then a wire credit in parentheses, a dash, a colon or a line break.
 * `times` are in document order.
 *
 * @example
 * datelineIndex('Mandi, Mar 11 (PTI) A bus fell.', [{ start: 7, end: 13, text: 'Mar 11' }]); // 0
 */
export function datelineIndex(text: string, times: readonly DateMention[]): number {
  const starts = datelineStarts(text);
  const last = Math.max(starts[0], starts[1]);
  for (let k = 0; k < times.length; k++) {
    const t = times[k] as DateMention;
    if (t.start > last + MAX_PLACE) break;
    // The place runs from one of those line starts to the date (PLACE allows no line break).
    if (!placeBefore(text, starts[0], t.start) && !placeBefore(text, starts[1], t.start)) continue;
    // The date itself is written as a date ("Mar 11", "11 March", "Sunday, Mar 10"), not "on …".
    const c = t.text.charCodeAt(0);
    if (!isDigit(c) && t.text.charAt(0) === t.text.charAt(0).toLowerCase()) continue;
    if (endsDateline(text, t.end)) return k;
  }
  return -1;
}
