import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeValueSchema, type Granularity, type TimeAnchor, type TimeValue } from '../../src/model/index.js';
import { combineTimes, compareTimes, formatTime, parseTime, resolveTimeValue } from '../../src/values/time.js';

const MON = '2021-02-08'; // Hindustan Times, a Monday
const TUE = '2021-02-09'; // Jagran, a Tuesday
const SUN = '2021-02-14';
const NEW_YEAR_MON = '2022-01-03';
const NEW_YEAR_FRI = '2021-01-01';

/** The interval a phrase resolves to, as [start, end, granularity, anchor]. */
function read(phrase: string, publishedAt?: string | null): [string | null, string | null, Granularity, TimeAnchor] | null {
  const v = parseTime(phrase, { publishedAt });
  if (v === null) return null;
  expect(TimeValueSchema.parse(v)).toEqual(v);
  expect(v.text).toBe(phrase);
  return [v.start, v.end, v.granularity, v.anchor];
}

const day = (d: string, anchor: TimeAnchor = 'publication') => [d, d, 'day', anchor];

function time(start: string | null, end: string | null = start, granularity: Granularity = 'day', anchor: TimeAnchor = 'absolute', text?: string): TimeValue {
  return { kind: 'time', start, end, granularity, anchor, ...(text === undefined ? {} : { text }) };
}

describe('parseTime: weekdays against the publication date', () => {
  it.each([
    // The seed: each article's weekday resolves against its own date.
    ['on Monday', MON, '2021-02-08'],
    ['Monday', TUE, '2021-02-08'],
    ['on Tuesday', TUE, '2021-02-09'],
    ['Tuesday', MON, '2021-02-02'],
    ['Thursday', TUE, '2021-02-04'],
    ['on Sunday', SUN, '2021-02-14'],
    ['Monday', SUN, '2021-02-08'],
    ['Saturday', SUN, '2021-02-13'],
    ['Friday', NEW_YEAR_FRI, '2021-01-01'],
    ['Thursday', NEW_YEAR_FRI, '2020-12-31'],
    ['Monday night', MON, '2021-02-08'],
    ['on Thursday morning', TUE, '2021-02-04'],
    ['late on Monday', TUE, '2021-02-08'],
  ])('%s (published %s) is %s', (phrase, pub, expected) => {
    expect(read(phrase, pub)).toEqual(day(expected));
  });

  it.each([
    ['last Thursday', TUE, '2021-02-04'],
    ['last Tuesday', TUE, '2021-02-02'],
    ['last Monday', MON, '2021-02-01'],
    ['last Sunday', SUN, '2021-02-07'],
    ['last Thursday', NEW_YEAR_FRI, '2020-12-31'],
    ['next Monday', MON, '2021-02-15'],
    ['next Monday', SUN, '2021-02-15'],
    ['this coming Monday', TUE, '2021-02-15'],
    ['next Friday', NEW_YEAR_FRI, '2021-01-08'],
    // "this Friday": the Friday of the publication week, whether past or coming.
    ['this Friday', TUE, '2021-02-12'],
    ['this Monday', SUN, '2021-02-08'],
  ])('%s (published %s) is %s', (phrase, pub, expected) => {
    expect(read(phrase, pub)).toEqual(day(expected));
  });
});

describe('parseTime: days relative to publication', () => {
  it.each([
    ['yesterday', TUE, '2021-02-08'],
    ['today', TUE, '2021-02-09'],
    ['tonight', TUE, '2021-02-09'],
    ['this morning', TUE, '2021-02-09'],
    ['this evening', MON, '2021-02-08'],
    ['last evening', TUE, '2021-02-08'],
    ['last night', TUE, '2021-02-08'],
    ['yesterday morning', TUE, '2021-02-08'],
    ['tomorrow', TUE, '2021-02-10'],
    ['the day before yesterday', TUE, '2021-02-07'],
    ['day after tomorrow', TUE, '2021-02-11'],
    ['yesterday', NEW_YEAR_FRI, '2020-12-31'],
    ['tomorrow', '2020-12-31', '2021-01-01'],
    ['today', '2020-02-29', '2020-02-29'],
    ['3 days ago', TUE, '2021-02-06'],
    ['three days ago', NEW_YEAR_FRI, '2020-12-29'],
    ['a day ago', MON, '2021-02-07'],
  ])('%s (published %s) is %s', (phrase, pub, expected) => {
    expect(read(phrase, pub)).toEqual(day(expected));
  });
});

