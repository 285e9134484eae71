import { readFileSync } from 'node:fs';
import * as chrono from 'chrono-node';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeValueSchema } from '../../src/model/index.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { extractTimes, type TimeMention } from '../../src/extract/times.js';

const seed = (name: string) => readFileSync(new URL(`../../examples/twitter-india-2021/${name}.txt`, import.meta.url), 'utf8');
const JAGRAN = seed('jagran-2021-02-09');
const HT = seed('hindustan-times-2021-02-08');
const MON = '2021-02-08';
const TUE = '2021-02-09';

function checkInvariants(text: string, found: readonly TimeMention[]): void {
  let last = 0;
  for (const m of found) {
    expect(m.text).toBe(text.slice(m.start, m.end));
    expect(m.start).toBeGreaterThanOrEqual(last);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.value.text).toBe(m.text);
    expect(TimeValueSchema.parse(m.value)).toEqual(m.value);
    last = m.end;
  }
}

function extract(text: string, publishedAt?: string | null): TimeMention[] {
  const found = extractTimes(text, undefined, { publishedAt });
  checkInvariants(text, found);
  return found;
}

/** [text, start, end, granularity, anchor] of each mention. */
const summary = (text: string, publishedAt?: string | null) =>
  extract(text, publishedAt).map((m) => [m.text, m.value.start, m.value.end, m.value.granularity, m.value.anchor]);
const texts = (text: string, publishedAt?: string | null) => extract(text, publishedAt).map((m) => m.text);

afterEach(() => {
  vi.useRealTimers();
});

describe('extractTimes: the seed articles', () => {
  it('resolves Jagran’s "on Tuesday" and "on February 4" against 2021-02-09', () => {
    const found = extract(JAGRAN, TUE);
    const tuesday = found.find((m) => m.text === 'on Tuesday');
    expect(tuesday?.value).toMatchObject({ start: TUE, end: TUE, granularity: 'day', anchor: 'publication' });
    expect(JAGRAN.slice(tuesday?.start, tuesday?.end)).toBe('on Tuesday');
    const feb4 = found.find((m) => m.text === 'on February 4');
    expect(feb4?.value).toMatchObject({ start: '2021-02-04', end: '2021-02-04', granularity: 'day' });
    // chrono reads "few hours before" and "within 24-hours" as instants; parseTime rejects them.
    expect(found.some((m) => /hours/.test(m.text))).toBe(false);
  });

  it('resolves HT’s "on Monday" against 2021-02-08', () => {
    const found = extract(HT, MON);
    expect(found.find((m) => m.text === 'on Monday')?.value).toMatchObject({ start: MON, end: MON, granularity: 'day' });
    expect(found.some((m) => /hours|69/.test(m.text))).toBe(false);
  });
});

describe('extractTimes: weekdays are past-tense news, not chrono’s coming day', () => {
  it('takes the latest Thursday on or before publication where chrono picks the coming one', () => {
    const text = 'The ministry issued the notice on Thursday.';
    const ref = { instant: new Date(Date.UTC(2021, 1, 9, 12)), timezone: 0 };
    const byChrono = chrono.casual.parseDate(text, ref);
    expect(byChrono?.toISOString().slice(0, 10)).toBe('2021-02-11');
    expect(summary(text, TUE)).toEqual([['on Thursday', '2021-02-04', '2021-02-04', 'day', 'publication']]);
  });

  it.each([
    ['Twitter replied on Tuesday.', TUE, 'on Tuesday', TUE],
    ['Twitter replied on Monday.', TUE, 'on Monday', MON],
    ['Twitter replied on Wednesday.', TUE, 'on Wednesday', '2021-02-03'],
    ['Twitter replied last Tuesday.', TUE, 'last Tuesday', '2021-02-02'],
    ['Twitter replied Monday night.', TUE, 'Monday night', MON],
    ['Twitter replied on Monday, February 8, after talks.', '2021-02-10', 'on Monday, February 8', MON],
  ])('%s (published %s)', (text, publishedAt, span, day) => {
    expect(summary(text, publishedAt)).toEqual([[span, day, day, 'day', 'publication']]);
  });
});

