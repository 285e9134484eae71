import { describe, expect, it } from 'vitest';
import { fuse } from '../../src/resolve/fuse.js';
import { jaccardSorted, normalizedDistance, numberSimilarity, textSimilarity, textTokens, timeSimilarity, valueTokens } from '../../src/resolve/similarity.js';
import type { FuseClaim } from '../../src/resolve/types.js';

describe('author strings', () => {
  it('folds case, punctuation, accents and initials', () => {
    expect(textTokens('Knuth, Donald E.')).toEqual(['donald', 'knuth']);
    expect(textTokens('  DONALD   KNUTH ')).toEqual(['donald', 'knuth']);
    expect(textTokens('Gödel, K.')).toEqual(['godel']);
    expect(textTokens('J. K.')).toEqual(['j', 'k']); // nothing but initials: keep them
  });

  it('"Knuth, Donald E." and "Donald Knuth" are the same name', () => {
    expect(textSimilarity('Knuth, Donald E.', 'Donald Knuth')).toBe(1);
    expect(textSimilarity('Knuth, Donald E.', 'D. E. Knuth')).toBe(0.5);
    expect(textSimilarity('Donald Knuth', 'Oren Patashnik')).toBe(0);
  });

  it('compares author lists by the names in them', () => {
    expect(valueTokens(['Graham, Ronald L.', 'Knuth, Donald E.', 'Patashnik, Oren'])).toEqual(['donald', 'graham', 'knuth', 'oren', 'patashnik', 'ronald']);
    expect(jaccardSorted(valueTokens('Graham; Knuth; Patashnik'), valueTokens(['Ronald Graham', 'Donald Knuth', 'Oren Patashnik']))).toBe(0.5);
    expect(valueTokens({ kind: 'entity', name: 'Twitter' })).toEqual(['twitter']);
  });
});

describe('times and numbers', () => {
  it('decays linearly with distance', () => {
    expect(timeSimilarity(0, 2 * 60_000, 60)).toBeCloseTo(1 - 2 / 60);
    expect(timeSimilarity(0, 90 * 60_000, 60)).toBe(0);
    expect(numberSimilarity(100, 101)).toBeCloseTo(0.990099);
    expect(numberSimilarity(100, 250)).toBeCloseTo(0.4);
    expect(numberSimilarity(-1, 1)).toBe(0);
    expect(normalizedDistance(100, 250, 50)).toBe(3);
    expect(normalizedDistance(1, 2, 0)).toBe(0);
  });
});

describe('similarity in TruthFinder', () => {
  // Four spellings of one author against one other author given by two sources.
  const claims: FuseClaim[] = [
    { source: 's1', subject: '0201853949', attribute: 'authors', value: 'Knuth, Donald E.' },
    { source: 's2', subject: '0201853949', attribute: 'authors', value: 'Donald Knuth' },
    { source: 's3', subject: '0201853949', attribute: 'authors', value: 'Donald E. Knuth' },
    { source: 's4', subject: '0201853949', attribute: 'authors', value: 'KNUTH, DONALD' },
    { source: 's5', subject: '0201853949', attribute: 'authors', value: 'Oren Patashnik' },
    { source: 's6', subject: '0201853949', attribute: 'authors', value: 'Oren Patashnik' },
  ];

  it('lets similar spellings support each other where vote counts them apart', () => {
    expect(fuse(claims, { method: 'vote' }).items[0]?.value).toBe('Oren Patashnik');
    const tf = fuse(claims, { method: 'truthfinder' }).items[0];
    expect(tf?.value).toBe('Donald E. Knuth'); // the four spellings tie; the canonical first wins
  });

  it('lets a near time support its neighbour', () => {
    const t = (source: string, value: string): FuseClaim => ({ source, subject: 'f', attribute: 'dep', value: { kind: 'time', value } });
    const near = [t('a', '2011-12-01T19:07:00Z'), t('b', '2011-12-01T19:08:00Z'), t('c', '2011-12-01T19:09:00Z'), t('f', '2011-12-01T19:10:00Z'), t('d', '2011-12-01T22:00:00Z'), t('e', '2011-12-01T22:00:00Z')];
    expect(fuse(near, { method: 'vote' }).items[0]?.sources).toEqual(['d', 'e']);
    expect(fuse(near, { method: 'truthfinder' }).items[0]?.sources).toEqual(['b']); // the middle of the cluster (19:08 and 19:09 tie; the earlier wins)
  });
});
