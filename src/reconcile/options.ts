import * as z from 'zod/mini';
import type { CompareOptions } from '../values/options.js';
import type { DependenceOptions } from './dependence.js';
import { CorroborateError, fromZodIssues } from '../model/index.js';
import { configureZod } from '../model/zod-config.js';

configureZod();

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

const unit = z.number().check(z.minimum(0), z.maximum(1));
const ReconcileOptionsSchema = z.strictObject({
  aliases: z.optional(z.array(z.array(z.string()))),
  reliability: z.optional(z.record(z.string(), unit)),
  defaultReliability: z.optional(unit),
  quantity: z.optional(
    z.strictObject({
      roundingSteps: z.optional(z.number().check(z.minimum(0), z.maximum(1000))),
      allowTruncation: z.optional(z.boolean()),
      hedgeTolerance: z.optional(unit),
      relativeTolerance: z.optional(unit),
    }),
  ),
  time: z.optional(z.strictObject({ instantToleranceMinutes: z.optional(z.number().check(z.minimum(0), z.maximum(1e6))) })),
  entity: z.optional(z.strictObject({ aliases: z.optional(z.any()) })),
  dependence: z.optional(
    z.strictObject({
      shingleWords: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(100))),
      minSharedWords: z.optional(z.number().check(z.int(), z.minimum(0))),
      threshold: z.optional(unit),
      copyScore: z.optional(unit),
      wireCreditScore: z.optional(unit),
      wires: z.optional(z.array(z.array(z.string().check(z.minLength(1))).check(z.minLength(1)))),
      maxPostings: z.optional(z.number().check(z.int(), z.minimum(2))),
      maxEvidence: z.optional(z.number().check(z.int(), z.minimum(0))),
    }),
  ),
});

/** Validates options, throwing a {@link CorroborateError} naming the bad option. */
export function validateOptions(options: unknown): ReconcileOptions {
  if (options === undefined) return {};
  const parsed = ReconcileOptionsSchema.safeParse(options);
  if (!parsed.success) throw new CorroborateError('Invalid reconcile options', fromZodIssues(parsed.error.issues, ['options']));
  return options as ReconcileOptions;
}