describe('extractTimes: explicit dates', () => {
  it.each([
    ['The order of 8 February 2021 was sent.', '8 February 2021', '2021-02-08', 'absolute'],
    ['The order dated June 2, 2023 was sent.', 'June 2, 2023', '2023-06-02', 'absolute'],
    ['The order dated 2021-02-04 was sent.', '2021-02-04', '2021-02-04', 'absolute'],
    ['The order was sent on 2021-02-04 by post.', 'on 2021-02-04', '2021-02-04', 'absolute'],
    ['The order (08 February) was sent.', '08 February', '2021-02-08', 'publication'],
    ['The list came on Feb. 4 by mail.', 'on Feb. 4', '2021-02-04', 'publication'],
    ['The list came on the 4th of February by mail.', '4th of February', '2021-02-04', 'publication'],
  ])('%s', (text, span, day, anchor) => {
    expect(summary(text, TUE)).toEqual([[span, day, day, 'day', anchor]]);
  });

  it('reads both ends of a range', () => {
    expect(texts('From February 4 to February 6, he toured the state.', TUE)).toEqual(['February 4', 'February 6']);
  });

  it('widens over early/mid/late and then the preposition', () => {
    expect(summary('Prices rose in mid-January and fell in late February.', TUE)).toEqual([
      ['in mid-January', '2021-01-11', '2021-01-20', 'month', 'publication'],
      ['in late February', '2021-02-21', '2021-02-28', 'month', 'publication'],
    ]);
    expect(texts('The plan has been in place since Monday.', TUE)).toEqual(['since Monday']);
  });
});

describe('extractTimes: relative intervals chrono misses', () => {
  it.each([
    ['The two sides met earlier this week.', 'earlier this week', '2021-02-08', '2021-02-09', 'week'],
    ['The two sides meet later this week.', 'later this week', '2021-02-09', '2021-02-14', 'week'],
    ['The two sides met earlier in the week.', 'earlier in the week', '2021-02-08', '2021-02-09', 'week'],
    ['The two sides met last week.', 'last week', '2021-02-01', '2021-02-07', 'week'],
    ['The two sides meet this week.', 'this week', '2021-02-08', '2021-02-14', 'week'],
    ['The order came last month.', 'last month', '2021-01-01', '2021-01-31', 'month'],
    ['The order came late last month.', 'late last month', '2021-01-21', '2021-01-31', 'month'],
    ['The order came early this month.', 'early this month', '2021-02-01', '2021-02-10', 'month'],
    ['The order came earlier this month.', 'earlier this month', '2021-02-01', '2021-02-09', 'month'],
    ['The law passed last year.', 'last year', '2020-01-01', '2020-12-31', 'year'],
    ['The notice came 3 days ago.', '3 days ago', '2021-02-06', '2021-02-06', 'day'],
    ['The notice came two weeks ago.', 'two weeks ago', '2021-01-25', '2021-01-31', 'week'],
    ['He spoke last evening.', 'last evening', '2021-02-08', '2021-02-08', 'day'],
    ['He spoke last night.', 'last night', '2021-02-08', '2021-02-08', 'day'],
    ['It rained over the weekend.', 'over the weekend', '2021-02-06', '2021-02-07', 'week'],
    ['He spoke yesterday.', 'yesterday', '2021-02-08', '2021-02-08', 'day'],
    ['He left the day before yesterday.', 'the day before yesterday', '2021-02-07', '2021-02-07', 'day'],
  ])('%s', (text, span, start, end, granularity) => {
    expect(summary(text, TUE)).toEqual([[span, start, end, granularity, 'publication']]);
  });

  it('keeps a year only with in/since/during', () => {
    expect(summary('In 2019 the law changed; since 2010 it has grown.', TUE)).toEqual([
      ['In 2019', '2019-01-01', '2019-12-31', 'year', 'absolute'],
      ['since 2010', '2010-01-01', '2010-12-31', 'year', 'absolute'],
    ]);
    expect(texts('The 2019 law had 2010 clauses.', TUE)).toEqual([]);
    expect(texts('Sales in 2020-21 grew.', TUE)).toEqual([]);
  });
});

describe('extractTimes: what is not a time', () => {
  it.each([
    ['durations', 'Twitter responded within 24 hours and blocked them for few hours before unblocking.'],
    ['a hyphenated duration', 'Twitter responded within 24-hours of the directive.'],
    ['for three days', 'Schools stayed shut for three days.'],
    ['a clock time alone', 'The vote began at 10:30 am sharp.'],
    ['a clock time with p.m.', 'Polls close by 5 p.m. sharp.'],
    ['24/7', 'A 24/7 helpline was started.'],
    ['lower-case month words', 'Farmers will march to Delhi, and they may stay.'],
    ['a bare year', 'The 2019 law was amended.'],
    ['an ambiguous slashed date', 'The order is dated 04/02/2021 officially.'],
    ['counts', 'Over 1,000 accounts were blocked, and 257 more.'],
  ])('%s', (_name, text) => {
    expect(texts(text, TUE)).toEqual([]);
  });
});

