import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Usage errors, unwritable outputs and partial runs: one clear line each, exit 2.
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const cli = join(process.cwd(), 'src', 'cli', 'main.ts');
const run = (args: string[]) => spawnSync(tsx, [cli, ...args], { encoding: 'utf8' });

const dir = mkdtempSync(join(tmpdir(), 'corroborate-usage-'));
const article = join(dir, 'daily-a.txt');
writeFileSync(article, '---\nsource: Daily A\npublished: 2024-05-06\n---\nEngineers found 14 cracks in the Koti bridge on Monday.\n');
const claims = join(dir, 'claims.ndjson');
const claim = (source: string, value: unknown) => JSON.stringify({ source, subject: 'F1', attribute: 'gate', value });
writeFileSync(claims, [claim('a', 'C3'), claim('b', 'C3')].join('\n'));

describe('usage errors', { timeout: 60_000 }, () => {
  it('print the message and where the help is, not the whole help', () => {
    const format = run(['compare', article, '--format', 'pdf']);
    expect(format.status).toBe(2);
    expect(format.stderr).toBe(`corroborate: --format must be markdown, json, html, claimreview, not "pdf"\nRun 'corroborate compare --help' for usage.\n`);
    const failOn = run(['reconcile', article, '--fail-on', 'agree']);
    expect(failOn.stderr).toBe(`corroborate: --fail-on must be conflict or compatible, not "agree"\nRun 'corroborate reconcile --help' for usage.\n`);
    const none = run(['compare']);
    expect(none.stderr.split('\n')).toEqual(['corroborate: no inputs (give files, directories, globs, or - for standard input)', "Run 'corroborate compare --help' for usage.", '']);
    const fuse = run(['fuse']);
    expect(fuse.stderr).toBe(`corroborate fuse: --input FILE is required\nRun 'corroborate fuse --help' for usage.\n`);
  });

  it('fuse checks a negative number given as --flag -1 or --flag=-1', () => {
    for (const args of [['--relative-tolerance', '-1'], ['--relative-tolerance=-1']]) {
      const res = run(['fuse', '--input', claims, ...args]);
      expect(res.status).toBe(2);
      expect(res.stderr.split('\n')[0]).toBe('corroborate fuse: --relative-tolerance must be a number ≥ 0, got -1');
    }
    expect(run(['fuse', '--input', claims, '--max-iterations', '-3']).stderr).toContain('--max-iterations must be a whole number ≥ 1, got -3');
    expect(run(['fuse', '--input', claims, '--time-tolerance', '-5m']).stderr).toContain('--time-tolerance must be a duration ≥ 0 (90s, 10m, 1h or a number of minutes), got "-5m"');
  });
});

describe('unwritable outputs', { timeout: 60_000 }, () => {
  it('compare --out into a missing folder or onto a folder: one line naming the path, exit 2', () => {
    for (const format of ['markdown', 'html']) {
      const res = run(['compare', article, '--format', format, '--out', '/nonexistent/x.md']);
      expect(res.status).toBe(2);
      expect(res.stderr).toBe('corroborate: cannot write /nonexistent/x.md: no such directory\n');
    }
    expect(run(['compare', article, '--out', dir]).stderr).toBe(`corroborate: cannot write ${dir}: is a directory\n`);
  });

  it('fuse --out and --trust the same way', () => {
    const out = run(['fuse', '--input', claims, '--out', '/nonexistent/items.ndjson']);
    expect(out.status).toBe(2);
    expect(out.stderr).toBe('corroborate fuse: cannot write /nonexistent/items.ndjson: no such directory\n');
    const trust = run(['fuse', '--input', claims, '--out', join(dir, 'items.ndjson'), '--trust', '/nonexistent/trust.ndjson']);
    expect(trust.status).toBe(2);
    expect(trust.stderr).toBe('corroborate fuse: cannot write /nonexistent/trust.ndjson: no such directory\n');
  });
});

describe('fuse --keep-going', { timeout: 60_000 }, () => {
  it('writes what it could read and exits 2 when it skipped lines, like compare', () => {
    const mixed = join(dir, 'mixed.ndjson');
    writeFileSync(mixed, [claim('a', 'C3'), 'not json', claim('b', 'C3')].join('\n'));
    const out = join(dir, 'fused.ndjson');
    const res = run(['fuse', '--input', mixed, '--out', out, '--keep-going']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('skipped 1 malformed line');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ subject: 'F1', attribute: 'gate', value: 'C3', confidence: 1, sources: ['a', 'b'] });
    expect(run(['fuse', '--input', claims, '--out', out, '--keep-going']).status).toBe(0);
    expect(run(['fuse', '--help']).stdout).toContain('the exit status is 2 when any was skipped');
  });
});
