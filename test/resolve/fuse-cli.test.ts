import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseMinutes, runFuse } from '../../src/cli/fuse.js';
import { fuse } from '../../src/resolve/fuse.js';

let dir: string;
let stderr: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-fuse-'));
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, lines: readonly unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
  return path;
}

function readNdjson(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}

const gate = (source: string, subject: string, value: string) => ({ source, subject, attribute: 'gate', value });
const dep = (source: string, value: string) => ({ source, subject: 'AA-1007', attribute: 'departure', value: { kind: 'time', value } });

describe('corroborate fuse', () => {
  it('writes one line per item and the trust file; reports the timing split', async () => {
    const input = file('claims.ndjson', [gate('a', 'F2', 'B1'), '', gate('b', 'F2', 'B1'), gate('c', 'F2', 'B9'), '   ', gate('a', 'F1', 'C3')]);
    const out = join(dir, 'out.ndjson');
    const trust = join(dir, 'trust.ndjson');
    expect(await runFuse(['--input', input, '--method', 'accu', '--out', out, '--trust', trust])).toBe(0);
    const items = readNdjson(out);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ subject: 'F1', attribute: 'gate', value: 'C3', sources: ['a'] });
    expect(items[1]).toMatchObject({ subject: 'F2', attribute: 'gate', value: 'B1', sources: ['a', 'b'] });
    expect(Object.keys(items[1] as object)).toEqual(['subject', 'attribute', 'value', 'confidence', 'sources']);
    expect(readNdjson(trust).map((t) => (t as { source: string }).source)).toEqual(['a', 'b', 'c']);
    expect(stderr).toMatch(/read 4 claims \(3 sources, 2 items\) in [\d.]+ s; fused \(accu, \d+ iterations?\) in [\d.]+ s; wrote in [\d.]+ s/);
  });

  it('reports a malformed JSON line with its line number, exit 2', async () => {
    const input = file('bad.ndjson', [gate('a', 'F1', 'C3'), '', '{"source": "b", "subject": ', gate('c', 'F1', 'C3')]);
    expect(await runFuse(['--input', input, '--out', join(dir, 'out.ndjson')])).toBe(2);
    expect(stderr).toContain(`${input}:3: invalid JSON`);
  });

  it('reports a claim of the wrong shape with its line number and field', async () => {
    const input = file('shape.ndjson', [gate('a', 'F1', 'C3'), { source: '', subject: 'F1', attribute: 'gate', value: 'C3' }, dep('a', 'yesterday')]);
    expect(await runFuse(['--input', input, '--out', join(dir, 'out.ndjson')])).toBe(2);
    expect(stderr).toContain(`${input}:2: source: must be a non-empty string`);
  });

  it('--keep-going skips bad lines, counts them and fuses the rest', async () => {
    const input = file('mixed.ndjson', [gate('a', 'F1', 'C3'), 'not json', [1, 2], dep('a', 'yesterday'), gate('b', 'F1', 'C3')]);
    const out = join(dir, 'out.ndjson');
    expect(await runFuse(['--input', input, '--out', out, '--keep-going'])).toBe(2); // written, but a pipeline notices
    expect(stderr).toContain(`${input}:2: invalid JSON`);
    expect(stderr).toContain(`${input}:4: value: cannot read "yesterday"`);
    expect(stderr).toContain('skipped 3 malformed lines');
    expect(readNdjson(out)).toEqual([{ subject: 'F1', attribute: 'gate', value: 'C3', confidence: 1, sources: ['a', 'b'] }]);
  });

  it('--time-tolerance lets nearby times support each other', async () => {
    const input = file('times.ndjson', [
      dep('a', '2011-12-01T14:07:00-05:00'),
      dep('b', '2011-12-01T19:13:00Z'),
      dep('e', '2011-12-01T19:10:00Z'),
      dep('c', '2011-12-01T20:00:00Z'),
      dep('d', '2011-12-01T20:00:00Z'),
    ]);
    const out = join(dir, 'out.ndjson');
    expect(await runFuse(['--input', input, '--out', out])).toBe(0);
    expect(readNdjson(out)[0]).toMatchObject({ sources: ['c', 'd'] });
    expect(await runFuse(['--input', input, '--out', out, '--time-tolerance', '5m'])).toBe(0);
    // 19:10 has three claims within 5 minutes (19:07, 19:10, 19:13); 19:07, 19:13 and 20:00 have two.
    expect(readNdjson(out)[0]).toMatchObject({ value: { kind: 'time', value: '2011-12-01T19:10:00Z' }, sources: ['a', 'b', 'e'], confidence: 0.6 });
  });

  it('rejects bad arguments with exit 2', async () => {
    const input = file('ok.ndjson', [gate('a', 'F1', 'C3')]);
    expect(await runFuse(['--input', input, '--method', 'magic'])).toBe(2);
    expect(stderr).toContain('--method must be one of');
    expect(await runFuse(['--input', input, '--time-tolerance', 'soon'])).toBe(2);
    expect(await runFuse(['--method', 'vote'])).toBe(2);
    expect(await runFuse(['--input', join(dir, 'missing.ndjson')])).toBe(2);
    expect(stderr).toContain('cannot read');
  });

  it('reads every way of writing a claim like fuse() does: key order, spacing, escapes, CRLF, a BOM', async () => {
    const claims = [
      gate('a', 'F1', 'C3'),
      gate('b', 'F1', 'C3'),
      gate('c', 'F1', 'D4'),
      dep('a', '2011-12-01T14:07:00-05:00'),
      dep('b', '2011-12-01T19:07:00Z'),
      { source: 'q"uote', subject: 'F\\2', attribute: 'gate', value: 'Ä\u00e9' },
      { source: 'c', subject: 'F2', attribute: 'gate', value: { b: 1, a: [2, 'x'] } },
    ];
    const lines = [
      '\ufeff' + JSON.stringify(claims[0]),
      `${JSON.stringify(claims[1])}\r`,
      '{ "value": "D4", "attribute": "gate", "subject": "F1", "source": "c" }',
      JSON.stringify(claims[3]),
      `${JSON.stringify(claims[4])}   `,
      JSON.stringify(claims[5]),
      '{"source":"c","subject":"F2","attribute":"gate","value":{"a":[2,"x"],"b":1}}',
    ];
    const input = file('ways.ndjson', lines);
    const out = join(dir, 'out.ndjson');
    expect(await runFuse(['--input', input, '--out', out])).toBe(0);
    const expected = fuse(claims).items.map((item) => JSON.parse(JSON.stringify(item)));
    expect(readNdjson(out)).toEqual(expected);
  });

  it('rejects what JSON rejects even in the common shape (a raw tab inside a string)', async () => {
    const input = file('tab.ndjson', [gate('a', 'F1', 'C3'), '{"source":"a","subject":"F\t1","attribute":"gate","value":"C3"}']);
    expect(await runFuse(['--input', input, '--out', join(dir, 'out.ndjson')])).toBe(2);
    expect(stderr).toContain(`${input}:2: invalid JSON`);
  });

  it('reads a file larger than its read buffer, with lines cut across reads', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 250_000; i++) lines.push(JSON.stringify(gate(`source-${i % 7}`, `flight-${Math.floor(i / 7)}`, `G${i % 3 === 0 ? 1 : 2}-${'é'.repeat(i % 5)}`)));
    const input = file('big.ndjson', lines);
    const out = join(dir, 'out.ndjson');
    expect(await runFuse(['--input', input, '--out', out])).toBe(0);
    expect(stderr).toMatch(/read 250000 claims \(7 sources, 35715 items\)/);
  });

  it('reads durations', () => {
    expect(parseMinutes('10m')).toBe(10);
    expect(parseMinutes('90s')).toBe(1.5);
    expect(parseMinutes('1h')).toBe(60);
    expect(parseMinutes('10')).toBe(10);
    expect(parseMinutes('2.5min')).toBe(2.5);
    expect(parseMinutes('ten')).toBeNaN();
  });
});

