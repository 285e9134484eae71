/**
 * `corroborate/extract` — reading articles: text to claims with exact evidence.
 *
 * The same functions as the root entry, for callers who only extract (no reconciliation,
 * no rendering). It returns the {@link corroborate!Report | Report} of the root entry's model.
 *
 * @packageDocumentation
 * @module corroborate/extract
 *
 * @example
 * import { extract, parseArticle } from 'corroborate/extract';
 * const article = parseArticle(fileContent);
 * const report = extract(article.text, { publishedAt: article.publishedAt, source: article.source });
 */

export { extract } from './extract.js';
export type { ExtractOptions } from './extract.js';
export { parseArticle } from './article.js';
export type { Article } from './article.js';
export { splitSentences } from './sentences.js';
export type { Sentence } from './sentences.js';
