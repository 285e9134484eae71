/**
 * The prose of a report as copy detection reads it: its words outside quotes, in typed arrays
 * (offsets, the stretch of unbroken prose each is in, a 32-bit hash of its folded form), and
 * the hashes of its word shingles. Typed arrays, not an object per word: 100k articles hold
 * tens of millions of words, and per-word objects were most of copy detection's memory.
 */
import { quotedRanges } from '../extract/quoted-ranges.js';

/** A report's prose words (outside quotes) and word shingles. */
export interface ProseIndex {
  /** Offsets of each word in the text. */
  starts: Int32Array;
  ends: Int32Array;
  /** Stretch of unbroken prose each word is in: a quote between two words breaks it. */
  segments: Int32Array;
  /** Hash of the shingle starting at each word (`words - k + 1` of them). */
  hashes: Int32Array;
  /** Whether that shingle lies inside one stretch (shingles across a quote are not wording). */
  valid: Uint8Array;
  /** The distinct hashes of valid shingles, sorted. */
  distinct: Int32Array;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** 32-bit hash of a word as folded (NFKC, lower case, ’ as '); plain ASCII without a copy. */
function wordHash(word: string): number {
  let ascii = true;
  for (let i = 0; i < word.length && ascii; i++) ascii = word.charCodeAt(i) < 128;
  const folded = ascii ? word : word.normalize('NFKC').toLowerCase().replace(/’/g, "'");
  let h = 0x811c9dc5;
  for (let i = 0; i < folded.length; i++) {
    let ch = folded.charCodeAt(i);
    if (ascii && ch >= 65 && ch <= 90) ch += 32;
    h = Math.imul(h ^ ch, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/**
 * Indexes a text's prose for copy detection with shingles of `k` words.
 *
 * @example
 * const index = proseIndex('Rescue teams worked through the night, "we will not stop," he said.', 4);
 * index.starts.length; // 9: the quoted words are left out
 */
export function proseIndex(text: string, k: number): ProseIndex {
  const quotes = quotedRanges(text);
  const starts: number[] = [];
  const ends: number[] = [];
  const segments: number[] = [];
  const words: number[] = [];
  let q = 0;
  let segment = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    while (q < quotes.length && quotes[q]!.end <= start) {
      q++;
      segment++;
    }
    const quote = quotes[q];
    if (quote && quote.start < end) continue;
    starts.push(start);
    ends.push(end);
    segments.push(segment);
    words.push(wordHash(m[0]));
  }
  const count = Math.max(0, words.length - k + 1);
  const hashes = new Int32Array(count);
  const valid = new Uint8Array(count);
  let validCount = 0;
  for (let i = 0; i < count; i++) {
    if (segments[i] !== segments[i + k - 1]) continue;
    let h = 0x9e3779b9 ^ k;
    for (let w = i; w < i + k; w++) {
      h = Math.imul(h ^ words[w]!, 0x85ebca6b);
      h ^= h >>> 13;
    }
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    hashes[i] = h ^ (h >>> 15);
    valid[i] = 1;
    validCount++;
  }
  const all = new Int32Array(validCount);
  for (let i = 0, at = 0; i < count; i++) if (valid[i]) all[at++] = hashes[i]!;
  all.sort();
  let distinctCount = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinctCount++] = all[i]!;
  return {
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    segments: Int32Array.from(segments),
    hashes,
    valid,
    distinct: all.slice(0, distinctCount),
  };
}

/** Whether sorted `list` holds `value`. */
export function sortedHas(list: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === value;
}

/**
 * The hashes two sorted distinct lists share, minus `skip` (boilerplate), sorted.
 *
 * @example
 * sharedHashes(Int32Array.of(1, 4, 9), Int32Array.of(4, 9, 12), new Set([9])); // Int32Array [4]
 */
export function sharedHashes(a: Int32Array, b: Int32Array, skip: ReadonlySet<number>): Int32Array {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      if (!skip.has(x)) out.push(x);
      i++;
      j++;
    }
  }
  return Int32Array.from(out);
}

/**
 * Stable sort of (key, value) pairs by unsigned 32-bit key: two passes of 16 bits. Linear in
 * the number of pairs; copy detection sorts one pair per shingle occurrence (tens of millions).
 * The input arrays are used as scratch space (pass arrays you own).
 *
 * @example
 * const { keys, values } = radixSortPairs(Uint32Array.of(7, 3, 7), Int32Array.of(0, 1, 2));
 * // keys [3, 7, 7], values [1, 0, 2]
 */
export function radixSortPairs(keys: Uint32Array, values: Int32Array): { keys: Uint32Array; values: Int32Array } {
  let srcK: Uint32Array = keys;
  let srcV: Int32Array = values;
  let dstK: Uint32Array = new Uint32Array(keys.length);
  let dstV: Int32Array = new Int32Array(values.length);
  const count = new Int32Array(65537);
  for (const shift of [0, 16]) {
    count.fill(0);
    for (let i = 0; i < srcK.length; i++) count[((srcK[i]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 0; d < 65536; d++) count[d + 1]! += count[d]!;
    for (let i = 0; i < srcK.length; i++) {
      const at = count[(srcK[i]! >>> shift) & 0xffff]!++;
      dstK[at] = srcK[i]!;
      dstV[at] = srcV[i]!;
    }
    [srcK, dstK] = [dstK, srcK];
    [srcV, dstV] = [dstV, srcV];
  }
  return { keys: srcK, values: srcV };
}
