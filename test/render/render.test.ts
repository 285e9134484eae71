import { describe, expect, it } from 'vitest';
import { CorroborateError, reconcile, toJSON, toMarkdown, type ReportInput } from '../../src/index.js';
import { loadExampleReports } from '../../examples/twitter-india-2021/load.js';

const result = reconcile(loadExampleReports() as ReportInput[]);

describe('toMarkdown', () => {
  const md = toMarkdown(result);

  it('opens with a summary line and lists the reports', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe(`# corroborate: 2 reports, ${result.summary.findings} findings`);
    expect(lines[2]).toBe(
      `**${result.summary.conflict} conflict · ${result.summary.compatible} compatible · ${result.summary.agree} agree · ${result.summary.singleSource} single-source**`,
    );
    expect(md).toContain('`hindustan-times-2021-02-08`: Hindustan Times, published 2021-02-08');
  });

  it('orders sections conflicts, compatible, agree, single source', () => {
    const at = ['## Conflicts', '## Compatible', '## Agree', '## Single source'].map((h) => md.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('shows the evidence, the consensus and the word diff', () => {
    expect(md).toContain('“on Monday” @');
    expect(md).toMatch(/Word diff \(Hindustan Times → Jagran\): .*\*\*[^*]*Ministry of Electronics and Information Technology/);
    expect(md).toContain('Consensus: 1,178 accounts');
  });

  it('escapes markup coming from report data', () => {
    const hostile = reconcile([
      { id: 'x', source: '<b>Evil|Source</b>', claims: [{ subject: '*bold* `code`', attribute: 'n', value: { kind: 'quantity', phrase: '3 boats' } }] },
    ]);
    const out = toMarkdown(hostile);
    expect(out).toContain('\\<b\\>Evil\\|Source\\</b\\>');
    expect(out).toContain('\\*bold\\* \\`code\\`');
  });

  it('rejects something that is not a result', () => {
    expect(() => toMarkdown({} as never)).toThrow(CorroborateError);
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
}

describe('toJSON', () => {
  it('is stable: same result, same bytes, whatever the key order of the object', () => {
    const text = toJSON(result);
    expect(toJSON(reverseKeys(result) as typeof result)).toBe(text);
    expect(JSON.parse(text)).toEqual(result);
    expect(JSON.parse(text).version).toBe(1);
  });

  it('rejects something that is not a result', () => {
    expect(() => toJSON({ version: 2 } as never)).toThrow(CorroborateError);
  });
});