describe('parseTime: intervals relative to publication', () => {
  it.each([
    ['earlier this week', TUE, '2021-02-08', '2021-02-09', 'week'],
    ['earlier this week', MON, '2021-02-08', '2021-02-08', 'week'],
    ['earlier this week', SUN, '2021-02-08', '2021-02-14', 'week'],
    ['earlier this week', NEW_YEAR_FRI, '2020-12-28', '2021-01-01', 'week'],
    ['this week', TUE, '2021-02-08', '2021-02-14', 'week'],
    ['this week', SUN, '2021-02-08', '2021-02-14', 'week'],
    ['later this week', TUE, '2021-02-09', '2021-02-14', 'week'],
    ['earlier in the week', TUE, '2021-02-08', '2021-02-09', 'week'],
    ['last week', TUE, '2021-02-01', '2021-02-07', 'week'],
    ['last week', SUN, '2021-02-01', '2021-02-07', 'week'],
    ['last week', NEW_YEAR_MON, '2021-12-27', '2022-01-02', 'week'],
    ['next week', TUE, '2021-02-15', '2021-02-21', 'week'],
    ['two weeks ago', TUE, '2021-01-25', '2021-01-31', 'week'],
    ['over the weekend', MON, '2021-02-06', '2021-02-07', 'week'],
    ['over the weekend', SUN, '2021-02-13', '2021-02-14', 'week'],
    ['this month', TUE, '2021-02-01', '2021-02-28', 'month'],
    ['last month', TUE, '2021-01-01', '2021-01-31', 'month'],
    ['last month', NEW_YEAR_MON, '2021-12-01', '2021-12-31', 'month'],
    ['late last month', TUE, '2021-01-21', '2021-01-31', 'month'],
    ['late last month', '2021-03-02', '2021-02-21', '2021-02-28', 'month'],
    ['late last month', NEW_YEAR_MON, '2021-12-21', '2021-12-31', 'month'],
    ['early this month', TUE, '2021-02-01', '2021-02-10', 'month'],
    ['earlier this month', TUE, '2021-02-01', '2021-02-09', 'month'],
    ['mid-last month', TUE, '2021-01-11', '2021-01-20', 'month'],
    ['two months ago', NEW_YEAR_MON, '2021-11-01', '2021-11-30', 'month'],
    ['this year', TUE, '2021-01-01', '2021-12-31', 'year'],
    ['last year', TUE, '2020-01-01', '2020-12-31', 'year'],
    ['last year', NEW_YEAR_MON, '2021-01-01', '2021-12-31', 'year'],
    ['earlier this year', TUE, '2021-01-01', '2021-02-09', 'year'],
  ])('%s (published %s) is %s – %s', (phrase, pub, start, end, granularity) => {
    expect(read(phrase, pub)).toEqual([start, end, granularity, 'publication']);
  });
});

describe('parseTime: publication given as a date-time with an offset', () => {
  // Each publication's calendar date is the one written in its own offset.
  it('uses the local date of a late-evening +05:30 publication', () => {
    const pub = '2021-02-09T23:45:00+05:30';
    expect(read('today', pub)).toEqual(day('2021-02-09'));
    expect(read('yesterday', pub)).toEqual(day('2021-02-08'));
    expect(read('on Tuesday', pub)).toEqual(day('2021-02-09'));
  });

  it('uses the local date when the UTC date is the day before (+05:30 after midnight)', () => {
    const pub = '2021-02-09T01:30:00+05:30'; // 2021-02-08T20:00Z
    expect(read('today', pub)).toEqual(day('2021-02-09'));
    expect(read('Monday', pub)).toEqual(day('2021-02-08'));
  });

  it('uses the local date when the UTC date is the day after (-05:00 late evening)', () => {
    const pub = '2021-02-08T22:00:00-05:00'; // 2021-02-09T03:00Z
    expect(read('today', pub)).toEqual(day('2021-02-08'));
    expect(read('Tuesday', pub)).toEqual(day('2021-02-02'));
  });
});

