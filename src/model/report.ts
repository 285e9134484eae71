import * as z from 'zod';
import { ClaimInputSchema, ClaimSchema } from './claim.js';
import { DateOrDateTimeSchema } from './value.js';
import { SourceSchema } from './source.js';

const reportShape = {
  id: z.string().min(1),
  /** The publisher, or just its id. */
  source: z.union([z.string().min(1), SourceSchema]),
  /** Calendar date or date-time with offset; absent or null when unknown. */
  publishedAt: DateOrDateTimeSchema.nullable().optional(),
  url: z.string().optional(),
  title: z.string().optional(),
  /** The article text that claims' evidence offsets index into. */
  text: z.string().optional(),
};

/**
 * One document by one source, carrying typed claims.
 *
 * @example
 * ReportSchema.parse({ id: 'ht', source: 'Hindustan Times', publishedAt: '2021-02-08', claims: [] });
 */
export const ReportSchema = z.object({ ...reportShape, claims: z.array(ClaimSchema) }).strict();
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
export const ReportInputSchema = z
  .object({ ...reportShape, claims: z.array(ClaimInputSchema).default([]) })
  .strict();
/** See {@link ReportInputSchema}. */
export type ReportInput = z.input<typeof ReportInputSchema>;
