import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorroborateError, reconcile, toJSON, toMarkdown } from '../../src/index.js';

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CorroborateError);
    return (error as CorroborateError).issues;
  }
  throw new Error('expected a CorroborateError');
}

describe('reconcile input errors', () => {
  it('rejects a non-array with a clear message', () => {
    expect(() => reconcile('reports' as never)).toThrow(/expects an array of reports/);
  });

  it('names the JSON path of a missing field', () => {
    const issues = issuesOf(() => reconcile([{ id: 'a', claims: [] } as never]));
    expect(issues).toEqual([expect.objectContaining({ path: [0, 'source'] })]);
  });

  it('names the path of a value that cannot be read', () => {
    const issues = issuesOf(() =>
      reconcile([{ id: 'a', source: 's', claims: [{ subject: 'x', attribute: 'n', value: { kind: 'quantity', phrase: 'nothing here' } }] }]),
    );
    expect(issues).toEqual([expect.objectContaining({ path: [0, 'claims', 0, 'value', 'phrase'], code: 'unparseable' })]);
  });

  it('checks evidence against the report text', () => {
    const issues = issuesOf(() =>
      reconcile([
        {
          id: 'a',
          source: 's',
          text: 'Police said 40 people were hurt.',
          claims: [{ subject: 'x', attribute: 'hurt', value: { kind: 'quantity', phrase: '40 people' }, evidence: { text: '40 people', start: 0, end: 9 } }],
        },
      ]),
    );
    expect(issues[0]).toMatchObject({ path: [0, 'claims', 0, 'evidence'], code: 'evidence-mismatch' });
    expect(issues[0]?.message).toContain('"Police sa"');
  });

  it('rejects two different reports under one id, but accepts the same report twice', () => {
    const report = { id: 'a', source: 's', claims: [] };
    expect(reconcile([report, { ...report }]).reports).toHaveLength(1);
    const issues = issuesOf(() => reconcile([report, { ...report, source: 't' }]));
    expect(issues[0]).toMatchObject({ path: [1, 'id'], code: 'duplicate-report' });
  });

  it('reports every problem at once, each with its path', () => {
    const issues = issuesOf(() => reconcile([{ id: 'a' }, { id: 'b', source: 's', publishedAt: 'Monday' }] as never));
    expect(issues.map((i) => i.path)).toEqual([[0, 'source'], [1, 'publishedAt']]);
  });

  it('validates options', () => {
    const issues = issuesOf(() => reconcile([], { defaultReliability: 2 }));
    expect(issues[0]?.path).toEqual(['options', 'defaultReliability']);
  });

  it('handles an empty list and a report with no claims', () => {
    const result = reconcile([{ id: 'a', source: 's' }]);
    expect(result.findings).toEqual([]);
    expect(result.summary.findings).toBe(0);
  });

  it('throws only CorroborateError on arbitrary junk, in every entry point', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        for (const run of [() => reconcile(junk as never), () => reconcile([junk as never]), () => toJSON(junk as never), () => toMarkdown(junk as never)]) {
          try {
            run();
          } catch (error) {
            expect(error).toBeInstanceOf(CorroborateError);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('does not let __proto__ keys pollute anything', () => {
    const report = JSON.parse('{"id":"a","source":"s","claims":[],"__proto__":{"polluted":true}}');
    expect(() => reconcile([report])).toThrow(CorroborateError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const reliability = JSON.parse('{"__proto__": 0.9}');
    reconcile([{ id: 'a', source: '__proto__', claims: [] }], { reliability });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
