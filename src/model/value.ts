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
/** See {@link QuantityQualifierSchema}. */
export type QuantityQualifier = z.infer<typeof QuantityQualifierSchema>;

/**
 * A count or amount as an interval `[min, max]` (either end `null` = open) with its unit.
 *
 * - `value` is the figure as written ("over 1,000" → 1000; a range has `null`).
 * - `precision` is the rounding step implied by how it was written: "1,200" → 100,
 *   "1,178" → 1, "7.4 million" → 100000.
 * - `unit` is a normalised unit noun ("accounts") or currency code ("INR", "USD"), or `percent`.
 *
 * @example
 * QuantityValueSchema.parse({
 *   kind: 'quantity', value: 1000, min: 1000, max: null, qualifier: 'over',
 *   precision: 1000, unit: 'accounts', text: 'over 1,000 accounts',
 * });
 */
export const QuantityValueSchema = z.strictObject({
  kind: z.literal('quantity'),
  value: z.nullable(z.number()),
  min: z.nullable(z.number()),
  max: z.nullable(z.number()),
  qualifier: QuantityQualifierSchema,
  precision: z.number().check(z.positive()),
  unit: z.optional(z.string()),
  text: z.optional(z.string()),
});
/** See {@link QuantityValueSchema}. */
export type QuantityValue = z.infer<typeof QuantityValueSchema>;

/**
 * How finely a time is known.
 *
 * @example
 * GranularitySchema.parse('day'); // 'day'
 */
export const GranularitySchema = z.enum(['instant', 'minute', 'hour', 'day', 'week', 'month', 'year']);
/** See {@link GranularitySchema}. */
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
/** See {@link TimeAnchorSchema}. */
export type TimeAnchor = z.infer<typeof TimeAnchorSchema>;

/** A calendar date `YYYY-MM-DD` or a date-time with an offset. */
export const DateOrDateTimeSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: dateUnionError });

/**
 * A time as a calendar interval `[start, end]` (inclusive calendar dates, or date-times with
 * offsets for instants) with its granularity and anchor. Unresolved times have `start` and
 * `end` set to `null` and keep the phrase in `text`.
 *
 * @example
 * TimeValueSchema.parse({
 *   kind: 'time', start: '2021-02-08', end: '2021-02-08', granularity: 'day',
 *   anchor: 'publication', text: 'on Monday',
 * });
 */
export const TimeValueSchema = z.strictObject({
  kind: z.literal('time'),
  start: z.nullable(DateOrDateTimeSchema),
  end: z.nullable(DateOrDateTimeSchema),
  granularity: GranularitySchema,
  anchor: TimeAnchorSchema,
  text: z.optional(z.string()),
});
/** See {@link TimeValueSchema}. */
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
/** See {@link QuoteValueSchema}. */
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
/** See {@link EntityValueSchema}. */
export type EntityValue = z.infer<typeof EntityValueSchema>;

/**
 * Free text compared after case and whitespace folding.
 *
 * @example
 * TextValueSchema.parse({ kind: 'text', text: 'New Delhi' });
 */
export const TextValueSchema = z.strictObject({ kind: z.literal('text'), text: z.string() });
/** See {@link TextValueSchema}. */
export type TextValue = z.infer<typeof TextValueSchema>;

/**
 * A yes/no fact.
 *
 * @example
 * BooleanValueSchema.parse({ kind: 'boolean', value: true });
 */
export const BooleanValueSchema = z.strictObject({ kind: z.literal('boolean'), value: z.boolean() });
/** See {@link BooleanValueSchema}. */
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
/** See {@link JsonValueSchema}. */
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
/** See {@link ValueSchema}. */
export type Value = z.infer<typeof ValueSchema>;
/** The `kind` tag of a {@link Value}. */
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
/** See {@link PhraseValueSchema}. */
export type PhraseValue = z.infer<typeof PhraseValueSchema>;

/**
 * What a claim's `value` may be on input: a typed {@link Value} or a {@link PhraseValue}.
 *
 * @example
 * ValueInputSchema.parse({ kind: 'time', phrase: 'February 4' });
 */
export const ValueInputSchema = z.union([ValueSchema, PhraseValueSchema], { error: valueUnionError(VALUE_KINDS, PHRASE_KINDS) });
/** See {@link ValueInputSchema}. */
export type ValueInput = z.infer<typeof ValueInputSchema>;
