import type { ReconcileResult } from '../model/index.js';
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
export function reconcile(reports: readonly unknown[], options?: ReconcileOptions): ReconcileResult {
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
  const prepared = prepareReports(reports, trusted);
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