describe('extractTimes: without a publication date', () => {
  it('leaves relative phrases unresolved and still resolves full dates', () => {
    expect(summary('On Monday, February 8, it replied; the law of 8 February 2021 and earlier this week.', null)).toEqual([
      ['On Monday, February 8', null, null, 'day', 'unresolved'],
      ['8 February 2021', '2021-02-08', '2021-02-08', 'day', 'absolute'],
      ['earlier this week', null, null, 'week', 'unresolved'],
    ]);
    expect(summary('It came yesterday.')).toEqual([['yesterday', null, null, 'day', 'unresolved']]);
  });

  it('never reads the machine clock', () => {
    const text = 'It came on Thursday, in March and on February 4, 2021.';
    vi.useFakeTimers();
    vi.setSystemTime(new Date('1995-06-15T00:00:00Z'));
    const a = extractTimes(text, undefined, {});
    vi.setSystemTime(new Date('2031-11-02T00:00:00Z'));
    const b = extractTimes(text, undefined, {});
    expect(a).toEqual(b);
    expect(a.map((m) => m.text)).toEqual(['on Thursday', 'in March', 'on February 4, 2021']);
  });
});

describe('extractTimes: spans and robustness', () => {
  it('maps offsets back to the full text from the caller’s sentences', () => {
    const text = 'Intro.\n\nThe list came on February 4. Twitter replied on Tuesday.';
    const found = extractTimes(text, splitSentences(text), { publishedAt: TUE });
    checkInvariants(text, found);
    expect(found.map((m) => [m.text, m.start])).toEqual([
      ['on February 4', text.indexOf('on February 4')],
      ['on Tuesday', text.indexOf('on Tuesday')],
    ]);
  });

  it('only gives chrono the sentences with a date cue', () => {
    const text = 'Nothing here. Really nothing. The list came on February 4.';
    const sentences = splitSentences(text);
    expect(extractTimes(text, sentences, { publishedAt: TUE }).map((m) => m.text)).toEqual(['on February 4']);
    // A date outside every given sentence is not looked for by chrono.
    expect(extractTimes(text, sentences.slice(0, 2), { publishedAt: TUE })).toEqual([]);
  });

  it('finds a date inside one very long sentence', () => {
    const filler = 'and the talks went on '.repeat(5000);
    const text = `${filler}until the order came on February 4 ${filler}`;
    const found = extract(text, TUE);
    expect(found.map((m) => [m.text, m.start])).toEqual([['on February 4', text.indexOf('on February 4')]]);
  });

  it('never throws; spans are exact, ordered and non-overlapping (arbitrary strings)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), fc.option(fc.constantFrom(TUE, MON, 'garbage', '2021-02-09T10:00:00+05:30'), { nil: null }), (text, publishedAt) => {
        checkInvariants(text, extractTimes(text, undefined, { publishedAt }));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws; spans are exact, ordered and non-overlapping (date-like fragments)', () => {
    const fragment = fc.constantFrom(
      'on', 'in', 'since', 'early', 'mid-', 'late', 'last', 'this', 'earlier', 'week', 'month', 'year', 'Monday',
      'February', 'Feb.', '4', '2021', '2021-02-04', '04/02/2021', 'ago', 'three', 'days', 'to', 'and', ',', '.',
      'yesterday', 'over the weekend', '10:30 am', 'at', 'within 24 hours', 'march', '\n', '(', ')',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), fc.constantFrom(' ', ''), (parts, gap) => {
        const text = parts.join(gap === '' ? ' ' : gap);
        checkInvariants(text, extractTimes(text, undefined, { publishedAt: TUE }));
        checkInvariants(text, extractTimes(text, undefined, {}));
      }),
      { numRuns: 200 },
    );
  });

  it('finishes on 1 MB of adversarial text', { timeout: 180_000 }, () => {
    const unit = 1 << 20;
    const inputs = [
      '1'.repeat(unit),
      '1,'.repeat(unit / 2),
      `${'a'.repeat(unit)} on Monday`,
      'Monday '.repeat(unit / 7),
      '2021-02-04-'.repeat(unit / 11),
      'earlier this week last month '.repeat(unit / 29),
      ' '.repeat(unit) + 'in 2019',
      '1.1.'.repeat(unit / 4),
    ];
    for (const text of inputs) {
      const found = extractTimes(text, undefined, { publishedAt: TUE });
      let last = 0;
      for (const m of found) {
        expect(m.start).toBeGreaterThanOrEqual(last);
        last = m.end;
      }
    }
  });
});

