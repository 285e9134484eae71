// Reading the CLI's inputs into reports: article text (with an optional header), JSON, and
// NDJSON (a file, or standard input) with one report per line.
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { CorroborateError, extract, formatIssue, formatPath, parseArticle, type CorroborateIssue } from '../index.js';
import { lineOfJsonPath } from './json-locate.js';
import { frontMatterId, readUtf8 } from './text.js';

/** Reports read from one file, each with where it came from (for error messages). */
export interface LoadedReport {
  report: unknown;
  file: string;
  /** Index inside a JSON array file, null for a single report or an NDJSON line. */
  index: number | null;
  /** The 1-based line of an NDJSON report. */
  line?: number;
  /** The JSON text the report was parsed from, to turn JSON paths into line numbers. */
  json?: string;
}

/** A problem with one input, already phrased for the user (`FILE:LINE: message`). */
export class InputError extends Error {}

/**
 * Reads one input file. `.json` files hold a report or an array of reports (a report may name
 * its article with "textFile"; a report with text but no claims has its claims extracted);
 * `.ndjson`/`.jsonl` files hold one report per line; other files are article text with optional
 * front matter or the seed ` date YYYY-MM-DD ` header. `name` is the report id where the input
 * gives none (default: the file name without extension; see reportNames()). An empty file, or
 * one that is not UTF-8 text, is an InputError.
 *
 * @example
 * loadFile('articles/daily-ledger-2024-03-12.txt')[0].report.id; // 'daily-ledger-2024-03-12'
 */
export function loadFile(file: string, name = basename(file, extname(file))): LoadedReport[] {
  const content = readText(file);
  const ext = extname(file).toLowerCase();
  if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl') {
    if (content.trim() === '') throw new InputError(`${file}: empty file: no reports`);
  }
  if (ext === '.json') return loadJson(file, content, name);
  if (ext === '.ndjson' || ext === '.jsonl') {
    const out: LoadedReport[] = [];
    const problems: string[] = [];
    content.split('\n').forEach((line, i) => {
      try {
        const loaded = loadNdjsonLine(file, line, i + 1, dirname(file), name);
        if (loaded) out.push(loaded);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push(error.message);
      }
    });
    if (problems.length > 0) throw new InputError(problems.join('\n'));
    return out;
  }
  return [loadArticle(file, content, name, sourceFromFileName(basename(file, extname(file))))];
}

/** One article (text with an optional header) as a report; `fallbackSource` when it names none. */
function loadArticle(file: string, content: string, name: string, fallbackSource: { id: string; name: string }): LoadedReport {
  let article;
  try {
    article = parseArticle(content);
  } catch (error) {
    if (error instanceof CorroborateError) throw new InputError(error.issues.map((i) => locate(file, i)).join('\n'));
    throw error;
  }
  const { text, ...meta } = article;
  // The header is blanked in `text`, so front matter alone leaves only spaces.
  if (text.trim() === '') throw new InputError(`${file}: empty report: no text`);
  const id = frontMatterId(content) ?? name;
  return { report: extract(text, { ...meta, id, source: meta.source ?? fallbackSource }), file, index: null };
}

/**
 * Reads standard input: NDJSON reports (see readNdjsonStream) when its first non-blank character
 * is "{", else one article, as a text file would be read (id "stdin" unless its front matter
 * gives one). Empty input and a JSON array are problems.
 *
 * @example
 * await readStandardInput(process.stdin, (r) => loaded.push(r), (p) => problems.push(p));
 */
export async function readStandardInput(stream: Readable, onReport: (loaded: LoadedReport) => void, onProblem: (message: string) => void): Promise<void> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const head: Buffer[] = [];
  let first: number | undefined;
  while (first === undefined) {
    const next = await chunks.next();
    if (next.done) break;
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    head.push(chunk);
    // Blanks and a UTF-8 byte order mark may come first.
    first = chunk.find((byte) => ![0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf].includes(byte));
  }
  if (first === undefined) return onProblem(`${STDIN}: empty: nothing on standard input`);
  const all = (async function* () {
    yield* head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  })();
  if (first === 0x7b) return readNdjsonStream(Readable.from(all), STDIN, onReport, onProblem);
  // A JSON array read as article text would be compared as prose, silently.
  if (first === 0x5b) return onProblem(`${STDIN}: a JSON array; - reads NDJSON (one report object per line) or one article (give the array as a .json file)`);
  const parts: Buffer[] = [];
  for await (const chunk of all) parts.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  try {
    onReport(loadArticle(STDIN, decodeText(STDIN, Buffer.concat(parts)), 'stdin', { id: 'stdin', name: 'standard input' }));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    onProblem(error.message);
  }
}

const STDIN = '<stdin>';

/**
 * Reads NDJSON reports from a stream (standard input), one per line, calling `onReport` for
 * each and `onProblem` for each bad line (named `<stdin>:LINE`); blank lines are skipped.
 *
 * @example
 * await readNdjsonStream(process.stdin, '<stdin>', (r) => loaded.push(r), (p) => problems.push(p));
 */
export async function readNdjsonStream(
  stream: Readable,
  name: string,
  onReport: (loaded: LoadedReport) => void,
  onProblem: (message: string) => void,
): Promise<void> {
  let lineNo = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNo++;
    try {
      const loaded = loadNdjsonLine(name, line, lineNo, process.cwd(), basename(name, extname(name)).replace(/^<|>$/g, ''));
      if (loaded) onReport(loaded);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      onProblem(error.message);
    }
  }
}

