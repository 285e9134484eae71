import * as z from 'zod/mini';
import { dateUnionError, valueUnionError } from './messages.js';
import { configureZod } from './zod-config.js';

configureZod();

// The value kinds, for the messages of the unions below.
const VALUE_KINDS = ['quantity', 'time', 'quote', 'entity', 'text', 'boolean', 'json'] as const;
const PHRASE_KINDS = ['quantity', 'time', 'quote', 'entity'] as const;

/**
 * How a quantity was qualified in the text. `over` and `under` are strict bounds;
 * `at-least`, `up-to` inclusive ones; `about` and `nearly` are hedges around a point.
 *
 * @example
 * QuantityQualifierSchema.parse('over'); // 'over'
 */
export const QuantityQualifierSchema = z.enum([
  'exact',
  'about',
  'over',
  'at-least',
  'under',
  'up-to',
  'nearly',
  'range',
  'vague',
]);
/**
 * How a quantity was qualified in the text (see {@link QuantityQualifierSchema}).
 *
 * @example
 * const qualifier: QuantityQualifier = 'at-least'; // "at least 40 people"
 */
export type QuantityQualifier = z.infer<typeof QuantityQualifierSchema>;

/**
 * A count or amount as an interval `[min, max]` (either end `null` = open) with its unit.
 *
 * - `value` is the figure as written ("over 1,000" → 1000; a range has `null`).
 * - `precision` is the rounding step implied by how it was written: "1,200" → 100,
 *   "1,178" → 1, "7.4 million" → 100000.
 * - `unit` is a normalised unit noun ("accounts") or currency code ("INR", "USD"), or `percent`.
 *
 * A value that contradicts itself is an error: `min` above `max`, or `value` outside `[min, max]`.
 *
 * @example
 * QuantityValueSchema.parse({
 *   kind: 'quantity', value: 1000, min: 1000, max: null, qualifier: 'over',
 *   precision: 1000, unit: 'accounts', text: 'over 1,000 accounts',
 * });
 */
export const QuantityValueSchema = z
  .strictObject({
    kind: z.literal('quantity'),
    value: z.nullable(z.number()),
    min: z.nullable(z.number()),
    max: z.nullable(z.number()),
    qualifier: QuantityQualifierSchema,
    precision: z.number().check(z.positive()),
    unit: z.optional(z.string()),
    text: z.optional(z.string()),
  })
  // Contradictory bounds would be compared as if they meant something: reject them.
  .check(
    z.superRefine((q, ctx) => {
      const { value, min, max } = q;
      if (min !== null && max !== null && min > max) {
        ctx.addIssue({ code: 'custom', input: q, path: ['min'], message: `min ${min} is above max ${max}` });
      } else if (value !== null && ((min !== null && value < min) || (max !== null && value > max))) {
        const bounds = min === null ? `above max ${max}` : max === null ? `below min ${min}` : `outside [${min}, ${max}]`;
        ctx.addIssue({ code: 'custom', input: q, path: ['value'], message: `value ${value} is ${bounds}` });
      }
    }),
  );
/**
 * A count or amount: an interval `[min, max]` with the figure as written, its rounding step and
 * unit (see {@link QuantityValueSchema}).
 *
 * @example
 * const q: QuantityValue = { kind: 'quantity', value: 1178, min: 1178, max: 1178, qualifier: 'exact', precision: 1, unit: 'accounts' };
 */
export type QuantityValue = z.infer<typeof QuantityValueSchema>;

/**
 * How finely a time is known.
 *
 * @example
 * GranularitySchema.parse('day'); // 'day'
 */
export const GranularitySchema = z.enum(['instant', 'minute', 'hour', 'day', 'week', 'month', 'year']);
/**
 * How finely a time is known (see {@link GranularitySchema}).
 *
 * @example
 * const granularity: Granularity = 'month'; // "in February 2021"
 */
export type Granularity = z.infer<typeof GranularitySchema>;

/**
 * What a time was resolved against: `absolute` (the text names the date), `publication`
 * (relative to the report's publication date), `mention` (relative to another time in the
 * text), or `unresolved` (relative, and the anchor is unknown — never guessed).
 *
 * @example
 * TimeAnchorSchema.parse('publication'); // 'publication'
 */
export const TimeAnchorSchema = z.enum(['absolute', 'publication', 'mention', 'unresolved']);
/**
 * What a time was resolved against (see {@link TimeAnchorSchema}).
 *
 * @example
 * const anchor: TimeAnchor = 'publication'; // "on Monday", read against the publication date
 */
export type TimeAnchor = z.infer<typeof TimeAnchorSchema>;

