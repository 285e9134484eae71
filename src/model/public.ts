// The model as the public surface sees it (internal helpers such as fromZodIssues stay out).
export * from './source.js';
export * from './value.js';
export * from './claim.js';
export * from './report.js';
export * from './finding.js';
export { CorroborateError, formatIssue, formatPath } from './error.js';
export type { CorroborateIssue } from './error.js';
export { buildJsonSchema } from './json-schema.js';
export type { JsonSchemaRoot } from './json-schema.js';
