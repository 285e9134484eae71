export * from './source.js';
export * from './value.js';
export * from './claim.js';
export * from './report.js';
export * from './finding.js';
export * from './error.js';
