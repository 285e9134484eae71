import * as z from 'zod';

/**
 * What kind of publisher a source is. Wires (PTI, Reuters…) matter for copy detection:
 * many outlets reprint one wire story.
 *
 * @example
 * SourceKindSchema.parse('wire'); // 'wire'
 */
export const SourceKindSchema = z.enum(['outlet', 'wire', 'official', 'social', 'other']);
/** See {@link SourceKindSchema}. */
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
export const SourceSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1).optional(),
    kind: SourceKindSchema.optional(),
    url: z.string().optional(),
    reliability: z.number().min(0).max(1).optional(),
  })
  .strict();
/** See {@link SourceSchema}. */
export type Source = z.infer<typeof SourceSchema>;