describe('corroborate fuse --known', () => {
  const claims = () => file('claims.ndjson', [gate('a', 'F2', 'B1'), gate('b', 'F2', 'B1'), gate('c', 'F2', 'B9'), gate('a', 'F1', 'C3'), gate('c', 'F1', 'C4')]);
  const fact = (subject: string, value: string) => ({ subject, attribute: 'gate', value });

  it('fixes a known item to its value (confidence 1) and learns trust against it', async () => {
    const input = claims();
    const known = file('known.ndjson', ['', fact('F2', 'B9'), '']);
    const out = join(dir, 'out.ndjson');
    const trust = join(dir, 'trust.ndjson');
    expect(await runFuse(['--input', input, '--known', known, '--out', out, '--trust', trust])).toBe(0);
    const items = readNdjson(out);
    expect(items[1]).toEqual({ subject: 'F2', attribute: 'gate', value: 'B9', confidence: 1, sources: ['c'] });
    // c, right on the known item, outweighs a on F1.
    expect(items[0]).toMatchObject({ subject: 'F1', value: 'C4' });
    expect(items).toEqual(fuse(readNdjson(input) as never, { known: [fact('F2', 'B9')] }).items);
    expect(stderr).toContain(`1 known fact from ${known}`);
  });

  it('reports a malformed known line with its line number, exit 2', async () => {
    const input = claims();
    const missing = file('missing.ndjson', [fact('F2', 'B9'), '', '{"subject": "F1", "attribute": "gate"}']);
    expect(await runFuse(['--input', input, '--known', missing])).toBe(2);
    expect(stderr).toContain(`${missing}:3: value: is required`);
    const broken = file('broken.ndjson', [fact('F2', 'B9'), '{"subject": ']);
    expect(await runFuse(['--input', input, '--known', broken])).toBe(2);
    expect(stderr).toContain(`${broken}:2: invalid JSON`);
    const badTime = file('time.ndjson', [{ subject: 'F1', attribute: 'dep', value: { kind: 'time', value: 'noon' } }]);
    expect(await runFuse(['--input', input, '--known', badTime])).toBe(2);
    expect(stderr).toContain(`${badTime}:1: value: cannot read "noon"`);
  });

  it('reports two different known values for one item with both line numbers', async () => {
    const known = file('conflict.ndjson', [fact('F2', 'B9'), fact('F1', 'C3'), '', fact('F2', 'B1')]);
    expect(await runFuse(['--input', claims(), '--known', known])).toBe(2);
    expect(stderr).toContain(`${known}:4: differs from line 1, a fact for the same subject and attribute`);
  });

  it('cannot read a missing known file, exit 2', async () => {
    expect(await runFuse(['--input', claims(), '--known', join(dir, 'nope.ndjson')])).toBe(2);
    expect(stderr).toContain('cannot read');
  });
});

