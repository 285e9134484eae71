// `corroborate fuse`: truth discovery over an NDJSON file of claims, read in chunks so a file of
// millions of claims costs only its interned ids.
import { createWriteStream, openSync, closeSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { CorroborateError } from '../model/index.js';
import { joinNegativeValues, outputProblem, usageError as usage, writeProblem } from './args.js';
import { fuse } from '../resolve/fuse.js';
import { checkKnownFact } from '../resolve/known.js';
import { ClaimTable } from '../resolve/table.js';
import { FUSE_METHODS, type FuseClaim, type FuseMethod, type FuseResult, type KnownFact } from '../resolve/types.js';

/**
 * The help text of `corroborate fuse`.
 *
 * @example
 * process.stdout.write(`${FUSE_USAGE}\n`);
 */
export const FUSE_USAGE = `Usage:
  corroborate fuse --input FILE.ndjson [--method METHOD] [--out FILE] [--trust FILE]
                   [--time-tolerance 10m] [--relative-tolerance 0.01] [--max-iterations N] [--keep-going]
                   [--known FILE.ndjson]

Chooses one value per data item (subject, attribute) from conflicting claims and learns how far
to trust each source (truth discovery).

Input: one JSON claim per line, {"source": …, "subject": …, "attribute": …, "value": …}; blank
lines are ignored. A value is any JSON value, or a typed time {"kind": "time", "value":
"2011-12-01T14:07:00-05:00"} (an ISO date, or date-time with offset), compared as an instant.
A list (JSON array) supports the longer lists that contain all its elements, in part.

Options:
  --input FILE              the claims (NDJSON)
  --method METHOD           ${FUSE_METHODS.join(' | ')} (default vote)
  --out FILE                write the items there instead of standard output: one line per item,
                            {"subject", "attribute", "value", "confidence", "sources": [...]}
  --trust FILE              write {"source", "trust"} lines there
  --time-tolerance T        times this close count as the same value (a claim supports every time
                            within T of it): 90s, 10m, 1h, or plain minutes (default 0)
  --relative-tolerance R    the same for numbers within this relative difference (default 0)
  --max-iterations N        cap for the iterative methods (default 20)
  --known FILE              facts already verified, one per line {"subject", "attribute", "value"}:
                            fixed to their value and reported with it (confidence 1), and every
                            source's trust is learned against them (semi-supervised); a malformed
                            line always stops (FILE:LINE: message)
  --keep-going              skip malformed lines (and count them) instead of stopping; the
                            output is still written, and the exit status is 2 when any was skipped
  -h, --help                this text

Timings (reading, fusing, writing) and peak memory go to standard error.
Exit status: 0 on success, 2 on usage or input errors (a malformed line: FILE:LINE: message),
also when --keep-going skipped lines.`;

/**
 * Reads a duration as minutes: `90s`, `10m`, `1.5h`, or a plain number of minutes; NaN if it is none.
 *
 * @example
 * parseMinutes('90s'); // 1.5
 * parseMinutes('10'); // 10
 */
export function parseMinutes(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h)?\s*$/i.exec(text);
  if (!match) return Number.NaN;
  const n = Number(match[1]);
  const unit = (match[2] ?? 'm').toLowerCase();
  return unit.startsWith('s') ? n / 60 : unit === 'h' ? n * 60 : n;
}

/**
 * Runs `corroborate fuse` with the arguments after the command name; resolves to the exit status.
 *
 * @example
 * process.exitCode = await runFuse(['--input', 'claims.ndjson', '--method', 'accu', '--time-tolerance', '10m']);
 */
