/**
 * `corroborate/core` — the smallest useful bundle for browsers and workers: the model, the value
 * algebra, reconcile() and the incremental Reconciler, and toJSON(). No article extraction
 * (`corroborate/extract`), no HTML, Markdown or ClaimReview (`corroborate/render`), no truth
 * discovery (`fuse`, in the root entry). The same functions and classes as the root entry.
 *
 * @packageDocumentation
 * @module corroborate/core
 *
 * @example
 * import { reconcile, toJSON } from 'corroborate/core';
 * const json = toJSON(reconcile(reports));
 */

export {
  SourceSchema,
  SourceKindSchema,
  ReportSchema,
  ReportInputSchema,
  ClaimSchema,
  ClaimInputSchema,
  ClaimContextSchema,
  EvidenceSchema,
  ValueSchema,
  ValueInputSchema,
  PhraseValueSchema,
  QuantityValueSchema,
  QuantityQualifierSchema,
  TimeValueSchema,
  TimeAnchorSchema,
  GranularitySchema,
  DateOrDateTimeSchema,
  QuoteValueSchema,
  EntityValueSchema,
  TextValueSchema,
  BooleanValueSchema,
  JsonValueSchema,
  PlainJsonSchema,
  VerdictSchema,
  PairVerdictSchema,
  ReasonSchema,
  ComparisonSchema,
  WordDiffOpSchema,
  FactKindSchema,
  FindingClaimSchema,
  PairComparisonSchema,
  ConsensusSchema,
  FindingSchema,
  DependenceSchema,
  SharedEvidenceSchema,
  ReconcileResultSchema,
  CorroborateError,
} from './model/public.js';
// Argument-checked, so a bad argument is a CorroborateError too.
export { formatIssue, formatPath } from './public-checks.js';
export type {
  Source,
  SourceKind,
  Report,
  ReportInput,
  Claim,
  ClaimInput,
  ClaimContext,
  Evidence,
  Value,
  ValueKind,
  ValueInput,
  PhraseValue,
  QuantityValue,
  QuantityQualifier,
  TimeValue,
  TimeAnchor,
  Granularity,
  QuoteValue,
  EntityValue,
  TextValue,
  BooleanValue,
  JsonValue,
  Verdict,
  PairVerdict,
  Reason,
  Comparison,
  WordDiffOp,
  FactKind,
  FindingClaim,
  PairComparison,
  Consensus,
  Finding,
  Dependence,
  SharedEvidence,
  ReconcileResult,
  CorroborateIssue,
} from './model/public.js';

export {
  parseQuantity,
  compareQuantities,
  combineQuantities,
  formatQuantity,
  canonicalUnit,
  parseTime,
  compareTimes,
  combineTimes,
  formatTime,
  resolveTimeValue,
  parseQuote,
  normalizeQuote,
  compareQuotes,
  combineQuotes,
  formatQuote,
  diffWords,
  parseEntity,
  compareEntities,
  combineEntities,
  formatEntity,
  entityKey,
  createAliasTable,
  compareTexts,
  compareBooleans,
  compareJson,
  compareValues,
  combineValues,
  formatValue,
  parsePhraseValue,
} from './values/public.js';
export { DEFAULT_ALIASES } from './values/entity.js';
export type { AliasTable } from './values/entity.js';
export type {
  CompareOptions,
  QuantityCompareOptions,
  TimeCompareOptions,
  EntityCompareOptions,
} from './values/options.js';

export { reconcile } from './reconcile/reconcile.js';
export type { ReconcileOptions } from './reconcile/options.js';
export { Reconciler, createReconciler } from './reconcile/incremental.js';
export type { ReconcilerState } from './reconcile/incremental.js';
export type { DependenceOptions } from './reconcile/dependence.js';
export { toJSON } from './render/json.js';
