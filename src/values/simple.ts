import equal from 'fast-deep-equal';
import type { BooleanValue, Comparison, JsonValue, TextValue } from '../model/index.js';
import { compareStrings, stableStringify, distinctValues } from './canonical.js';

function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Compares free text: equal, equal but for case/spacing, or different.
 *
 * @example
 * compareTexts({ kind: 'text', text: 'New Delhi' }, { kind: 'text', text: 'new  delhi' }).reason; // 'case'
 */
export function compareTexts(a: TextValue, b: TextValue): Comparison {
  if (a.text === b.text) return { verdict: 'agree', reason: 'identical', detail: `both "${a.text}"` };
  if (foldText(a.text) === foldText(b.text)) {
    return { verdict: 'agree', reason: 'case', detail: `"${a.text}" and "${b.text}" differ only in case or spacing` };
  }
  return { verdict: 'conflict', reason: 'different-value', detail: `"${a.text}" differs from "${b.text}"` };
}

/**
 * Compares two yes/no values.
 *
 * @example
 * compareBooleans({ kind: 'boolean', value: true }, { kind: 'boolean', value: false }).verdict; // 'conflict'
 */
export function compareBooleans(a: BooleanValue, b: BooleanValue): Comparison {
  return a.value === b.value
    ? { verdict: 'agree', reason: 'equal', detail: `both ${a.value}` }
    : { verdict: 'conflict', reason: 'different-value', detail: `${a.value} vs ${b.value}` };
}

/**
 * Compares plain JSON values by deep equality (fast-deep-equal).
 *
 * @example
 * compareJson({ kind: 'json', value: { a: 1 } }, { kind: 'json', value: { a: 1 } }).verdict; // 'agree'
 */
export function compareJson(a: JsonValue, b: JsonValue): Comparison {
  return equal(a.value, b.value)
    ? { verdict: 'agree', reason: 'equal', detail: `both ${stableStringify(a.value)}` }
    : { verdict: 'conflict', reason: 'different-value', detail: `${stableStringify(a.value)} vs ${stableStringify(b.value)}` };
}

/**
 * The shared value when all agree (the first in a stable order), else null. Used for the
 * kinds where "more specific" has no meaning: text, boolean, json.
 *
 * @example
 * combineExact([{ kind: 'boolean', value: true }, { kind: 'boolean', value: true }], compareBooleans); // { kind: 'boolean', value: true }
 */
export function combineExact<T>(all: readonly T[], compare: (a: T, b: T) => Comparison): T | null {
  const values = distinctValues(all); // pairwise below: repeats add nothing
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => compareStrings(stableStringify(x), stableStringify(y)));
  const first = sorted[0] as T;
  return sorted.every((v) => compare(first, v).verdict !== 'conflict') ? first : null;
}
