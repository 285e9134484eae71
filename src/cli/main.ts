// The `corroborate` command. The only place in src/ that touches Node built-ins.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { CorroborateError, formatIssue, reconcile, toJSON, toMarkdown } from '../index.js';

const USAGE = `Usage: corroborate reconcile FILE... [--format markdown|json] [--out FILE]

Reconciles reports that carry structured claims. Each FILE is JSON: one report or an array
of reports (see schema/corroborate.schema.json, ReportInput). A report may name its article
with "textFile" (a path relative to the JSON file) to have evidence offsets checked.

Examples:
  corroborate reconcile ht.claims.json jagran.claims.json
  corroborate reconcile reports.json --format json --out result.json

Exit status: 0 on success, 2 on usage or input errors.`;

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'markdown' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, ...files] = positionals;
  if (command !== 'reconcile') return usageError(command ? `unknown command "${command}"` : 'no command given');
  if (files.length === 0) return usageError('no input files');
  if (values.format !== 'markdown' && values.format !== 'json') return usageError(`--format must be markdown or json, not "${values.format}"`);

  const reports: unknown[] = [];
  const origins: { file: string; index: number | null }[] = [];
  for (const file of files) {
    const loaded = loadReports(file);
    if (typeof loaded === 'string') {
      process.stderr.write(`corroborate: ${loaded}\n`);
      return 2;
    }
    for (const entry of loaded) {
      reports.push(entry.report);
      origins.push({ file, index: entry.index });
    }
  }
  let output: string;
  try {
    const result = reconcile(reports);
    output = values.format === 'json' ? toJSON(result) : toMarkdown(result);
  } catch (error) {
    if (error instanceof CorroborateError) {
      // Name the file each problem is in, with the JSON path inside that file.
      const lines = error.issues.map((issue) => {
        const [first, ...rest] = issue.path;
        const origin = typeof first === 'number' ? origins[first] : undefined;
        if (!origin) return `  ${formatIssue(issue)}`;
        const path = origin.index === null ? rest : [origin.index, ...rest];
        return `  ${origin.file}: ${formatIssue({ ...issue, path })}`;
      });
      process.stderr.write(`corroborate: ${error.message.split('\n')[0]}\n${lines.join('\n')}\n`);
      return 2;
    }
    throw error;
  }
  if (values.out) writeFileSync(values.out, output);
  else process.stdout.write(output);
  return 0;
}

function loadReports(file: string): { report: unknown; index: number | null }[] | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `${file}: not valid JSON (${(error as Error).message})`;
  }
  const list = Array.isArray(data) ? data : [data];
  const out: { report: unknown; index: number | null }[] = [];
  const at = (index: number) => (Array.isArray(data) ? index : null);
  for (const [index, item] of list.entries()) {
    if (item && typeof item === 'object' && !Array.isArray(item) && typeof (item as { textFile?: unknown }).textFile === 'string') {
      const { textFile, ...rest } = item as { textFile: string };
      const path = join(dirname(file), textFile);
      try {
        out.push({ report: { ...rest, text: readFileSync(path, 'utf8') }, index: at(index) });
      } catch {
        return `${file}: ${Array.isArray(data) ? `$[${index}].` : '$.'}textFile: cannot read ${path}`;
      }
    } else if (item && typeof item === 'object' && !Array.isArray(item) && !('id' in item)) {
      out.push({ report: { id: basename(file, extname(file)), ...item }, index: at(index) });
    } else {
      out.push({ report: item, index: at(index) });
    }
  }
  return out;
}

function usageError(message: string): number {
  process.stderr.write(`corroborate: ${message}\n\n${USAGE}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
