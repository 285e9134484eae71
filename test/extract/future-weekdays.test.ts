import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.js';

// News is past tense, so "on Monday" is the latest Monday; in a clause about the future it is the next one.
const dates = (text: string) =>
  extract(text, { id: 'x', source: 'x', publishedAt: '2025-07-03' }) // a Thursday
    .claims.filter((c) => c.value.kind === 'time')
    .map((c) => [c.evidence?.text, c.value.kind === 'time' ? c.value.start : null]);

describe('bare weekdays in clauses about the future', () => {
  it.each([
    ['The weather office has forecast more rain until Saturday.', [['Saturday', '2025-07-05']]],
    ['Schools will reopen on Monday, officials said.', [['on Monday', '2025-07-07']]],
    ['The talks are set to resume on Friday.', [['on Friday', '2025-07-04']]],
    ["The mayor said she'll visit the site on Tuesday.", [['on Tuesday', '2025-07-08']]],
  ])('%s', (text, expected) => {
    expect(dates(text)).toEqual(expected);
  });

  it.each([
    ['The minister resigned on Monday.', [['on Monday', '2025-06-30']]],
    ['The suspect was arrested on Tuesday and will appear in court on Friday.', [['on Tuesday', '2025-07-01'], ['on Friday', '2025-07-04']]],
    ['After the flood on Tuesday, the council will meet again.', [['on Tuesday', '2025-07-01']]],
    ['The talks were scheduled to end on Friday but ran over.', [['on Friday', '2025-06-27']]],
  ])('keeps past events in the past: %s', (text, expected) => {
    expect(dates(text)).toEqual(expected);
  });
});
