import type { AliasTable } from './entity.js';

/**
 * Tolerances for comparing quantities. Defaults are documented per field.
 *
 * @example
 * const options: QuantityCompareOptions = { roundingSteps: 1, relativeTolerance: 0 };
 */
export interface QuantityCompareOptions {
  /**
   * How many steps of the written precision a rounded figure may be off and still count as
   * rounding ("1,200" with step 100 vs 1,178). Default 0.5 (half a step: proper rounding);
   * truncation ("7.4 million" for 7.48 million) is allowed separately by `allowTruncation`.
   */
  roundingSteps?: number;
  /**
   * Accept truncation of figures written with decimals and at least two significant digits
   * ("7.4 million" for 7.48 million). Whole figures ("1,100", "250") are only rounded. Default true.
   */
  allowTruncation?: boolean;
  /** Relative slack for hedges like "about"/"around"/"nearly". Default 0.1 (10%). */
  hedgeTolerance?: number;
  /** Extra relative tolerance for any comparison (e.g. 0.01 for 1%). Default 0. */
  relativeTolerance?: number;
}

/**
 * Tolerances for comparing times.
 *
 * @example
 * const options: TimeCompareOptions = { instantToleranceMinutes: 10 };
 */
export interface TimeCompareOptions {
  /** Two instants this many minutes apart or less agree. Default 0. */
  instantToleranceMinutes?: number;
}

/**
 * Options for comparing entities.
 *
 * @example
 * const options: EntityCompareOptions = { aliases: [['MeitY', 'IT Ministry']] };
 */
export interface EntityCompareOptions {
  /** Extra alias groups (each group names one entity), merged with the built-in table. */
  aliases?: AliasTable | readonly (readonly string[])[];
}

/**
 * Options for {@link compareValues}, one group per value kind.
 *
 * @example
 * compareValues(a, b, { quantity: { hedgeTolerance: 0.05 } });
 */
export interface CompareOptions {
  quantity?: QuantityCompareOptions;
  time?: TimeCompareOptions;
  entity?: EntityCompareOptions;
}
