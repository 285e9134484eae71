import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuantityValueSchema, type QuantityQualifier, type QuantityValue } from '../../src/model/index.js';
import {
  UNIT_SYNONYMS,
  canonicalUnit,
  combineQuantities,
  compareQuantities,
  formatQuantity,
  parseQuantity,
} from '../../src/values/quantity.js';

/** The value parseQuantity should return for `text`. */
function Q(
  text: string,
  value: number | null,
  min: number | null,
  max: number | null,
  qualifier: QuantityQualifier,
  precision: number,
  unit?: string,
): QuantityValue {
  const v: QuantityValue = { kind: 'quantity', value, min, max, qualifier, precision };
  if (unit !== undefined) v.unit = unit;
  v.text = text;
  return v;
}

const exact = (text: string, value: number, precision: number, unit?: string) =>
  Q(text, value, value, value, 'exact', precision, unit);

function q(phrase: string): QuantityValue {
  const v = parseQuantity(phrase);
  if (!v) throw new Error(`no quantity in ${JSON.stringify(phrase)}`);
  return v;
}

function expectParse(expected: QuantityValue): void {
  const got = parseQuantity(expected.text ?? '');
  expect(got).toStrictEqual(expected);
  expect(QuantityValueSchema.safeParse(got).success).toBe(true);
}

describe('parseQuantity: separators and decimals', () => {
  it.each([
    exact('1,178', 1178, 1),
    exact('1,00,000', 100000, 100000),
    exact('12,34,567', 1234567, 1),
    exact('100,000', 100000, 100000),
    exact('12 000', 12000, 1000),
    exact('12\u00a0345 people', 12345, 1, 'people'),
    exact('7.4', 7.4, 0.1),
    exact('1,178.5', 1178.5, 0.1),
    exact('2021', 2021, 1),
    exact('0', 0, 1),
  ])('$text', (expected) => expectParse(expected));

  it('takes the first quantity among leading and trailing words', () => {
    expectParse(exact('the 1,178 accounts that', 1178, 1, 'accounts'));
  });

  it('reads a list "1,2,3" as its first number, not a grouped one', () => {
    expect(q('1,2,3').value).toBe(1);
    expect(q('1,178,00').value).toBe(1178);
  });
});

describe('parseQuantity: precision implied by the writing', () => {
  it.each([
    ['1,178', 1],
    ['1,200', 100],
    ['1,000', 1000],
    ['300', 100],
    ['10', 1], // numbers under 100 in digits are exact
    ['7.4 million', 100000],
    ['2.5 lakh', 10000],
    ['$10.4 million', 100000],
    ['$10.35m', 10000],
    ['a dozen', 1],
    ['Twenty-seven', 1],
    ['two thousand', 1000],
    ['half', 1],
  ] as const)('%s → %d', (phrase, precision) => {
    expect(q(phrase).precision).toBe(precision);
  });
});

