import * as z from 'zod/mini';
import { configureZod } from './zod-config.js';

configureZod();

/**
 * What kind of publisher a source is. Wires (PTI, Reuters…) matter for copy detection:
 * many outlets reprint one wire story.
 *
 * @example
 * SourceKindSchema.parse('wire'); // 'wire'
 */
export const SourceKindSchema = z.enum(['outlet', 'wire', 'official', 'social', 'other']);
/**
 * What kind of publisher a source is (see {@link SourceKindSchema}).
 *
 * @example
 * const kind: SourceKind = 'wire'; // PTI, Reuters
 */
export type SourceKind = z.infer<typeof SourceKindSchema>;

/**
 * Who publishes a report.
 *
 * `reliability` is an optional prior in [0, 1] used to weight votes when reports conflict
 * (default weight 0.5 for every source).
 *
 * @example
 * SourceSchema.parse({ id: 'ht', name: 'Hindustan Times', kind: 'outlet' });
 */
export const SourceSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  name: z.optional(z.string().check(z.minLength(1))),
  kind: z.optional(SourceKindSchema),
  url: z.optional(z.string()),
  reliability: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
});
/**
 * Who publishes a report, with an optional reliability prior (see {@link SourceSchema}).
 *
 * @example
 * const source: Source = { id: 'pti', name: 'Press Trust of India', kind: 'wire', reliability: 0.9 };
 */
export type Source = z.infer<typeof SourceSchema>;
