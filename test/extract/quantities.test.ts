import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuantityValueSchema } from '../../src/model/index.js';
import { extractQuantities, type QuantityMention } from '../../src/extract/quantities.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { extractTimes } from '../../src/extract/times.js';

const seed = (name: string) => readFileSync(new URL(`../../examples/twitter-india-2021/${name}.txt`, import.meta.url), 'utf8');
const JAGRAN = seed('jagran-2021-02-09');
const HT = seed('hindustan-times-2021-02-08');

/** Mentions checked for the invariants every caller relies on. */
function extract(text: string, exclude?: { start: number; end: number }[]): QuantityMention[] {
  const found = extractQuantities(text, undefined, exclude ? { exclude } : undefined);
  checkInvariants(text, found);
  return found;
}

function checkInvariants(text: string, found: readonly QuantityMention[]): void {
  let last = 0;
  for (const m of found) {
    expect(m.text).toBe(text.slice(m.start, m.end));
    expect(m.start).toBeGreaterThanOrEqual(last);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.value.text).toBe(m.text);
    expect(QuantityValueSchema.parse(m.value)).toEqual(m.value);
    last = m.end;
  }
}

const texts = (text: string) => extract(text).map((m) => m.text);

/** [text, qualifier, value, min, max, unit] of each mention. */
function summary(text: string) {
  return extract(text).map((m) => [m.text, m.value.qualifier, m.value.value, m.value.min, m.value.max, m.value.unit]);
}

describe('extractQuantities: the seed articles', () => {
  it('finds the Jagran counts, not the duration or the date', () => {
    const times = extractTimes(JAGRAN, undefined, { publishedAt: '2021-02-09' });
    const found = extract(JAGRAN, times);
    const over = found.find((m) => m.text === 'over 1,000 accounts');
    expect(over?.value).toMatchObject({ qualifier: 'over', value: 1000, min: 1000, max: null, unit: 'accounts' });
    const exact = found.find((m) => m.text === '1,178 Pakistani-Khalistani accounts');
    expect(exact?.value).toMatchObject({ qualifier: 'exact', value: 1178, unit: 'accounts' });
    expect(JAGRAN.slice(exact?.start, exact?.end)).toBe('1,178 Pakistani-Khalistani accounts');
    expect(found.some((m) => m.text.includes('24'))).toBe(false);
    expect(found.some((m) => m.value.value === 4)).toBe(false);
    expect(found.some((m) => m.text.includes('few hours'))).toBe(false);
  });

  it('skips "February 4" even without the time mentions as exclusions', () => {
    expect(extract(JAGRAN).some((m) => m.value.value === 4 || m.value.value === 2021)).toBe(false);
  });

  it('finds the HT counts, not Section 69 (A)', () => {
    const found = extract(HT);
    expect(found.map((m) => m.text)).toEqual(expect.arrayContaining(['1,178 accounts', '257 accounts']));
    expect(found.find((m) => m.text === '257 accounts')?.value).toMatchObject({ value: 257, unit: 'accounts', qualifier: 'exact' });
    expect(found.some((m) => m.value.value === 69 || m.text.includes('69'))).toBe(false);
    expect(found.some((m) => m.text.includes('hours'))).toBe(false);
  });
});