describe('parseQuantity: hedges', () => {
  it.each([
    Q('over 1,000 accounts', 1000, 1000, null, 'over', 1000, 'accounts'),
    Q('more than 1,000', 1000, 1000, null, 'over', 1000),
    Q('above 50', 50, 50, null, 'over', 1),
    Q('in excess of 1,000', 1000, 1000, null, 'over', 1000),
    Q('at least 5 dead', 5, 5, null, 'at-least', 1, 'deaths'),
    Q('no fewer than 10', 10, 10, null, 'at-least', 1),
    Q('nearly 300', 300, null, 300, 'nearly', 100),
    Q('almost 300', 300, null, 300, 'nearly', 100),
    Q('close to 300', 300, null, 300, 'nearly', 100),
    Q('just under 300', 300, null, 300, 'nearly', 100),
    Q('short of 300', 300, null, 300, 'nearly', 100),
    Q('about 3,700', 3700, null, null, 'about', 100),
    Q('around 40', 40, null, null, 'about', 1),
    Q('some 300 people', 300, null, null, 'about', 100, 'people'),
    Q('approximately 5', 5, null, null, 'about', 1),
    Q('roughly 5', 5, null, null, 'about', 1),
    Q('an estimated 10,000', 10000, null, null, 'about', 10000),
    Q('up to 500', 500, null, 500, 'up-to', 100),
    Q('as many as 500', 500, null, 500, 'up-to', 100),
    Q('at most 5', 5, null, 5, 'up-to', 1),
    Q('no more than 5', 5, null, 5, 'up-to', 1),
    Q('under 500', 500, null, 500, 'under', 100),
    Q('fewer than 10', 10, null, 10, 'under', 1),
    Q('less than 10%', 10, null, 10, 'under', 1, 'percent'),
    Q('below 10', 10, null, 10, 'under', 1),
    Q('1,000 or more', 1000, 1000, null, 'at-least', 1000),
    Q('300 or so', 300, null, null, 'about', 100),
    Q('1,000-odd', 1000, null, null, 'about', 1000),
  ])('$text', (expected) => expectParse(expected));

  it('a hedge with no number after it is not a quantity', () => {
    expect(parseQuantity('over the years')).toBeNull();
    expect(parseQuantity('some accounts')).toBeNull();
  });
});

describe('parseQuantity: ranges', () => {
  it.each([
    Q('400-500', null, 400, 500, 'range', 100),
    Q('400–500', null, 400, 500, 'range', 100),
    Q('400 to 500 accounts', null, 400, 500, 'range', 100, 'accounts'),
    Q('between 10 and 12', null, 10, 12, 'range', 1),
    Q('2-3 lakh', null, 200000, 300000, 'range', 100000),
    Q('$10-12 million', null, 10000000, 12000000, 'range', 1000000, 'USD'),
    Q('two or three days', null, 2, 3, 'range', 1, 'days'),
  ])('$text', (expected) => expectParse(expected));

  it('"from X to Y" is a change, not a range', () => {
    expect(q('rose from 275 to 288').value).toBe(275);
    expect(q('rose from 275 to 288').qualifier).toBe('exact');
  });

  it('a descending pair is not a range', () => {
    expect(q('2020-21').value).toBe(2020);
  });
});

describe('parseQuantity: vague amounts', () => {
  it.each([
    Q('dozens of people', null, 24, 99, 'vague', 12, 'people'),
    Q('hundreds of accounts', null, 200, 999, 'vague', 100, 'accounts'),
    Q('thousands of protesters', null, 2000, 9999, 'vague', 1000, 'protesters'),
    Q('tens of thousands', null, 20000, 99999, 'vague', 10000),
    Q('a few', null, 2, 9, 'vague', 1),
    Q('few hours', null, 2, 9, 'vague', 1, 'hours'),
    Q('several', null, 3, 9, 'vague', 1),
  ])('$text', (expected) => expectParse(expected));
});

describe('parseQuantity: scale words', () => {
  it.each([
    exact('two thousand', 2000, 1000),
    exact('3 thousand', 3000, 1000),
    exact('7.4 million', 7400000, 100000),
    exact('2 billion', 2000000000, 1000000000),
    exact('2.5 lakh', 250000, 10000),
    exact('1.2 crore', 12000000, 1000000),
    exact('5 mn', 5000000, 1000000),
    exact('2bn', 2000000000, 1000000000),
    exact('5k', 5000, 1000),
    exact('half a million', 500000, 100000),
  ])('$text', (expected) => expectParse(expected));
});