describe('extractTimes: sentences read without chrono give chrono’s result', () => {
  const both = (text: string, publishedAt: string | null = TUE) => {
    const fast = extractTimes(text, undefined, { publishedAt });
    const reference = extractTimes(text, undefined, { publishedAt, readCues: false });
    checkInvariants(text, fast);
    expect(fast).toEqual(reference);
    return fast.map((m) => m.text);
  };

  it('reads the common shapes directly', () => {
    const cases: [string, string[]][] = [
      ['Police said on Monday that 40 people were hurt.', ['on Monday']],
      ['The order, dated September 11, was issued on February 4, 2021 by the court.', ['September 11', 'on February 4, 2021']],
      ['The law of 8 February 2021 came into force in March 2019, and again in March.', ['8 February 2021', 'in March 2019', 'in March']],
      ['A speech on Oct. 16 and a deal on Jan. 1, 2026.', ['on Oct. 16', 'on Jan. 1, 2026']],
      ['They met yesterday morning and again last week; it began 3 years ago.', ['yesterday morning', 'last week', '3 years ago']],
      ['The strike began on Monday night; the march was 2.5 km long and ran through the night.', ['on Monday night']],
      ['The judgment, dated 2023-06-02, set up a 24/7 helpline, 011-2345-6789, for victims.', ['2023-06-02']],
    ];
    const spy = vi.spyOn(chrono.casual, 'parse');
    let fast: TimeMention[][];
    try {
      fast = cases.map(([text]) => extractTimes(text, undefined, { publishedAt: TUE }));
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    cases.forEach(([text, expected], k) => {
      expect(both(text)).toEqual(expected);
      expect(fast[k]).toEqual(extractTimes(text, undefined, { publishedAt: TUE }));
    });
  });

  it('leaves to chrono what a neighbour may join or extend', () => {
    // chrono joins a weekday and a clock time, and reads "from 4" as a time that swallows "4 May".
    expect(both('The talks ended on Monday at 10 am, officials said.')).toEqual(['on Monday at 10 am']);
    expect(both('Sales from 4 May rose.')).toEqual([]);
    // chrono refuses a day followed by a word starting "am"/"pm".
    expect(both('The protest on May 4 amid heavy rain ended.')).toEqual([]);
    // A bare-month match keeps trailing spaces before a symbol and beats "4 February".
    expect(both('x 4 February    ’s y')).toEqual(['February']);
    // "this y" is chrono's "this year"; "inFebruary" is its "February".
    expect(both('Monday thisy said.')).toEqual([]);
    expect(both('It rained at night inFebruary.')).toEqual(['February']);
    // A bare "May" is kept only after "in" or with its comma.
    expect(both('May I ask? In May, it rained; May, the month, too.')).toEqual(['In May', 'May']);
  });

  it('gives the same mentions with and without chrono over several sentences', () => {
    const word = fc.constantFrom(
      'on', 'in', 'the', 'last', 'earlier', 'over', 'day', 'before', 'Monday', 'February', 'May', 'week', 'weekend', 'today',
      'ago', 'three', '4', '2021', '1999', '2.5', 'said', 'police', 'Raj', 'it', '.', ',', '\n', '\n\n', 'He', 'The', 'Yes',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        const sentences = splitSentences(text);
        expect(extractTimes(text, sentences, { publishedAt: TUE })).toEqual(extractTimes(text, sentences, { publishedAt: TUE, readCues: false }));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the date when chrono joins a bare number to it as a clock time', () => {
    // chrono reads "on Monday after 14" (14:00): the 14 counts cracks; the date is Monday.
    expect(both('The bridge was closed on Monday after 14 cracks were found.', '2024-03-13')).toEqual(['on Monday']);
    expect(both('Police said on Tuesday at 10 people were hurt.', '2024-03-13')).toEqual(['on Tuesday']);
    expect(extractTimes('The bridge was closed on Monday after 14 cracks were found.', undefined, { publishedAt: '2024-03-13' })[0]?.value).toMatchObject({
      start: '2024-03-11',
      end: '2024-03-11',
      granularity: 'day',
    });
    // A clock time parseTime reads stays whole.
    expect(both('The talks ended on Monday at 10 am, officials said.')).toEqual(['on Monday at 10 am']);
  });

  it('gives the same mentions with and without chrono on news-like sentences', () => {
    const word = fc.constantFrom(
      'on', 'On', 'in', 'at', 'from', 'of', 'the', 'a', 'to', 'and', 'by', 'since', 'end', 'last', 'this', 'next', 'past',
      'Monday', 'Tuesday', 'monday', 'Sun', 'sat', 'weekend', 'February', 'May', 'may', 'march', 'Jan', 'Jan.', 'Oct.', 'Sept',
      '4', '16', '29', '2021', '2.5', '24/7', '2021-02-04', 'am', 'pm', 'IST', 'ET', 'today', 'yesterday', 'night', 'morning',
      'week', 'year', 'years', 'ago', 'hours', 'later', 'earlier', 'amid', 'they', 'them', 'said', 'police', 'Raj', 'court’s',
      ',', '.', '(', ')', '-', '–', '"', ':', ';',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.constantFrom(' ', ' ', '  ', ''), (parts, gap) => {
        const text = parts.join(gap === '' ? ' ' : gap);
        const sentences = [{ start: 0, end: text.length, paragraph: 0 }];
        expect(extractTimes(text, sentences, { publishedAt: TUE })).toEqual(extractTimes(text, sentences, { publishedAt: TUE, readCues: false }));
      }),
      { numRuns: 1500 },
    );
  });
});
