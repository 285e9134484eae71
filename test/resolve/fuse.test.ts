import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorroborateError } from '../../src/model/index.js';
import { fuse } from '../../src/resolve/fuse.js';
import { ClaimTable } from '../../src/resolve/table.js';
import { FUSE_METHODS, type FuseClaim, type FuseResult } from '../../src/resolve/types.js';
import { copyWorld } from './worlds.js';

const time = (value: string) => ({ kind: 'time', value });
const valueOf = (result: FuseResult, subject: string, attribute = 'value') => result.items.find((i) => i.subject === subject && i.attribute === attribute)?.value;

describe('a reliable minority against a copying majority', () => {
  const world = copyWorld();
  const correctOn = (result: FuseResult, subjects: readonly string[]) => subjects.filter((s) => valueOf(result, s) === world.truth.get(s)).length;

  it('is a world where the copies outnumber the truth on many items', () => {
    expect(world.contested.length).toBeGreaterThan(50);
  });

  it('vote sides with the majority of copies', () => {
    expect(correctOn(fuse(world.claims, { method: 'vote' }), world.contested)).toBe(0);
  });

  it('accu detects the copying and sides with the independent minority', () => {
    const result = fuse(world.claims, { method: 'accu' });
    expect(correctOn(result, world.contested)).toBeGreaterThanOrEqual(world.contested.length * 0.95);
    expect(correctOn(result, [...world.truth.keys()])).toBeGreaterThanOrEqual(world.truth.size * 0.95);
    const trust = new Map(result.trust.map((t) => [t.source, t.trust]));
    expect(trust.get('reliable-1')).toBeGreaterThan(trust.get('original')!);
    expect(trust.get('reliable-2')).toBeGreaterThan(trust.get('copier-1')!);
  });

  it('accu without copy detection is fooled like vote', () => {
    const result = fuse(world.claims, { method: 'accu', accu: { copyDetection: false } });
    expect(correctOn(result, world.contested)).toBeLessThan(world.contested.length * 0.1);
  });

  it('keeps confidence and trust in [0, 1] for every method', () => {
    for (const method of FUSE_METHODS) {
      const result = fuse(world.claims, { method });
      for (const item of result.items) expect(item.confidence).toBeGreaterThanOrEqual(0), expect(item.confidence).toBeLessThanOrEqual(1);
      for (const t of result.trust) expect(t.trust).toBeGreaterThanOrEqual(0), expect(t.trust).toBeLessThanOrEqual(1);
    }
  });
});

describe('lists: a part of a list supports it', () => {
  const authors = (source: string, ...names: string[]): FuseClaim => ({ source, subject: 'book', attribute: 'authors', value: names });
  // Three sources list only the first author; two list both; one lists someone else.
  const claims: FuseClaim[] = [
    authors('a', 'knuth, d'),
    authors('b', 'knuth, d'),
    authors('c', 'knuth, d'),
    authors('d', 'knuth, d', 'patashnik, o'),
    authors('e', 'patashnik, o', 'knuth, d'),
    authors('f', 'graham, r'),
  ];

  it('counts a sub-list as |part| / |list| of a vote for the longer list', () => {
    // Investment learns trust from exact claims only, and its belief G(x) = x^1.2 favours the
    // three identical claims: it keeps the single author.
    for (const method of FUSE_METHODS.filter((m) => m !== 'investment')) {
      const item = fuse(claims, { method }).items[0]!;
      expect(item.value, method).toEqual(['knuth, d', 'patashnik, o']);
      // Only the sources that gave the chosen list itself (in any order) are its sources.
      expect(item.sources, method).toEqual(['d', 'e']);
    }
    expect(fuse(claims, { method: 'vote' }).items[0]?.confidence).toBeCloseTo(3.5 / 6); // 2 + 3 × ½ of 6 sources
  });

  it('compares lists as sets, and can be turned off', () => {
    expect(fuse(claims, { method: 'vote', listSubsets: false }).items[0]?.value).toEqual(['knuth, d']);
    // A longer list does not support a shorter one: six of one author against five of two.
    const more = [...claims, authors('g', 'knuth, d'), authors('h', 'knuth, d'), authors('i', 'knuth, d')];
    expect(fuse(more, { method: 'vote' }).items[0]?.value).toEqual(['knuth, d']);
  });
});