describe('parseTime: explicit dates', () => {
  it.each([
    ['February 4', TUE, '2021-02-04'],
    ['Feb. 4', TUE, '2021-02-04'],
    ['Feb 4th', TUE, '2021-02-04'],
    ['on February 4', TUE, '2021-02-04'],
    ['since February 4', TUE, '2021-02-04'],
    ['4 February', TUE, '2021-02-04'],
    ['the 4th of February', TUE, '2021-02-04'],
    ['(08 February)', MON, '2021-02-08'],
    // The occurrence nearest the publication date, across the year boundary both ways.
    ['December 28', NEW_YEAR_MON, '2021-12-28'],
    ['January 2', '2021-12-30', '2022-01-02'],
    ['February 29', '2021-02-09', '2020-02-29'],
    ['10:30 am on February 8', TUE, '2021-02-08'],
    ['February 8 at 10:30 p.m. IST', TUE, '2021-02-08'],
    ['10.30 am on February 8', TUE, '2021-02-08'],
    ['on Thursday, February 4', TUE, '2021-02-04'],
    ['Sept. 30', TUE, '2020-09-30'],
  ])('%s (published %s) is %s, year from publication', (phrase, pub, expected) => {
    expect(read(phrase, pub)).toEqual(day(expected));
  });

  it.each([
    ['8 February 2021', '2021-02-08'],
    ['June 2, 2023', '2023-06-02'],
    ['Monday, February 8, 2021', '2021-02-08'],
    ['2021-02-04', '2021-02-04'],
    ['on 2021-02-04', '2021-02-04'],
    ['2021/02/04', '2021-02-04'],
    ['13/02/2021', '2021-02-13'],
    ['02/13/2021', '2021-02-13'],
    ['2021-02-08 10:30', '2021-02-08'], // no offset: only the date is certain
  ])('%s is %s (absolute)', (phrase, expected) => {
    expect(read(phrase, TUE)).toEqual(day(expected, 'absolute'));
    expect(read(phrase, null)).toEqual(day(expected, 'absolute'));
  });

  it.each([
    ['February 2021', '2021-02-01', '2021-02-28', 'month'],
    ['Feb 2020', '2020-02-01', '2020-02-29', 'month'],
    ['2021-02', '2021-02-01', '2021-02-28', 'month'],
    ['late January 2021', '2021-01-21', '2021-01-31', 'month'],
    ['in 2020', '2020-01-01', '2020-12-31', 'year'],
    ['2019', '2019-01-01', '2019-12-31', 'year'],
    ['early 2020', '2020-01-01', '2020-04-30', 'year'],
  ])('%s is %s – %s', (phrase, start, end, granularity) => {
    expect(read(phrase, null)).toEqual([start, end, granularity, 'absolute']);
  });

  it('takes a month without a year from the publication date', () => {
    expect(read('in January', TUE)).toEqual(['2021-01-01', '2021-01-31', 'month', 'publication']);
    expect(read('in December', NEW_YEAR_MON)).toEqual(['2021-12-01', '2021-12-31', 'month', 'publication']);
    expect(read('late January', TUE)).toEqual(['2021-01-21', '2021-01-31', 'month', 'publication']);
  });

  it('reads a date-time with an offset as an instant', () => {
    expect(read('2021-02-08T10:30:00+05:30', null)).toEqual(['2021-02-08T10:30:00+05:30', '2021-02-08T10:30:00+05:30', 'instant', 'absolute']);
    expect(parseTime('2021-02-08T10:30+0530')?.start).toBe('2021-02-08T10:30:00+05:30');
    expect(parseTime('at 2021-02-08T05:00:00Z')?.start).toBe('2021-02-08T05:00:00Z');
  });

  it.each(['04/02/2021', '02/04/2021', 'February 30', '31 April 2021', '2021-02-30', '1178', '04.02.2021'])(
    'refuses an ambiguous or impossible date: %s',
    (phrase) => {
      expect(parseTime(phrase, { publishedAt: TUE })).toBeNull();
    },
  );
});

