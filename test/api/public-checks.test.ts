import { describe, expect, expectTypeOf, it } from 'vitest';
import * as root from '../../src/index.js';
import {
  ClaimTable,
  CorroborateError,
  DEFAULT_DEPENDENCE,
  KNOWN_WIRES,
  Reconciler,
  buildJsonSchema,
  compareArticles,
  createReconciler,
  extract,
  findDependence,
  formatIssue,
  formatPath,
  fuse,
  parseTime,
  reconcile,
  splitSentences,
  toClaimReview,
  toHtml,
  toJSON,
  toMarkdown,
  wireCredits,
  type CorroborateIssue,
  type DependentPair,
  type ReportInput,
  type TextRange,
  type WireCredit,
} from '../../src/index.js';
import * as extractEntry from '../../src/extract/index.js';
import { DEFAULT_DEPENDENCE as INTERNAL_DEFAULTS } from '../../src/reconcile/dependence.js';
import { caught } from '../support/errors.js';


const brief = (error: CorroborateError) => error.issues.map(({ path, code }) => ({ path, code }));
const loose = <T>(value: unknown) => value as T; // what a JavaScript caller may pass

const report: ReportInput = {
  id: 'a', source: 'A', publishedAt: '2024-01-01',
  claims: [{ subject: 's', attribute: 'killed', value: { kind: 'quantity', phrase: '40 people' } }],
};
const cyclic = (): Record<string, unknown> => {
  const o: Record<string, unknown> = {};
  o.o = o;
  return o;
};
const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};
const jsonReport = (value: unknown): ReportInput => loose({ id: 'j', source: 'J', claims: [{ subject: 's', attribute: 'x', value: { kind: 'json', value } }] });

describe('the curated root entry', () => {
  it('no longer exports engine internals', () => {
    for (const name of ['textTokens', 'valueTokens', 'jaccardSorted', 'textSimilarity', 'timeSimilarity', 'numberSimilarity', 'normalizedDistance', 'parseInstant', 'isTally', 'publicationOrder']) {
      expect([name, name in root]).toEqual([name, false]);
    }
  });

  it('names the range type the dependence types use', () => {
    expectTypeOf<WireCredit>().toExtend<TextRange>();
    expectTypeOf<DependentPair['spans']>().toEqualTypeOf<ReadonlyMap<string, readonly TextRange[]>>();
  });

  it('hands out frozen copies of the dependence defaults', () => {
    expect(DEFAULT_DEPENDENCE).toEqual(INTERNAL_DEFAULTS);
    expect(Object.isFrozen(DEFAULT_DEPENDENCE)).toBe(true);
    expect(Object.isFrozen(KNOWN_WIRES) && KNOWN_WIRES.every(Object.isFrozen)).toBe(true);
    expect(KNOWN_WIRES.find((names) => names.includes('Press Trust of India'))?.[0]).toBe('PTI');
  });
});