describe('accuracy per attribute (accu)', () => {
  // Six sources agree on "scheduled"; on "actual", x and y (reliable elsewhere) disagree with the
  // sloppy z, whose values nobody else gives. Per attribute, z's accuracy on "actual" is its own.
  it('learns one accuracy per source and attribute and reports the overall one', () => {
    const claims: FuseClaim[] = [];
    for (let i = 0; i < 40; i++) {
      for (const source of ['x', 'y', 'z']) claims.push({ source, subject: `f${i}`, attribute: 'scheduled', value: `s${i}` });
      claims.push({ source: 'x', subject: `f${i}`, attribute: 'actual', value: `a${i}` });
      claims.push({ source: 'y', subject: `f${i}`, attribute: 'actual', value: i % 4 === 0 ? `y${i}` : `a${i}` });
      claims.push({ source: 'z', subject: `f${i}`, attribute: 'actual', value: `z${i}` });
    }
    for (const perAttribute of [true, false]) {
      const result = fuse(claims, { method: 'accu', accu: { perAttribute } });
      const actual = result.items.filter((item) => item.attribute === 'actual');
      expect(actual.filter((item) => item.value === `a${item.subject.slice(1)}`).length).toBe(40);
      const trust = new Map(result.trust.map((t) => [t.source, t.trust]));
      expect(trust.get('z')!).toBeLessThan(trust.get('y')!);
      expect(result.iterations).toBeLessThan(20);
    }
  });

  it('settles before the iteration cap on the copying world', () => {
    expect(fuse(copyWorld().claims, { method: 'accu' }).iterations).toBeLessThan(20);
  });
});

describe('numbers: crh', () => {
  const claims: FuseClaim[] = [
    { source: 'a', subject: 'rally', attribute: 'turnout', value: 100 },
    { source: 'b', subject: 'rally', attribute: 'turnout', value: 101 },
    { source: 'c', subject: 'rally', attribute: 'turnout', value: 99 },
    { source: 'd', subject: 'rally', attribute: 'turnout', value: 250 },
  ];

  it('takes the weighted median of near-agreeing values (~100), not the outlier', () => {
    const result = fuse(claims, { method: 'crh' });
    expect(result.items[0]?.value).toBe(100);
    const trust = new Map(result.trust.map((t) => [t.source, t.trust]));
    expect(trust.get('d')).toBeLessThan(Math.min(trust.get('a')!, trust.get('b')!, trust.get('c')!));
  });

  it('groups numbers within the relative tolerance into one value', () => {
    const result = fuse(claims, { method: 'vote', relativeTolerance: 0.02 });
    expect(result.items[0]).toMatchObject({ sources: ['a', 'b', 'c'], confidence: 0.75 });
    expect([99, 100, 101]).toContain(result.items[0]?.value);
  });

  it('keeps numbers of different units apart', () => {
    const result = fuse(
      [
        { source: 'a', subject: 's', attribute: 'n', value: { kind: 'quantity', value: 5, unit: 'km' } },
        { source: 'b', subject: 's', attribute: 'n', value: { kind: 'quantity', value: 5, unit: 'mi' } },
        { source: 'c', subject: 's', attribute: 'n', value: { kind: 'quantity', value: 5, unit: 'mi' } },
      ],
      { relativeTolerance: 0.5 },
    );
    expect(result.items[0]?.sources).toEqual(['b', 'c']);
    expect(result.stats.values).toBe(2);
  });
});

describe('ties (documented rule: score, then more sources, then the canonical value that sorts first)', () => {
  it('picks the canonically first value on an exact tie, with every method', () => {
    const claims: FuseClaim[] = [
      { source: 'x', subject: 's', attribute: 'gate', value: 'B7' },
      { source: 'y', subject: 's', attribute: 'gate', value: 'A3' },
    ];
    for (const method of FUSE_METHODS) {
      expect(fuse(claims, { method }).items[0]?.value, method).toBe('A3');
      expect(fuse([...claims].reverse(), { method }).items[0]?.value, method).toBe('A3');
    }
  });

  it('picks the smaller number on a numeric tie', () => {
    const claims: FuseClaim[] = [
      { source: 'x', subject: 's', attribute: 'n', value: 5 },
      { source: 'y', subject: 's', attribute: 'n', value: 3 },
    ];
    for (const method of FUSE_METHODS) expect(fuse(claims, { method }).items[0]?.value, method).toBe(3);
  });

  it('prefers the value more sources claim when the scores tie', () => {
    // x gives A (weight 1); y and z split their vote between M and another value (1/2 each): M scores 1 too.
    const claims: FuseClaim[] = [
      { source: 'x', subject: 's', attribute: 'v', value: 'A' },
      { source: 'y', subject: 's', attribute: 'v', value: 'M' },
      { source: 'y', subject: 's', attribute: 'v', value: 'Q' },
      { source: 'z', subject: 's', attribute: 'v', value: 'M' },
      { source: 'z', subject: 's', attribute: 'v', value: 'R' },
    ];
    expect(fuse(claims, { method: 'vote' }).items[0]).toMatchObject({ value: 'M', sources: ['y', 'z'], confidence: 1 / 3 });
  });
});

