// `corroborate compare` / `corroborate reconcile`: read reports, reconcile, render, gate.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CorroborateError, reconcile, type ReconcileResult, type ReportInput } from '../index.js';
import { outputProblem, usageError as usage, writeProblem } from './args.js';
import { expandInputs } from './glob.js';
import { reportNames } from './ids.js';
import { describeIssue, InputError, loadFile, readStandardInput, type LoadedReport } from './inputs.js';
import { createProgress } from './progress.js';
import { FORMATS, isFormat, renderResult } from './formats.js';

/** What `--fail-on` can gate on: a conflict, or anything short of agreement among the sources. */
export const FAIL_ON = ['conflict', 'compatible', 'none'] as const;

/**
 * The help text of `corroborate compare`.
 *
 * @example
 * process.stdout.write(`${COMPARE_USAGE}\n`);
 */
export const COMPARE_USAGE = `Usage:
  corroborate compare INPUT... [--format ${FORMATS.join('|')}] [--out FILE]
                      [--fail-on conflict|compatible] [--keep-going]
  corroborate reconcile INPUT...   (the same command, the name kept for claims files)

Reads articles and reports, extracts their counts, dates, quotes and attributions, lines them
up across inputs and says fact by fact where they agree, are compatible or conflict.

INPUT is a file, a directory (its ${'.txt .md .json .ndjson'} files, recursively), a quoted glob
("reports/**/*.txt"), or - for standard input: NDJSON reports when its first non-blank character
is {, else one article (id "stdin"). A file is either
  - article text (.txt, .md…), optionally with front matter:
        ---
        source: The Daily Ledger
        published: 2024-03-12          (or 2024-03-12T21:40:00+05:30)
        url: https://…
        title: …
        id: ledger-evening             (the report id; default: the file name)
        ---
    or the seed header: a first line starting " date YYYY-MM-DD ";
  - JSON: one report or an array of reports (schema/report.schema.json). "textFile" names the
    article a report's evidence points into; a report with text and no claims has its claims
    extracted;
  - NDJSON (.ndjson, .jsonl, or -): one such JSON report per line.
An empty file, or one that is not UTF-8 text, is an input error.
Report id = file name without extension; when inputs share a name, the shortest end of the path
that tells them apart (day1/ap.txt, day2/ap.txt: "day1/ap", "day2/ap"). NDJSON: the report's
id, else NAME-LINE. Without a publication date, relative dates ("on Monday") stay unresolved.

Options:
  --format FORMAT        markdown (default), json (the versioned contract, schema/result.schema.json),
                         html (one self-contained page) or claimreview (schema.org JSON-LD)
  --out FILE             write there instead of standard output
  --fail-on conflict     exit 1 when any finding is a conflict (compatible: also when one is
                         merely compatible), for gating a pipeline
  --keep-going           report a bad input (file and line) on standard error and go on with
                         the rest; the exit status is still 2
  -h, --help             this text
  --version              the version

Examples:
  corroborate compare examples/twitter-india-2021/*.txt
  corroborate compare today/ --format html --out today.html
  corroborate compare "wires/**/*.json" --format json --fail-on conflict
  cat reports.ndjson | corroborate compare - --keep-going --format json

Exit status: 0 on success, 1 when --fail-on found what it gates on, 2 on usage or input errors.`;

/**
 * Runs `corroborate compare` with the arguments after the command name; resolves to the exit status.
 *
 * @example
 * process.exitCode = await runCompare(['a.txt', 'b.txt', '--format', 'json']);
 */
export async function runCompare(argv: string[], command = 'compare'): Promise<number> {
  const usageError = (message: string) => usage(`corroborate ${command}`, message);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'markdown' },
        out: { type: 'string' },
        'fail-on': { type: 'string', default: 'none' },
        'keep-going': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${COMPARE_USAGE}\n`);
    return 0;
  }
  const format = values.format;
  if (!isFormat(format)) return usageError(`--format must be ${FORMATS.join(', ')}, not "${format}"`);
  const failOn = values['fail-on'];
  if (!(FAIL_ON as readonly string[]).includes(failOn)) return usageError(`--fail-on must be conflict or compatible, not "${failOn}"`);
  if (positionals.length === 0) return usageError('no inputs (give files, directories, globs, or - for standard input)');
  const keepGoing = values['keep-going'];
  const outProblem = values.out === undefined ? null : outputProblem(values.out);
  if (outProblem) return fail(outProblem);

  const problems: string[] = [];
  const report = (message: string) => {
    problems.push(message);
    if (keepGoing) process.stderr.write(`corroborate: ${message}\n`);
  };
  const inputs = expandInputs(positionals);
  inputs.problems.forEach(report);

  const progress = createProgress(process.stderr);
  const loaded: LoadedReport[] = [];
  const names = reportNames(inputs.files);
  inputs.files.forEach((file, i) => {
    progress.update(`reading ${i + 1}/${inputs.files.length} files`);
    try {
      loaded.push(...loadFile(file, names.get(file)));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      report(error.message);
    }
  });
  if (inputs.stdin) {
    progress.update('reading standard input');
    await readStandardInput(process.stdin, (r) => loaded.push(r), report);
  }
  if (problems.length > 0 && !keepGoing) {
    progress.done();
    process.stderr.write(`${problems.map((p) => `corroborate: ${p}`).join('\n')}\n`);
    return 2;
  }

  progress.update(`reconciling ${loaded.length} reports`);
  const { result, used } = reconcileKeepingGood(loaded, keepGoing, report);
  progress.done();
  if (!result) {
    if (!keepGoing) process.stderr.write(`${problems.map((p) => `corroborate: ${p}`).join('\n')}\n`);
    return 2;
  }
  const output = renderResult(format, result, used.map((l) => l.report));
  if (values.out) {
    try {
      writeFileSync(values.out, output);
    } catch (error) {
      return fail(writeProblem(values.out, error));
    }
  } else process.stdout.write(output);
  if (problems.length > 0) return 2;
  return failed(result, failOn) ? 1 : 0;
}

/**
 * Reconciles the loaded reports. Without keep-going any problem fails the run (null); with it,
 * the reports with problems are reported and dropped, and the rest reconciled (a report can
 * only clash with others a limited number of times, so this ends).
 */
function reconcileKeepingGood(
  loaded: LoadedReport[],
  keepGoing: boolean,
  report: (message: string) => void,
): { result: ReconcileResult | null; used: LoadedReport[] } {
  let current = loaded;
  for (;;) {
    try {
      // Unchecked input on purpose: reconcile() validates it and names each problem's place.
      return { result: reconcile(current.map((l) => l.report) as ReportInput[]), used: current };
    } catch (error) {
      if (!(error instanceof CorroborateError)) throw error;
      const bad = new Set<number>();
      for (const issue of error.issues) {
        const [first, ...rest] = issue.path;
        const origin = typeof first === 'number' ? current[first] : undefined;
        report(origin ? describeIssue({ ...issue, path: rest }, origin, current) : error.message.split('\n')[0]!);
        if (typeof first === 'number') bad.add(first);
      }
      if (!keepGoing || bad.size === 0) return { result: null, used: [] };
      current = current.filter((_, i) => !bad.has(i));
    }
  }
}

function failed(result: ReconcileResult, failOn: string): boolean {
  if (failOn === 'conflict') return result.summary.conflict > 0;
  if (failOn === 'compatible') return result.summary.conflict + result.summary.compatible > 0;
  return false;
}

function fail(message: string): number {
  process.stderr.write(`corroborate: ${message}\n`);
  return 2;
}
