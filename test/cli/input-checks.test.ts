import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportNames } from '../../src/cli/ids.js';

// Inputs the CLI must refuse or name well: empty and binary files, text on standard input,
// files that share a name, and schema errors in JSON reports.
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const cli = join(process.cwd(), 'src', 'cli', 'main.ts');
const run = (args: string[], input?: string | Buffer) => spawnSync(tsx, [cli, ...args], { encoding: 'utf8', input });
const ids = (stdout: string) => (JSON.parse(stdout) as { reports: { id: string }[] }).reports.map((r) => r.id);

const BODY = 'Engineers found 14 cracks in the Koti bridge, which was shut on Monday.';
const article = (source: string, extra = '') => `---\nsource: ${source}\npublished: 2024-05-06\n${extra}---\n${BODY}\n`;

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-inputs-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('empty and binary files', { timeout: 60_000 }, () => {
  // Random bytes without NUL, so only the UTF-8 check can catch them.
  const noise = Buffer.from(Array.from({ length: 2000 }, (_, i) => 128 + ((i * 37) % 120)));
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const dir = folder({
    'good.txt': article('Daily A'),
    'empty.txt': '',
    'blank.md': ' \n\n\t\n',
    'header-only.md': article('Daily B').replace(`${BODY}\n`, ''),
    'empty.json': '',
    'binary.txt': noise,
    'img.md': png,
    'latin1.txt': Buffer.from(`${BODY} Café, façade, naïve, señor, jalapeño.`, 'latin1'),
  });
  const at = (name: string) => join(dir, name);

  it('are input errors naming the file, and --keep-going reads the rest (exit 2)', () => {
    const strict = run(['compare', dir, '--format', 'json']);
    expect(strict.status).toBe(2);
    expect(strict.stdout).toBe('');
    expect(strict.stderr.trim().split('\n').sort()).toEqual(
      [
        `corroborate: ${at('binary.txt')}: not UTF-8 text (817 invalid byte sequences)`,
        `corroborate: ${at('blank.md')}: empty report: no text`,
        `corroborate: ${at('empty.json')}: empty file: no reports`,
        `corroborate: ${at('empty.txt')}: empty report: no text`,
        `corroborate: ${at('header-only.md')}: empty report: no text`,
        `corroborate: ${at('img.md')}: not a text file (it has NUL bytes)`,
        `corroborate: ${at('latin1.txt')}: not UTF-8 text (5 invalid byte sequences)`,
      ].sort(),
    );
    const lenient = run(['compare', dir, '--format', 'json', '--keep-going']);
    expect(lenient.status).toBe(2);
    expect(ids(lenient.stdout)).toEqual(['good']);
  });

  it('a few stray bytes in a long article still pass', () => {
    const stray = folder({ 'scraped.txt': Buffer.concat([Buffer.from(`${BODY}\n`.repeat(60)), Buffer.from([0xff, 0xfe, 0x20, 0xc3])]) });
    const res = run(['compare', stray, '--format', 'json']);
    expect(res.stderr).toBe('');
    expect(ids(res.stdout)).toEqual(['scraped']);
  });
});

describe('standard input', { timeout: 60_000 }, () => {
  it('reads a text article when it does not start with "{", its id "stdin" (or its front matter id)', () => {
    const other = folder({ 'daily-b.txt': article('Daily B') });
    const res = run(['compare', '-', other, '--format', 'json'], article('Daily A'));
    expect(res.status).toBe(0);
    const result = JSON.parse(res.stdout) as { reports: { id: string; sourceName: string }[]; findings: { verdict: string; claims: unknown[] }[] };
    expect(result.reports.map((r) => [r.id, r.sourceName])).toEqual([
      ['daily-b', 'Daily B'],
      ['stdin', 'Daily A'],
    ]);
    expect(result.findings.filter((f) => f.claims.length === 2).map((f) => f.verdict)).toEqual(['agree', 'agree']);
    expect(ids(run(['compare', '-', '--format', 'json'], article('Daily A', 'id: morning-wire\n')).stdout)).toEqual(['morning-wire']);
  });

  it('names empty standard input, and a JSON array, instead of comparing nothing or JSON as prose', () => {
    const res = run(['compare', '-'], ' \n\n');
    expect(res.status).toBe(2);
    expect(res.stderr).toBe('corroborate: <stdin>: empty: nothing on standard input\n');
    const array = run(['compare', '-'], '[{"id": "a", "source": "s", "claims": []}]\n');
    expect(array.status).toBe(2);
    expect(array.stderr).toBe('corroborate: <stdin>: a JSON array; - reads NDJSON (one report object per line) or one article (give the array as a .json file)\n');
  });
});

describe('report ids', { timeout: 60_000 }, () => {
  it('are base names, or the shortest path ends that differ when base names clash, in any order', () => {
    const names = reportNames(['/r/min1/a.md', '/r/min2/a.md', '/r/p/x/b.md', '/r/q/x/b.txt', '/r/b.json', '/r/c.txt']);
    expect(Object.fromEntries(names)).toEqual({
      '/r/min1/a.md': 'min1/a',
      '/r/min2/a.md': 'min2/a',
      '/r/p/x/b.md': 'p/x/b',
      '/r/q/x/b.txt': 'q/x/b',
      '/r/b.json': 'r/b',
      '/r/c.txt': 'c',
    });
    expect(reportNames([...names.keys()].reverse())).toEqual(names);
  });

  it('let the CLI compare min1/a.md with min2/a.md; a front matter id: wins', () => {
    const dir = folder({ 'min1/a.md': article('Daily A'), 'min2/a.md': article('Daily B'), 'min3/a.md': article('Daily C', 'id: "evening"\n') });
    const res = run(['compare', join(dir, 'min2/a.md'), join(dir, 'min1/a.md'), join(dir, 'min3/a.md'), '--format', 'json']);
    expect(res.stderr).toBe('');
    expect(ids(res.stdout)).toEqual(['evening', 'min1/a', 'min2/a']);
  });
});

describe('schema errors in JSON reports', { timeout: 60_000 }, () => {
  it('say what was expected', () => {
    const report = (publishedAt: string, value: unknown) => ({ id: publishedAt, source: 's', publishedAt, claims: [{ subject: 'fire', attribute: 'killed', value }] });
    const dir = folder({
      'reports.json': JSON.stringify([report('2025-02-30', { kind: 'quantity', value: '12' }), report('2025-03-01T10:00:00', { kind: 'qty' })], null, 1),
    });
    const file = join(dir, 'reports.json');
    const res = run(['compare', dir]);
    expect(res.status).toBe(2);
    expect(res.stderr.trim().split('\n')).toEqual([
      `corroborate: ${file}:5: $[0].publishedAt: not a real date: 2025-02-30`,
      `corroborate: ${file}:10: $[0].claims[0].value: field "value": expected a number, got string`,
      `corroborate: ${file}:20: $[1].publishedAt: expected a calendar date YYYY-MM-DD or a date-time with an offset (2025-03-01T10:00:00+05:30); got "2025-03-01T10:00:00" (no offset)`,
      `corroborate: ${file}:25: $[1].claims[0].value: unknown value kind "qty" (expected one of quantity, time, quote, entity, text, boolean, json)`,
    ]);
  });
});