describe('parseQuantity: currencies', () => {
  it.each([
    exact('$10.4 million', 10400000, 100000, 'USD'),
    exact('$10.35m', 10350000, 10000, 'USD'),
    exact('US$3bn', 3000000000, 1000000000, 'USD'),
    exact('10 dollars', 10, 1, 'USD'),
    exact('Rs 2 lakh', 200000, 100000, 'INR'),
    exact('Rs 2,00,000', 200000, 100000, 'INR'),
    exact('Rs. 500', 500, 100, 'INR'),
    exact('Rs2,000', 2000, 1000, 'INR'),
    exact('INR 1,178', 1178, 1, 'INR'),
    exact('₹5 crore', 50000000, 10000000, 'INR'),
    exact('5,000 rupees', 5000, 1000, 'INR'),
    exact('€4 million', 4000000, 1000000, 'EUR'),
    exact('12 euros', 12, 1, 'EUR'),
    exact('£2.5bn', 2500000000, 100000000, 'GBP'),
    exact('40 pounds', 40, 1, 'GBP'),
  ])('$text', (expected) => expectParse(expected));
});

describe('parseQuantity: number words', () => {
  it.each([
    exact('zero', 0, 1),
    exact('seven', 7, 1),
    exact('twelve', 12, 1),
    exact('twenty', 20, 1),
    exact('ninety', 90, 1),
    exact('Twenty-seven people were killed', 27, 1, 'people'),
    exact('twenty seven', 27, 1),
    exact('one hundred', 100, 100),
    exact('one hundred and twenty', 120, 1),
    exact('two thousand', 2000, 1000),
    exact('five lakh', 500000, 100000),
    exact('a dozen', 12, 1),
    exact('dozen', 12, 1),
    exact('two dozen', 24, 1),
    exact('half a dozen', 6, 1),
    exact('a hundred', 100, 100),
  ])('$text', (expected) => expectParse(expected));

  it('a word range takes a shared scale: "two to three million"', () => {
    expectParse(Q('two to three million', null, 2000000, 3000000, 'range', 1000000));
  });
});

describe('parseQuantity: percentages and fractions', () => {
  it.each([
    exact('50 per cent', 50, 1, 'percent'),
    exact('50 percent', 50, 1, 'percent'),
    exact('50%', 50, 1, 'percent'),
    exact('12.5%', 12.5, 0.1, 'percent'),
    exact('50pc', 50, 1, 'percent'),
    exact('half', 50, 1, 'percent'),
    exact('a quarter', 25, 1, 'percent'),
    exact('three-quarters', 75, 1, 'percent'),
    exact('a third', 100 / 3, 1, 'percent'),
    exact('two-thirds', 200 / 3, 1, 'percent'),
    Q('nearly half the accounts', 50, null, 50, 'nearly', 1, 'percent'),
  ])('$text', (expected) => expectParse(expected));
});

describe('parseQuantity: units', () => {
  it.each([
    ['1,178 accounts', 'accounts'],
    ['1 account', 'accounts'],
    ['5 handles', 'accounts'],
    ['one person', 'people'],
    ['3 persons', 'people'],
    ['300 people died', 'people'],
    ['12 fatalities', 'deaths'],
    ['10 dead', 'deaths'],
    ['10 injured', 'injuries'],
    ['5 people injured', 'people'],
    ['1,178 Twitter accounts', 'accounts'],
    ['1,178 Pakistani-Khalistani accounts', 'accounts'],
    ['12 more accounts', 'accounts'],
    ['583 of the accounts', 'accounts'],
    ['3 children', 'children'],
    ['24-hours', 'hours'],
    ['5km', 'km'],
  ] as const)('%s → %s', (phrase, unit) => {
    expect(q(phrase).unit).toBe(unit);
  });

  it('leaves the unit out when no noun follows', () => {
    expect(q('1,178 that were').unit).toBeUndefined();
    expect(q('257.').unit).toBeUndefined();
  });
});