describe('parseTime: unknown publication date', () => {
  it.each([undefined, null, '', 'not a date', '2021-02-30'])('with publishedAt %s, relative phrases stay unresolved', (publishedAt) => {
    for (const [phrase, granularity] of [
      ['on Monday', 'day'],
      ['yesterday', 'day'],
      ['last Thursday', 'day'],
      ['February 4', 'day'],
      ['earlier this week', 'week'],
      ['late last month', 'month'],
      ['in January', 'month'],
      ['last year', 'year'],
      ['two weeks ago', 'week'],
    ] as const) {
      expect(read(phrase, publishedAt)).toEqual([null, null, granularity, 'unresolved']);
    }
    expect(read('8 February 2021', publishedAt)).toEqual(day('2021-02-08', 'absolute'));
    expect(read('in 2020', publishedAt)).toEqual(['2020-01-01', '2020-12-31', 'year', 'absolute']);
  });

  it('works with no context at all', () => {
    expect(parseTime('February 4')).toEqual(time(null, null, 'day', 'unresolved', 'February 4'));
    expect(parseTime('June 2, 2023')?.start).toBe('2023-06-02');
  });
});

describe('parseTime: not dates', () => {
  it.each([
    'within 24 hours',
    'within 24-hours',
    'for few hours',
    'three days',
    'for two weeks',
    '',
    '   ',
    'hello',
    'Twitter',
    '1,178 accounts',
    'Section 69 (A)',
    'COVID-19',
    '24/7',
    '10:30 am',
    'a few days ago',
    'constructor',
    'toString',
    '__proto__',
  ])('%j is null', (phrase) => {
    expect(parseTime(phrase, { publishedAt: TUE })).toBeNull();
  });

  it('never throws, and every result matches the schema', () => {
    const words = ['on', 'last', 'next', 'this', 'coming', 'early', 'late', 'mid', 'earlier', 'Monday', 'February', 'Feb.', '4', '4th',
      '2021', '29', '-', '/', ':', '10', 'am', 'p.m.', 'ago', 'days', 'week', 'month', 'year', 'the', 'of', 'yesterday', 'night', ',', '(', ')'];
    const phrase = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.array(fc.constantFrom(...words), { maxLength: 8 }).map((t) => t.join(' ')),
    );
    const publishedAt = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string(), fc.constantFrom(MON, TUE, SUN, '2021-02-09T23:45:00+05:30'));
    fc.assert(
      fc.property(phrase, publishedAt, (p, pub) => {
        const v = parseTime(p, { publishedAt: pub });
        if (v !== null) expect(TimeValueSchema.safeParse(v).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(parseTime(undefined as unknown as string)).toBeNull();
    expect(parseTime('x'.repeat(100_000))).toBeNull();
  });

  it('a bare weekday is always within the six days up to publication', () => {
    const names = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 6 }), (offset, w) => {
        const pub = new Date(Date.UTC(2019, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const v = parseTime(names[w] as string, { publishedAt: pub });
        const d = new Date(`${v?.start}T00:00:00Z`);
        expect((d.getUTCDay() + 6) % 7).toBe(w);
        const diff = (Date.parse(`${pub}T00:00:00Z`) - d.getTime()) / 86_400_000;
        expect(diff).toBeGreaterThanOrEqual(0);
        expect(diff).toBeLessThanOrEqual(6);
      }),
    );
  });
});

