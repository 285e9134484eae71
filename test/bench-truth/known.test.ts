import { describe, expect, it } from 'vitest';
import { heldOut, pickKnown } from '../../bench/truth/known.js';

describe('bench known facts: a seeded sample of the gold, and the rest held out', () => {
  const keys = Array.from({ length: 1000 }, (_, i) => `AA-${i}@2011-12-01\tactual-departure`);

  it('picks the asked number of keys, the same whatever the order, smaller samples inside larger ones', () => {
    const ten = pickKnown(keys, 10);
    expect(ten.size).toBe(10);
    expect([...pickKnown([...keys].reverse(), 10)].sort()).toEqual([...ten].sort());
    const fifty = pickKnown(keys, 50);
    for (const k of ten) expect(fifty.has(k)).toBe(true);
    expect(pickKnown(keys, 10, 'another seed')).not.toEqual(ten);
    expect(pickKnown(keys, 5000).size).toBe(1000);
    expect(pickKnown(keys, 0).size).toBe(0);
  });

  it('holds out every key that is not known', () => {
    const gold = new Map(keys.map((k, i) => [k, i]));
    const known = pickKnown(keys, 10);
    const rest = heldOut(gold, known);
    expect(rest.size).toBe(990);
    for (const k of known) expect(rest.has(k)).toBe(false);
  });
});
