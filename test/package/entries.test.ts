import { describe, expect, it } from 'vitest';
import * as core from '../../src/core.js';
import * as extractEntry from '../../src/extract/index.js';
import * as root from '../../src/index.js';
import * as renderEntry from '../../src/render/index.js';

// The subpath entries hand out the root's very functions and classes, and the core leaves out
// the parts it promises to leave out (so its browser bundle stays small).
describe('package entries', () => {
  it.each([
    ['corroborate/core', core],
    ['corroborate/extract', extractEntry],
    ['corroborate/render', renderEntry],
  ] as const)('%s exports only what the root exports, as the same objects', (_name, entry) => {
    for (const [name, value] of Object.entries(entry)) expect([name, (root as Record<string, unknown>)[name]]).toEqual([name, value]);
  });

  it('corroborate/core reconciles and writes JSON, without extraction, rendering or fuse', () => {
    expect(Object.keys(core)).toEqual(expect.arrayContaining(['reconcile', 'createReconciler', 'Reconciler', 'toJSON', 'compareValues', 'ReportSchema', 'CorroborateError']));
    for (const name of ['extract', 'compareArticles', 'toMarkdown', 'toHtml', 'toClaimReview', 'fuse', 'buildJsonSchema']) expect(name in core).toBe(false);
  });
});
