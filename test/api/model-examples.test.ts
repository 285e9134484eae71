import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import * as root from '../../src/index.js';
import { compareValues, extract, parseQuote, reconcile, type CorroborateError, type ReportInput } from '../../src/index.js';

// The @example of every public model type is read from its doc comment, compiled against the
// public entry and run; each literal is parsed with its schema, and a few are compared with
// what the library really returns. So the docs cannot drift from the model.

const rootDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const MODEL_FILES = ['source', 'value', 'claim', 'report', 'finding', 'error'].map((f) => join(rootDir, 'src/model', `${f}.ts`));

/** The names the API audit found without an example (types, plus two schemas). */
const TYPES = [
  'BooleanValue', 'Claim', 'ClaimContext', 'ClaimInput', 'Comparison', 'Consensus', 'CorroborateIssue', 'Dependence',
  'EntityValue', 'Evidence', 'FactKind', 'Finding', 'FindingClaim', 'Granularity', 'JsonValue', 'PairComparison',
  'PairVerdict', 'PhraseValue', 'QuantityQualifier', 'QuantityValue', 'QuoteValue', 'Reason', 'ReconcileResult', 'Report',
  'ReportInput', 'SharedEvidence', 'Source', 'SourceKind', 'TextValue', 'TimeAnchor', 'TimeValue', 'Value', 'ValueInput',
  'ValueKind', 'Verdict', 'WordDiffOp',
] as const;
const SCHEMAS = ['DateOrDateTimeSchema', 'PairVerdictSchema'] as const;

/** Each exported declaration's @example text, by name. */
function examples(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of MODEL_FILES) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node, name: string) => {
      const tag = ts.getJSDocTags(node).find((t) => t.tagName.text === 'example');
      if (tag) out.set(name, ts.getTextOfJSDocComment(tag.comment) ?? '');
    };
    for (const statement of source.statements) {
      if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isClassDeclaration(statement)) {
        if (statement.name) visit(statement, statement.name.text);
      } else if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) visit(d, d.name.text);
      }
    }
  }
  return out;
}

const found = examples();
const exampleOf = (name: string): string => found.get(name) ?? '';
/** `const name: Type = …` in a type's example: the variable and the type as written. */
const declared = (name: string) => /const (\w+): (\w+)(\[\])? =/.exec(exampleOf(name));

/** Runs example code with the root entry's exports in scope; returns the named variable. */
function run(code: string, result = 'undefined'): unknown {
  const js = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  return new Function(...Object.keys(root), `${js}\nreturn ${result};`)(...Object.values(root));
}

/** The literal an example of a type declares. */
const literal = (name: string): unknown => run(exampleOf(name), declared(name)![1]);

describe('the examples of the model types', () => {
  it('exist, and declare a literal of their type', () => {
    for (const name of [...TYPES, ...SCHEMAS, 'CorroborateError']) expect([name, exampleOf(name)]).not.toEqual([name, '']);
    for (const name of TYPES) expect([name, declared(name)?.[2]]).toEqual([name, name]);
  });

  it('compile against the public entry', () => {
    const values = Object.keys(root);
    const header = `import { ${values.join(', ')} } from '../../src/index.js';\nimport type { ${TYPES.join(', ')} } from '../../src/index.js';\n`;
    const body = [...TYPES, ...SCHEMAS, 'CorroborateError'].map((name) => `{\n${exampleOf(name)}\n}`).join('\n');
    const virtual = join(rootDir, 'test/api/__model-examples__.ts');
    const config = ts.getParsedCommandLineOfConfigFile(join(rootDir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const host = ts.createCompilerHost(config.options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language, ...rest) => (name === virtual ? ts.createSourceFile(name, header + body, language) : getSourceFile(name, language, ...rest));
    // The CorroborateError example logs; console is all it needs of the DOM library.
    const program = ts.createProgram([virtual], { ...config.options, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], noEmit: true }, host);
    const diagnostics = program.getSemanticDiagnostics(program.getSourceFile(virtual)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  }, 60_000);

  it.each(TYPES.filter((name) => name !== 'ValueKind' && name !== 'CorroborateIssue'))('%s parses with its schema', (name) => {
    const schema = (root as unknown as Record<string, z.ZodMiniType>)[`${name}Schema`]!;
    const value = literal(name);
    const result = (declared(name)![3] ? z.array(schema) : schema).safeParse(value);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('schema examples give what their comments say', () => {
    for (const name of SCHEMAS) {
      for (const line of exampleOf(name).split('\n')) {
        const [, code, said] = /^(.*);\s*\/\/\s*(.*)$/.exec(line)!;
        expect([line, run(`const result = ${code};`, 'result')]).toEqual([line, run(`const said = ${said};`, 'said')]);
      }
    }
    expect(['quantity', 'time', 'quote', 'entity', 'text', 'boolean', 'json']).toContain(literal('ValueKind'));
  });

  it('match what the library returns', () => {
    const one: ReportInput = { id: 'ht', source: 'Hindustan Times', publishedAt: '2021-02-08', claims: [{ subject: 'fresh-order', attribute: 'accounts', value: literal('QuantityValue') as never }] };
    expect(literal('Report')).toEqual(one);
    expect(literal('Finding')).toEqual(reconcile([one]).findings[0]);
    expect(literal('ReconcileResult')).toEqual(reconcile([{ id: 'ht', source: { id: 'ht', name: 'Hindustan Times' }, publishedAt: '2021-02-08' }]));

    const two = reconcile([
      { id: 'ht', source: { id: 'ht', name: 'Hindustan Times' }, publishedAt: '2021-02-08', claims: [{ subject: 'fresh-order', attribute: 'accounts', value: { kind: 'quantity', phrase: '1,178 accounts' } }] },
      literal('ReportInput') as ReportInput,
    ]).findings[0]!;
    expect([two.verdict, two.reason]).toEqual(['compatible', literal('Reason')]);
    expect(two.consensus).toEqual(literal('Consensus'));
    expect(two.comparisons[0]).toEqual(literal('PairComparison'));
    expect(two.claims[1]).toEqual(literal('FindingClaim'));

    const claim = extract('Police said 40 people were hurt on Monday.', { publishedAt: '2021-02-09' }).claims[0]!;
    expect(claim.evidence).toEqual(literal('Evidence'));
    expect(claim.context).toEqual(literal('ClaimContext'));
    expect(compareValues(parseQuote('we have reached out to the minister'), parseQuote('we have reached out to the Honourable Minister'))).toEqual(literal('Comparison'));

    const text = 'Rescue teams worked through the night to reach the eleven miners trapped near the old shaft';
    expect(reconcile([{ id: 'a', source: 'A', text: `${text}. (PTI)` }, { id: 'b', source: 'B', text: `${text}, officials said.` }]).dependence).toEqual([literal('Dependence')]);
    const credit = literal('SharedEvidence') as { text: string; start: number; end: number };
    expect('New Delhi, Feb 8 (PTI) The government said it would respond.'.slice(credit.start, credit.end)).toBe(credit.text);

    // The issue example is the error a reversed quantity gives.
    const reversed = { ...(literal('QuantityValue') as object), min: 100, max: 5, value: null, qualifier: 'range' };
    let error: CorroborateError | undefined;
    try {
      reconcile([{ ...one, claims: [{ ...one.claims![0]!, value: reversed as never }] }]);
    } catch (e) {
      error = e as CorroborateError;
    }
    expect(error?.issues).toEqual([literal('CorroborateIssue')]);
  });
});