describe('extractQuantities: hedges, scales and number words', () => {
  it.each([
    ['Officials said over 400 buses were stopped.', 'over 400 buses', 'over', 400, 400, null, 'buses'],
    ['They counted more than 1,00,000 people.', 'more than 1,00,000 people', 'over', 100000, 100000, null, 'people'],
    ['At least 40 trains were cancelled.', 'At least 40 trains', 'at-least', 40, 40, null, 'trains'],
    ['Nearly 300 tractors entered the city.', 'Nearly 300 tractors', 'nearly', 300, null, 300, 'tractors'],
    ['Almost 20 trucks waited at the border.', 'Almost 20 trucks', 'nearly', 20, null, 20, 'trucks'],
    ['The fire spread close to 500 shops.', 'close to 500 shops', 'nearly', 500, null, 500, 'shops'],
    ['About 3,700 people fled.', 'About 3,700 people', 'about', 3700, null, null, 'people'],
    ['The queue had around 200 voters.', 'around 200 voters', 'about', 200, null, null, 'voters'],
    ['Some 200 farmers camped outside.', 'Some 200 farmers', 'about', 200, null, null, 'farmers'],
    ['The fine is up to 5,000 rupees.', 'up to 5,000 rupees', 'up-to', 5000, null, 5000, 'INR'],
    ['As many as 40 people were hurt.', 'As many as 40 people', 'up-to', 40, null, 40, 'injuries'],
    ['Between 10 and 12 coaches derailed.', 'Between 10 and 12 coaches', 'range', null, 10, 12, 'coaches'],
    ['Some 10-12 coaches derailed.', '10-12 coaches', 'range', null, 10, 12, 'coaches'],
    ['Relief worth Rs 2 lakh was paid.', 'Rs 2 lakh', 'exact', 200000, 200000, 200000, 'INR'],
    ['Each family got Rs. 2.5 lakh as aid.', 'Rs. 2.5 lakh', 'exact', 250000, 250000, 250000, 'INR'],
    ['The scheme costs ₹5 crore a year.', '₹5 crore', 'exact', 50000000, 50000000, 50000000, 'INR'],
    ['The firm raised $10.4 million from investors.', '$10.4 million', 'exact', 10400000, 10400000, 10400000, 'USD'],
    ['Prices rose 50 per cent in a month.', '50 per cent', 'exact', 50, 50, 50, 'percent'],
    ['Support fell to 45% among the young.', '45%', 'exact', 45, 45, 45, 'percent'],
    ['Twenty-seven people were rescued.', 'Twenty-seven people', 'exact', 27, 27, 27, 'people'],
    ['A dozen houses burned down.', 'A dozen houses', 'exact', 12, 12, 12, 'houses'],
    ['One lakh farmers marched to the capital.', 'One lakh farmers', 'exact', 100000, 100000, 100000, 'farmers'],
    ['Half of the voters stayed home.', 'Half of the voters', 'exact', 50, 50, 50, 'percent'],
    ['Dozens of protesters were detained.', 'Dozens of protesters', 'vague', null, 24, 99, 'arrests'],
    ['Dozens of protesters gathered.', 'Dozens of protesters', 'vague', null, 24, 99, 'protesters'],
    ['Police used hundreds of barricades.', 'hundreds of barricades', 'vague', null, 200, 999, 'barricades'],
    ['Tens of thousands of farmers came.', 'Tens of thousands of farmers', 'vague', null, 20000, 99999, 'farmers'],
    ['The group has 1,178 Pakistani-Khalistani accounts online.', '1,178 Pakistani-Khalistani accounts', 'exact', 1178, 1178, 1178, 'accounts'],
    ['The crash left 27 fishermen stranded.', '27 fishermen', 'exact', 27, 27, 27, 'fishermen'],
    ['A 5km stretch was shut.', '5km', 'exact', 5, 5, 5, 'km'],
    ['Nearly a third of families were hit.', 'Nearly a third of families', 'nearly', 100 / 3, null, 100 / 3, 'percent'],
  ])('%s', (text, span, qualifier, value, min, max, unit) => {
    expect(summary(text)).toEqual([[span, qualifier, value, min, max, unit]]);
  });

  it('reads several figures of one sentence in document order', () => {
    expect(texts('Police said 40 buses, 300 tractors and over 1,000 cars blocked the road.')).toEqual([
      '40 buses',
      '300 tractors',
      'over 1,000 cars',
    ]);
  });

  it('does not let a hedge bind to a vague figure', () => {
    expect(texts('The work was split between several agencies.')).toEqual(['several agencies']);
  });
});

describe('extractQuantities: sub-figures and borrowed units', () => {
  it('reads "583 out of the 1,178 accounts" as two mentions with one unit', () => {
    const text = 'The platform blocked 583 out of the 1,178 accounts named in the order.';
    expect(summary(text)).toEqual([
      ['583', 'exact', 583, 583, 583, 'accounts'],
      ['1,178 accounts', 'exact', 1178, 1178, 1178, 'accounts'],
    ]);
  });

  it('reads "N of the M <unit>" the same way', () => {
    expect(summary('It removed 40 of 250 posts.').map((r) => [r[0], r[5]])).toEqual([
      ['40', 'posts'],
      ['250 posts', 'posts'],
    ]);
  });

  it('takes the unit of "of them" from the sentence', () => {
    expect(summary('More than 1,000 people were hurt, and about 900 of them went home.').map((r) => [r[0], r[5]])).toEqual([
      ['More than 1,000 people', 'injuries'],
      ['about 900 of them', 'injuries'],
    ]);
    expect(summary('The rescued fishermen reached the harbour, and six of them were admitted.').map((r) => [r[0], r[5]])).toEqual([
      ['six of them', 'fishermen'],
    ]);
  });

  it.each([
    ['The death toll rose to 288 by evening.', '288', 'deaths'],
    ['The toll in the train accident stood at 275, officials said.', '275', 'deaths'],
    ['Police estimated the turnout of 240,000 at the rally.', '240,000', 'people'],
    ['The crowd swelled to nearly 5,000 by noon.', 'nearly 5,000', 'people'],
    ['The number of accounts blocked rose to 583.', '583', 'accounts'],
  ])('borrows a unit from the noun before: %s', (text, span, unit) => {
    expect(summary(text).map((r) => [r[0], r[5]])).toEqual([[span, unit]]);
  });

  it('drops bare numbers with no unit to be had', () => {
    expect(texts('Police said 240,000.')).toEqual([]);
    expect(texts('He scored 42 before lunch.')).toEqual([]);
    // The unit is not read across a sentence boundary.
    expect(texts('The count was 40. Accounts were closed later.')).toEqual([]);
  });

  it('keeps money and percentages without a noun', () => {
    expect(texts('It cost $300, or 12%.')).toEqual(['$300', '12%']);
  });
});

