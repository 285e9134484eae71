// Known facts for the semi-supervised settings (fuse(claims, { known })): a deterministic sample of
// the gold items, given to fuse as known, and the rest of the gold to score on (held out).
import { stableHash } from '../../src/values/canonical.js';

/**
 * The `count` keys first in the order of a seeded hash of the key (ties by key): a fixed,
 * order-free sample, and a larger count includes every key of a smaller one.
 *
 * @example
 * pickKnown(gold.values.keys(), Math.round(0.01 * gold.values.size)); // 1 % of the gold items
 */
export function pickKnown(keys: Iterable<string>, count: number, seed = 'known'): Set<string> {
  const ranked = [...new Set(keys)].map((key) => ({ key, rank: stableHash(`${seed}\t${key}`) }));
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Set(ranked.slice(0, Math.max(0, Math.min(count, ranked.length))).map((r) => r.key));
}

/**
 * A copy of `values` without the `known` keys: the gold that scoring may use.
 *
 * @example
 * const gold = { ...flightGold, values: heldOut(flightGold.values, known) };
 */
export function heldOut<V>(values: ReadonlyMap<string, V>, known: ReadonlySet<string>): Map<string, V> {
  const out = new Map<string, V>();
  for (const [key, value] of values) if (!known.has(key)) out.set(key, value);
  return out;
}
