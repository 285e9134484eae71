import * as z from 'zod/mini';
import { ClaimInputSchema, ClaimSchema } from './claim.js';
import { DateOrDateTimeSchema } from './value.js';
import { SourceSchema } from './source.js';

const reportShape = {
  id: z.string().check(z.minLength(1)),
  /** The publisher, or just its id. */
  source: z.union([z.string().check(z.minLength(1)), SourceSchema]),
  /** Calendar date or date-time with offset; absent or null when unknown. */
  publishedAt: z.optional(z.nullable(DateOrDateTimeSchema)),
  url: z.optional(z.string()),
  title: z.optional(z.string()),
  /** The article text that claims' evidence offsets index into. */
  text: z.optional(z.string()),
};

/**
 * One document by one source, carrying typed claims.
 *
 * @example
 * ReportSchema.parse({ id: 'ht', source: 'Hindustan Times', publishedAt: '2021-02-08', claims: [] });
 */
export const ReportSchema = z.strictObject({ ...reportShape, claims: z.array(ClaimSchema) });
/** See {@link ReportSchema}. */
export type Report = z.infer<typeof ReportSchema>;

/**
 * A report as accepted by reconcile(): claims may carry phrase values, which are parsed
 * against the report's publication date.
 *
 * @example
 * ReportInputSchema.parse({
 *   id: 'jagran', source: { id: 'jagran', name: 'Jagran' }, publishedAt: '2021-02-09',
 *   claims: [{ subject: 'twitter-response', attribute: 'date', value: { kind: 'time', phrase: 'on Tuesday' } }],
 * });
 */
export const ReportInputSchema = z.strictObject({ ...reportShape, claims: z._default(z.array(ClaimInputSchema), []) });
/** See {@link ReportInputSchema}. */
export type ReportInput = z.input<typeof ReportInputSchema>;
