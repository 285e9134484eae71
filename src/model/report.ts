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
/**
 * One document by one source, with typed claims (see {@link ReportSchema}).
 *
 * @example
 * const report: Report = {
 *   id: 'ht', source: 'Hindustan Times', publishedAt: '2021-02-08',
 *   claims: [{ subject: 'fresh-order', attribute: 'accounts', value: { kind: 'quantity', value: 1178, min: 1178, max: 1178, qualifier: 'exact', precision: 1, unit: 'accounts' } }],
 * };
 */
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
/**
 * A report as reconcile() accepts it: claims may be left out or carry phrase values
 * (see {@link ReportInputSchema}).
 *
 * @example
 * const input: ReportInput = {
 *   id: 'jagran', source: { id: 'jagran', name: 'Jagran' }, publishedAt: '2021-02-09',
 *   claims: [{ subject: 'fresh-order', attribute: 'accounts', value: { kind: 'quantity', phrase: 'over 1,000 accounts' } }],
 * };
 */
export type ReportInput = z.input<typeof ReportInputSchema>;