export async function runFuse(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      // "--relative-tolerance -1" reaches the range check below instead of failing in parseArgs.
      args: joinNegativeValues(argv, ['time-tolerance', 'relative-tolerance', 'max-iterations']),
      allowPositionals: false,
      options: {
        input: { type: 'string' },
        method: { type: 'string', default: 'vote' },
        out: { type: 'string' },
        trust: { type: 'string' },
        'time-tolerance': { type: 'string', default: '0' },
        'relative-tolerance': { type: 'string', default: '0' },
        'max-iterations': { type: 'string', default: '20' },
        'keep-going': { type: 'boolean', default: false },
        known: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${FUSE_USAGE}\n`);
    return 0;
  }
  const input = values.input;
  if (!input) return usageError('--input FILE is required');
  const method = values.method as FuseMethod;
  if (!FUSE_METHODS.includes(method)) return usageError(`--method must be one of ${FUSE_METHODS.join(', ')}, got ${shown(values.method)}`);
  const timeTolerance = parseMinutes(values['time-tolerance']);
  if (Number.isNaN(timeTolerance)) return usageError(`--time-tolerance must be a duration ≥ 0 (90s, 10m, 1h or a number of minutes), got ${shown(values['time-tolerance'])}`);
  const relativeTolerance = Number(values['relative-tolerance']);
  if (!(relativeTolerance >= 0) || values['relative-tolerance'].trim() === '') return usageError(`--relative-tolerance must be a number ≥ 0, got ${shown(values['relative-tolerance'])}`);
  const maxIterations = Number(values['max-iterations']);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) return usageError(`--max-iterations must be a whole number ≥ 1, got ${shown(values['max-iterations'])}`);
  for (const file of [values.out, values.trust]) {
    const problem = file === undefined ? null : outputProblem(file);
    if (problem) return fail(problem);
  }

  for (const file of values.known === undefined ? [input] : [input, values.known]) {
    try {
      closeSync(openSync(file, 'r'));
    } catch (error) {
      process.stderr.write(`corroborate: cannot read ${file}: ${(error as Error).message}\n`);
      return 2;
    }
  }

  const t0 = performance.now();
  let known: KnownLines | undefined;
  if (values.known !== undefined) {
    const k = await readKnown(values.known);
    if (typeof k === 'string') {
      process.stderr.write(`${k}\n`);
      return 2;
    }
    known = k;
  }
  const read = await readClaims(input, values['keep-going']);
  if (read.error) {
    process.stderr.write(`${read.error}\n`);
    return 2;
  }
  const t1 = performance.now();
  let result: FuseResult;
  try {
    result = fuse(read.table, { method, timeToleranceMinutes: timeTolerance, relativeTolerance, maxIterations, ...(known ? { known: known.facts } : {}) });
  } catch (error) {
    // A known fact that conflicts with another: FILE:LINE.
    const issue = error instanceof CorroborateError ? error.issues[0] : undefined;
    if (!known || !issue || issue.path[1] !== 'known' || typeof issue.path[2] !== 'number') throw error;
    const message = issue.message.replace(/known\[(\d+)\]/, (_, j: string) => `line ${known!.lines[Number(j)]}`);
    process.stderr.write(`${values.known}:${known.lines[issue.path[2]]}: ${message}\n`);
    return 2;
  }
  const t2 = performance.now();
  const outputs: [string | undefined, Iterable<string>][] = [[values.out, itemLines(result)]];
  if (values.trust) outputs.push([values.trust, result.trust.map((t) => JSON.stringify(t))]);
  for (const [file, lines] of outputs) {
    try {
      await writeLines(file, lines);
    } catch (error) {
      return fail(writeProblem(file ?? 'standard output', error));
    }
  }
  const t3 = performance.now();
  const seconds = (ms: number): string => (ms / 1000).toFixed(2);
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  if (known) process.stderr.write(`corroborate fuse: ${known.facts.length} known fact${known.facts.length === 1 ? '' : 's'} from ${values.known}\n`);
  if (read.skipped > 0) process.stderr.write(`corroborate fuse: skipped ${read.skipped} malformed line${read.skipped === 1 ? '' : 's'}\n`);
  process.stderr.write(
    `corroborate fuse: read ${result.stats.claims} claims (${result.stats.sources} sources, ${result.stats.items} items) in ${seconds(t1 - t0)} s; ` +
      `fused (${method}, ${result.iterations} iteration${result.iterations === 1 ? '' : 's'}) in ${seconds(t2 - t1)} s; ` +
      `wrote in ${seconds(t3 - t2)} s; peak RSS ${rssMb} MB\n`,
  );
  // Like compare --keep-going: the output is written, and the status tells a pipeline it is partial.
  return read.skipped > 0 ? 2 : 0;
}

interface ReadResult {
  table: ClaimTable;
  skipped: number;
  error?: string;
}

interface KnownLines {
  facts: KnownFact[];
  /** The line number of each fact. */
  lines: number[];
}

/**
 * Reads the --known file (NDJSON, blank lines ignored; facts are few, so it is read whole): the
 * facts, or `FILE:LINE: message` for the first malformed line.
 */
async function readKnown(file: string): Promise<KnownLines | string> {
  const text = await readFile(file, 'utf8');
  const facts: KnownFact[] = [];
  const lines: number[] = [];
  const rows = text.split('\n');
  for (let n = 0; n < rows.length; n++) {
    let row = rows[n]!;
    if (n === 0 && row.charCodeAt(0) === 0xfeff) row = row.slice(1);
    if (row.trim() === '') continue;
    let fact: unknown;
    try {
      fact = JSON.parse(row);
    } catch (error) {
      return `${file}:${n + 1}: invalid JSON: ${(error as Error).message}`;
    }
    try {
      const { subject, attribute, value } = checkKnownFact(fact, facts.length);
      facts.push({ subject, attribute, value });
    } catch (error) {
      if (!(error instanceof CorroborateError)) throw error;
      const issue = error.issues[0];
      const field = issue ? issue.path.slice(3).join('.') : '';
      return `${file}:${n + 1}: ${issue ? `${field ? `${field}: ` : ''}${issue.message}` : error.message}`;
    }
    lines.push(n + 1);
  }
  return { facts, lines };
}

// With --keep-going, this many bad lines are shown; the rest only counted.
const SHOWN_ERRORS = 10;

/**
 * Reads the NDJSON file into a claim table in chunks of 16 MB, cut at newlines (faster than a line
 * reader); the first bad line stops it unless `keepGoing`. Lines end at "\n" (a "\r" before it is
 * dropped).
 */
async function readClaims(file: string, keepGoing: boolean): Promise<ReadResult> {
  const table = new ClaimTable();
  const result: ReadResult = { table, skipped: 0 };
  const handle = await open(file, 'r');
  let lineNo = 0;
  const fail = (message: string): boolean => {
    const text = `${file}:${lineNo}: ${message}`;
    if (!keepGoing) {
      result.error = text;
      return false;
    }
    result.skipped++;
    if (result.skipped <= SHOWN_ERRORS) process.stderr.write(`${text}\n`);
    else if (result.skipped === SHOWN_ERRORS + 1) process.stderr.write(`${file}: more malformed lines (only counted from here)\n`);
    return true;
  };
  /** The line chunk[start, end) (without its newline); false to stop. */
  const line = (chunk: string, start: number, end: number): boolean => {
    lineNo++;
    if (lineNo === 1 && chunk.charCodeAt(start) === 0xfeff) start++;
    if (end > start && chunk.charCodeAt(end - 1) === 13) end--;
    const text = chunk.slice(start, end);
    if (addFast(table, text)) return true;
    if (text.trim() === '') return true;
    let claim: unknown;
    try {
      claim = JSON.parse(text);
    } catch (error) {
      return fail(`invalid JSON: ${(error as Error).message}`);
    }
    try {
      table.add(claim as FuseClaim);
    } catch (error) {
      if (!(error instanceof CorroborateError)) throw error;
      const issue = error.issues[0];
      const field = issue ? issue.path.slice(1).join('.') : '';
      return fail(issue ? `${field ? `${field}: ` : ''}${issue.message}` : error.message);
    }
    return true;
  };
  try {
    // Whole lines are decoded at once (a newline byte never sits inside a UTF-8 sequence); the
    // bytes after the last newline move to the front of the buffer for the next read.
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let kept = 0;
    for (;;) {
      if (kept === buffer.length) {
        const grown = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(grown, 0, 0, kept);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, kept, buffer.length - kept, null);
      const filled = kept + bytesRead;
      const cut = bytesRead === 0 ? filled : buffer.lastIndexOf(10, filled - 1) + 1;
      if (cut > 0) {
        const text = buffer.toString('utf8', 0, cut);
        let start = 0;
        for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
          if (!line(text, start, end)) return result;
          start = end + 1;
        }
        if (start < text.length && !line(text, start, text.length)) return result;
      }
      if (bytesRead === 0) break;
      buffer.copy(buffer, 0, cut, filled);
      kept = filled - cut;
    }
  } finally {
    await handle.close();
  }
  return result;
}

const CHUNK_BYTES = 1 << 24;
const PREFIX_SOURCE = '{"source":"';
const NEXT_SUBJECT = '","subject":"';
const NEXT_ATTRIBUTE = '","attribute":"';
const NEXT_VALUE = '","value":';
// A string that JSON would have to unescape, or that JSON forbids (raw control characters).
const NOT_PLAIN = /[\\\u0000-\u001f]/;

/**
 * The common shape, `{"source":"…","subject":"…","attribute":"…","value":…}` with plain strings
 * (no escapes) and nothing after the value, added without building the claim object: the
 * strings are cut out of the line and the value's JSON text is interned as is (ClaimTable.addJson).
 * False when the line has another shape, and for any error (the caller then reads it with
 * JSON.parse and reports what is wrong).
 */
function addFast(table: ClaimTable, line: string): boolean {
  if (!line.startsWith(PREFIX_SOURCE)) return false;
  const a = PREFIX_SOURCE.length;
  const b = line.indexOf(NEXT_SUBJECT, a);
  if (b < 0) return false;
  const c = line.indexOf(NEXT_ATTRIBUTE, b + NEXT_SUBJECT.length);
  if (c < 0) return false;
  const d = line.indexOf(NEXT_VALUE, c + NEXT_ATTRIBUTE.length);
  if (d < 0) return false;
  let end = line.length;
  while (end > d && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  if (line.charCodeAt(end - 1) !== 125) return false; // }
  const source = line.slice(a, b);
  const subject = line.slice(b + NEXT_SUBJECT.length, c);
  const attribute = line.slice(c + NEXT_ATTRIBUTE.length, d);
  if (source === '' || NOT_PLAIN.test(source) || NOT_PLAIN.test(subject) || NOT_PLAIN.test(attribute)) return false;
  try {
    table.addJson(source, subject, attribute, line.slice(d + NEXT_VALUE.length, end - 1));
  } catch {
    return false;
  }
  return true;
}

function* itemLines(result: FuseResult): Generator<string> {
  for (const item of result.items) yield JSON.stringify(item);
}

/** Writes lines to a file (or standard output), in batches, waiting when the stream is full. */
async function writeLines(file: string | undefined, lines: Iterable<string>): Promise<void> {
  const stream: Writable = file ? createWriteStream(file) : process.stdout;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const onError = (error: Error): void => {
    failure = error;
    wake?.();
  };
  // Resolves on the event, or on an error (which would otherwise leave it waiting forever).
  const until = (event: 'drain' | 'finish'): Promise<void> =>
    new Promise((resolve) => {
      wake = resolve;
      stream.once(event, resolve);
    });
  stream.on('error', onError);
  try {
    let batch: string[] = [];
    for (const line of lines) {
      batch.push(line);
      if (batch.length >= 8192) {
        if (!stream.write(`${batch.join('\n')}\n`) && !failure) await until('drain');
        batch = [];
      }
      if (failure) throw failure;
    }
    if (batch.length > 0 && !stream.write(`${batch.join('\n')}\n`) && !failure) await until('drain');
    if (file && !failure) {
      const finished = until('finish');
      stream.end();
      await finished;
    }
    if (failure) throw failure;
  } finally {
    stream.off('error', onError);
  }
}

function usageError(message: string): number {
  return usage('corroborate fuse', message, 'corroborate fuse');
}

function fail(message: string): number {
  process.stderr.write(`corroborate fuse: ${message}\n`);
  return 2;
}

/** An argument as typed when it is a number, quoted otherwise. */
function shown(value: string): string {
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(value) ? value : JSON.stringify(value);
}