describe('extractQuantities: numbers that are not counts', () => {
  it.each([
    ['year after "in"', 'In 2019 the farmers protested.'],
    ['year after "since"', 'Since 2010 protests have grown.'],
    ['year after "of"', 'The winter of 1999 farmers still recall.'],
    ['year as an adjective', 'The 2021 protests were large.'],
    ['bare year', 'It was 2021, a bad year.'],
    ['year in a date', 'The law was passed on June 2, 2023 after protests.'],
    ['ISO date', 'The order is dated 2021-02-08 by the ministry.'],
    ['fiscal year', 'Sales in 2020-21 grew.'],
    ['month-day', 'The list came on February 4 from the ministry.'],
    ['abbreviated month-day', 'The list came on Feb. 4 from the ministry.'],
    ['day-month', 'The list came on 4 February from the ministry.'],
    ['clock with colon', 'The meeting began at 10:30 sharp.'],
    ['clock with am', 'The meeting began at 10 am with ministers.'],
    ['clock with p.m.', 'The meeting ended at 5 p.m. with no deal.'],
    ['clock with o’clock', 'They met at 9 o\u2019clock for talks.'],
    ['COVID-19', 'The COVID-19 rules were eased.'],
    ['G20', 'The G20 leaders met.'],
    ['4G', 'The 4G networks were cut.'],
    ['24/7', 'A 24/7 helpline was started.'],
    ['ordinal in digits', 'This is the 3rd notice sent.'],
    ['ordinal words', 'The first and second notices were ignored.'],
    ['decade', 'Songs from the 1990s played.'],
    ['phone number', 'Call 011-2345-6789 or +91 9876543210 for help.'],
    ['Section 69 (A)', 'The order cites Section 69 (A) of the Act.'],
    ['Article 370', 'Article 370 was abrogated.'],
    ['No. 10', 'The file No. 10 was sealed.'],
    ['number N', 'He wore number 7 shirts.'],
    ['rank', 'The city is ranked 3 among states.'],
    ['version', 'The app version 12 crashed.'],
    ['within 24 hours', 'Twitter replied within 24 hours of the order.'],
    ['24-hours', 'Twitter replied within 24-hours of the order.'],
    ['24-hour adjective', 'A 24-hour strike was called.'],
    ['for three days', 'Schools were shut for three days after the clash.'],
    ['few hours', 'It blocked the accounts for few hours before unblocking them.'],
    ['a few days', 'It lasted a few days.'],
    ['two-day adjective', 'The two-day visit ended.'],
    ['N years ago', 'The law passed 5 years ago.'],
    ['age', 'A 5-year-old girl was found.'],
    ['one as idiom', 'No one came, and in one way or another all agreed to work under one roof.'],
    ['one of them', 'One of the men fled.'],
    ['half as time', 'They waited half an hour and then a half-day more.'],
    ['version string', 'Update 2.0.1 fixed the bug.'],
    ['dotted date', 'On 04.02.2021 the order came.'],
    ['slashed date', 'On 04/02/2021 the order came.'],
  ])('%s', (_name, text) => {
    expect(texts(text)).toEqual([]);
  });

  it('keeps a four-digit count that is plainly a count', () => {
    expect(texts('In 2019, 2000 people came.')).toEqual(['2000 people']);
  });

  it('skips figures inside the excluded spans (the time mentions)', () => {
    const text = 'The 2 officials met 3 farmers.';
    const start = text.indexOf('3 farmers');
    expect(texts(text)).toEqual(['2 officials', '3 farmers']);
    expect(extract(text, [{ start, end: start + 1 }]).map((m) => m.text)).toEqual(['2 officials']);
    // Exclusions may overlap and come in any order.
    expect(extract(text, [{ start: 20, end: 30 }, { start: 0, end: 5 }, { start: 2, end: 6 }]).map((m) => m.text)).toEqual([]);
  });
});

