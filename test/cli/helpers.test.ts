import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandGlob, expandInputs } from '../../src/cli/glob.js';
import { lineAt, lineOfJsonPath } from '../../src/cli/json-locate.js';
import { createProgress } from '../../src/cli/progress.js';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'corroborate-glob-'));
  for (const path of ['a.txt', 'b.md', 'c.json', '.hidden.txt', 'notes.pdf', 'x/d.txt', 'x/y/e.txt', 'x/y/f.md', 'node_modules/g.txt', 'r1.txt', 'r2.txt', 'rz.txt']) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), 'text');
  }
  return root;
}

describe('expandGlob', () => {
  const root = tree();
  const rel = (paths: string[]) => paths.map((p) => p.slice(root.length + 1));

  it('matches * and ? inside one segment, skipping dot files', () => {
    expect(rel(expandGlob(`${root}/*.txt`))).toEqual(['a.txt', 'r1.txt', 'r2.txt', 'rz.txt']);
    expect(rel(expandGlob(`${root}/r?.txt`))).toEqual(['r1.txt', 'r2.txt', 'rz.txt']);
    expect(rel(expandGlob(`${root}/.*.txt`))).toEqual(['.hidden.txt']);
  });

  it('matches character classes and their negation', () => {
    expect(rel(expandGlob(`${root}/r[0-9].txt`))).toEqual(['r1.txt', 'r2.txt']);
    expect(rel(expandGlob(`${root}/r[!0-9].txt`))).toEqual(['rz.txt']);
  });

  it('lets ** cross any number of directories, node_modules excluded', () => {
    expect(rel(expandGlob(`${root}/**/*.txt`))).toEqual(['a.txt', 'r1.txt', 'r2.txt', 'rz.txt', 'x/d.txt', 'x/y/e.txt']);
    expect(rel(expandGlob(`${root}/x/**/*.md`))).toEqual(['x/y/f.md']);
  });

  it('runs in time linear-ish on a pathological pattern', () => {
    const name = 'a'.repeat(200);
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-glob-slow-'));
    writeFileSync(join(dir, name), '');
    const started = performance.now();
    expect(expandGlob(`${dir}/${'*a'.repeat(40)}b`)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000); // exponential backtracking would never finish
  });
});

describe('expandInputs', () => {
  it('walks directories for input files, keeps plain files, notes stdin and dead patterns', () => {
    const root = tree();
    const out = expandInputs([join(root, 'x'), join(root, 'notes.pdf'), '-', join(root, 'nothing-*.txt')]);
    expect(out.files.map((p) => p.slice(root.length + 1))).toEqual(['x/d.txt', 'x/y/e.txt', 'x/y/f.md', 'notes.pdf']);
    expect(out.stdin).toBe(true);
    expect(out.problems).toEqual([`${join(root, 'nothing-*.txt')}: no files match this pattern`]);
  });
});

describe('lineOfJsonPath', () => {
  const json = '[\n  {\n    "id": "a",\n    "claims": [\n      {"x": 1},\n      {\n        "value": {"phrase": "blue"}\n      }\n    ]\n  }\n]';

  it('finds the line of a nested value', () => {
    expect(lineOfJsonPath(json, [0, 'claims', 1, 'value', 'phrase'])).toBe(7);
    expect(lineOfJsonPath(json, [0, 'id'])).toBe(3);
    expect(lineOfJsonPath(json, [])).toBe(1);
  });

  it('stops at the deepest existing part of the path', () => {
    expect(lineOfJsonPath(json, [0, 'claims', 5])).toBe(4);
    expect(lineOfJsonPath(json, [0, 'missing'])).toBe(2);
  });

  it('skips strings holding brackets and escaped quotes', () => {
    const tricky = '{"a": "]}\\"[{", "b": [1,\n2, {"c":\n true}]}';
    expect(lineOfJsonPath(tricky, ['b', 2, 'c'])).toBe(3);
  });

  it('handles deep nesting without recursion', () => {
    const deep = `${'['.repeat(50_000)}1${']'.repeat(50_000)}`;
    expect(lineOfJsonPath(deep, Array(50_000).fill(0))).toBe(1);
    expect(lineAt('a\nb\nc', 4)).toBe(3);
  });
});

describe('createProgress', () => {
  function stream(isTTY: boolean) {
    const writes: string[] = [];
    return { writes, stream: { isTTY, columns: 80, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream };
  }

  it('stays quiet for the first second and when not a terminal', () => {
    let t = 0;
    const tty = stream(true);
    const progress = createProgress(tty.stream, 1000, () => t);
    progress.update('reading 1/3 files');
    expect(tty.writes).toEqual([]);
    t = 1500;
    progress.update('reading 2/3 files');
    expect(tty.writes.join('')).toContain('corroborate: reading 2/3 files');
    progress.done();
    expect(tty.writes.at(-1)).toBe('\r\u001b[2K');
    const piped = stream(false);
    const quiet = createProgress(piped.stream, 0, () => 5000);
    quiet.update('reading');
    quiet.done();
    expect(piped.writes).toEqual([]);
  });
});
