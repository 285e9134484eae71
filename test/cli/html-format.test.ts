import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `corroborate compare … --format html`, run from source through tsx.
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const cli = join(process.cwd(), 'src', 'cli', 'main.ts');
const example = join(process.cwd(), 'examples', 'twitter-india-2021');

describe('corroborate compare --format html', () => {
  it('writes the HTML report with both articles highlighted', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'corroborate-cli-html-')), 'report.html');
    const files = ['hindustan-times-2021-02-08.txt', 'jagran-2021-02-09.txt'].map((f) => join(example, f));
    const run = spawnSync(tsx, [cli, 'compare', ...files, '--format', 'html', '--out', out], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<mark class="c v-conflict k-date" data-f="\d+" title="[^"]*" id="e\d+-0">on Monday<\/mark>/);
    expect(html).toMatch(/<mark class="c v-conflict k-date" data-f="\d+" title="[^"]*" id="e\d+-1">on Tuesday<\/mark>/);
    expect(html).toContain('<h3>Hindustan Times</h3>');
    expect(html).toContain('<h3>Jagran</h3>');
  });
});
