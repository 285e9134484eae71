/**
 * Where a text quotes someone: passages inside quotation marks. Copy detection masks them (two
 * outlets quoting one statement share its words legitimately).
 */

import type { Span } from './context.js';

const LETTER = /[\p{L}\p{N}]/u;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

/**
 * The quoted passages of a text, quote marks included: curly double quotes, straight double
 * quotes (paired within a paragraph; an unclosed one runs to the paragraph's end, as quotes
 * running over paragraphs do), and single quotes (curly or straight) that open before a word
 * and close after one — apostrophes inside words ("Twitter's") are not quotes.
 *
 * @example
 * quotedRanges('He said "we will go" today.'); // [{ start: 8, end: 19 }]
 */
export function quotedRanges(text: string): Span[] {
  const ranges: Span[] = [];
  let openDouble = -1;
  let openSingle = -1;
  const close = (from: number, to: number) => {
    if (to > from) ranges.push({ start: from, end: to });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n' && text[i + 1] === '\n') {
      // A paragraph ends: an open quote runs to here; the next paragraph reopens it if it goes on.
      if (openDouble >= 0) close(openDouble, i);
      openDouble = -1;
      openSingle = -1;
      continue;
    }
    if (ch === '“' || (ch === '"' && openDouble < 0)) {
      if (openDouble < 0) {
        openDouble = i;
        openSingle = -1;
      }
      continue;
    }
    if (ch === '”' || ch === '"') {
      if (openDouble >= 0) close(openDouble, i + 1);
      openDouble = -1;
      continue;
    }
    if (openDouble >= 0) continue; // single quotes inside double quotes are already masked
    if (ch === '‘' || ch === "'" || ch === '’') {
      const before = text[i - 1];
      const after = text[i + 1];
      if (openSingle < 0 && ch !== '’' && !isLetter(before) && isLetter(after)) openSingle = i;
      else if (openSingle >= 0 && ch !== '‘' && !isLetter(after) && before !== undefined && before !== ' ') {
        if (i - openSingle <= 600) close(openSingle, i + 1);
        openSingle = -1;
      }
    }
  }
  if (openDouble >= 0) close(openDouble, text.length);
  return ranges;
}