/**
 * A calendar date `YYYY-MM-DD` or a date-time with an offset (`Z` or `±HH:MM`, seconds
 * required); a date-time without an offset names no instant and is rejected.
 *
 * @example
 * DateOrDateTimeSchema.parse('2021-02-08'); // '2021-02-08'
 * DateOrDateTimeSchema.parse('2021-02-08T10:00:00+05:30'); // '2021-02-08T10:00:00+05:30'
 * DateOrDateTimeSchema.safeParse('2021-02-08T10:00:00').success; // false
 */
export const DateOrDateTimeSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: dateUnionError });

// The date-times DateOrDateTimeSchema accepts (z.iso.datetime with an offset).
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** Epoch milliseconds of a date-time with an offset; null for a calendar date. */
function instantOf(text: string): number | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const at = new Date(0);
  at.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3])); // Date.UTC would read years 0–99 as 19xx
  const offset = m[8] === undefined ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  at.setUTCHours(Number(m[4]), Number(m[5]) - offset, Number(m[6]));
  return at.getTime() + (m[7] === undefined ? 0 : Number(m[7]) * 1000);
}

/**
 * Whether `start` is later than `end`: two date-times as instants; otherwise by calendar day,
 * a date-time's day being the one written (in its own offset).
 */
function startsAfter(start: string, end: string): boolean {
  const s = instantOf(start);
  const e = instantOf(end);
  // YYYY-MM-DD prefixes sort as the days they name.
  return s !== null && e !== null ? s > e : start.slice(0, 10) > end.slice(0, 10);
}

/**
 * A time as a calendar interval `[start, end]` (inclusive calendar dates, or date-times with
 * offsets for instants) with its granularity and anchor. Unresolved times have `start` and
 * `end` set to `null` and keep the phrase in `text`. A `start` after `end` is an error (two
 * date-times compared as instants; otherwise by calendar day, a date-time's day as written).
 *
 * @example
 * TimeValueSchema.parse({
 *   kind: 'time', start: '2021-02-08', end: '2021-02-08', granularity: 'day',
 *   anchor: 'publication', text: 'on Monday',
 * });
 */
export const TimeValueSchema = z
  .strictObject({
    kind: z.literal('time'),
    start: z.nullable(DateOrDateTimeSchema),
    end: z.nullable(DateOrDateTimeSchema),
    granularity: GranularitySchema,
    anchor: TimeAnchorSchema,
    text: z.optional(z.string()),
  })
  // A reversed interval is a mistake, not a time: reject it rather than guess which end is meant.
  .check(
    z.superRefine((t, ctx) => {
      if (t.start !== null && t.end !== null && startsAfter(t.start, t.end)) {
        ctx.addIssue({ code: 'custom', input: t, path: ['start'], message: `start ${t.start} is after end ${t.end}` });
      }
    }),
  );
/**
 * A date or time as an inclusive interval `[start, end]` with its granularity and anchor
 * (see {@link TimeValueSchema}).
 *
 * @example
 * const t: TimeValue = { kind: 'time', start: '2021-02-08', end: '2021-02-08', granularity: 'day', anchor: 'publication', text: 'on Monday' };
 */
export type TimeValue = z.infer<typeof TimeValueSchema>;

/**
 * Words quoted verbatim. `normalized` (case, quote marks, dashes, whitespace and ellipses
 * folded) is filled in by {@link parseQuote}; comparison always recomputes it.
 *
 * @example
 * QuoteValueSchema.parse({ kind: 'quote', text: 'Safety of our employees is a top priority' });
 */
export const QuoteValueSchema = z.strictObject({
  kind: z.literal('quote'),
  text: z.string().check(z.minLength(1)),
  normalized: z.optional(z.string()),
});
/**
 * Words quoted verbatim (see {@link QuoteValueSchema}).
 *
 * @example
 * const quote: QuoteValue = { kind: 'quote', text: 'We have reached out to the honourable minister for a formal dialogue.' };
 */
export type QuoteValue = z.infer<typeof QuoteValueSchema>;

/**
 * A named person, organisation or place, optionally with the role it was given
 * ("a spokesperson of Twitter" → name "Twitter", role "spokesperson").
 *
 * @example
 * EntityValueSchema.parse({ kind: 'entity', name: 'Twitter', role: 'spokesperson' });
 */
export const EntityValueSchema = z.strictObject({
  kind: z.literal('entity'),
  name: z.string().check(z.minLength(1)),
  role: z.optional(z.string()),
  title: z.optional(z.string()),
  type: z.optional(z.enum(['person', 'organisation', 'place', 'other'])),
  text: z.optional(z.string()),
});
/**
 * A named person, organisation or place, with the role or title it was given
 * (see {@link EntityValueSchema}).
 *
 * @example
 * const speaker: EntityValue = { kind: 'entity', name: 'Ravi Shankar Prasad', title: 'IT Minister', type: 'person' };
 */
