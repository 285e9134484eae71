// The parts of a result that reconcile() and the incremental Reconciler build the same way.
import { CorroborateError, type Finding, type ReconcileResult } from '../model/index.js';
import { compareStrings } from '../values/canonical.js';
import { createAliasTable, type AliasTable } from '../values/entity.js';
import type { CompareOptions } from '../values/options.js';
import type { ReconcileOptions } from './options.js';
import { compareVerdicts } from './order.js';
import type { PreparedReport } from './prepare.js';

/**
 * The order of findings in a result: conflicts first, then by kind, subject, attribute and id
 * (a total order, so a finding's place can be found by binary search).
 *
 * @example
 * findings.sort(compareFindings);
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareVerdicts(a.verdict, b.verdict) ||
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.subject, b.subject) ||
    compareStrings(a.attribute, b.attribute) ||
    compareStrings(a.id, b.id)
  );
}

/**
 * The count of findings per verdict.
 *
 * @example
 * summarize(result.findings); // { findings: 9, conflict: 2, compatible: 2, agree: 3, singleSource: 2 }
 */
export function summarize(findings: readonly Finding[]): ReconcileResult['summary'] {
  const summary = { findings: findings.length, conflict: 0, compatible: 0, agree: 0, singleSource: 0 };
  for (const f of findings) {
    if (f.verdict === 'single-source') summary.singleSource++;
    else summary[f.verdict]++;
  }
  return summary;
}

/**
 * How a result lists one report.
 *
 * @example
 * reportEntry(prepared); // { id: 'ht', source: 'ht', sourceName: 'Hindustan Times', publishedAt: '2021-02-08' }
 */
export function reportEntry(r: PreparedReport): ReconcileResult['reports'][number] {
  return {
    id: r.id,
    source: r.source.id,
    sourceName: r.source.name,
    publishedAt: r.publishedAt,
    ...(r.url !== undefined && { url: r.url }),
    ...(r.title !== undefined && { title: r.title }),
  };
}

/**
 * The alias table and comparison options that follow from reconcile options.
 *
 * @example
 * const { aliases, compareOptions } = comparisonSetup({ aliases: [['MeitY', 'IT Ministry']] });
 */
export function comparisonSetup(options: ReconcileOptions): { aliases: AliasTable; compareOptions: CompareOptions } {
  const groups: string[][] = [...(options.aliases ?? []).map((g) => [...g])];
  const extra = options.entity?.aliases;
  if (extra && Array.isArray(extra)) groups.push(...(extra as string[][]).map((g) => [...g]));
  let aliases: AliasTable;
  try {
    aliases = createAliasTable(groups);
  } catch (error) {
    throw new CorroborateError('Invalid alias groups', [{ path: ['options', 'aliases'], message: String(error), code: 'invalid-aliases' }]);
  }
  return { aliases, compareOptions: { ...options, entity: { ...options.entity, aliases } } };
}

/**
 * A source's prior reliability: the option, else the one its reports give (the report with the
 * greatest id wins when they differ, so the order of input does not matter), else the default.
 *
 * @example
 * const reliabilityOf = reliabilityLookup(options, (source) => priors.get(source));
 */
export function reliabilityLookup(options: ReconcileOptions, prior: (sourceId: string) => number | undefined): (sourceId: string) => number {
  const fallback = options.defaultReliability ?? 0.5;
  const overrides = new Map(Object.entries(options.reliability ?? {}));
  return (sourceId: string) => overrides.get(sourceId) ?? prior(sourceId) ?? fallback;
}

/**
 * The reliability each source's reports give, the report with the greatest id winning.
 *
 * @example
 * sourcePriors(prepared).get('pti'); // 0.9
 */
export function sourcePriors(reports: Iterable<PreparedReport>): Map<string, number> {
  const best = new Map<string, { id: string; reliability: number }>();
  for (const report of reports) {
    const reliability = report.source.reliability;
    if (reliability === undefined) continue;
    const current = best.get(report.source.id);
    if (!current || compareStrings(report.id, current.id) > 0) best.set(report.source.id, { id: report.id, reliability });
  }
  return new Map([...best].map(([source, { reliability }]) => [source, reliability]));
}
