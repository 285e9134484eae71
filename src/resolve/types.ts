/**
 * Truth discovery ("fusion") over structured claims: many sources state values for data items
 * (subject, attribute); choose one value per item and learn how far to trust each source.
 */

/**
 * The methods {@link fuse} offers.
 *
 * @example
 * const method: FuseMethod = 'pooled-investment';
 */
export type FuseMethod = 'vote' | 'truthfinder' | 'crh' | 'investment' | 'pooled-investment' | 'accu';

/**
 * Every {@link FuseMethod}, in a stable order (handy for CLIs and benchmarks).
 *
 * @example
 * for (const method of FUSE_METHODS) console.log(method, fuse(claims, { method }).items.length);
 */
export const FUSE_METHODS: readonly FuseMethod[] = ['vote', 'truthfinder', 'crh', 'investment', 'pooled-investment', 'accu'];

/**
 * One claim: `source` says that `attribute` of `subject` is `value`. `value` is any JSON value,
 * or a typed time `{ kind: 'time', value: '2011-12-01T14:07:00-05:00' }` (compared as instants),
 * or a typed Value of the model (quantity, entity, …).
 *
 * @example
 * const claim: FuseClaim = { source: 'orbitz', subject: 'AA-1007-TPA-MIA@2011-12-01', attribute: 'actual-departure', value: { kind: 'time', value: '2011-12-01T14:07:00-05:00' } };
 */
export interface FuseClaim {
  source: string;
  subject: string;
  attribute: string;
  value: unknown;
}

/**
 * A fact the user already verified: `attribute` of `subject` is `value` (same value forms as a
 * {@link FuseClaim}, compared with the same normalisation and tolerance).
 *
 * @example
 * const fact: KnownFact = { subject: 'AA-1007-TPA-MIA@2011-12-01', attribute: 'departure-gate', value: 'F78' };
 */
export interface KnownFact {
  subject: string;
  attribute: string;
  value: unknown;
}

/**
 * Parameters of TruthFinder (Yin, Han, Yu 2007); the defaults are the paper's.
 *
 * @example
 * const tf: TruthFinderOptions = { gamma: 0.3, rho: 0.5, initialTrust: 0.9, baseSimilarity: 0.5 };
 */
export interface TruthFinderOptions {
  /** Dampening factor γ of the logistic fact confidence. Default 0.3. */
  gamma?: number;
  /** Weight ρ of the implication between values of one item. Default 0.5. */
  rho?: number;
  /** Trust every source starts with. Default 0.9. */
  initialTrust?: number;
  /** imp(f'→f) = sim(f', f) − baseSimilarity, so unrelated values count against each other. Default 0.5. */
  baseSimilarity?: number;
}

/**
 * Parameters of Accu with copy detection (Dong, Berti-Equille, Srivastava 2009); the defaults are the paper's.
 *
 * @example
 * const accu: AccuOptions = { alpha: 0.1, copyRate: 0.8, falseValues: 100 };
 */
export interface AccuOptions {
  /** Prior probability α that two sources are dependent. Default 0.1. */
  alpha?: number;
  /** Probability c that a copier copies a given value. Default 0.8. */
  copyRate?: number;
  /** Number n of false values in each item's domain. Default 100. */
  falseValues?: number;
  /** Accuracy every source starts with. Default 0.8. */
  initialAccuracy?: number;
  /** Detect copying and discount copied votes. Default true (false = plain Accu). */
  copyDetection?: boolean;
  /** Learn one accuracy per source and attribute (shrunk towards the source's overall accuracy). Default true. */
  perAttribute?: boolean;
  /** Pseudo-items of the source's overall accuracy that each per-attribute accuracy starts from. Default 10. */
  attributePrior?: number;
  /** Share of the previous round's accuracy kept in each round (0 = none, the paper's update). Default 0. */
  damping?: number;
}

/**
 * Options of {@link fuse}.
 *
 * @example
 * const options: FuseOptions = { method: 'accu', timeToleranceMinutes: 10 };
 */
export interface FuseOptions {
  /** Default 'vote'. */
  method?: FuseMethod;
  /** Two times this many minutes apart or less are the same value: a claim supports every candidate time within this distance. Default 0. */
  timeToleranceMinutes?: number;
  /** Two numbers within this relative difference (of the larger magnitude) are the same value, as for times. Default 0. */
  relativeTolerance?: number;
  /** Iteration cap for the iterative methods. Default 20 (methods stop earlier on convergence). */
  maxIterations?: number;
  /**
   * Maps each distinct claimed value before grouping (e.g. trim and case-fold strings). Values
   * are grouped by the canonical JSON of the result; the reported value stays the original.
   * Called once per distinct original value, not per claim. Default: identity (exact values).
   */
  normalize?: (value: unknown) => unknown;
  /**
   * A list value (JSON array, compared as the set of its elements) that is a proper subset of
   * another list claimed for the same item supports it with weight |subset| / |list| (a source
   * naming only the first author half-supports the two authors); the same set in another order
   * supports it fully. Default true.
   */
  listSubsets?: boolean;
  /** Sources to report in `trust` even if they make no claims (they get the method's prior trust). */
  sources?: readonly string[];
  /** Times this many minutes apart have similarity 0 (linear in between). Default 60. */
  timeScaleMinutes?: number;
  /** TruthFinder parameters. */
  truthfinder?: TruthFinderOptions;
  /** Accu parameters. */
  accu?: AccuOptions;
  /** Exponent g of the belief function G(x) = x^g. Default 1.2 (investment), 1.4 (pooled-investment). */
  investmentExponent?: number;
  /**
   * Facts already verified (semi-supervised fusion, after Pasternack & Roth 2010, "Knowing What
   * to Believe (when you already know something)"). A known item is fixed to its value in every
   * round (a claim is right when it equals the value, lies within tolerance of it, or — partly —
   * is a part of the known list) and reported with that value and confidence 1; every source's
   * trust starts from, and keeps being learned against, its agreement with the known facts. Facts
   * about items no source claims are ignored; two different values for one item are an error.
   * Empty or absent: unsupervised, as without the option.
   */
  known?: Iterable<KnownFact>;
}

/**
 * The chosen value of one data item.
 *
 * @example
 * const item: FusedItem = { subject: 'AA-1007', attribute: 'gate', value: 'F78', confidence: 0.92, sources: ['aa', 'orbitz'] };
 */
export interface FusedItem {
  subject: string;
  attribute: string;
  value: unknown;
  /** In [0, 1]: how sure the method is of the chosen value. */
  confidence: number;
  /** Sources whose claims support the chosen value (sorted). */
  sources: string[];
}

/**
 * Sizes of a fusion problem after interning.
 *
 * @example
 * const stats: FuseStats = { claims: 4, sources: 3, items: 1, values: 2 };
 */
export interface FuseStats {
  /** Claims read (duplicates included). */
  claims: number;
  /** Distinct sources (with `options.sources`). */
  sources: number;
  /** Distinct data items (subject, attribute). */
  items: number;
  /** Distinct values over all items after grouping equivalent ones. */
  values: number;
}

/**
 * What {@link fuse} returns: one item per (subject, attribute), sorted by subject then
 * attribute, and the trust learned per source (sorted by source).
 *
 * @example
 * const result: FuseResult = { method: 'vote', items: [], trust: [], iterations: 1, stats: { claims: 0, sources: 0, items: 0, values: 0 } };
 */
export interface FuseResult {
  method: FuseMethod;
  items: FusedItem[];
  trust: { source: string; trust: number }[];
  iterations: number;
  stats: FuseStats;
}