/** One NDJSON line as a report; null for a blank line. A missing id becomes `NAME-LINE`. */
function loadNdjsonLine(file: string, raw: string, lineNo: number, baseDir: string, name: string): LoadedReport | null {
  const line = lineNo === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (line.trim() === '') return null;
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (error) {
    throw new InputError(`${file}:${lineNo}: not valid JSON (${(error as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(`${file}:${lineNo}: expected one report (a JSON object) per line`);
  }
  const fallbackId = `${name}-${lineNo}`;
  const report = toReport(data as Record<string, unknown>, baseDir, fallbackId, (issues) =>
    issues.map((i) => `${file}:${lineNo}: ${formatIssue({ ...i, path: i.path.slice(1) })}`).join('\n'),
  );
  return { report, file, index: null, line: lineNo };
}

/**
 * The publisher of a file without a `source:` line, guessed from its name:
 * "hindustan-times-2021-02-08" → { id: "hindustan-times", name: "Hindustan Times" }, so two
 * days' files of one outlet count as one source.
 *
 * @example
 * sourceFromFileName('daily-ledger-2024-03-12'); // { id: 'daily-ledger', name: 'Daily Ledger' }
 */
export function sourceFromFileName(id: string): { id: string; name: string } {
  const bare = id.replace(/[-_ ]?\d{4}-\d{2}-\d{2}$/, '') || id;
  const name = bare
    .split(/[-_ ]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
  return { id: bare, name: name || id };
}

/**
 * Renders a problem the library found in a loaded report as `FILE:LINE: $.path: message`,
 * the line found from the JSON path where the report came from JSON.
 *
 * @example
 * describeIssue({ path: ['claims', 0], message: 'Required', code: 'invalid_type' }, loaded);
 * // 'reports.json:7: $[2].claims[0]: Required'
 */
export function describeIssue(issue: CorroborateIssue, origin: LoadedReport, all: readonly LoadedReport[] = []): string {
  const other = issue.code === 'duplicate-report' ? /at \$\[(\d+)\]$/.exec(issue.message) : null;
  if (other && all[Number(other[1])]) {
    // The library counts reports across all inputs; the user thinks in files.
    issue = { ...issue, message: issue.message.replace(/at \$\[\d+\]$/, `in ${describeOrigin(all[Number(other[1])]!)}`) };
  }
  if (origin.line !== undefined) return `${origin.file}:${origin.line}: ${formatIssue(issue)}`;
  const path = origin.index === null ? issue.path : [origin.index, ...issue.path];
  if (origin.json !== undefined) return `${origin.file}:${lineOfJsonPath(origin.json, path)}: ${formatPath(path)}: ${issue.message}`;
  return `${origin.file}: ${formatIssue({ ...issue, path })}`;
}

function describeOrigin(origin: LoadedReport): string {
  return origin.line !== undefined ? `${origin.file}:${origin.line}` : origin.index !== null ? `${origin.file} $[${origin.index}]` : origin.file;
}

function locate(file: string, issue: CorroborateIssue): string {
  return issue.line !== undefined ? `${file}:${issue.line}: ${formatIssue({ ...issue, line: undefined })}` : `${file}: ${formatIssue(issue)}`;
}

function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return decodeText(file, bytes);
}

/** The bytes as text, or an InputError naming the file when they are not UTF-8 text. */
function decodeText(file: string, bytes: Buffer): string {
  const { text, problem } = readUtf8(bytes);
  if (problem !== undefined) throw new InputError(`${file}: ${problem}`);
  return text;
}


function loadJson(file: string, content: string, id: string): LoadedReport[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? `:${content.slice(0, Number(position[1])).split('\n').length}` : '';
    throw new InputError(`${file}${where}: not valid JSON (${message})`);
  }
  const list = Array.isArray(data) ? data : [data];
  return list.map((item, index) => {
    const at = Array.isArray(data) ? index : null;
    if (!item || typeof item !== 'object' || Array.isArray(item)) return { report: item, file, index: at, json: content };
    const report = toReport(item as Record<string, unknown>, dirname(file), at === null ? id : undefined, (issues) =>
      issues
        .map((i) => {
          const path = at === null ? i.path.slice(1) : [at, ...i.path.slice(1)];
          return `${file}:${lineOfJsonPath(content, path)}: ${formatPath(path)}: ${i.message}`;
        })
        .join('\n'),
    );
    return { report, file, index: at, json: content };
  });
}

/**
 * A JSON report as the library takes it: "textFile" read (relative to `baseDir`), a missing id
 * filled in, and claims extracted when it has text and no claims.
 */
function toReport(
  item: Record<string, unknown>,
  baseDir: string,
  fallbackId: string | undefined,
  describe: (issues: CorroborateIssue[]) => string,
): unknown {
  let report = { ...item };
  if (typeof report.textFile === 'string') {
    const { textFile, ...rest } = report;
    report = { ...rest, text: readText(join(baseDir, textFile as string)) };
  }
  if (report.id === undefined && fallbackId !== undefined) report.id = fallbackId;
  const claims = report.claims;
  if (typeof report.text === 'string' && (claims === undefined || (Array.isArray(claims) && claims.length === 0))) {
    // A report with text and no claims: read its claims from the text.
    const { text, claims: _claims, ...meta } = report;
    try {
      report = { ...extract(text, meta as Parameters<typeof extract>[1]) };
    } catch (error) {
      if (error instanceof CorroborateError) throw new InputError(describe(error.issues));
      throw error;
    }
  }
  return report;
}