export type EntityValue = z.infer<typeof EntityValueSchema>;

/**
 * Free text compared after case and whitespace folding.
 *
 * @example
 * TextValueSchema.parse({ kind: 'text', text: 'New Delhi' });
 */
export const TextValueSchema = z.strictObject({ kind: z.literal('text'), text: z.string() });
/**
 * Free text, compared after case and whitespace folding (see {@link TextValueSchema}).
 *
 * @example
 * const place: TextValue = { kind: 'text', text: 'New Delhi' };
 */
export type TextValue = z.infer<typeof TextValueSchema>;

/**
 * A yes/no fact.
 *
 * @example
 * BooleanValueSchema.parse({ kind: 'boolean', value: true });
 */
export const BooleanValueSchema = z.strictObject({ kind: z.literal('boolean'), value: z.boolean() });
/**
 * A yes/no fact (see {@link BooleanValueSchema}).
 *
 * @example
 * const complied: BooleanValue = { kind: 'boolean', value: false };
 */
export type BooleanValue = z.infer<typeof BooleanValueSchema>;

/**
 * Any plain JSON value from structured data, compared by deep equality.
 *
 * @example
 * JsonValueSchema.parse({ kind: 'json', value: { gate: 'C20' } });
 */
export const JsonValueSchema = z.strictObject({ kind: z.literal('json'), value: z.lazy(() => PlainJsonSchema) });

/**
 * Any JSON value: null, boolean, number, string, array or object of JSON values.
 *
 * @example
 * PlainJsonSchema.parse([1, 'two', { three: null }]);
 */
export const PlainJsonSchema = z.json();
/**
 * A plain JSON value from structured data, compared by deep equality (see {@link JsonValueSchema}).
 *
 * @example
 * const gate: JsonValue = { kind: 'json', value: { terminal: 3, gate: 'C20' } };
 */
export type JsonValue = z.infer<typeof JsonValueSchema>;

/**
 * A typed value: one of quantity, time, quote, entity, text, boolean or json.
 *
 * @example
 * ValueSchema.parse({ kind: 'boolean', value: false });
 */
export const ValueSchema = z.discriminatedUnion(
  'kind',
  [QuantityValueSchema, TimeValueSchema, QuoteValueSchema, EntityValueSchema, TextValueSchema, BooleanValueSchema, JsonValueSchema],
  { error: valueUnionError(VALUE_KINDS, []) },
);
/**
 * A typed value of any kind: quantity, time, quote, entity, text, boolean or json
 * (see {@link ValueSchema}).
 *
 * @example
 * const values: Value[] = [
 *   { kind: 'quantity', value: 1000, min: 1000, max: null, qualifier: 'over', precision: 1000, unit: 'accounts' },
 *   { kind: 'time', start: '2021-02-09', end: '2021-02-09', granularity: 'day', anchor: 'absolute' },
 * ];
 */
export type Value = z.infer<typeof ValueSchema>;
/**
 * The `kind` tag of a {@link Value}.
 *
 * @example
 * const kind: ValueKind = 'quantity';
 */
export type ValueKind = Value['kind'];

/**
 * A value given as the phrase a report used; reconcile() parses it (times against the report's
 * publication date). Handy for hand-written claims files.
 *
 * @example
 * PhraseValueSchema.parse({ kind: 'quantity', phrase: 'over 1,000 accounts' });
 * PhraseValueSchema.parse({ kind: 'time', phrase: 'on Monday' });
 */
export const PhraseValueSchema = z.strictObject({
  kind: z.enum(PHRASE_KINDS),
  phrase: z.string().check(z.minLength(1)),
});
/**
 * A value given as the phrase a report used, parsed by reconcile() (see {@link PhraseValueSchema}).
 *
 * @example
 * const phrase: PhraseValue = { kind: 'quantity', phrase: 'over 1,000 accounts' };
 */
export type PhraseValue = z.infer<typeof PhraseValueSchema>;

/**
 * What a claim's `value` may be on input: a typed {@link Value} or a {@link PhraseValue}.
 *
 * @example
 * ValueInputSchema.parse({ kind: 'time', phrase: 'February 4' });
 */
export const ValueInputSchema = z.union([ValueSchema, PhraseValueSchema], { error: valueUnionError(VALUE_KINDS, PHRASE_KINDS) });
/**
 * A claim's value on input: typed, or a phrase to parse (see {@link ValueInputSchema}).
 *
 * @example
 * const inputs: ValueInput[] = [{ kind: 'time', phrase: 'on Tuesday' }, { kind: 'boolean', value: true }];
 */
export type ValueInput = z.infer<typeof ValueInputSchema>;
