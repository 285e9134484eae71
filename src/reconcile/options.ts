import * as z from 'zod';
import type { CompareOptions } from '../values/options.js';
import type { DependenceOptions } from './dependence.js';
import { CorroborateError, fromZodIssues } from '../model/index.js';

/**
 * Options for {@link reconcile}.
 *
 * @example
 * reconcile(reports, {
 *   aliases: [['MeitY', 'IT Ministry']],
 *   reliability: { pti: 0.9 },
 *   quantity: { hedgeTolerance: 0.05 },
 *   dependence: { threshold: 0.2, wires: [['UNW', 'United Newswire']] },
 * });
 */
export interface ReconcileOptions extends CompareOptions {
  /**
   * Extra alias groups for entities and speakers (each group names one entity); merged with
   * the built-in table. Same as `entity.aliases`, kept here because speakers use it too.
   */
  aliases?: readonly (readonly string[])[];
  /** Prior reliability per source id in [0, 1]; overrides `source.reliability`. */
  reliability?: Readonly<Record<string, number>>;
  /** Reliability of a source that has none. Default 0.5 (every source weighs the same). */
  defaultReliability?: number;
  /**
   * Copy detection between reports with text (see {@link DependenceOptions}):
   * `{ shingleWords: 8, minSharedWords: 12, threshold: 0.1, copyScore: 0.5, wireCreditScore: 0.5 }`
   * by default; `wires` adds agencies (`[['UNW', 'United Newswire']]`).
   */
  dependence?: DependenceOptions;
}

const ReconcileOptionsSchema = z
  .object({
    aliases: z.array(z.array(z.string())).optional(),
    reliability: z.record(z.string(), z.number().min(0).max(1)).optional(),
    defaultReliability: z.number().min(0).max(1).optional(),
    quantity: z
      .object({
        roundingSteps: z.number().min(0).max(1000).optional(),
        allowTruncation: z.boolean().optional(),
        hedgeTolerance: z.number().min(0).max(1).optional(),
        relativeTolerance: z.number().min(0).max(1).optional(),
      })
      .strict()
      .optional(),
    time: z.object({ instantToleranceMinutes: z.number().min(0).max(1e6).optional() }).strict().optional(),
    entity: z.object({ aliases: z.any().optional() }).strict().optional(),
    dependence: z
      .object({
        shingleWords: z.number().int().min(1).max(100).optional(),
        minSharedWords: z.number().int().min(0).optional(),
        threshold: z.number().min(0).max(1).optional(),
        copyScore: z.number().min(0).max(1).optional(),
        wireCreditScore: z.number().min(0).max(1).optional(),
        wires: z.array(z.array(z.string().min(1)).min(1)).optional(),
        maxPostings: z.number().int().min(2).optional(),
        maxEvidence: z.number().int().min(0).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Validates options, throwing a {@link CorroborateError} naming the bad option. */
export function validateOptions(options: unknown): ReconcileOptions {
  if (options === undefined) return {};
  const parsed = ReconcileOptionsSchema.safeParse(options);
  if (!parsed.success) throw new CorroborateError('Invalid reconcile options', fromZodIssues(parsed.error.issues, ['options']));
  return options as ReconcileOptions;
}
