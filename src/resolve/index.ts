/**
 * The resolve stage's public surface: fuse(), its claim table, the similarity helpers and types.
 */
export { fuse } from './fuse.js';
export { ClaimTable } from './table.js';
export { textTokens, valueTokens, textSimilarity, jaccardSorted, timeSimilarity, numberSimilarity, normalizedDistance } from './similarity.js';
export { parseInstant } from './values.js';
export { FUSE_METHODS } from './types.js';
export type { FuseMethod, FuseClaim, FuseOptions, FuseResult, FusedItem, FuseStats, TruthFinderOptions, AccuOptions, KnownFact } from './types.js';
