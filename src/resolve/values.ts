/**
 * How a claimed value is compared: as a number (with a unit), an instant, or an opaque JSON value
 * keyed by its canonical JSON. Computed once per distinct value, never per claim.
 */
import { stableStringify } from '../values/canonical.js';

/**
 * Kind tag: a number (plain JSON number, or a quantity with a point value).
 *
 * @example
 * (analyzeValue(42) as ValueInfo).kind === KIND_NUMBER; // true
 */
export const KIND_NUMBER = 0;
/**
 * Kind tag: an instant (typed time), as epoch milliseconds.
 *
 * @example
 * (analyzeValue({ kind: 'time', value: '2011-12-01' }) as ValueInfo).kind === KIND_TIME; // true
 */
export const KIND_TIME = 1;
/**
 * Kind tag: anything else, equal when the canonical JSON is equal.
 *
 * @example
 * (analyzeValue('F78') as ValueInfo).kind === KIND_OTHER; // true
 */
export const KIND_OTHER = 2;

/**
 * What fusion needs to know about one distinct value.
 *
 * @example
 * const info: ValueInfo = { kind: KIND_NUMBER, x: 1178, domain: 'accounts', key: '' };
 */
export interface ValueInfo {
  kind: typeof KIND_NUMBER | typeof KIND_TIME | typeof KIND_OTHER;
  /** The number, or the instant in epoch milliseconds; NaN for KIND_OTHER. */
  x: number;
  /** Numbers compare only within one unit ('' for plain numbers); '' otherwise. */
  domain: string;
  /** Canonical JSON for KIND_OTHER (the grouping key); '' otherwise. */
  key: string;
}

// A calendar date (midnight UTC) or a date-time that carries its offset: a date-time without one
// would be read in the machine's zone, and fusion must give the same answer everywhere.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Reads an ISO 8601 date or date-time with offset as epoch milliseconds; NaN if it is not one.
 *
 * @example
 * parseInstant('2011-12-01T14:07:00-05:00'); // 1322766420000
 * parseInstant('2011-12-01T14:07:00'); // NaN (no offset)
 */
export function parseInstant(text: string): number {
  return ISO_INSTANT.test(text) ? Date.parse(text) : Number.NaN;
}

/**
 * Classifies one value, or returns why it cannot be fused (a message).
 *
 * - a finite JSON number → number; `{ kind: 'quantity', value: n, unit? }` → number in that unit;
 * - `{ kind: 'time', value: ISO }` → instant (the ISO text must carry an offset, or be a date);
 *   a model time `{ kind: 'time', start, end, granularity }` → instant of `start` when it is a
 *   point (start = end, or granularity instant/minute), otherwise compared as JSON;
 * - `{ kind: 'json', value }` → its inner value;
 * - any other JSON value → compared by canonical JSON (object keys sorted).
 *
 * @example
 * analyzeValue({ kind: 'time', value: '2011-12-01T19:07:00Z' }); // { kind: KIND_TIME, x: 1322766420000, … }
 * analyzeValue('F78'); // { kind: KIND_OTHER, key: '"F78"', … }
 */
export function analyzeValue(value: unknown): ValueInfo | string {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? { kind: KIND_NUMBER, x: value, domain: '', key: '' } : 'must be a finite number';
    case 'string':
      return { kind: KIND_OTHER, x: Number.NaN, domain: '', key: JSON.stringify(value) };
    case 'boolean':
      return { kind: KIND_OTHER, x: Number.NaN, domain: '', key: value ? 'true' : 'false' };
    case 'object': {
      if (value === null) return { kind: KIND_OTHER, x: Number.NaN, domain: '', key: 'null' };
      if (!Array.isArray(value)) {
        const typed = value as Record<string, unknown>;
        if (typed.kind === 'time') {
          if ('value' in typed) {
            if (typeof typed.value !== 'string') return 'a typed time needs "value": an ISO 8601 date-time string';
            const x = parseInstant(typed.value);
            if (Number.isNaN(x)) return `cannot read "${typed.value}" as an ISO 8601 date, or date-time with offset`;
            return { kind: KIND_TIME, x, domain: '', key: '' };
          }
          if (typeof typed.start === 'string' && (typed.start === typed.end || typed.granularity === 'instant' || typed.granularity === 'minute')) {
            const x = parseInstant(typed.start);
            if (!Number.isNaN(x)) return { kind: KIND_TIME, x, domain: '', key: '' };
          }
        } else if (typed.kind === 'quantity' && typeof typed.value === 'number' && Number.isFinite(typed.value)) {
          return { kind: KIND_NUMBER, x: typed.value, domain: typeof typed.unit === 'string' ? typed.unit : '', key: '' };
        } else if (typed.kind === 'json' && 'value' in typed && Object.keys(typed).length === 2) {
          return analyzeValue(typed.value);
        }
      }
      return { kind: KIND_OTHER, x: Number.NaN, domain: '', key: stableStringify(value) };
    }
    default:
      return 'must be a JSON value';
  }
}

/**
 * The canonical JSON of a value (object keys sorted): the identity of an original value, with a
 * fast path for strings, numbers and typed times — the values that come by the million.
 *
 * @example
 * canonicalKey({ value: '2011-12-01T14:07:00-05:00', kind: 'time' }); // '{"kind":"time","value":"2011-12-01T14:07:00-05:00"}'
 */
export function canonicalKey(value: unknown): string {
  return fastKey(value) ?? stableStringify(value);
}

/**
 * {@link canonicalKey} of a string, a number or a typed time `{ kind: 'time', value }`, without
 * walking the value; undefined for anything else.
 *
 * @example
 * fastKey('F78'); // '"F78"'
 * fastKey({ gate: 'F78' }); // undefined
 */
export function fastKey(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return JSON.stringify(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const typed = value as Record<string, unknown>;
    if (typed.kind === 'time' && typeof typed.value === 'string') {
      let keys = 0;
      for (const _ in typed) keys++;
      if (keys === 2) return `{"kind":"time","value":${JSON.stringify(typed.value)}}`;
    }
  }
  return undefined;
}
