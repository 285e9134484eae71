/**
 * The resolve stage's public surface: fuse(), its claim table and types. The similarity helpers
 * (similarity.ts, values.ts) are engine internals: import them from their modules.
 */
export { fuse } from './fuse.js';
export { ClaimTable } from './table.js';
export { FUSE_METHODS } from './types.js';
export type { FuseMethod, FuseClaim, FuseOptions, FuseResult, FusedItem, FuseStats, TruthFinderOptions, AccuOptions, KnownFact } from './types.js';
