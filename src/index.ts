/**
 * corroborate — cross-source claim reconciliation.
 *
 * The public surface: re-exports only. The pipeline is model → values → reconcile → render.
 *
 * @packageDocumentation
 * @module corroborate
 *
 * @example
 * import { reconcile, toMarkdown } from 'corroborate';
 * console.log(toMarkdown(reconcile(reports)));
 */

// The vocabulary: zod schemas, inferred types, the error class.
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
  formatIssue,
  formatPath,
  buildJsonSchema,
} from './model/public.js';
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
  JsonSchemaRoot,
} from './model/public.js';

// The value algebra: parse, compare, combine, format — one family per kind.
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

// Reading articles: text to claims with exact evidence.
export { extract } from './extract/extract.js';
export type { ExtractOptions } from './extract/extract.js';
export { parseArticle } from './extract/article.js';
export type { Article } from './extract/article.js';
export { splitSentences } from './extract/sentences.js';
export type { Sentence } from './extract/sentences.js';

// Reconciliation and rendering.
export { compareArticles, ArticleInputSchema } from './pipeline.js';
export type { ArticleInput } from './pipeline.js';
export { reconcile } from './reconcile/reconcile.js';
export type { ReconcileOptions } from './reconcile/options.js';
export { Reconciler, createReconciler } from './reconcile/incremental.js';
export type { ReconcilerState } from './reconcile/incremental.js';
export { findDependence, wireCredits, KNOWN_WIRES, DEFAULT_DEPENDENCE } from './reconcile/dependence.js';
export type { DependenceOptions, DependenceInput, DependentPair, WireCredit } from './reconcile/dependence.js';
export { isTally, publicationOrder } from './reconcile/developing.js';
export { toJSON } from './render/json.js';
export { toMarkdown } from './render/markdown.js';
export { toHtml } from './render/html.js';
export type { HtmlOptions, HtmlReportText } from './render/html.js';
export { toClaimReview } from './render/claimreview.js';
export type { ClaimReviewOptions, JsonLd } from './render/claimreview.js';

// Truth discovery over structured claims.
export {
  fuse,
  ClaimTable,
  FUSE_METHODS,
  textTokens,
  valueTokens,
  textSimilarity,
  jaccardSorted,
  timeSimilarity,
  numberSimilarity,
  normalizedDistance,
  parseInstant,
} from './resolve/index.js';
export type { FuseMethod, FuseClaim, FuseOptions, FuseResult, FusedItem, FuseStats, TruthFinderOptions, AccuOptions, KnownFact } from './resolve/index.js';
