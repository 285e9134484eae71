/**
 * `corroborate/render` — a reconcile result as Markdown, versioned JSON, a self-contained HTML
 * page, or schema.org ClaimReview JSON-LD. The same functions as the root entry, for callers who
 * render results computed elsewhere (for instance JSON read back with the result schema).
 *
 * @packageDocumentation
 * @module corroborate/render
 *
 * @example
 * import { toMarkdown } from 'corroborate/render';
 * console.log(toMarkdown(result));
 */
export { toJSON } from './json.js';
export { toMarkdown } from './markdown.js';
export { toHtml } from './html.js';
export type { HtmlOptions, HtmlReportText } from './html.js';
export { toClaimReview } from './claimreview.js';
export type { ClaimReviewOptions, JsonLd } from './claimreview.js';
