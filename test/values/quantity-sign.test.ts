import { describe, expect, it } from 'vitest';
import { compareQuantities, formatQuantity, parseQuantity } from '../../src/index.js';

// A minus sign in front of a figure is part of it: a 5% fall never agrees with a 5% rise.
describe('parseQuantity with a leading minus', () => {
  it.each([
    ['-5%', -5, 'percent'],
    ['−3.2 per cent', -3.2, 'percent'],
    ['minus 4 degrees', -4, 'degrees'],
    ['-1,200 people', -1200, 'people'],
  ])('reads %s as %d', (phrase, value, unit) => {
    expect(parseQuantity(phrase)).toMatchObject({ value, min: value, max: value, qualifier: 'exact', unit });
  });

  it('leaves ranges and figures without a sign alone', () => {
    expect(parseQuantity('5-6 people')).toMatchObject({ qualifier: 'range', min: 5, max: 6 });
    expect(parseQuantity('5–6 people')).toMatchObject({ min: 5, max: 6 });
    expect(parseQuantity('5%')).toMatchObject({ value: 5 });
  });

  it('compares signed figures as numbers', () => {
    expect(compareQuantities(parseQuantity('-5%')!, parseQuantity('5%')!)).toMatchObject({ verdict: 'conflict', reason: 'disjoint' });
    expect(compareQuantities(parseQuantity('-1,200 people')!, parseQuantity('-1,178 people')!)).toMatchObject({ verdict: 'compatible', reason: 'rounding' });
    expect(compareQuantities(parseQuantity('minus 4 degrees')!, parseQuantity('-4 degrees')!).verdict).toBe('agree');
    expect(formatQuantity(parseQuantity('-5%')!)).toBe('-5%');
  });
});
