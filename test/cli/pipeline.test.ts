import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

// The CLI as a pipeline step: inputs from directories, globs and stdin, exit codes, schemas.
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const cli = join(process.cwd(), 'src', 'cli', 'main.ts');

function run(args: string[], input?: string, cwd?: string) {
  return spawnSync(tsx, [cli, ...args], { encoding: 'utf8', input, cwd });
}

function article(source: string, published: string, body: string): string {
  return `---\nsource: ${source}\npublished: ${published}\n---\n${body}\n`;
}

const CONFLICT_A = 'The river ferry capsized near Halden on Monday. Rescuers pulled 23 passengers from the water, police said.';
const CONFLICT_B = 'The river ferry capsized near Halden on Tuesday. Rescuers pulled 23 passengers from the water, police said.';

/** A directory of articles: two that conflict on the day, one nested, plus files to skip. */
function corpus() {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-pipeline-'));
  writeFileSync(join(dir, 'north-post.txt'), article('North Post', '2024-06-12', CONFLICT_A));
  mkdirSync(join(dir, 'later'));
  writeFileSync(join(dir, 'later', 'valley-times.md'), article('Valley Times', '2024-06-12', CONFLICT_B));
  writeFileSync(join(dir, '.draft.txt'), 'a hidden draft, never read');
  writeFileSync(join(dir, 'photo.png'), 'not an article');
  return dir;
}

function reportIds(stdout: string): string[] {
  return (JSON.parse(stdout) as { reports: { id: string }[] }).reports.map((r) => r.id);
}

describe('corroborate --version and --help', () => {
  it('prints the package version', () => {
    const res = run(['--version']);
    expect(res.status).toBe(0);
    expect(res.stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });

  it('prints help with examples on --help, and usage with exit 2 without a command', () => {
    const help = run(['compare', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--fail-on conflict');
    const none = run([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no command given');
  });
});

describe('corroborate compare inputs', () => {
  it('reads a directory recursively, skipping hidden and non-article files', () => {
    const dir = corpus();
    const res = run(['compare', dir, '--format', 'json']);
    expect(res.status).toBe(0);
    expect(res.stderr).toBe(''); // no progress line when stderr is not a terminal
    expect(reportIds(res.stdout)).toEqual(['north-post', 'valley-times']);
  });

  it('expands a quoted glob itself, and names a pattern that matches nothing', () => {
    const dir = corpus();
    const res = run(['compare', join(dir, '**', '*.md'), join(dir, '*.txt'), '--format', 'json']);
    expect(res.status).toBe(0);
    expect(reportIds(res.stdout)).toEqual(['north-post', 'valley-times']);
    const none = run(['compare', join(dir, '*.docx')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain(`${join(dir, '*.docx')}: no files match this pattern`);
  });

  it('reads NDJSON reports from standard input, extracting claims from text', () => {
    const lines = [
      JSON.stringify({ id: 'north', source: 'North Post', publishedAt: '2024-06-12', text: CONFLICT_A }),
      '',
      JSON.stringify({ source: 'Valley Times', publishedAt: '2024-06-12', text: CONFLICT_B }),
    ];
    const res = run(['compare', '-', '--format', 'json'], `${lines.join('\n')}\n`);
    expect(res.status).toBe(0);
    expect(reportIds(res.stdout)).toEqual(['north', 'stdin-3']);
    const result = JSON.parse(res.stdout) as { findings: { kind: string; verdict: string }[] };
    expect(result.findings.find((f) => f.kind === 'date')?.verdict).toBe('conflict');
  });

  it('names the line of a bad NDJSON line; --keep-going processes the rest but still exits 2', () => {
    const good = JSON.stringify({ id: 'north', source: 'North Post', publishedAt: '2024-06-12', text: CONFLICT_A });
    const input = `${good}\n{"id": "broken",\n`;
    const strict = run(['compare', '-', '--format', 'json'], input);
    expect(strict.status).toBe(2);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('<stdin>:2: not valid JSON');
    const lenient = run(['compare', '-', '--format', 'json', '--keep-going'], input);
    expect(lenient.status).toBe(2);
    expect(lenient.stderr).toContain('<stdin>:2: not valid JSON');
    expect(reportIds(lenient.stdout)).toEqual(['north']);
  });

  it('--keep-going reports a bad JSON report with file, line and JSON path, and reconciles the others', () => {
    const dir = corpus();
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ id: 'bad', source: 's', claims: [{ subject: 'ferry', attribute: 'day', value: { kind: 'time', phrase: 'purple' } }] }, null, 2),
    );
    const strict = run(['compare', dir, '--format', 'json']);
    expect(strict.status).toBe(2);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain(`${bad}:10: $.claims[0].value.phrase: cannot read a time from "purple"`);
    const lenient = run(['compare', dir, '--format', 'json', '--keep-going']);
    expect(lenient.status).toBe(2);
    expect(lenient.stderr).toContain(`${bad}:10: $.claims[0].value.phrase`);
    expect(reportIds(lenient.stdout)).toEqual(['north-post', 'valley-times']);
  });
});

describe('corroborate compare --fail-on', () => {
  it('exits 1 on a conflict and 0 when the reports agree', () => {
    const dir = corpus();
    expect(run(['compare', dir, '--fail-on', 'conflict']).status).toBe(1);
    expect(run(['compare', dir]).status).toBe(0);
    const same = mkdtempSync(join(tmpdir(), 'corroborate-same-'));
    writeFileSync(join(same, 'a.txt'), article('A', '2024-06-12', CONFLICT_A));
    writeFileSync(join(same, 'b.txt'), article('B', '2024-06-12', CONFLICT_A.replace('23', 'twenty-three')));
    const res = run(['compare', same, '--fail-on', 'conflict']);
    expect(res.status).toBe(0);
    expect(run(['compare', same, '--fail-on', 'sometimes']).status).toBe(2);
  });
});

describe('corroborate compare output formats', () => {
  const schema = (name: string) => JSON.parse(readFileSync(join('schema', name), 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);

  it('--format json validates against the shipped schema/result.schema.json', () => {
    const validate = ajv.compile(schema('result.schema.json'));
    const res = run(['compare', 'examples/twitter-india-2021/hindustan-times-2021-02-08.txt', 'examples/twitter-india-2021/jagran-2021-02-09.txt', '--format', 'json']);
    expect(res.status).toBe(0);
    const ok = validate(JSON.parse(res.stdout));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validate({ version: 2, reports: [], findings: [] })).toBe(false);
  });

  it('the example claims files validate against the shipped schema/report.schema.json', () => {
    const validate = ajv.compile(schema('report.schema.json'));
    for (const file of ['hindustan-times-2021-02-08.claims.json', 'jagran-2021-02-09.claims.json']) {
      const report = JSON.parse(readFileSync(join('examples/twitter-india-2021', file), 'utf8')) as Record<string, unknown>;
      const { textFile: _textFile, ...rest } = report;
      expect(validate(rest)).toBe(true);
    }
    expect(validate({ id: 'x', claims: [] })).toBe(false); // no source
  });

  it('--format claimreview prints schema.org JSON-LD with the verdict as the rating', () => {
    const res = run(['compare', corpus(), '--format', 'claimreview']);
    expect(res.status).toBe(0);
    const doc = JSON.parse(res.stdout) as { '@context': string; '@graph': { reviewRating: { alternateName: string } }[] };
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@graph'].map((r) => r.reviewRating.alternateName)).toContain('conflict');
  });
});