describe('edge cases', () => {
  it('reports a source with no claims (prior trust) without changing the answer', () => {
    const claims: FuseClaim[] = [
      { source: 'a', subject: 's', attribute: 'v', value: 1 },
      { source: 'b', subject: 's', attribute: 'v', value: 1 },
      { source: 'c', subject: 's', attribute: 'v', value: 2 },
    ];
    for (const method of FUSE_METHODS) {
      const plain = fuse(claims, { method });
      const withSilent = fuse(claims, { method, sources: ['silent', 'a'] });
      expect(withSilent.items, method).toEqual(plain.items);
      expect(withSilent.trust.map((t) => t.source)).toEqual(['a', 'b', 'c', 'silent']);
      const prior = { vote: 1, truthfinder: 0.9, crh: 1, investment: 1, 'pooled-investment': 1, accu: 0.8 }[method];
      expect(withSilent.trust[3]?.trust, method).toBeCloseTo(prior);
    }
  });

  it('answers an item with one claim with that claim, for every method', () => {
    const claims: FuseClaim[] = [
      { source: 'a', subject: 'lonely', attribute: 'v', value: { gate: 'C20' } },
      { source: 'a', subject: 'other', attribute: 'v', value: 'x' },
      { source: 'b', subject: 'other', attribute: 'v', value: 'y' },
    ];
    for (const method of FUSE_METHODS) {
      const item = fuse(claims, { method }).items[0];
      expect(item, method).toMatchObject({ subject: 'lonely', value: { gate: 'C20' }, sources: ['a'] });
      expect(item!.confidence).toBeGreaterThan(0);
    }
  });

  it('fuses no claims into nothing', () => {
    for (const method of FUSE_METHODS) expect(fuse([], { method })).toMatchObject({ items: [], trust: [] });
  });

  it('counts a source once per item even if it repeats a claim', () => {
    const claims: FuseClaim[] = [
      { source: 'a', subject: 's', attribute: 'v', value: 'X' },
      { source: 'a', subject: 's', attribute: 'v', value: 'X' },
      { source: 'a', subject: 's', attribute: 'v', value: 'X' },
      { source: 'b', subject: 's', attribute: 'v', value: 'Y' },
      { source: 'c', subject: 's', attribute: 'v', value: 'Y' },
    ];
    expect(fuse(claims).items[0]).toMatchObject({ value: 'Y', confidence: 2 / 3 });
  });

  it('sorts items by subject, then attribute, and trust by source', () => {
    const claims: FuseClaim[] = [
      { source: 'z', subject: 'b', attribute: 'x', value: 1 },
      { source: 'y', subject: 'a', attribute: 'y', value: 1 },
      { source: 'x', subject: 'a', attribute: 'x', value: 1 },
    ];
    const result = fuse(claims);
    expect(result.items.map((i) => `${i.subject}/${i.attribute}`)).toEqual(['a/x', 'a/y', 'b/x']);
    expect(result.trust.map((t) => t.source)).toEqual(['x', 'y', 'z']);
  });

  it('can fuse one ClaimTable many times', () => {
    const table = new ClaimTable().addAll(copyWorld(3, 30).claims);
    expect(fuse(table, { method: 'accu' }).items).toHaveLength(30);
    expect(fuse(table, { method: 'vote' }).stats.claims).toBe(table.size);
  });
});

