import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Reconciler, compareArticles, reconcile, type ArticleInput, type ReportInput } from '../../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const casesFile = join(root, 'test/api/typed-inputs.cases.ts');

/** Compiles the cases with their `@ts-expect-error` lines disarmed: line (1-based) → error codes. */
function errorsByLine(): Map<number, number[]> {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const text = readFileSync(casesFile, 'utf8').replace(/@ts-expect-error/g, 'expect-error');
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === casesFile ? ts.createSourceFile(name, text, language) : getSourceFile(name, language, ...rest);
  const program = ts.createProgram([casesFile], { ...config.options, noEmit: true }, host);
  const source = program.getSourceFile(casesFile)!;
  const out = new Map<number, number[]>();
  for (const d of program.getSemanticDiagnostics(source)) {
    const line = source.getLineAndCharacterOfPosition(d.start ?? 0).line + 1;
    out.set(line, [...(out.get(line) ?? []), d.code]);
  }
  return out;
}

describe('typed inputs', () => {
  it('reject typo’d fields and wrong shapes at compile time, each with the error its case names', () => {
    const lines = readFileSync(casesFile, 'utf8').split('\n');
    const expected = new Map<number, number>();
    lines.forEach((line, i) => {
      const code = /@ts-expect-error TS(\d+)/.exec(line)?.[1];
      if (code) expected.set(i + 2, Number(code)); // the case is the next line
    });
    expect(expected.size).toBe(7);
    const actual = errorsByLine();
    for (const [line, code] of expected) expect([line, actual.get(line)]).toEqual([line, [code]]);
    // Nothing else in the file is an error: the right inputs compile.
    expect([...actual.keys()].filter((line) => !expected.has(line))).toEqual([]);
  }, 60_000);

  it('name the input types in the signatures', () => {
    expectTypeOf(reconcile).parameter(0).toEqualTypeOf<readonly ReportInput[]>();
    expectTypeOf<Reconciler['add']>().parameter(0).toEqualTypeOf<ReportInput>();
    expectTypeOf(compareArticles).parameter(0).toEqualTypeOf<readonly ArticleInput[]>();
    // Saved state comes back from JSON.parse untyped and is checked at run time.
    expectTypeOf(Reconciler.fromJSON).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf<ReturnType<Reconciler['toJSON']>['reports']>().toEqualTypeOf<ReportInput[]>();
  });
});
