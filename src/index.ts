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

// The core (also the entry corroborate/core): the model's zod schemas, types and error class,
// the value algebra, reconcile() and the incremental Reconciler, toJSON().
export * from './core.js';
export { buildJsonSchema } from './public-checks.js';
export type { JsonSchemaRoot } from './public-checks.js';

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
// Copy detection on its own: argument-checked wrappers, with the types they name.
export { findDependence, wireCredits, KNOWN_WIRES, DEFAULT_DEPENDENCE } from './public-checks.js';
export type { DependenceInput, DependentPair, WireCredit, TextRange } from './public-checks.js';
export { toMarkdown } from './render/markdown.js';
export { toHtml } from './render/html.js';
export type { HtmlOptions, HtmlReportText } from './render/html.js';
export { toClaimReview } from './render/claimreview.js';
export type { ClaimReviewOptions, JsonLd } from './render/claimreview.js';

// Truth discovery over structured claims (its similarity helpers are engine internals).
export { fuse, ClaimTable, FUSE_METHODS } from './resolve/index.js';
export type { FuseMethod, FuseClaim, FuseOptions, FuseResult, FusedItem, FuseStats, TruthFinderOptions, AccuOptions, KnownFact } from './resolve/index.js';