describe('parseQuantity: not quantities', () => {
  it.each(['', 'hello', 'Section', 'the accounts', 'COVID-19', 'G20', '24/7', '10:30', '08/02/2021', '21st', 'the 1990s', 'Section 69 (A)', 'No. 10', 'million', 'over over over', '   '])(
    '%j → null',
    (phrase) => {
      expect(parseQuantity(phrase)).toBeNull();
    },
  );

  it('returns null for non-strings instead of throwing', () => {
    expect(parseQuantity(undefined as unknown as string)).toBeNull();
    expect(parseQuantity(42 as unknown as string)).toBeNull();
  });

  it('never throws, and every result satisfies the schema', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const v = parseQuantity(s);
        return v === null || QuantityValueSchema.safeParse(v).success;
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary UTF-16 (lone surrogates included)', () => {
    const codeUnit = fc.nat({ max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string({ unit: codeUnit, maxLength: 40 }), (s) => {
        const v = parseQuantity(s);
        return v === null || QuantityValueSchema.safeParse(v).success;
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on strings made of its own vocabulary', () => {
    const pieces = fc.constantFrom(
      '1', '0', '9', ',', '.', ' ', '-', '–', '/', ':', '%', '$', '₹', 'Rs', 'US', 'over', 'more than',
      'between', 'and', 'to', 'or', 'a', 'half', 'dozen', 'twenty', 'seven', 'hundred', 'thousand',
      'lakh', 'crore', 'million', 'm', 'k', 'per', 'cent', 'of', 'the', 'accounts', 'hundreds',
      'tens', 'few', 'nearly', 'about', 'st', 'plus', 'odd', '+', 'from', 'third', 'two',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 25 }), fc.boolean(), (parts, spaced) => {
        const v = parseQuantity(parts.join(spaced ? ' ' : ''));
        return v === null || QuantityValueSchema.safeParse(v).success;
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseQuantity: linear time on adversarial input', () => {
  // Plain assertions, no timing thresholds: a quadratic or exponential parser would not finish
  // these ~200 kB inputs within the test timeout.
  it('digits and commas', () => {
    expect(parseQuantity('1,'.repeat(100_000))?.value).toBe(1);
    expect(parseQuantity(`1${',00'.repeat(66_000)}`)?.value).toBe(1);
    expect(parseQuantity(`1${',000'.repeat(50_000)}`)).toBeNull(); // not a finite number
    expect(parseQuantity('9'.repeat(200_000))).toBeNull();
    expect(parseQuantity(`0.${'0'.repeat(200_000)}1`)).toBeNull();
  });

  it('repeated hedges, separators and number words', () => {
    expect(parseQuantity('over '.repeat(40_000))).toBeNull();
    expect(parseQuantity(`${'more than '.repeat(20_000)}5`)?.qualifier).toBe('over');
    expect(parseQuantity('- '.repeat(100_000))).toBeNull();
    expect(parseQuantity('one '.repeat(50_000))?.value).toBe(1);
    expect(parseQuantity(`${'a '.repeat(100_000)}dozen`)?.value).toBe(12);
    expect(parseQuantity(`${'x'.repeat(200_000)} 7`)?.value).toBe(7);
  });
});

describe('canonicalUnit', () => {
  it('maps synonyms, plurals and currencies to one form', () => {
    expect(canonicalUnit('Handles')).toBe('accounts');
    expect(canonicalUnit('handle')).toBe('accounts');
    expect(canonicalUnit('account')).toBe('accounts');
    expect(canonicalUnit('person')).toBe('people');
    expect(canonicalUnit('people')).toBe('people');
    expect(canonicalUnit('deaths')).toBe('deaths');
    expect(canonicalUnit('fatalities')).toBe('deaths');
    expect(canonicalUnit('injured')).toBe('injuries');
    expect(canonicalUnit('city')).toBe('cities');
    expect(canonicalUnit('box')).toBe('boxes');
    expect(canonicalUnit('Rs.')).toBe('INR');
    expect(canonicalUnit('$')).toBe('USD');
    expect(canonicalUnit('INR')).toBe('INR');
    expect(canonicalUnit('per cent')).toBe('percent');
    expect(canonicalUnit('police officer')).toBe('police officers');
  });

  it('is idempotent', () => {
    for (const w of ['accounts', 'handles', 'person', 'INR', '%', 'city', 'km', ...Object.values(UNIT_SYNONYMS)]) {
      expect(canonicalUnit(canonicalUnit(w))).toBe(canonicalUnit(w));
    }
  });

  it('takes an extended synonym table', () => {
    expect(canonicalUnit('tweet', { ...UNIT_SYNONYMS, tweets: 'posts' })).toBe('posts');
  });

  it('reads words named like Object.prototype members as plain words', () => {
    expect(canonicalUnit('constructor')).toBe('constructors');
    expect(canonicalUnit('valueOf')).toBe('valueofs');
  });
});

describe('parseQuantity: words named like Object.prototype members', () => {
  it('are no number, scale or currency words', () => {
    expect(parseQuantity('constructor people')).toBeNull();
    expect(parseQuantity('a constructor')).toBeNull();
    expect(parseQuantity('hundred constructor')).toBeNull();
    expect(parseQuantity('5 constructor crews')).toMatchObject({ value: 5, qualifier: 'exact', unit: 'crews' });
    expect(parseQuantity('two constructors')).toMatchObject({ value: 2, unit: 'constructors' });
  });
});

describe('compareQuantities', () => {
  const cmp = (a: string, b: string, options?: Parameters<typeof compareQuantities>[2]) =>
    compareQuantities(q(a), q(b), options);

  it.each([
    // agree
    ['1,178 accounts', '1,178 accounts', 'agree', 'equal'],
    ['Rs 2 lakh', 'Rs 2,00,000', 'agree', 'equal'],
    ['half', '50 per cent', 'agree', 'equal'],
    ['5 handles', '5 accounts', 'agree', 'equal'],
    ['over 1,000', 'more than 1,000', 'agree', 'equal'],
    // compatible: hedge
    ['over 1,000 accounts', '1,178 accounts', 'compatible', 'hedge'],
    ['about 3,700', '3,712', 'compatible', 'hedge'],
    ['nearly 300', '297', 'compatible', 'hedge'],
    ['nearly 300', '300', 'compatible', 'hedge'],
    ['up to 500', 'about 520', 'compatible', 'hedge'],
    ['400-500', '450', 'compatible', 'hedge'],
    ['hundreds of people', '300 people', 'compatible', 'hedge'],
    ['at least 1,000', 'over 1,000', 'compatible', 'hedge'],
    // compatible: rounding
    ['1,200', '1,178', 'compatible', 'rounding'],
    ['7.4 million', '7.48 million', 'compatible', 'rounding'],
    ['$10.4 million', '$10.35 million', 'compatible', 'rounding'],
    ['50%', '50.4%', 'compatible', 'rounding'],
    ['a third', '33%', 'compatible', 'rounding'],
    // conflict: unit
    ['Rs 2 lakh', '$200,000', 'conflict', 'unit'],
    ['1,178 accounts', '1,178 tweets', 'conflict', 'unit'],
    ['50%', '50 accounts', 'conflict', 'unit'],
    // conflict: disjoint
    ['288', '275', 'conflict', 'disjoint'],
    ['288', '289', 'conflict', 'disjoint'],
    ['over 1,000', '900', 'conflict', 'disjoint'],
    ['nearly 300', '301', 'conflict', 'disjoint'],
    ['about 3,700', '4,200', 'conflict', 'disjoint'],
    ['7.4 million', '7.6 million', 'conflict', 'disjoint'],
    ['400-500', '520', 'conflict', 'disjoint'],
  ] as const)('%s vs %s → %s (%s)', (a, b, verdict, reason) => {
    const forward = cmp(a, b);
    expect({ verdict: forward.verdict, reason: forward.reason }).toEqual({ verdict, reason });
    const backward = cmp(b, a);
    expect({ verdict: backward.verdict, reason: backward.reason }).toEqual({ verdict, reason });
  });

  it('a missing unit on one side is not a unit conflict', () => {
    expect(cmp('1,178 accounts', '1,178').reason).toBe('equal');
    expect(cmp('Rs 2 lakh', '2 lakh').verdict).toBe('agree');
  });

  it('explains with the written texts', () => {
    expect(cmp('over 1,000', '1,178').detail).toBe('"1,178" lies within "over 1,000"');
    expect(cmp('288', '275').detail).toBe('"288" and "275" cannot both be true');
    expect(cmp('Rs 2 lakh', '$200,000').detail).toContain('INR');
  });

  it('uses the texts it is given, or a rendering', () => {
    const bare: QuantityValue = { kind: 'quantity', value: 1178, min: 1178, max: 1178, qualifier: 'exact', precision: 1 };
    expect(compareQuantities(q('over 1,000'), bare).detail).toBe('"1178" lies within "over 1,000"');
  });

  it('allowTruncation: false rejects truncated figures', () => {
    expect(cmp('7.4 million', '7.48 million', { allowTruncation: false }).reason).toBe('disjoint');
    expect(cmp('7.4 million', '7.43 million', { allowTruncation: false }).reason).toBe('rounding');
  });

  it('roundingSteps widens or narrows rounding', () => {
    expect(cmp('1,200', '1,290').reason).toBe('disjoint'); // whole figures are never truncated
    expect(cmp('1,200', '1,290', { allowTruncation: false }).reason).toBe('disjoint');
    expect(cmp('1,200', '1,290', { allowTruncation: false, roundingSteps: 1 }).reason).toBe('rounding');
    expect(cmp('1,200', '1,178', { roundingSteps: 0, allowTruncation: false }).reason).toBe('disjoint');
  });

  it('hedgeTolerance sets the slack of about and nearly', () => {
    expect(cmp('about 3,700', '3,950').reason).toBe('hedge');
    expect(cmp('about 3,700', '3,950', { hedgeTolerance: 0.05 }).reason).toBe('disjoint');
    expect(cmp('nearly 300', '250', { hedgeTolerance: 0.2 }).reason).toBe('hedge');
  });

  it('relativeTolerance loosens every comparison', () => {
    expect(cmp('288', '275').verdict).toBe('conflict');
    expect(cmp('288', '275', { relativeTolerance: 0.05 }).verdict).toBe('compatible');
  });

  it('is symmetric in verdict and reason over parsed phrases', () => {
    const number = fc.oneof(
      fc.integer({ min: 0, max: 9_999_999 }).map((n) => n.toLocaleString('en-US')),
      fc.integer({ min: 0, max: 100_000 }).map(String),
      fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
      fc.constantFrom('1,178', '1,200', '1,000', '288', '275', '300', '297', '3,700', '3,712', '7.4', '7.48', '10.35', '1,00,000'),
    );
    const phrase = fc
      .tuple(
        fc.constantFrom('', 'over ', 'about ', 'nearly ', 'at least ', 'up to ', 'under ', 'between '),
        fc.constantFrom('', '', '$', 'Rs '),
        number,
        fc.constantFrom('', '', ' million', ' lakh', ' crore', ' thousand', '%'),
        fc.option(number, { nil: undefined }),
        fc.constantFrom('', ' accounts', ' handles', ' tweets', ' people'),
      )
      .map(([hedge, cur, n, scale, second, unit]) => {
        const range = second === undefined ? '' : `${hedge === 'between ' ? ' and ' : '-'}${second}`;
        return `${hedge}${cur}${n}${range}${scale}${unit}`;
      });
    const extra = fc.constantFrom('hundreds of people', 'dozens', 'a few', 'half', 'a third', 'a dozen', 'Twenty-seven');
    const value = fc.oneof(phrase, phrase, extra).map((s) => parseQuantity(s)).filter((v): v is QuantityValue => v !== null);
    fc.assert(
      fc.property(value, value, (a, b) => {
        const ab = compareQuantities(a, b);
        const ba = compareQuantities(b, a);
        return ab.verdict === ba.verdict && ab.reason === ba.reason;
      }),
      { numRuns: 3000 },
    );
  });

  it('is symmetric in verdict and reason over arbitrary valid values and options', () => {
    const num = fc.oneof(
      fc.integer({ min: -1000, max: 100_000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    const value: fc.Arbitrary<QuantityValue> = fc
      .record({
        value: fc.option(num, { nil: null }),
        min: fc.option(num, { nil: null }),
        max: fc.option(num, { nil: null }),
        qualifier: fc.constantFrom<QuantityQualifier>('exact', 'about', 'over', 'at-least', 'under', 'up-to', 'nearly', 'range', 'vague'),
        precision: fc.oneof(
          fc.constantFrom(0.01, 0.1, 1, 10, 100, 1000, 100000),
          fc.double({ min: Number.MIN_VALUE, max: 1e15, noNaN: true }),
        ),
        unit: fc.option(fc.constantFrom('accounts', 'account', 'handles', 'INR', 'USD', 'percent'), { nil: undefined }),
      })
      .map((r) => {
        const v: QuantityValue = { kind: 'quantity', value: r.value, min: r.min, max: r.max, qualifier: r.qualifier, precision: r.precision };
        if (r.unit !== undefined) v.unit = r.unit;
        return v;
      })
      .filter((v) => QuantityValueSchema.safeParse(v).success);
    const options = fc.record(
      {
        roundingSteps: fc.double({ min: 0, max: 3, noNaN: true }),
        allowTruncation: fc.boolean(),
        hedgeTolerance: fc.double({ min: 0, max: 1, noNaN: true }),
        relativeTolerance: fc.double({ min: 0, max: 0.5, noNaN: true }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(value, value, options, (a, b, o) => {
        const ab = compareQuantities(a, b, o);
        const ba = compareQuantities(b, a, o);
        return ab.verdict === ba.verdict && ab.reason === ba.reason;
      }),
      { numRuns: 3000 },
    );
  });

  it('compares a value with itself as equal', () => {
    fc.assert(
      fc.property(fc.constantFrom('over 1,000', '1,178 accounts', 'about 3,700', '400-500', 'hundreds of', 'half'), (s) => {
        return compareQuantities(q(s), q(s)).reason === 'equal';
      }),
    );
  });
});

describe('combineQuantities', () => {
  it('prefers the exact figure inside a hedged one', () => {
    expect(combineQuantities([q('over 1,000 accounts'), q('1,178 accounts')])).toStrictEqual(q('1,178 accounts'));
  });

  it('prefers the finest exact figure, and fills in the shared unit', () => {
    const combined = combineQuantities([q('1,200'), q('over 1,000 accounts'), q('1,178')]);
    expect(combined?.value).toBe(1178);
    expect(combined?.text).toBe('1,178');
    expect(combined?.unit).toBe('accounts');
  });

  it('keeps a single value', () => {
    expect(combineQuantities([q('about 3,700')])).toStrictEqual(q('about 3,700'));
  });

  it('picks the tightest bound', () => {
    expect(combineQuantities([q('over 1,000'), q('at least 500'), q('over 800')])).toStrictEqual(q('over 1,000'));
  });

  it('intersects bounds into a range', () => {
    expect(combineQuantities([q('over 1,000'), q('under 2,000')])).toStrictEqual({
      kind: 'quantity', value: null, min: 1000, max: 2000, qualifier: 'range', precision: 1000,
    });
    expect(combineQuantities([q('at least 5'), q('up to 5')])).toStrictEqual({
      kind: 'quantity', value: 5, min: 5, max: 5, qualifier: 'exact', precision: 1,
    });
  });

  it('prefers an "about" figure over a looser bound', () => {
    expect(combineQuantities([q('about 300'), q('hundreds of')])?.text).toBe('about 300');
  });

  it('returns null when the values conflict or have different units', () => {
    expect(combineQuantities([q('288'), q('275')])).toBeNull();
    expect(combineQuantities([q('over 1,000'), q('900')])).toBeNull();
    expect(combineQuantities([q('Rs 2 lakh'), q('$200,000')])).toBeNull();
    expect(combineQuantities([])).toBeNull();
  });

  it('does not mutate its inputs', () => {
    const inputs = [q('over 1,000'), q('1,178')].map((v) => Object.freeze(v));
    const snapshot = JSON.stringify(inputs);
    const combined = combineQuantities(inputs);
    expect(JSON.stringify(inputs)).toBe(snapshot);
    expect(combined).not.toBe(inputs[1]);
  });

  it('does not depend on input order', () => {
    const phrase = fc.constantFrom(
      'over 1,000 accounts', '1,178 accounts', '1,200', '1,178', 'about 1,150', 'under 2,000', 'hundreds of',
      'at least 1,100', '1,180', 'nearly 1,200', 'up to 1,500', '1,000-1,500', 'over 800 handles',
    );
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 6 }), fc.nat(), (phrases, seed) => {
        const values = phrases.map(q);
        const rotated = values.map((_, i) => values[(i + seed) % values.length] as QuantityValue);
        const reversed = [...values].reverse();
        const expected = combineQuantities(values);
        expect(combineQuantities(rotated)).toStrictEqual(expected);
        expect(combineQuantities(reversed)).toStrictEqual(expected);
        if (expected) {
          for (const v of values) expect(compareQuantities(expected, v).verdict).not.toBe('conflict');
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatQuantity', () => {
  it('returns the written text when there is one', () => {
    expect(formatQuantity(q('over 1,000 accounts'))).toBe('over 1,000 accounts');
  });

  it.each([
    [{ kind: 'quantity', value: 1000, min: 1000, max: null, qualifier: 'over', precision: 1000, unit: 'accounts' }, 'over 1000 accounts'],
    [{ kind: 'quantity', value: null, min: 400, max: 500, qualifier: 'range', precision: 100 }, '400–500'],
    [{ kind: 'quantity', value: 1178, min: 1178, max: 1178, qualifier: 'exact', precision: 1 }, '1178'],
    [{ kind: 'quantity', value: 50, min: null, max: null, qualifier: 'about', precision: 1, unit: 'percent' }, 'about 50%'],
    [{ kind: 'quantity', value: 250000, min: 250000, max: 250000, qualifier: 'exact', precision: 10000, unit: 'INR' }, 'INR 250000'],
    [{ kind: 'quantity', value: 300, min: null, max: 300, qualifier: 'nearly', precision: 100 }, 'nearly 300'],
    [{ kind: 'quantity', value: 5, min: null, max: 5, qualifier: 'up-to', precision: 1 }, 'up to 5'],
    [{ kind: 'quantity', value: null, min: 200, max: 999, qualifier: 'vague', precision: 100, unit: 'people' }, '200–999 people'],
    [{ kind: 'quantity', value: null, min: null, max: null, qualifier: 'vague', precision: 1 }, 'an unknown quantity'],
  ] as const)('%j → %s', (value, text) => {
    expect(formatQuantity(value as QuantityValue)).toBe(text);
  });
});

describe('parseQuantity: figures are the decimal reading, exactly', () => {
  const SCALES: [string, number][] = [['', 0], [' thousand', 3], [' lakh', 5], [' million', 6], [' crore', 7], [' billion', 9], ['bn', 9], ['k', 3]];

  it('equals Number() of the digits with the scale as an exponent', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9][0-9]{0,13}$/),
        fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined }),
        fc.constantFrom(...SCALES),
        (int, frac, [word, exp]) => {
          const q = parseQuantity(`${int}${frac === undefined ? '' : `.${frac}`}${word} people`);
          expect(q?.value).toBe(Number(`${int}${frac ?? ''}e${exp - (frac?.length ?? 0)}`));
          expect(q?.precision).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps long and tiny figures exact', () => {
    expect(parseQuantity('7.48 million garments')?.value).toBe(7_480_000);
    expect(parseQuantity('0.000001 per cent')?.value).toBe(0.000001);
    expect(parseQuantity('123456789012345678 accounts')?.value).toBe(Number('123456789012345678'));
    expect(parseQuantity('1.5 trillion dollars')?.value).toBe(1.5e12);
    expect(parseQuantity('Rs 1,20,00,000')?.precision).toBe(1_000_000);
  });
});
