import type { Comparison, PhraseValue, Value } from '../model/index.js';
import { combineEntities, compareEntities, formatEntity, parseEntity } from './entity.js';
import type { CompareOptions } from './options.js';
import { combineQuantities, compareQuantities, formatQuantity, parseQuantity } from './quantity.js';
import { combineQuotes, compareQuotes, formatQuote, parseQuote } from './quote.js';
import { combineExact, compareBooleans, compareJson, compareTexts } from './simple.js';
import { stableStringify } from './canonical.js';
import { combineTimes, compareTimes, formatTime, parseTime } from './time.js';

/**
 * Compares two values of any kind with the algebra of their kind. Values of different kinds
 * conflict (`different-kind`).
 *
 * @example
 * compareValues(
 *   { kind: 'quantity', value: 1000, min: 1000, max: null, qualifier: 'over', precision: 1000, unit: 'accounts' },
 *   { kind: 'quantity', value: 1178, min: 1178, max: 1178, qualifier: 'exact', precision: 1, unit: 'accounts' },
 * ); // { verdict: 'compatible', reason: 'hedge', ... }
 */
export function compareValues(a: Value, b: Value, options: CompareOptions = {}): Comparison {
  if (a.kind !== b.kind) {
    return { verdict: 'conflict', reason: 'different-kind', detail: `a ${a.kind} cannot be compared with a ${b.kind}` };
  }
  switch (a.kind) {
    case 'quantity':
      return compareQuantities(a, b as typeof a, options.quantity);
    case 'time':
      return compareTimes(a, b as typeof a, options.time);
    case 'quote':
      return compareQuotes(a, b as typeof a);
    case 'entity':
      return compareEntities(a, b as typeof a, options.entity);
    case 'text':
      return compareTexts(a, b as typeof a);
    case 'boolean':
      return compareBooleans(a, b as typeof a);
    case 'json':
      return compareJson(a, b as typeof a);
  }
}

/**
 * The most specific value consistent with all the given values (all of one kind), or null
 * when they are inconsistent or of mixed kinds.
 *
 * @example
 * combineValues([parseQuantity('over 1,000 accounts')!, parseQuantity('1,178 accounts')!]); // the 1,178 value
 */
export function combineValues(values: readonly Value[], options: CompareOptions = {}): Value | null {
  const first = values[0];
  if (!first || values.some((v) => v.kind !== first.kind)) return null;
  switch (first.kind) {
    case 'quantity':
      return combineQuantities(values as Extract<Value, { kind: 'quantity' }>[]);
    case 'time':
      return combineTimes(values as Extract<Value, { kind: 'time' }>[]);
    case 'quote':
      return combineQuotes(values as Extract<Value, { kind: 'quote' }>[]);
    case 'entity':
      return combineEntities(values as Extract<Value, { kind: 'entity' }>[], options.entity);
    case 'text':
      return combineExact(values as Extract<Value, { kind: 'text' }>[], compareTexts);
    case 'boolean':
      return combineExact(values as Extract<Value, { kind: 'boolean' }>[], compareBooleans);
    case 'json':
      return combineExact(values as Extract<Value, { kind: 'json' }>[], compareJson);
  }
}

/**
 * A short human rendering of a value, as a report would print it.
 *
 * @example
 * formatValue({ kind: 'boolean', value: true }); // 'true'
 */
export function formatValue(value: Value): string {
  switch (value.kind) {
    case 'quantity':
      return formatQuantity(value);
    case 'time':
      return formatTime(value);
    case 'quote':
      return formatQuote(value);
    case 'entity':
      return formatEntity(value);
    case 'text':
      return value.text;
    case 'boolean':
      return String(value.value);
    case 'json':
      return stableStringify(value.value);
  }
}

/**
 * Parses a phrase value into a typed value; times are resolved against `publishedAt`.
 * Returns null when the phrase holds no value of that kind.
 *
 * @example
 * parsePhraseValue({ kind: 'time', phrase: 'on Tuesday' }, { publishedAt: '2021-02-09' }); // a day: 2021-02-09
 */
export function parsePhraseValue(input: PhraseValue, context: { publishedAt?: string | null } = {}): Value | null {
  switch (input.kind) {
    case 'quantity':
      return parseQuantity(input.phrase);
    case 'time':
      return parseTime(input.phrase, context);
    case 'quote':
      return parseQuote(input.phrase);
    case 'entity':
      return parseEntity(input.phrase);
  }
}
