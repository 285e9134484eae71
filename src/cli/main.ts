// The `corroborate` command. The only place in src/ that touches Node built-ins.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CorroborateError, formatIssue, reconcile, toJSON, toMarkdown } from '../index.js';
import { runFuse } from './fuse.js';
import { InputError, loadFile, type LoadedReport } from './inputs.js';

const USAGE = `Usage:
  corroborate compare FILE... [--format markdown|json] [--out FILE]
  corroborate reconcile FILE... [--format markdown|json] [--out FILE]   (same, for claims files)
  corroborate fuse --input FILE.ndjson [--method vote|truthfinder|crh|investment|pooled-investment|accu]
                   [--out FILE] [--trust FILE] [--time-tolerance 10m] [--relative-tolerance 0.01]
                   (truth discovery over structured claims; see corroborate fuse --help)

Reads articles and reports, extracts their counts, dates, quotes and attributions, lines them
up across files and says fact by fact where they agree, are compatible or conflict.

FILE is either
  - article text (.txt, .md…), optionally with front matter:
        ---
        source: The Daily Ledger
        published: 2024-03-12          (or 2024-03-12T21:40:00+05:30)
        url: https://…
        title: …
        ---
    or the seed header: a first line starting " date YYYY-MM-DD ";
  - JSON: one report or an array of reports (schema/corroborate.schema.json, ReportInput).
    "textFile" names the article a report's evidence points into; a report with text and no
    claims has its claims extracted.
Report id = file name without extension. Without a publication date, relative dates
("on Monday") stay unresolved.

Options:
  --format markdown|json   output format (default markdown); json is the versioned contract
  --out FILE               write there instead of standard output
  -h, --help               this text

Examples:
  corroborate compare examples/twitter-india-2021/*.txt
  corroborate compare a.txt b.txt --format json --out result.json

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
  if (command !== 'compare' && command !== 'reconcile') return usageError(command ? `unknown command "${command}"` : 'no command given');
  if (files.length === 0) return usageError('no input files');
  if (values.format !== 'markdown' && values.format !== 'json') return usageError(`--format must be markdown or json, not "${values.format}"`);

  const loaded: LoadedReport[] = [];
  for (const file of files) {
    try {
      loaded.push(...loadFile(file));
    } catch (error) {
      if (error instanceof InputError) {
        process.stderr.write(`corroborate: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  }
  let output: string;
  try {
    const result = reconcile(loaded.map((l) => l.report));
    output = values.format === 'json' ? toJSON(result) : toMarkdown(result);
  } catch (error) {
    if (error instanceof CorroborateError) {
      process.stderr.write(`corroborate: ${error.message.split('\n')[0]}\n${describeIssues(error, loaded)}\n`);
      return 2;
    }
    throw error;
  }
  if (values.out) writeFileSync(values.out, output);
  else process.stdout.write(output);
  return 0;
}

/** Names the file each problem is in, with the JSON path inside that file. */
function describeIssues(error: CorroborateError, loaded: readonly LoadedReport[]): string {
  return error.issues
    .map((issue) => {
      const [first, ...rest] = issue.path;
      const origin = typeof first === 'number' ? loaded[first] : undefined;
      if (!origin) return `  ${formatIssue(issue)}`;
      const path = origin.index === null ? rest : [origin.index, ...rest];
      return `  ${origin.file}: ${formatIssue({ ...issue, path })}`;
    })
    .join('\n');
}

function usageError(message: string): number {
  process.stderr.write(`corroborate: ${message}\n\n${USAGE}\n`);
  return 2;
}

// A closed pipe (corroborate … | head) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
if (process.argv[2] === 'fuse') void runFuse(process.argv.slice(3)).then((code) => (process.exitCode = code));
else process.exitCode = main(process.argv.slice(2));
