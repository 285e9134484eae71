import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReconcileResultSchema } from '../../src/index.js';

// Runs the CLI from source through tsx, so the test needs no build step.
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const cli = join(process.cwd(), 'src', 'cli', 'main.ts');
const example = join(process.cwd(), 'examples', 'twitter-india-2021');

function run(args: string[]) {
  return spawnSync(tsx, [cli, ...args], { encoding: 'utf8' });
}

describe('corroborate reconcile', () => {
  it('prints the Markdown report of the worked example', () => {
    const out = execFileSync(tsx, [cli, 'reconcile', join(example, 'hindustan-times-2021-02-08.claims.json'), join(example, 'jagran-2021-02-09.claims.json')], { encoding: 'utf8' });
    expect(out).toMatch(/^# corroborate: 2 reports, \d+ findings/);
    expect(out).toContain('## Conflicts');
  });

  it('prints JSON with --format json', () => {
    const res = run(['reconcile', join(example, 'hindustan-times-2021-02-08.claims.json'), '--format', 'json']);
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ version: 1, reports: [{ id: 'hindustan-times-2021-02-08' }] });
  });

  it('names the file and JSON path of a bad claim, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify({ id: 'g', source: 's', claims: [] }));
    writeFileSync(bad, JSON.stringify([{ id: 'b', source: 's', claims: [{ subject: 'x', attribute: 'y', value: { kind: 'time', phrase: 'blue' } }] }]));
    const res = run(['reconcile', good, bad]);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(`${bad}:1: $[0].claims[0].value.phrase: cannot read a time from "blue"`);
  });

  it('reports unreadable and non-JSON files, and usage errors, with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"id": ');
    expect(run(['reconcile', broken]).stderr).toContain(`${broken}: not valid JSON`);
    expect(run(['reconcile', join(dir, 'missing.json')]).stderr).toContain('cannot read (ENOENT)');
    const usage = run(['frobnicate']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('unknown command "frobnicate"');
    expect(run(['reconcile', broken, '--format', 'xml']).stderr).toContain('--format must be markdown, json, html, claimreview');
  });
});

describe('corroborate compare', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-compare-'));
  const a = join(dir, 'daily-a.txt');
  const b = join(dir, 'daily-b.md');
  const c = join(dir, 'undated.txt');
  writeFileSync(a, '---\nsource: Daily A\npublished: 2024-05-06\n---\nEngineers found 14 cracks in the Koti bridge. It was closed on Monday, they said.\n');
  writeFileSync(b, '---\nsource: Daily B\npublished: 2024-05-07T09:00:00+05:30\nurl: https://b.example/x\n---\nEngineers found 14 cracks in the Koti bridge, which was closed on Tuesday.\n');
  writeFileSync(c, 'Engineers found 14 cracks in the Koti bridge, closed on Monday.\n');

  it('reads articles with front matter and prints the versioned JSON contract', () => {
    const res = run(['compare', a, b, c, '--format', 'json']);
    expect(res.status).toBe(0);
    const json = JSON.parse(res.stdout);
    expect(ReconcileResultSchema.safeParse(json).success).toBe(true);
    expect(json.version).toBe(1);
    expect(json.reports).toEqual([
      { id: 'daily-a', source: 'Daily A', sourceName: 'Daily A', publishedAt: '2024-05-06' },
      { id: 'daily-b', source: 'Daily B', sourceName: 'Daily B', publishedAt: '2024-05-07T09:00:00+05:30', url: 'https://b.example/x' },
      { id: 'undated', source: 'undated', sourceName: 'Undated', publishedAt: null },
    ]);
    const date = json.findings.find((f: { kind: string; claims: unknown[] }) => f.kind === 'date' && f.claims.length > 1);
    expect(date.verdict).toBe('conflict');
    // evidence offsets index the whole file as read, front matter included
    const files = new Map([['daily-a', a], ['daily-b', b], ['undated', c]]);
    for (const f of json.findings) {
      for (const claim of f.claims) {
        const content = readFileSync(files.get(claim.report)!, 'utf8');
        expect(content.slice(claim.evidence.start, claim.evidence.end)).toBe(claim.evidence.text);
      }
    }
    const unresolved = json.findings.flatMap((f: { claims: { report: string; value: { kind: string; anchor?: string } }[] }) => f.claims).find((cl: { report: string; value: { kind: string } }) => cl.report === 'undated' && cl.value.kind === 'time');
    expect(unresolved.value.anchor).toBe('unresolved');
  });

  it('runs the seed example and writes --out', () => {
    const out = join(dir, 'report.md');
    const res = run(['compare', join(example, 'hindustan-times-2021-02-08.txt'), join(example, 'jagran-2021-02-09.txt'), '--out', out]);
    expect(res.status).toBe(0);
    expect(res.stdout).toBe('');
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('Hindustan Times says 2021-02-08 ("on Monday") but Jagran says 2021-02-09 ("on Tuesday"): different days.');
  });

  it('names the file and line of a bad header', () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '---\nsource: X\npublished: yesterday\n---\nText.');
    const res = run(['compare', a, bad]);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(`${bad}:3: $.frontMatter.published: "yesterday" is not a date`);
  });
});
