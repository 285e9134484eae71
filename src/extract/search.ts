// Binary search over sorted offsets, shared by the extractors.

/**
 * The first index in `[0, length)` at which `before(i)` is false, for a predicate that is true
 * on a prefix and false after it (`length` when it is true everywhere).
 *
 * @example
 * const starts = [3, 8, 15];
 * partitionPoint(starts.length, (i) => starts[i]! <= 8); // 2: the first start after 8
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