describe('helpers check their arguments', () => {
  it.each([
    ['formatIssue(null)', () => formatIssue(loose(null)), 'formatIssue(): invalid argument "issue"', ['issue']],
    ['formatPath(null)', () => formatPath(loose(null)), 'formatPath(): invalid argument "path"', ['path']],
    ['formatPath([{}])', () => formatPath(loose([{}])), 'formatPath(): invalid argument "path"', ['path', 0]],
    ['findDependence(null)', () => findDependence(loose(null)), 'findDependence(): invalid argument "reports"', ['reports']],
    ['findDependence([null])', () => findDependence(loose([null])), 'findDependence(): invalid argument "reports"', ['reports', 0]],
    ['findDependence(options)', () => findDependence([], { threshold: 2 }), 'findDependence(): invalid argument "options"', ['options', 'threshold']],
    ['wireCredits(null)', () => wireCredits(loose(null)), 'wireCredits(): invalid argument "text"', ['text']],
    ['wireCredits(text, [[""]])', () => wireCredits('x', [['']]), 'wireCredits(): invalid argument "extraWires"', ['extraWires', 0, 0]],
    ['buildJsonSchema("bogus")', () => buildJsonSchema(loose('bogus')), 'buildJsonSchema(): invalid argument "root"', ['root']],
    ['splitSentences(null)', () => splitSentences(loose(null)), 'splitSentences(): invalid argument "text"', ['text']],
    ['toJSON(result, null)', () => toJSON(reconcile([report]), loose(null)), 'toJSON(): invalid argument "options"', ['options']],
    ['toJSON(result, { indent: "\\t" })', () => toJSON(reconcile([report]), loose({ indent: '\t' })), 'toJSON(): invalid argument "options"', ['options', 'indent']],
    ['toClaimReview(result, null)', () => toClaimReview(reconcile([report]), loose(null)), 'toClaimReview(): invalid argument "options"', ['options']],
    ['toClaimReview(result, { author: {} })', () => toClaimReview(reconcile([report]), loose({ author: {} })), 'toClaimReview(): invalid argument "options"', ['options', 'author', 'name']],
    ['Reconciler.has(null)', () => createReconciler().has(loose(null)), 'Reconciler.has(): invalid argument "reportId"', ['reportId']],
    ['Reconciler.remove(42)', () => createReconciler().remove(loose(42)), 'Reconciler.remove(): invalid argument "reportId"', ['reportId']],
  ] as const)('%s', (_label, run, message, path) => {
    const error = caught(run);
    expect(error.message.split('\n')[0]).toBe(message);
    expect(error.issues.map((i) => i.path)).toEqual([path]);
  });

  it('still work on good arguments', () => {
    const issue: CorroborateIssue = { path: [0, 'source'], message: 'Required', code: 'invalid_type' };
    expect(formatIssue(issue)).toBe('$[0].source: Required');
    expect(formatPath([0, 'claims', 2])).toBe('$[0].claims[2]');
    expect(wireCredits('New Delhi, Feb 8 (PTI) The government said it would respond.')).toEqual([{ wire: 'PTI', text: '(PTI)', start: 17, end: 22 }]);
    const text = 'Rescue teams worked through the night to reach the eleven miners trapped near the old shaft';
    const pairs = findDependence([{ id: 'a', text: `${text}. (PTI)` }, { id: 'b', text: `${text}, officials said.` }]);
    expect(pairs.map((p) => [p.reports, p.score])).toEqual([[['a', 'b'], 0.9412]]);
    expect(JSON.parse(buildJsonSchema('ReconcileResult')).$ref).toBe('#/$defs/ReconcileResult');
  });

  it('say what a non-string was, and split, render and look up as before on good arguments', () => {
    expect(caught(() => splitSentences(loose(null))).message).toBe('splitSentences(): invalid argument "text"\n$.text: expected a string, received null');
    expect(caught(() => extractEntry.splitSentences(loose(['a']))).message).toBe('splitSentences(): invalid argument "text"\n$.text: expected a string, received array');
    expect(caught(() => createReconciler().remove(loose(42))).message).toBe('Reconciler.remove(): invalid argument "reportId"\n$.reportId: expected a string, received number');
    expect(caught(() => toJSON(reconcile([report]), loose(null))).message).toBe('toJSON(): invalid argument "options"\n$.options: Invalid input: expected object, received null');
    expect(splitSentences('He left. She stayed.\n\nLater, rain.')).toEqual([
      { start: 0, end: 8, paragraph: 0 },
      { start: 9, end: 20, paragraph: 0 },
      { start: 22, end: 34, paragraph: 1 },
    ]);
    const result = reconcile([report]);
    expect(toJSON(result, { indent: 0 })).toBe(`${JSON.stringify(result)}\n`);
    expect(toJSON(result, undefined)).toBe(toJSON(result));
    const review = toClaimReview(result, { author: { name: 'Desk Checks' }, url: 'https://checks.example/s' })['@graph'][0]!;
    expect(review.author).toEqual({ '@type': 'Organization', name: 'Desk Checks' });
    const desk = createReconciler();
    desk.add(report);
    expect([desk.has('a'), desk.has('b'), desk.remove('b'), desk.remove('a'), desk.size]).toEqual([true, false, false, true, 0]);
  });
});