describe('compareTimes', () => {
  const htMonday = parseTime('on Monday', { publishedAt: MON }) as TimeValue;
  const jagranTuesday = parseTime('on Tuesday', { publishedAt: TUE }) as TimeValue;

  it('the seed: Twitter responded on different days', () => {
    expect(compareTimes(htMonday, jagranTuesday)).toEqual({
      verdict: 'conflict',
      reason: 'disjoint',
      detail: '2021-02-08 ("on Monday") and 2021-02-09 ("on Tuesday") are different days',
    });
  });

  it('the same day agrees', () => {
    const c = compareTimes(htMonday, parseTime('8 February 2021') as TimeValue);
    expect(c).toMatchObject({ verdict: 'agree', reason: 'equal' });
    expect(c.detail).toBe('2021-02-08 ("on Monday") and 2021-02-08 ("8 February 2021") are the same day');
  });

  it('a day inside a coarser interval is compatible by granularity', () => {
    const week = parseTime('earlier this week', { publishedAt: TUE }) as TimeValue;
    expect(compareTimes(htMonday, week)).toMatchObject({ verdict: 'compatible', reason: 'granularity' });
    expect(compareTimes(week, htMonday).detail).toContain('lies within');
    expect(compareTimes(htMonday, parseTime('February 2021') as TimeValue)).toMatchObject({ verdict: 'compatible', reason: 'granularity' });
  });

  it('partly overlapping intervals are compatible by granularity', () => {
    const week = parseTime('this week', { publishedAt: '2021-03-31' }) as TimeValue; // 2021-03-29 – 2021-04-04
    const c = compareTimes(week, parseTime('March 2021') as TimeValue);
    expect(c).toMatchObject({ verdict: 'compatible', reason: 'granularity' });
    expect(c.detail).toContain('overlap');
  });

  it('disjoint intervals conflict', () => {
    const c = compareTimes(parseTime('last week', { publishedAt: TUE }) as TimeValue, htMonday);
    expect(c).toMatchObject({ verdict: 'conflict', reason: 'disjoint' });
    expect(c.detail).toContain('do not overlap');
  });

  it('an unresolved time cannot be checked', () => {
    const monday = parseTime('on Monday') as TimeValue;
    const c = compareTimes(monday, jagranTuesday);
    expect(c).toMatchObject({ verdict: 'compatible', reason: 'unresolved' });
    expect(c.detail).toContain('"on Monday" (unresolved)');
    expect(c.detail).toContain('cannot be checked');
    expect(compareTimes(monday, monday)).toMatchObject({ verdict: 'compatible', reason: 'unresolved' });
    // An unreadable endpoint is treated the same way rather than throwing.
    expect(compareTimes(time('garbage'), htMonday)).toMatchObject({ verdict: 'compatible', reason: 'unresolved' });
  });

  it('an instant on its own local date is compatible by granularity', () => {
    const instant = time('2021-02-08T10:30:00+05:30', undefined, 'instant');
    expect(compareTimes(instant, htMonday)).toMatchObject({ verdict: 'compatible', reason: 'granularity' });
    expect(compareTimes(instant, parseTime('earlier this week', { publishedAt: TUE }) as TimeValue)).toMatchObject({
      verdict: 'compatible',
      reason: 'granularity',
    });
  });

  it('an instant on a different local date but the same day somewhere is compatible by timezone', () => {
    // 22:30 in New York on the 8th is already the 9th in India.
    const newYork = time('2021-02-08T22:30:00-05:00', undefined, 'instant');
    const c = compareTimes(newYork, jagranTuesday);
    expect(c).toMatchObject({ verdict: 'compatible', reason: 'timezone' });
    expect(c.detail).toContain('the same moment on different calendar days across time zones');
    expect(compareTimes(time('2021-02-09T01:00:00+05:30', undefined, 'instant'), htMonday)).toMatchObject({ reason: 'timezone' });
  });

  it('uses the real range of zones, UTC−12 to UTC+14, at the edges', () => {
    const tuesday = time('2021-02-09');
    const at = (iso: string) => compareTimes(time(iso, undefined, 'instant'), tuesday);
    expect(at('2021-02-08T10:00:00Z')).toMatchObject({ reason: 'timezone' }); // 00:00 on the 9th at UTC+14
    expect(at('2021-02-08T09:59:59Z')).toMatchObject({ verdict: 'conflict', reason: 'disjoint' });
    expect(at('2021-02-10T11:59:59Z')).toMatchObject({ reason: 'timezone' }); // 23:59 on the 9th at UTC−12
    expect(at('2021-02-10T12:00:00Z')).toMatchObject({ verdict: 'conflict', reason: 'disjoint' });
  });

  it('instants compare as instants, with an optional tolerance', () => {
    const a = time('2021-02-08T10:30:00+05:30', undefined, 'instant');
    const sameMoment = time('2021-02-08T05:00:00Z', undefined, 'instant');
    const fiveLater = time('2021-02-08T05:05:00Z', undefined, 'instant');
    expect(compareTimes(a, sameMoment)).toMatchObject({ verdict: 'agree', reason: 'equal' });
    expect(compareTimes(a, fiveLater)).toMatchObject({ verdict: 'conflict', reason: 'disjoint' });
    expect(compareTimes(a, fiveLater, { instantToleranceMinutes: 10 })).toMatchObject({ verdict: 'agree', reason: 'equal' });
    expect(compareTimes(a, fiveLater, { instantToleranceMinutes: 10 }).detail).toContain('5 minutes apart');
  });

  it('is symmetric in verdict and reason', () => {
    fc.assert(
      fc.property(arbTime, arbTime, fc.constantFrom(undefined, 0, 5, 90), (a, b, tolerance) => {
        const options = tolerance === undefined ? undefined : { instantToleranceMinutes: tolerance };
        const ab = compareTimes(a, b, options);
        const ba = compareTimes(b, a, options);
        expect([ba.verdict, ba.reason]).toEqual([ab.verdict, ab.reason]);
      }),
      { numRuns: 3000 },
    );
  });

  it('a resolved time agrees with itself', () => {
    fc.assert(
      fc.property(arbTime, (a) => {
        fc.pre(a.anchor !== 'unresolved');
        expect(compareTimes(a, { ...a })).toMatchObject({ verdict: 'agree', reason: 'equal' });
      }),
    );
  });
});

