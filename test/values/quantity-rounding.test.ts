import { describe, expect, it } from 'vitest';
import { compareQuantities, parseQuantity } from '../../src/values/quantity.js';

const cmp = (a: string, b: string) => compareQuantities(parseQuantity(a)!, parseQuantity(b)!);

// A round figure fits a precise one only if the precise one rounds (to nearest) to it.
describe('compareQuantities: rounding to the nearest step', () => {
  it.each([
    ['1,178 staff', '1,200 staff', 'compatible', 'rounding'],
    ['1,199 staff', '1,100 staff', 'conflict', 'disjoint'],
    ['1,178 staff', '1,100 staff', 'conflict', 'disjoint'],
    ['257 staff', '250 staff', 'conflict', 'disjoint'],
    ['252 staff', '250 staff', 'compatible', 'rounding'],
    ['3,460', '3,500', 'compatible', 'rounding'],
    ['3,440', '3,500', 'conflict', 'disjoint'],
  ] as const)('%s vs %s → %s (%s), either way round', (a, b, verdict, reason) => {
    expect(cmp(a, b)).toMatchObject({ verdict, reason });
    expect(cmp(b, a)).toMatchObject({ verdict, reason });
  });

  it('keeps hedged figures working', () => {
    expect(cmp('over 1,000 staff', '1,199 staff')).toMatchObject({ verdict: 'compatible', reason: 'hedge' });
    expect(cmp('about 250', '257')).toMatchObject({ verdict: 'compatible', reason: 'hedge' });
    expect(cmp('nearly 50', '48')).toMatchObject({ verdict: 'compatible', reason: 'hedge' });
    expect(cmp('nearly 50', '52').verdict).toBe('conflict'); // "nearly" means a little under
  });

  it('keeps truncation for figures written with decimals', () => {
    expect(cmp('6.3 million', '6.38 million')).toMatchObject({ verdict: 'compatible', reason: 'rounding' });
  });

  it('says which rule applied', () => {
    expect(cmp('1,178 staff', '1,200 staff').detail).toBe('"1,200 staff" can be "1,178 staff" rounded to the nearest 100');
    expect(cmp('6.3 million', '6.38 million').detail).toBe('"6.3 million" can be "6.38 million" truncated to a step of 100,000');
    expect(cmp('over 1,000', '1,000').detail).toBe('"1,000" can be a figure in "over 1,000" rounded to the nearest 1000');
    expect(cmp('nearly 50', '48').detail).toBe('"48" is within 10% under "nearly 50"');
    expect(compareQuantities(parseQuantity('1,200')!, parseQuantity('1,290')!, { roundingSteps: 1 }).detail).toBe(
      '"1,200" is within 1 step of 100 of "1,290"',
    );
    expect(compareQuantities(parseQuantity('288')!, parseQuantity('292')!, { relativeTolerance: 0.02 }).detail).toBe(
      '"288" and "292" are within 2% of each other',
    );
  });
});
