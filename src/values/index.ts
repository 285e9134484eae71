export * from './options.js';
export * from './quantity.js';
export * from './time.js';
export * from './quote.js';
export * from './entity.js';
export * from './simple.js';
export * from './compare.js';
export { stableStringify, stableHash, compareStrings } from './canonical.js';