describe('combineTimes', () => {
  const monday = parseTime('on Monday', { publishedAt: TUE }) as TimeValue;
  const week = parseTime('earlier this week', { publishedAt: TUE }) as TimeValue;

  it('keeps the narrowest value inside all others', () => {
    expect(combineTimes([week, monday])).toEqual(monday);
    expect(combineTimes([monday, week, parseTime('February 2021') as TimeValue])).toEqual(monday);
  });

  it('is null when the times conflict, or for no input', () => {
    expect(combineTimes([monday, parseTime('on Tuesday', { publishedAt: TUE }) as TimeValue])).toBeNull();
    expect(combineTimes([])).toBeNull();
  });

  it('ignores unresolved values unless all are unresolved', () => {
    const loose = parseTime('on Thursday') as TimeValue;
    expect(combineTimes([loose, monday])).toEqual(monday);
    expect(combineTimes([loose])).toEqual(loose);
    expect(combineTimes([loose, parseTime('yesterday') as TimeValue])?.anchor).toBe('unresolved');
  });

  it('intersects calendar intervals that only overlap', () => {
    const thisWeek = parseTime('this week', { publishedAt: '2021-03-31' }) as TimeValue;
    expect(combineTimes([thisWeek, parseTime('March 2021') as TimeValue])).toEqual(
      time('2021-03-29', '2021-03-31', 'week', 'publication'),
    );
  });

  it('keeps an instant that lies on a day in some time zone', () => {
    const instant = time('2021-02-08T22:30:00-05:00', undefined, 'instant');
    expect(combineTimes([time('2021-02-09'), instant])).toEqual(instant);
  });

  it('is order-independent and does not mutate its input', () => {
    fc.assert(
      fc.property(fc.array(arbTime, { maxLength: 5 }), fc.integer(), (values, seed) => {
        const frozen = values.map((v) => Object.freeze({ ...v }));
        const copy = JSON.stringify(frozen);
        const shuffled = [...frozen].sort((x, y) => ((JSON.stringify(x).length * 31 + seed) % 7) - ((JSON.stringify(y).length * 31 + seed) % 7));
        const result = combineTimes(frozen);
        expect(combineTimes(shuffled)).toEqual(result);
        expect(combineTimes([...frozen].reverse())).toEqual(result);
        expect(JSON.stringify(frozen)).toBe(copy);
        if (result !== null) {
          expect(TimeValueSchema.safeParse(result).success).toBe(true);
          for (const v of frozen) expect(compareTimes(result, v).verdict).not.toBe('conflict');
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatTime', () => {
  it('renders days, intervals, instants and unresolved times', () => {
    expect(formatTime(parseTime('on Monday', { publishedAt: MON }) as TimeValue)).toBe('2021-02-08');
    expect(formatTime(time('2021-02-01', '2021-02-09', 'week', 'publication'))).toBe('2021-02-01 – 2021-02-09');
    expect(formatTime(time('2021-02-08T10:30:00+05:30', undefined, 'instant'))).toBe('2021-02-08T10:30:00+05:30');
    expect(formatTime(parseTime('on Monday') as TimeValue)).toBe('unresolved: on Monday');
    expect(formatTime(time(null, null, 'month', 'unresolved'))).toBe('unresolved: month');
  });
});

describe('resolveTimeValue', () => {
  it('re-reads an unresolved phrase against a publication date', () => {
    const later = parseTime('on Monday') as TimeValue;
    expect(resolveTimeValue(later, { publishedAt: TUE })).toEqual(time('2021-02-08', '2021-02-08', 'day', 'publication', 'on Monday'));
    expect(resolveTimeValue(later, { publishedAt: null })).toEqual(later);
  });

  it('leaves resolved values and values without text alone', () => {
    const monday = parseTime('on Monday', { publishedAt: MON }) as TimeValue;
    expect(resolveTimeValue(monday, { publishedAt: TUE })).toBe(monday);
    const bare = time(null, null, 'day', 'unresolved');
    expect(resolveTimeValue(bare, { publishedAt: TUE })).toBe(bare);
  });
});

describe('independence from the host time zone', () => {
  // Node re-reads process.env.TZ on assignment; every result must match the UTC run.
  function battery(): unknown {
    const phrases = ['on Monday', 'last Thursday', 'earlier this week', 'late last month', 'December 28', 'this week', 'last year',
      'two weeks ago', 'Feb 2020', 'February 29', 'next Monday', 'yesterday', 'over the weekend'];
    const pubs = [MON, TUE, SUN, NEW_YEAR_MON, '2021-03-28', '2021-10-31', '2021-02-09T01:30:00+05:30', '2021-03-14T01:30:00-05:00'];
    const parsed = pubs.flatMap((publishedAt) => phrases.map((p) => parseTime(p, { publishedAt })));
    const instant = time('2021-02-08T22:30:00-05:00', undefined, 'instant');
    const compared = parsed.map((v) => (v ? compareTimes(v, instant) : null));
    const combined = combineTimes(parsed.filter((v): v is TimeValue => v !== null).slice(0, 3));
    return { parsed, compared, combined };
  }

  it('gives the same results in zones from UTC−12 to UTC+14, with and without DST', () => {
    const original = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const baseline = JSON.stringify(battery());
      for (const zone of ['America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Etc/GMT+12', 'Pacific/Apia', 'America/Sao_Paulo', 'Australia/Lord_Howe']) {
        process.env.TZ = zone;
        expect(new Date(Date.UTC(2021, 0, 1)).getTimezoneOffset(), `TZ=${zone} took effect`).not.toBe(0);
        expect(JSON.stringify(battery()), zone).toBe(baseline);
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const BASE_DAY = Date.UTC(2021, 0, 20) / 86_400_000;
const isoOfDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

function isoInstant(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${local}Z`;
  const abs = Math.abs(offsetMinutes);
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const arbGranularity = fc.constantFrom<Granularity>('day', 'week', 'month', 'year');
const arbAnchor = fc.constantFrom<TimeAnchor>('absolute', 'publication', 'mention');
const arbOffset = fc.constantFrom(-720, -300, 0, 60, 330, 345, 540, 840);

const arbDays: fc.Arbitrary<TimeValue> = fc
  .record({ s: fc.integer({ min: 0, max: 40 }), len: fc.integer({ min: 0, max: 10 }), g: arbGranularity, a: arbAnchor })
  .map(({ s, len, g, a }) => time(isoOfDay(BASE_DAY + s), isoOfDay(BASE_DAY + s + len), len === 0 ? 'day' : g, a));

const arbInstant: fc.Arbitrary<TimeValue> = fc
  .record({
    minute: fc.integer({ min: 0, max: 41 * 24 * 4 }),
    len: fc.constantFrom(0, 0, 0, 1, 30, 600),
    o1: arbOffset,
    o2: arbOffset,
  })
  .map(({ minute, len, o1, o2 }) => {
    const ms = BASE_DAY * 86_400_000 + minute * 15 * 60_000;
    return time(isoInstant(ms, o1), isoInstant(ms + len * 60_000, o2), len === 0 ? 'instant' : 'minute');
  });

const arbUnresolved: fc.Arbitrary<TimeValue> = arbGranularity.map((g) => time(null, null, g, 'unresolved', 'on Monday'));

const arbTime: fc.Arbitrary<TimeValue> = fc.oneof(
  { weight: 4, arbitrary: arbDays },
  { weight: 3, arbitrary: arbInstant },
  { weight: 1, arbitrary: arbUnresolved },
);

describe('parseTime: calendar arithmetic on any publication day', () => {
  // An independent oracle: plain UTC Date arithmetic.
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const DAY = 86_400_000;
  const pubDay = fc.integer({ min: Date.UTC(1001, 0, 1) / DAY, max: Date.UTC(9998, 11, 31) / DAY }).map((d) => d * DAY);
  const monthStart = (ms: number, add: number) => {
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1);
  };

  it('yesterday, weekdays, weeks, months and years agree with Date arithmetic', () => {
    fc.assert(
      fc.property(pubDay, fc.integer({ min: 1, max: 40 }), (pub, n) => {
        const p = iso(pub);
        const dow = (new Date(pub).getUTCDay() + 6) % 7; // Monday 0
        const monday = pub - dow * DAY;
        expect(read('yesterday', p)).toEqual(day(iso(pub - DAY)));
        expect(read(`${n} days ago`, p)).toEqual(day(iso(pub - n * DAY)));
        expect(read('on Monday', p)).toEqual(day(iso(monday)));
        expect(read('last Sunday', p)).toEqual(day(iso(dow === 6 ? pub - 7 * DAY : monday - DAY)));
        expect(read('next Monday', p)).toEqual(day(iso(monday + 7 * DAY)));
        expect(read('this week', p)).toEqual([iso(monday), iso(monday + 6 * DAY), 'week', 'publication']);
        expect(read('last month', p)).toEqual([iso(monthStart(pub, -1)), iso(monthStart(pub, 0) - DAY), 'month', 'publication']);
        const year = new Date(pub).getUTCFullYear();
        expect(read('last year', p)).toEqual([`${year - 1}-01-01`, `${year - 1}-12-31`, 'year', 'publication']);
      }),
      { numRuns: 500 },
    );
  });

  it('"N months ago" keeps the day of the month, or takes the last day of a shorter month', () => {
    expect(read('1 month ago', '2021-03-31')).toEqual(['2021-02-01', '2021-02-28', 'month', 'publication']);
    expect(read('late last month', '2024-03-31')).toEqual(['2024-02-21', '2024-02-29', 'month', 'publication']);
    expect(read('February 29', '2021-06-01')).toEqual(day('2020-02-29'));
    expect(read('on Thursday', '1970-01-01')).toEqual(day('1970-01-01'));
    expect(read('yesterday', '1970-01-01')).toEqual(day('1969-12-31'));
    expect(read('9999 years ago', TUE)).toBeNull();
  });
});
