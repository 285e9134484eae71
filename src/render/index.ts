export { toJSON } from './json.js';
export { toMarkdown } from './markdown.js';
export { toClaimReview } from './claimreview.js';
export type { ClaimReviewOptions, JsonLd } from './claimreview.js';
