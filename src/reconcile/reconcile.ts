import { CorroborateError, type ReconcileResult } from '../model/index.js';
import { compareStrings } from '../values/canonical.js';
import { createAliasTable, type AliasTable } from '../values/entity.js';
import type { CompareOptions } from '../values/options.js';
import { alignSlots } from './align.js';
import { buildFinding } from './finding.js';
import { validateOptions, type ReconcileOptions } from './options.js';
import { compareVerdicts } from './order.js';
import { prepareReports, type PreparedReport } from './prepare.js';
import { groupIntoSlots } from './slots.js';

/**
 * Reconciles reports: groups structured claims into slots by (subject, attribute, speaker)
 * and lines up claims extracted from text (see {@link extract}) by their context, compares every slot's values with the value algebra, and
 * returns one finding per slot — verdict, reason, evidence, consensus and an explanation —
 * conflicts first. Deterministic and independent of the order of reports and claims; the
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
  const checked = validateOptions(options);
  const prepared = prepareReports(reports);
  const aliases = aliasTableFor(checked);
  const compareOptions: CompareOptions = { ...checked, entity: { ...checked.entity, aliases } };
  const reliabilityOf = reliabilityFor(prepared, checked);

  const fromText = prepared.flatMap((report) => report.claims.filter((claim) => claim.context).map((claim) => ({ report, claim })));
  const slots = [...groupIntoSlots(prepared, aliases), ...alignSlots(fromText, compareOptions)];
  const findings = slots
    .map((slot) => buildFinding(slot, reliabilityOf, compareOptions))
    .sort((a, b) => compareVerdicts(a.verdict, b.verdict) || compareStrings(a.kind, b.kind) || compareStrings(a.subject, b.subject) || compareStrings(a.attribute, b.attribute) || compareStrings(a.id, b.id));

  const count = (verdict: string) => findings.filter((f) => f.verdict === verdict).length;
  return {
    version: 1,
    reports: prepared.map((r) => ({
      id: r.id,
      source: r.source.id,
      sourceName: r.source.name,
      publishedAt: r.publishedAt,
      ...(r.url !== undefined && { url: r.url }),
      ...(r.title !== undefined && { title: r.title }),
    })),
    summary: {
      findings: findings.length,
      conflict: count('conflict'),
      compatible: count('compatible'),
      agree: count('agree'),
      singleSource: count('single-source'),
    },
    findings,
  };
}

function aliasTableFor(options: ReconcileOptions): AliasTable {
  const groups: string[][] = [...(options.aliases ?? []).map((g) => [...g])];
  const extra = options.entity?.aliases;
  if (extra && Array.isArray(extra)) groups.push(...(extra as string[][]).map((g) => [...g]));
  try {
    return createAliasTable(groups);
  } catch (error) {
    throw new CorroborateError('Invalid alias groups', [{ path: ['options', 'aliases'], message: String(error), code: 'invalid-aliases' }]);
  }
}

function reliabilityFor(reports: readonly PreparedReport[], options: ReconcileOptions) {
  const fallback = options.defaultReliability ?? 0.5;
  const prior = new Map<string, number>();
  for (const report of reports) {
    if (report.source.reliability !== undefined) prior.set(report.source.id, report.source.reliability);
  }
  const overrides = new Map(Object.entries(options.reliability ?? {}));
  return (sourceId: string) => overrides.get(sourceId) ?? prior.get(sourceId) ?? fallback;
}