describe('extractQuantities: spans and robustness', () => {
  it('accepts the caller’s sentences and never crosses them', () => {
    const text = 'He saw 40\nAccounts vanished.';
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(2);
    expect(extractQuantities(text, sentences)).toEqual([]);
    expect(extractQuantities(text, [{ start: 0, end: text.length, paragraph: 0 }]).map((m) => m.text)).toEqual(['40\nAccounts']);
  });

  it('handles empty and odd input', () => {
    expect(extractQuantities('')).toEqual([]);
    expect(extractQuantities('1,2,3,4,5 and 1,000,00 and 12,34,5678')).toEqual(expect.any(Array));
    expect(extractQuantities('₹', [])).toEqual([]);
  });

  it('never throws; spans are exact, ordered and non-overlapping (arbitrary strings)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), (text) => {
        checkInvariants(text, extractQuantities(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws; spans are exact, ordered and non-overlapping (news-like fragments)', () => {
    const fragment = fc.constantFrom(
      'over', 'more than', 'between', 'and', 'Rs', 'Rs.', '₹', '$', '1,178', '1,00,000', '2.5', '24', '2021', '4',
      'lakh', 'crore', 'million', 'accounts', 'people', 'of the', 'out of the', 'February', 'Monday', 'hours', '-',
      ',', '.', '%', 'per cent', 'half', 'a dozen', 'Twenty', '-seven', 'hundreds of', 'Section', '69', '(A)', '24/7',
      'COVID-19', 'the death toll rose to', 'one', 'of them', '\n', 'fishermen', 'few', 'several',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), fc.array(fc.constantFrom(' ', '', '  '), { minLength: 40, maxLength: 40 }), (parts, gaps) => {
        const text = parts.map((p, i) => p + (gaps[i] ?? ' ')).join('');
        const found = extractQuantities(text);
        checkInvariants(text, found);
        const times = extractTimes(text, undefined, { publishedAt: '2021-02-09' });
        const excluded = extractQuantities(text, undefined, { exclude: times });
        checkInvariants(text, excluded);
        for (const q of excluded) for (const t of times) expect(q.end <= t.start || t.end <= q.start).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finishes on 1 MB of adversarial text', { timeout: 120_000 }, () => {
    const unit = 1 << 20;
    const inputs = [
      '1'.repeat(unit),
      '1,'.repeat(unit / 2),
      '1,000,'.repeat(unit / 6),
      '12,34,'.repeat(unit / 6),
      `${'a'.repeat(unit)} 5 accounts`,
      '1 2 3 4 5 6 7 8 9 '.repeat(unit / 18),
      'over more than about '.repeat(unit / 21) + '5 people',
      'Rs Rs. ₹ $ '.repeat(unit / 11),
      '-1-'.repeat(unit / 3),
      '1.1.'.repeat(unit / 4),
      'one two three four five six seven eight nine ten '.repeat(unit / 49),
      'toll '.repeat(unit / 5) + '288',
      `${'5 of the '.repeat(unit / 9)}accounts`,
    ];
    for (const text of inputs) {
      const found = extractQuantities(text);
      let last = 0;
      for (const m of found) {
        expect(m.start).toBeGreaterThanOrEqual(last);
        last = m.end;
      }
    }
  });
});

describe('extractQuantities: value objects', () => {
  it('keep the key order of a parsed value, with a unit found later after the text', () => {
    const text = 'Police removed 583 out of the 1,178 accounts; 27 fishermen were rescued, and six of them were hurt. The death toll rose to 288.';
    const found = extract(text);
    expect(found.map((m) => [m.text, m.value.unit, Object.keys(m.value).join(',')])).toEqual([
      ['583', 'accounts', 'kind,value,min,max,qualifier,precision,text,unit'],
      ['1,178 accounts', 'accounts', 'kind,value,min,max,qualifier,precision,unit,text'],
      ['27 fishermen', 'fishermen', 'kind,value,min,max,qualifier,precision,text,unit'],
      ['six of them', 'injuries', 'kind,value,min,max,qualifier,precision,text,unit'],
      ['288', 'deaths', 'kind,value,min,max,qualifier,precision,text,unit'],
    ]);
  });

  it('are fresh objects for every call', () => {
    const a = extract('Over 1,000 accounts were blocked.');
    const b = extract('Over 1,000 accounts were blocked.');
    expect(a).toEqual(b);
    expect(a[0]?.value).not.toBe(b[0]?.value);
  });
});
