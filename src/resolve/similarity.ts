/**
 * Similarity between values of one data item, in [0, 1]. TruthFinder turns it into implication
 * between facts; CRH uses the normalised distance of numbers and times as its loss.
 */

/**
 * The word tokens of a text, for comparing names and author lists: Unicode-folded (accents
 * dropped), lower-cased, split at anything but letters and digits; one-letter words (initials)
 * are dropped unless nothing else is left. Sorted and distinct.
 *
 * @example
 * textTokens('Knuth, Donald E.'); // ['donald', 'knuth']
 */
export function textTokens(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  // Initials vary between sources ("Donald E. Knuth", "Knuth, Donald"); a digit is never an initial.
  const kept = words.filter((w) => w.length > 1 || /\p{N}/u.test(w));
  return [...new Set(kept.length > 0 ? kept : words)].sort();
}

/**
 * The tokens of every string inside a value (JSON leaves; a typed value's name, text or phrase):
 * what the string similarity of two structured values is computed from.
 *
 * @example
 * valueTokens(['Knuth, Donald E.', 'Patashnik, Oren']); // ['donald', 'knuth', 'oren', 'patashnik']
 */
export function valueTokens(value: unknown): string[] {
  const parts: string[] = [];
  collectStrings(value, parts, 0);
  return textTokens(parts.join(' '));
}

function collectStrings(value: unknown, out: string[], depth: number): void {
  if (depth > 32) return;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out, depth + 1);
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      // A typed value's tag ("kind": "entity") is not content.
      if (key !== 'kind') collectStrings(v, out, depth + 1);
    }
  }
}

/**
 * Jaccard similarity |A ∩ B| / |A ∪ B| of two sorted, distinct token lists (0 when both are empty).
 *
 * @example
 * jaccardSorted(['a', 'b'], ['b', 'c']); // 1 / 3
 */
export function jaccardSorted<T extends string | number>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as T;
    const y = b[j] as T;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

/**
 * Token Jaccard similarity of two texts ({@link textTokens}): word order, case, punctuation and
 * initials do not matter, so "Knuth, Donald E." and "Donald Knuth" are 1.
 *
 * @example
 * textSimilarity('Knuth, Donald E.', 'Donald Knuth'); // 1
 * textSimilarity('Donald Knuth', 'Oren Patashnik'); // 0
 */
export function textSimilarity(a: string, b: string): number {
  return jaccardSorted(textTokens(a), textTokens(b));
}

/**
 * Similarity of two instants (epoch milliseconds): 1 − |a − b| / scale, floored at 0.
 *
 * @example
 * timeSimilarity(0, 2 * 60_000, 60); // 2 minutes apart on a 60-minute scale: 0.9666…
 */
export function timeSimilarity(aMs: number, bMs: number, scaleMinutes: number): number {
  if (!(scaleMinutes > 0)) return aMs === bMs ? 1 : 0;
  return Math.max(0, 1 - Math.abs(aMs - bMs) / (scaleMinutes * 60_000));
}

/**
 * Similarity of two numbers: 1 − their relative difference |a − b| / max(|a|, |b|), floored at 0
 * (so numbers of opposite sign are 0).
 *
 * @example
 * numberSimilarity(100, 101); // 0.990…
 * numberSimilarity(100, 250); // 0.4
 */
export function numberSimilarity(a: number, b: number): number {
  if (a === b) return 1;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return Math.max(0, 1 - Math.abs(a - b) / scale);
}

/**
 * Normalised absolute distance |a − b| / scale (CRH's loss for continuous values, the scale being
 * the spread of the item's claims); 0 when the scale is 0.
 *
 * @example
 * normalizedDistance(100, 250, 50); // 3
 */
export function normalizedDistance(a: number, b: number, scale: number): number {
  return scale > 0 ? Math.abs(a - b) / scale : 0;
}