describe('time values', () => {
  const at = (source: string, value: string): FuseClaim => ({ source, subject: 'AA-1007', attribute: 'actual-departure', value: time(value) });

  it('compares times as instants: one moment in two offsets is one value', () => {
    const result = fuse([at('a', '2011-12-01T14:07:00-05:00'), at('b', '2011-12-01T19:07:00Z'), at('c', '2011-12-01T15:00:00-05:00')]);
    expect(result.items[0]?.sources).toEqual(['a', 'b']);
  });

  it('counts every claim within the tolerance of a time as support for it', () => {
    const claims = [at('a', '2011-12-01T14:07:00-05:00'), at('b', '2011-12-01T19:09:00Z'), at('c', '2011-12-01T19:16:00Z'), at('d', '2011-12-01T20:30:00Z'), at('e', '2011-12-01T20:31:00Z')];
    expect(fuse(claims).stats.values).toBe(5);
    expect(fuse(claims).items[0]).toMatchObject({ sources: ['a'], confidence: 0.2 });
    const tolerant = fuse(claims, { timeToleranceMinutes: 10 });
    expect(tolerant.stats.values).toBe(5); // values are not merged: each is a candidate
    // 19:07, 19:09 and 19:16 each have the three claims a, b, c within 10 minutes; 20:30 has two.
    expect(tolerant.items[0]).toMatchObject({ sources: ['a', 'b', 'c'], confidence: 0.6 });
    // A three-way tie (one exact claim each): the earliest time.
    expect(tolerant.items[0]?.value).toEqual(time('2011-12-01T14:07:00-05:00'));
  });

  it('does not chain: only claims within the tolerance of the chosen time support it', () => {
    const claims = [at('a', '2011-12-01T19:00:00Z'), at('b', '2011-12-01T19:00:00Z'), at('c', '2011-12-01T19:08:00Z'), at('d', '2011-12-01T19:16:00Z'), at('e', '2011-12-01T19:24:00Z')];
    const result = fuse(claims, { timeToleranceMinutes: 10 });
    // 19:08 has 19:00 (×2), 19:08 and 19:16 within 10 minutes; 19:24 is 16 minutes off and does not count.
    expect(result.items[0]).toMatchObject({ value: time('2011-12-01T19:08:00Z'), sources: ['a', 'b', 'c', 'd'], confidence: 0.8 });
  });

  it('reports a value at the centre of the group, not a far member', () => {
    // 19:12 has the most sources and takes 19:05 and 19:20; the centre's original is reported.
    const claims = [at('a', '2011-12-01T19:12:00Z'), at('b', '2011-12-01T14:12:00-05:00'), at('c', '2011-12-01T19:05:00Z'), at('d', '2011-12-01T19:20:00Z')];
    const result = fuse(claims, { timeToleranceMinutes: 10 });
    expect(result.items[0]?.sources).toEqual(['a', 'b', 'c', 'd']);
    expect(result.items[0]?.value).toEqual(time('2011-12-01T14:12:00-05:00')); // one source each at the centre: canonical first
  });

  it('reports the original value most sources gave', () => {
    const claims = [at('a', '2011-12-01T19:07:00Z'), at('b', '2011-12-01T14:07:00-05:00'), at('c', '2011-12-01T14:07:00-05:00')];
    expect(fuse(claims).items[0]?.value).toEqual(time('2011-12-01T14:07:00-05:00'));
  });

  it('crh takes the weighted median of times', () => {
    const claims = [at('a', '2011-12-01T19:07:00Z'), at('b', '2011-12-01T19:08:00Z'), at('c', '2011-12-01T19:06:00Z'), at('d', '2011-12-01T23:00:00Z')];
    expect(fuse(claims, { method: 'crh' }).items[0]?.value).toEqual(time('2011-12-01T19:07:00Z'));
  });
});

describe('normalize', () => {
  it('groups values by their normalised form and reports an original one', () => {
    const claims: FuseClaim[] = [
      { source: 'a', subject: 's', attribute: 'gate', value: ' c20' },
      { source: 'b', subject: 's', attribute: 'gate', value: 'C20' },
      { source: 'c', subject: 's', attribute: 'gate', value: 'C20' },
      { source: 'd', subject: 's', attribute: 'gate', value: 'D4' },
      { source: 'e', subject: 's', attribute: 'gate', value: 'D4' },
    ];
    expect(fuse(claims).items[0]?.value).toBe('C20'); // 2 v 2: tie to the canonical first
    const result = fuse(claims, { normalize: (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v) });
    expect(result.items[0]).toMatchObject({ value: 'C20', sources: ['a', 'b', 'c'] });
  });
});