describe('values that are not JSON', () => {
  it('fuse() names the claim and the place in its value', () => {
    expect(brief(caught(() => fuse([{ source: 'a', subject: 's', attribute: 'x', value: 1n }])))).toEqual([{ path: [0, 'value'], code: 'not-json' }]);
    expect(brief(caught(() => fuse([{ source: 'a', subject: 's', attribute: 'x', value: 1 }, { source: 'b', subject: 's', attribute: 'x', value: cyclic() }])))).toEqual([
      { path: [1, 'value', 'o'], code: 'not-json' },
    ]);
    expect(caught(() => fuse([{ source: 'a', subject: 's', attribute: 'x', value: { at: new Date(0) } }])).issues[0]!.message).toBe(
      'a Date is not a JSON value (only plain objects and arrays)',
    );
    expect(caught(() => fuse([{ source: 'a', subject: 's', attribute: 'x', value: nested(10_000) }])).issues[0]!.message).toBe('is nested more than 256 levels deep');
    const known = [{ subject: 's', attribute: 'x', value: { n: 2n } }];
    expect(brief(caught(() => fuse([{ source: 'a', subject: 's', attribute: 'x', value: 1 }], { known })))).toEqual([{ path: ['options', 'known', 0, 'value', 'n'], code: 'not-json' }]);
  });

  it('fuse() rejects a typed quantity of NaN as it rejects a plain NaN', () => {
    const nan = { kind: 'quantity', value: Number.NaN, min: null, max: null, qualifier: 'exact', precision: 1 };
    const error = caught(() => fuse([{ source: 'a', subject: 's', attribute: 'x', value: nan }]));
    expect(error.issues).toEqual([{ path: [0, 'value', 'value'], message: 'NaN is not a JSON value (numbers must be finite)', code: 'not-json' }]);
    expect(brief(caught(() => fuse([{ source: 'a', subject: 's', attribute: 'x', value: Number.NaN }])))).toEqual([{ path: [0, 'value'], code: 'invalid_value' }]);
  });

  it('ClaimTable.addJson() throws CorroborateError for text that is not JSON', () => {
    const error = caught(() => new ClaimTable().addJson('a', 's', 'x', '{bad'));
    expect(brief(error)).toEqual([{ path: [0, 'value'], code: 'invalid_json' }]);
    expect(brief(caught(() => new ClaimTable().addJson(loose(null), 's', 'x', '1')))).toEqual([{ path: [0, 'source'], code: 'invalid_type' }]);
  });

  it('reconcile() and Reconciler.add() name the path of a cycle, a bigint or deep nesting in a json claim', () => {
    expect(caught(() => reconcile([report, jsonReport(cyclic())])).issues).toEqual([
      { path: [1, 'claims', 0, 'value', 'value', 'o'], message: 'refers back to a value that contains it (a cycle), which is not JSON', code: 'not-json' },
    ]);
    expect(brief(caught(() => reconcile([jsonReport({ n: 10n })])))).toEqual([{ path: [0, 'claims', 0, 'value', 'value', 'n'], code: 'not-json' }]);
    expect(brief(caught(() => reconcile([jsonReport(nested(100_000))])))).toEqual([{ path: [0, 'claims', 0, 'value', 'value', ...Array(256).fill(0)], code: 'not-json' }]);
    expect(brief(caught(() => createReconciler().add(jsonReport(cyclic()))))).toEqual([{ path: ['claims', 0, 'value', 'value', 'o'], code: 'not-json' }]);
    // Plain JSON (also shared, not cyclic, references) is fine.
    const shared = { gate: 'C20' };
    expect(reconcile([jsonReport({ a: shared, b: shared })]).findings).toHaveLength(1);
  });
});

describe('error paths of the Reconciler', () => {
  it('fromJSON() names the report once: $.reports[0].id, not $.reports[0][0].id', () => {
    const error = caught(() => Reconciler.fromJSON({ format: 'corroborate-reconciler', version: 1, options: null, reports: [{ id: 1 }] }));
    expect(error.issues.map((i) => i.path)).toEqual([['reports', 0, 'id'], ['reports', 0, 'source']]);
    expect(error.message).toContain('$.reports[0].id: ');
  });

  it('add() names paths inside the report', () => {
    expect(brief(caught(() => createReconciler().add(loose({ id: 'x' }))))).toEqual([{ path: ['source'], code: 'invalid_union' }]);
    expect(brief(caught(() => createReconciler().add(loose(null))))).toEqual([{ path: [], code: 'invalid_type' }]);
  });

  it('fromJSON() treats a hole in reports as a bad report', () => {
    // eslint-disable-next-line no-sparse-arrays
    const state = { format: 'corroborate-reconciler', version: 1, options: null, reports: [, report] };
    expect(caught(() => Reconciler.fromJSON(state)).issues.map((i) => i.path)).toEqual([['reports', 0]]);
  });
});

describe('consistent answers to one mistake', () => {
  it('parseTime() rejects a bad publishedAt with the message extract() gives', () => {
    const fromParse = caught(() => parseTime('on Monday', { publishedAt: 'garbage' }));
    const fromExtract = caught(() => extract('It rained on Monday.', { publishedAt: 'garbage' }));
    expect(fromParse.issues.map((i) => i.path)).toEqual([['context', 'publishedAt']]);
    expect(fromParse.issues[0]!.message).toBe(fromExtract.issues[0]!.message);
    expect(parseTime('on Monday', { publishedAt: '2021-02-09' })?.start).toBe('2021-02-08');
    expect(parseTime('on Monday', { publishedAt: null })?.anchor).toBe('unresolved');
  });

  it('a hole in the reports or articles is the error undefined is, not skipped', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holey = loose<ReportInput[]>([, report]);
    expect(caught(() => reconcile(holey)).issues).toEqual(caught(() => reconcile(loose([undefined, report]))).issues);
    expect(brief(caught(() => reconcile(holey)))).toEqual([{ path: [0], code: 'invalid_type' }]);
    // eslint-disable-next-line no-sparse-arrays
    const article = { id: 'b', text: 'It rained on Monday.' };
    expect(brief(caught(() => compareArticles(loose([, article]))))).toEqual([{ path: [0], code: 'invalid_type' }]);
  });

  it('toHtml(null) and toMarkdown(null) give one top-level message', () => {
    const html = caught(() => toHtml(loose(null)));
    const markdown = caught(() => toMarkdown(loose(null)));
    expect(html.issues).toEqual(markdown.issues);
    expect(html.issues).toEqual([{ path: [], message: 'Invalid input: expected object, received null', code: 'invalid_type' }]);
    expect(brief(caught(() => toHtml(reconcile([report]), loose(null))))).toEqual([{ path: ['options'], code: 'invalid_type' }]);
  });
});
