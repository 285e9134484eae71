import equal from 'fast-deep-equal';
import {
  CorroborateError,
  ReportInputSchema,
  fromZodIssues,
  type ReportInput,
  type Claim,
  type CorroborateIssue,
  type Source,
  type Value,
} from '../model/index.js';
import { parsePhraseValue } from '../values/compare.js';
import { compareStrings } from '../values/canonical.js';

/** A report after validation: a full Source, typed claims, a known (or null) date. */
export interface PreparedReport {
  id: string;
  source: Required<Pick<Source, 'id' | 'name'>> & Source;
  publishedAt: string | null;
  url?: string;
  title?: string;
  /** The article text, when given: evidence offsets index it, and copy detection reads it. */
  text?: string;
  claims: Claim[];
}

/**
 * Validates reports, parses phrase values (times against each report's publication date),
 * checks evidence against the report text, and drops exact duplicate reports. Throws one
 * {@link CorroborateError} listing every problem with its path; never mutates the input.
 * `trusted` skips the schema pass for reports this library made itself (compareArticles).
 */
export function prepareReports(input: unknown, trusted = false): PreparedReport[] {
  if (!Array.isArray(input)) {
    throw new CorroborateError('reconcile() expects an array of reports', [
      { path: [], message: `expected an array of reports, received ${describe(input)}`, code: 'invalid_type' },
    ]);
  }
  const issues: CorroborateIssue[] = [];
  const byId = new Map<string, { index: number; raw: unknown; report: PreparedReport }>();
  input.forEach((raw, index) => {
    // Reports extract() just made are valid by construction: no schema pass, no deep copy.
    const parsed = trusted ? ({ success: true, data: raw as ReportInput } as const) : ReportInputSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...fromZodIssues(parsed.error.issues, [index]));
      return;
    }
    const report = parsed.data;
    const previous = byId.get(report.id);
    if (previous) {
      // The same report given twice is harmless; two different reports under one id are not.
      // Compared as parsed (plain objects), so inputs without a prototype compare too.
      if (!equal(previous.raw, report)) {
        issues.push({
          path: [index, 'id'],
          message: `report id "${report.id}" is already used by a different report at $[${previous.index}]`,
          code: 'duplicate-report',
        });
      }
      return;
    }
    const source =
      typeof report.source === 'string'
        ? { id: report.source, name: report.source }
        : { ...report.source, name: report.source.name ?? report.source.id };
    const publishedAt = report.publishedAt ?? null;
    const claims: Claim[] = [];
    (report.claims ?? []).forEach((claim, claimIndex) => {
      const path = [index, 'claims', claimIndex];
      let value: Value | null;
      if ('phrase' in claim.value) {
        value = parsePhraseValue(claim.value, { publishedAt });
        if (!value) {
          issues.push({
            path: [...path, 'value', 'phrase'],
            message: `cannot read a ${claim.value.kind} from "${claim.value.phrase}"`,
            code: 'unparseable',
          });
          return;
        }
      } else {
        value = claim.value;
      }
      if (claim.evidence && report.text !== undefined) {
        const { start, end, text } = claim.evidence;
        const actual = report.text.slice(start, end);
        if (end > report.text.length || actual !== text) {
          issues.push({
            path: [...path, 'evidence'],
            message: `evidence "${clip(text)}" does not match the report text at ${start}–${end} ("${clip(actual)}")`,
            code: 'evidence-mismatch',
          });
          return;
        }
      }
      claims.push({ ...claim, value });
    });
    byId.set(report.id, { index, raw: report, report: { id: report.id, source, publishedAt, ...pick(report), ...(report.text !== undefined && { text: report.text }), claims } });
  });
  if (issues.length) throw new CorroborateError(`Invalid reports (${issues.length} problem${issues.length === 1 ? '' : 's'})`, issues);
  return [...byId.values()].map((entry) => entry.report).sort((a, b) => compareStrings(a.id, b.id));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The report's url and title, when it has them (kept for renderers: links, ClaimReview). */
function pick(report: { url?: string | undefined; title?: string | undefined }): { url?: string; title?: string } {
  return { ...(report.url !== undefined && { url: report.url }), ...(report.title !== undefined && { title: report.title }) };
}
