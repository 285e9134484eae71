/**
 * JSON with object keys sorted, so equal data always gives the same string — the basis of
 * deterministic ordering and de-duplication.
 *
 * @example
 * stableStringify({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(record[k])}`).join(',')}}`;
}

/**
 * A short, stable, non-cryptographic hash (cyrb53, 53 bits) as 14 hex digits; used for ids
 * that must not change between runs.
 *
 * @example
 * stableHash('fresh-order|accounts|'); // same 14 hex digits on every run
 */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0');
}

/**
 * Compares strings by UTF-16 code units — unlike localeCompare, the same on every machine.
 *
 * @example
 * ['b', 'a', 'B'].sort(compareStrings); // ['B', 'a', 'b']
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The values with exact repeats left out (first occurrence kept, order kept). The combine
 * functions compare values pairwise; ten thousand reports repeating one figure are one value.
 *
 * @example
 * distinctValues([{ v: 1 }, { v: 2 }, { v: 1 }]); // [{ v: 1 }, { v: 2 }]
 */
export function distinctValues<T>(values: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const value of values) {
    const key = stableStringify(value);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}
