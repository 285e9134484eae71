import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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
    expect(res.stderr).toContain(`${bad}: $[0].claims[0].value.phrase: cannot read a time from "blue"`);
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
    expect(run(['reconcile', broken, '--format', 'xml']).stderr).toContain('--format must be markdown or json');
  });
});
