import { describe, expect, it } from 'vitest';
import { CorroborateError, reconcile } from '../../src/index.js';

// Unions say what they expected instead of zod's "Invalid input"; path and code stay the union's.
function issues(report: object): { path: string; message: string; code: string }[] {
  try {
    reconcile([{ id: 'a', source: 's', ...report }]);
  } catch (error) {
    if (error instanceof CorroborateError) return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
    throw error;
  }
  return [];
}

const claim = (value: unknown) => ({ claims: [{ subject: 'fire', attribute: 'killed', value }] });

describe('publishedAt messages', () => {
  it.each([
    ['2025-02-30', 'not a real date: 2025-02-30'],
    ['2023-02-29T10:00:00Z', 'not a real date: 2023-02-29T10:00:00Z'],
    ['2025-03-01T10:00:00', 'expected a calendar date YYYY-MM-DD or a date-time with an offset (2025-03-01T10:00:00+05:30); got "2025-03-01T10:00:00" (no offset)'],
    ['yesterday', 'expected a calendar date YYYY-MM-DD or a date-time with an offset (2025-03-01T10:00:00+05:30); got "yesterday"'],
    [20250301, 'expected a calendar date YYYY-MM-DD or a date-time with an offset (2025-03-01T10:00:00+05:30); got number'],
  ])('%s', (publishedAt, message) => {
    expect(issues({ publishedAt })).toEqual([{ path: '0.publishedAt', message, code: 'invalid_union' }]);
  });
});

describe('claim value messages', () => {
  it.each([
    [{ kind: 'qty' }, 'unknown value kind "qty" (expected one of quantity, time, quote, entity, text, boolean, json)'],
    [{ phrase: '12 people' }, 'missing "kind" (expected one of quantity, time, quote, entity, text, boolean, json)'],
    ['12 people', 'expected a value object {"kind": …} (kind one of quantity, time, quote, entity, text, boolean, json); got string'],
    [{ kind: 'quantity', value: '12' }, 'field "value": expected a number, got string'],
    [{ kind: 'quantity', phrase: 15 }, 'field "phrase": expected a string, got number'],
    [{ kind: 'time', start: '2025-02-30', end: null, granularity: 'day', anchor: 'absolute' }, 'field "start": not a real date: 2025-02-30'],
    [{ kind: 'quantity', value: 12, min: 12, max: 12, qualifier: 'roughly', precision: 1 }, expect.stringMatching(/^field "qualifier": Invalid option: expected one of "exact"/)],
  ])('%j', (value, message) => {
    expect(issues(claim(value))).toEqual([{ path: '0.claims.0.value', message, code: 'invalid_union' }]);
  });

  it('leaves zod\'s own issue where only an unknown key is wrong', () => {
    expect(issues(claim({ kind: 'text', text: 'x', phrase: 'y' }))).toEqual([{ path: '0.claims.0.value', message: 'Unrecognized key: "phrase"', code: 'unrecognized_keys' }]);
  });
});