describe('input validation', () => {
  const good: FuseClaim = { source: 'a', subject: 's', attribute: 'v', value: 1 };
  const issuePath = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(CorroborateError);
      return (error as CorroborateError).issues[0]?.path;
    }
    throw new Error('did not throw');
  };

  it('names the claim index and field of a bad claim', () => {
    expect(issuePath(() => fuse([good, { ...good, source: '' }]))).toEqual([1, 'source']);
    expect(issuePath(() => fuse([good, good, { ...good, subject: 7 } as unknown as FuseClaim]))).toEqual([2, 'subject']);
    expect(issuePath(() => fuse([{ source: 'a', subject: 's', value: 1 } as unknown as FuseClaim]))).toEqual([0, 'attribute']);
    expect(issuePath(() => fuse([{ source: 'a', subject: 's', attribute: 'v' } as FuseClaim]))).toEqual([0, 'value']);
    expect(issuePath(() => fuse([null as unknown as FuseClaim]))).toEqual([0]);
  });

  it('rejects a typed time that is not an ISO instant with offset', () => {
    expect(issuePath(() => fuse([{ ...good, value: time('next Tuesday') }]))).toEqual([0, 'value']);
    expect(issuePath(() => fuse([{ ...good, value: time('2011-12-01T14:07:00') }]))).toEqual([0, 'value']);
    expect(issuePath(() => fuse([{ ...good, value: Number.NaN }]))).toEqual([0, 'value']);
  });

  it('rejects bad options', () => {
    expect(issuePath(() => fuse([good], { method: 'magic' as 'vote' }))).toEqual(['options', 'method']);
    expect(issuePath(() => fuse([good], { timeToleranceMinutes: -1 }))).toEqual(['options', 'timeToleranceMinutes']);
  });
});

describe('permutation invariance', () => {
  const claimArb = fc.record({
    source: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    subject: fc.constantFrom('s1', 's2', 's3'),
    attribute: fc.constantFrom('x', 'y'),
    value: fc.oneof(
      fc.constantFrom('A', 'B', 'C', 'Knuth, Donald', 'Donald Knuth'),
      fc.subarray(['knuth', 'patashnik', 'graham'], { minLength: 1 }),
      fc.integer({ min: 95, max: 105 }),
      fc.integer({ min: 0, max: 30 }).map((m) => time(`2011-12-01T19:${String(m).padStart(2, '0')}:00Z`)),
      fc.integer({ min: 0, max: 30 }).map((m) => time(`2011-12-01T14:${String(m).padStart(2, '0')}:00-05:00`)),
    ),
  });
  const worldArb = fc.array(claimArb, { maxLength: 40 }).chain((claims) => fc.tuple(fc.constant(claims), fc.shuffledSubarray(claims, { minLength: claims.length, maxLength: claims.length })));

  for (const method of FUSE_METHODS) {
    it(`${method}: shuffled claims give the same result`, () => {
      fc.assert(
        fc.property(worldArb, fc.constantFrom(0, 5), fc.constantFrom(0, 0.03), ([claims, shuffled], timeToleranceMinutes, relativeTolerance) => {
          const options = { method, timeToleranceMinutes, relativeTolerance };
          expect(fuse(shuffled, options)).toEqual(fuse(claims, options));
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe('tolerance groups (property)', () => {
  it('every supporting source claimed a time within tolerance of the reported time', () => {
    const claimArb = fc.record({
      source: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
      subject: fc.constantFrom('s1', 's2'),
      attribute: fc.constant('t'),
      value: fc.integer({ min: 0, max: 59 }).map((m) => time(`2011-12-01T19:${String(m).padStart(2, '0')}:00Z`)),
    });
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 15 }), fc.constantFrom(...FUSE_METHODS), (claims, tolerance, method) => {
        const result = fuse(claims, { method, timeToleranceMinutes: tolerance });
        for (const item of result.items) {
          const chosen = Date.parse((item.value as { value: string }).value);
          for (const source of item.sources) {
            const near = claims.some((c) => c.subject === item.subject && c.source === source && Math.abs(Date.parse((c.value as { value: string }).value) - chosen) <= tolerance * 60_000);
            expect(near).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
