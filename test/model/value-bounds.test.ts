import { describe, expect, it } from 'vitest';
import {
  CorroborateError,
  QuantityValueSchema,
  TimeValueSchema,
  ValueInputSchema,
  combineValues,
  compareQuantities,
  compareTimes,
  compareValues,
  createReconciler,
  formatValue,
  reconcile,
  resolveTimeValue,
  type QuantityValue,
  type ReportInput,
  type TimeValue,
} from '../../src/index.js';
import { caught } from '../support/errors.js';

// Values whose own fields contradict each other (min above max, a figure outside its bounds, a
// time that ends before it starts) are input errors: compared, they gave verdicts about nothing.

const quantity = (value: number | null, min: number | null, max: number | null): QuantityValue => ({
  kind: 'quantity', value, min, max, qualifier: value === null ? 'range' : 'exact', precision: 1,
});
const time = (start: string | null, end: string | null): TimeValue => ({ kind: 'time', start, end, granularity: 'day', anchor: 'absolute' });
const report = (value: unknown): ReportInput => ({ id: 'a', source: 'A', claims: [{ subject: 's', attribute: 'x', value: value as never }] });


/** The one issue a value gives in a report, with its path inside the value. */
const issueIn = (value: unknown) => {
  const { issues } = caught(() => reconcile([report(value)]));
  expect(issues).toHaveLength(1);
  return { path: issues[0]!.path.slice(4), message: issues[0]!.message, code: issues[0]!.code };
};

describe('quantity bounds', () => {
  it.each([
    ['min above max', quantity(null, 100, 5), ['min'], 'min 100 is above max 5'],
    ['value outside a closed interval', quantity(5, 100, 100), ['value'], 'value 5 is outside [100, 100]'],
    ['value above the interval', quantity(150, 100, 120), ['value'], 'value 150 is outside [100, 120]'],
    ['value below an open-ended min', { ...quantity(5, 100, null), qualifier: 'over' }, ['value'], 'value 5 is below min 100'],
    ['value above an open-ended max', { ...quantity(500, null, 100), qualifier: 'up-to' }, ['value'], 'value 500 is above max 100'],
    ['min above max, value aside', quantity(7, 10, 2), ['min'], 'min 10 is above max 2'],
  ] as const)('%s is an error at its path', (_label, value, path, message) => {
    expect(issueIn(value)).toEqual({ path, message, code: 'custom' });
  });

  it('accepts consistent values; null bounds are unbounded', () => {
    for (const value of [quantity(1178, 1178, 1178), quantity(null, 400, 500), quantity(1e9, 1000, null), quantity(-40, null, -5), quantity(3, null, null), quantity(null, 5, 5)]) {
      expect(QuantityValueSchema.safeParse(value).success).toBe(true);
    }
    expect(compareQuantities(quantity(1178, 1178, 1178), { ...quantity(1000, 1000, null), qualifier: 'over', precision: 1000 }).verdict).toBe('compatible');
  });

  it('is checked by the value functions, naming the argument', () => {
    const bad = quantity(5, 100, 100);
    const good = quantity(100, 100, 100);
    expect(caught(() => compareValues(good, bad)).message).toBe('compareValues(): invalid argument "b"\n$.b.value: value 5 is outside [100, 100]');
    expect(caught(() => compareQuantities(bad, good)).issues).toEqual([{ path: ['a', 'value'], message: 'value 5 is outside [100, 100]', code: 'custom' }]);
    expect(caught(() => combineValues([good, quantity(null, 100, 5)])).issues).toEqual([{ path: ['values', 1, 'min'], message: 'min 100 is above max 5', code: 'custom' }]);
    expect(caught(() => formatValue(bad)).issues.map((i) => i.path)).toEqual([['value', 'value']]);
  });
});

describe('time order', () => {
  it.each([
    ['dates', '2021-02-09', '2021-02-01'],
    // 01:00+05:30 is 19:30Z on 02-08: after 19:00Z.
    ['date-times, as instants', '2021-02-09T01:00:00+05:30', '2021-02-08T19:00:00Z'],
    ['date-times within a second', '2021-02-08T10:00:00.5Z', '2021-02-08T10:00:00.25Z'],
    ['a date-time and a date, by day', '2021-02-09T01:00:00+05:30', '2021-02-08'],
    ['a date and a date-time, by day', '2021-02-09', '2021-02-08T23:59:59-12:00'],
  ])('start after end is an error (%s)', (_label, start, end) => {
    expect(issueIn(time(start, end))).toEqual({ path: ['start'], message: `start ${start} is after end ${end}`, code: 'custom' });
  });

  it.each([
    ['the same day', '2021-02-08', '2021-02-08'],
    // 2021-02-09T01:00+05:30 is 2021-02-08T19:30Z: before 20:00Z, though its written date is later.
    ['date-times compared as instants', '2021-02-09T01:00:00+05:30', '2021-02-08T20:00:00Z'],
    // Midnight UTC of 02-08 is after 00:30+05:30, but by day they are the same.
    ['a date and a date-time on its day', '2021-02-08', '2021-02-08T00:30:00+05:30'],
    ['an unresolved time', null, null],
    ['an open start', null, '2021-02-01'],
  ])('is fine for %s', (_label, start, end) => {
    expect(TimeValueSchema.safeParse(time(start, end)).success).toBe(true);
  });

  it('is checked by reconcile, the Reconciler and the value functions', () => {
    const bad = time('2021-02-09', '2021-02-01');
    expect(caught(() => reconcile([report(bad)])).message).toBe('Invalid reports (1 problem)\n$[0].claims[0].value.start: start 2021-02-09 is after end 2021-02-01');
    expect(caught(() => createReconciler().add(report(bad))).issues.map((i) => i.path)).toEqual([['claims', 0, 'value', 'start']]);
    expect(caught(() => compareTimes(bad, time('2021-02-01', '2021-02-09'))).issues).toEqual([{ path: ['a', 'start'], message: 'start 2021-02-09 is after end 2021-02-01', code: 'custom' }]);
    expect(caught(() => compareValues(time('2021-02-01', '2021-02-09'), bad)).issues.map((i) => i.path)).toEqual([['b', 'start']]);
    expect(caught(() => resolveTimeValue(bad, { publishedAt: '2021-02-10' })).issues.map((i) => i.path)).toEqual([['value', 'start']]);
    expect(compareTimes(time('2021-02-01', '2021-02-09'), time('2021-02-08', '2021-02-08')).verdict).toBe('compatible');
  });

  it('reads the issue from the input union too (a typed value, not a phrase)', () => {
    const result = ValueInputSchema.safeParse(time('2021-02-09', '2021-02-01'));
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([[['start'], 'start 2021-02-09 is after end 2021-02-01']]);
  });
});
