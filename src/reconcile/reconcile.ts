import { CorroborateError, type CorroborateIssue, type ReconcileResult, type ReportInput } from '../model/index.js';
import { jsonIssue } from '../json-check.js';
import { DEFAULT_ALIGN_TUNING, alignSlots } from './align.js';
import { comparisonSetup, compareFindings, reliabilityLookup, reportEntry, sourcePriors, summarize } from './assemble.js';
import { WitnessIndex, findDependence } from './dependence.js';
import { buildFinding } from './finding.js';
import { validateOptions, type ReconcileOptions } from './options.js';
import { prepareReports } from './prepare.js';
import { groupIntoSlots } from './slots.js';
import { findStories } from './stories.js';

/**
 * Reconciles reports: groups structured claims into slots by (subject, attribute, speaker)
 * and lines up claims extracted from text (see {@link extract}) by their context, compares every slot's values with the value algebra, and
 * returns one finding per slot — verdict, reason, evidence, consensus and an explanation —
 * conflicts first. Reports with text are checked for copying ({@link findDependence}): the
 * dependent pairs are listed in `dependence`, and copies count once in consensus votes and
 * `independentSources`. A tally revised by a later report is `updated-later` (see
 * developing.ts). Deterministic and independent of the order of reports and claims; the
 * input is never mutated. Throws {@link CorroborateError} (with JSON paths) on bad input.
 *
 * @example
 * const result = reconcile([
 *   { id: 'ht', source: 'Hindustan Times', publishedAt: '2021-02-08', claims: [
 *     { subject: 'twitter-response', attribute: 'date', value: { kind: 'time', phrase: 'on Monday' } },
 *   ] },
 *   { id: 'jagran', source: 'Jagran', publishedAt: '2021-02-09', claims: [
 *     { subject: 'twitter-response', attribute: 'date', value: { kind: 'time', phrase: 'on Tuesday' } },
 *   ] },
 * ]);
 * result.findings[0].verdict; // 'conflict' (2021-02-08 vs 2021-02-09)
 */
export function reconcile(reports: readonly ReportInput[], options?: ReconcileOptions): ReconcileResult {
  // Typed for TypeScript callers; JavaScript callers get the same checks at run time.
  return reconcileReports(reports, options, false);
}

/**
 * {@link reconcile}, optionally trusting the reports as made by extract() (no schema pass): the
 * path compareArticles takes, which would otherwise copy every claim once more.
 *
 * @example
 * reconcileReports(articles.map((a) => extract(a.text, a)), options, true);
 */
export function reconcileReports(reports: readonly unknown[], options: ReconcileOptions | undefined, trusted: boolean): ReconcileResult {
  const checked = validateOptions(options);
  let input: unknown = reports;
  if (!trusted && Array.isArray(reports)) {
    // Holes read as undefined (an error, as `[undefined, report]` is), not skipped by forEach.
    const list = Array.from(reports as readonly unknown[]);
    const issues = list.flatMap((report, index) => claimJsonIssues(report, [index]));
    if (issues.length > 0) throw new CorroborateError(`Invalid reports (${issues.length} problem${issues.length === 1 ? '' : 's'})`, issues);
    input = list;
  }
  const prepared = prepareReports(input, trusted);
  const { aliases, compareOptions } = comparisonSetup(checked);
  const priors = sourcePriors(prepared);
  const reliabilityOf = reliabilityLookup(checked, (source) => priors.get(source));
  const fromText = prepared.flatMap((report) => report.claims.filter((claim) => claim.context).map((claim) => ({ report, claim })));
  const stories = findStories(fromText, DEFAULT_ALIGN_TUNING);
  const witnesses = new WitnessIndex(findDependence(prepared, checked.dependence, stories), checked.dependence);
  const slots = [...groupIntoSlots(prepared, aliases), ...alignSlots(fromText, compareOptions, DEFAULT_ALIGN_TUNING, stories)];
  const findings = slots.map((slot) => buildFinding(slot, reliabilityOf, compareOptions, witnesses)).sort(compareFindings);
  return {
    version: 1,
    reports: prepared.map(reportEntry),
    summary: summarize(findings),
    findings,
    dependence: witnesses.listed(),
  };
}

/**
 * Where the JSON values of a report's `{ kind: 'json', value }` claims are not JSON (a bigint, a
 * cycle…), checked before the schema and the code that keys values recurse into them. Anything
 * else wrong with the report is left to the schema.
 *
 * @example
 * claimJsonIssues({ id: 'a', source: 'A', claims: [{ subject: 's', attribute: 'x', value: { kind: 'json', value: 1n } }] }, [0]);
 * // [{ path: [0, 'claims', 0, 'value', 'value'], message: 'a bigint is not a JSON value', code: 'not-json' }]
 */
export function claimJsonIssues(report: unknown, at: readonly (string | number)[]): CorroborateIssue[] {
  const claims = report !== null && typeof report === 'object' ? (report as { claims?: unknown }).claims : undefined;
  if (!Array.isArray(claims)) return [];
  const issues: CorroborateIssue[] = [];
  claims.forEach((claim: unknown, index) => {
    const value = claim !== null && typeof claim === 'object' ? (claim as { value?: unknown }).value : undefined;
    if (value === null || typeof value !== 'object' || (value as { kind?: unknown }).kind !== 'json' || !('value' in value)) return;
    const problem = jsonIssue(value.value, [...at, 'claims', index, 'value', 'value']);
    if (problem) issues.push(problem);
  });
  return issues;
}
