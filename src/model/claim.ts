import * as z from 'zod/mini';
import { ValueInputSchema, ValueSchema } from './value.js';

/**
 * Where a claim stands in its report: the exact text and its UTF-16 offsets, so that
 * `report.text.slice(start, end) === text`.
 *
 * @example
 * EvidenceSchema.parse({ text: '1,178 accounts', start: 109, end: 123 });
 */
export const EvidenceSchema = z
  .strictObject({
    text: z.string(),
    start: z.number().check(z.int(), z.minimum(0)),
    end: z.number().check(z.int(), z.minimum(0)),
  })
  .check(z.refine((e) => e.end >= e.start, { message: 'end must not be before start', path: ['end'] }));
/**
 * Where a claim stands in its report's text: the exact words and their UTF-16 offsets
 * (see {@link EvidenceSchema}).
 *
 * @example
 * // 'Police said 40 people were hurt on Monday.'
 * const evidence: Evidence = { text: '40 people', start: 12, end: 21 };
 */
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * Where a claim extracted from text sits and what surrounds it; alignment uses this to decide
 * which claims across reports are about the same fact.
 *
 * @example
 * ClaimContextSchema.parse({ sentence: { start: 0, end: 120 }, keywords: ['order', 'take', 'down'], entities: ['Twitter'] });
 */
export const ClaimContextSchema = z.strictObject({
  /** The sentence the claim is in (offsets into the report text). */
  sentence: z.strictObject({ start: z.number().check(z.int(), z.minimum(0)), end: z.number().check(z.int(), z.minimum(0)) }),
  /** Content words of the sentence outside quotes, lower-cased and lightly stemmed. */
  keywords: z.array(z.string()),
  /** Named entities in the sentence outside quotes. */
  entities: z.array(z.string()),
});
/**
 * The sentence a claim read from text is in, with its keywords and entities
 * (see {@link ClaimContextSchema}).
 *
 * @example
 * // 'Police said 40 people were hurt on Monday.'
 * const context: ClaimContext = { sentence: { start: 0, end: 42 }, keywords: ['police', 'people', 'hurt', 'monday'], entities: ['Police', 'Monday'] };
 */
export type ClaimContext = z.infer<typeof ClaimContextSchema>;

const claimShape = {
  /** Optional caller id, kept in the output. */
  id: z.optional(z.string().check(z.minLength(1))),
  /** What the claim is about: an event or entity key ("fresh-order", "twitter-response"). */
  subject: z.string().check(z.minLength(1)),
  /** What is measured: "accounts", "date", "quote", "speaker"… */
  attribute: z.string().check(z.minLength(1)),
  /** Who the report attributes it to; absent = the outlet's own voice. */
  speaker: z.optional(z.string().check(z.minLength(1))),
  evidence: z.optional(EvidenceSchema),
  /** The extractor's or author's confidence in [0, 1]. */
  confidence: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  /** For claims extracted from text: the sentence and its keywords, used by alignment. */
  context: z.optional(ClaimContextSchema),
};

/**
 * One assertion inside a report, with a typed value.
 *
 * @example
 * ClaimSchema.parse({
 *   subject: 'fresh-order', attribute: 'accounts',
 *   value: { kind: 'quantity', value: 1178, min: 1178, max: 1178, qualifier: 'exact', precision: 1, unit: 'accounts' },
 * });
 */
export const ClaimSchema = z.strictObject({ ...claimShape, value: ValueSchema });
/**
 * One assertion of a report, with a typed value (see {@link ClaimSchema}).
 *
 * @example
 * const claim: Claim = {
 *   subject: 'fresh-order', attribute: 'accounts', speaker: 'IT ministry',
 *   value: { kind: 'quantity', value: 1178, min: 1178, max: 1178, qualifier: 'exact', precision: 1, unit: 'accounts' },
 * };
 */
export type Claim = z.infer<typeof ClaimSchema>;

/**
 * A claim as accepted on input: its value may still be a phrase
 * (`{ kind: 'quantity', phrase: 'over 1,000 accounts' }`).
 *
 * @example
 * ClaimInputSchema.parse({ subject: 'fresh-order', attribute: 'accounts', value: { kind: 'quantity', phrase: '1,178 accounts' } });
 */
export const ClaimInputSchema = z.strictObject({ ...claimShape, value: ValueInputSchema });
/**
 * A claim as reconcile() accepts it: its value may be a phrase (see {@link ClaimInputSchema}).
 *
 * @example
 * const claim: ClaimInput = { subject: 'twitter-response', attribute: 'date', value: { kind: 'time', phrase: 'on Tuesday' } };
 */
export type ClaimInput = z.infer<typeof ClaimInputSchema>;
