// Reading the CLI's input files into reports: article text (with an optional header) or JSON.
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { CorroborateError, extract, formatIssue, parseArticle } from '../index.js';

/** Reports read from one file, each with where it came from (for error messages). */
export interface LoadedReport {
  report: unknown;
  file: string;
  /** Index inside a JSON array file, null for a single report. */
  index: number | null;
}

/** A problem with one input file, already phrased for the user. */
export class InputError extends Error {}

/**
 * Reads one input file. `.json` files hold a report or an array of reports (a report may name
 * its article with "textFile"; a report with text but no claims has its claims extracted);
 * other files are article text with optional front matter or the seed ` date YYYY-MM-DD ` header.
 * Report id = file name without extension (unless the JSON gives one).
 */
export function loadFile(file: string): LoadedReport[] {
  const content = readText(file);
  const id = basename(file, extname(file));
  if (extname(file).toLowerCase() === '.json') return loadJson(file, content, id);
  let article;
  try {
    article = parseArticle(content);
  } catch (error) {
    if (error instanceof CorroborateError) throw new InputError(error.issues.map((i) => `${file}: ${formatIssue(i)}`).join('\n'));
    throw error;
  }
  const { text, ...meta } = article;
  return [{ report: extract(text, { ...meta, id, source: meta.source ?? sourceFromFileName(id) }), file, index: null }];
}

/**
 * The publisher of a file without a `source:` line, guessed from its name:
 * "hindustan-times-2021-02-08" → { id: "hindustan-times", name: "Hindustan Times" }, so two
 * days' files of one outlet count as one source.
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

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function loadJson(file: string, content: string, id: string): LoadedReport[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const list = Array.isArray(data) ? data : [data];
  return list.map((item, index) => {
    const at = Array.isArray(data) ? index : null;
    if (!item || typeof item !== 'object' || Array.isArray(item)) return { report: item, file, index: at };
    let report = { ...(item as Record<string, unknown>) };
    if (typeof report.textFile === 'string') {
      const path = join(dirname(file), report.textFile);
      const { textFile: _textFile, ...rest } = report;
      report = { ...rest, text: readText(path) };
    }
    if (report.id === undefined && at === null) report.id = id;
    const claims = report.claims;
    if (typeof report.text === 'string' && (claims === undefined || (Array.isArray(claims) && claims.length === 0))) {
      // A report with text and no claims: read its claims from the text.
      const { text, claims: _claims, ...meta } = report;
      try {
        report = { ...extract(text, meta as Parameters<typeof extract>[1]) };
      } catch (error) {
        if (error instanceof CorroborateError) {
          throw new InputError(error.issues.map((i) => `${file}: ${formatIssue({ ...i, path: at === null ? i.path.slice(1) : [at, ...i.path.slice(1)] })}`).join('\n'));
        }
        throw error;
      }
    }
    return { report, file, index: at };
  });
}
