import type { Consensus, Value } from '../model/index.js';
import { compareStrings, stableStringify } from '../values/canonical.js';
import { combineValues, compareValues } from '../values/compare.js';
import type { CompareOptions } from '../values/options.js';
import { latestClaims } from './developing.js';
import type { SlotClaim } from './slots.js';

/** How much each source's word weighs, by source id. */
export type ReliabilityOf = (sourceId: string) => number;

/**
 * Chance that at least one of independent sources with these reliabilities is right —
 * the confidence of a value they all support.
 *
 * @example
 * supportConfidence([0.5, 0.5]); // 0.75
 */
export function supportConfidence(reliabilities: readonly number[]): number {
  return 1 - reliabilities.reduce((miss, r) => miss * (1 - r), 1);
}

function reportsOf(claims: readonly SlotClaim[]): string[] {
  return [...new Set(claims.map((c) => c.report.id))].sort(compareStrings);
}

/** How the claims of a slot group into independent witnesses, and whether the figure developed. */
export interface WitnessInfo {
  /** Witness group per claim (same order as the claims); by source when absent. */
  groups?: readonly number[];
  /** Every disagreement is a tally updated by a later report: the latest report decides. */
  developing?: boolean;
}

/**
 * The consensus of a slot (claims already in canonical order).
 *
 * - Independence: each witness counts once. A witness is a source, or a cluster of reports
 *   that copy each other ({@link WitnessIndex}); it weighs the highest reliability among its
 *   sources. Ten outlets reprinting one wire sentence are one witness, not ten.
 * - A developing figure (`info.developing`: every disagreement is a tally updated by a later
 *   report): the value of the latest report(s), combined with the claims consistent with it
 *   (`latest`); confidence from the reliabilities of its independent witnesses.
 * - No conflict: the most specific value consistent with all (`agreement`), confidence from
 *   the reliabilities of the independent witnesses.
 * - Conflict: for each distinct value, the witnesses whose claims do not conflict with it; the
 *   value whose supporters weigh most wins (`weighted-vote`); confidence is its share of the
 *   total weight. Ties go to the value with more supporting claims, then to the value whose
 *   canonical JSON sorts first — data-only rules, so the outcome never depends on input order.
 * - `method` says `single-source` when one source stands behind all claims.
 */
export function resolveConsensus(
  claims: readonly SlotClaim[],
  conflicted: boolean,
  reliabilityOf: ReliabilityOf,
  options: CompareOptions,
  info: WitnessInfo = {},
): Consensus | null {
  if (claims.length === 0) return null;
  const bySource = new Map<string, number>();
  const groups = info.groups ?? claims.map((c) => bySource.get(c.report.source.id) ?? (bySource.set(c.report.source.id, bySource.size), bySource.size - 1));
  const groupOf = new Map<SlotClaim, number>(claims.map((c, i) => [c, groups[i]!]));
  const groupWeight = new Map<number, number>();
  claims.forEach((c, i) => {
    const g = groups[i]!;
    groupWeight.set(g, Math.max(groupWeight.get(g) ?? 0, reliabilityOf(c.report.source.id)));
  });
  const witnessesOf = (subset: readonly SlotClaim[]) => [...new Set(subset.map((c) => groupOf.get(c)!))];
  const weightOf = (subset: readonly SlotClaim[]) => witnessesOf(subset).reduce((sum, g) => sum + groupWeight.get(g)!, 0);
  const manySources = new Set(claims.map((c) => c.report.source.id)).size > 1;
  const allWitnesses = witnessesOf(claims);

  if (info.developing) {
    const latest = latestClaims(claims);
    const candidate = combineValues(
      latest.map((c) => c.claim.value),
      options,
    );
    if (candidate) {
      const support = claims.filter((c) => compareValues(candidate, c.claim.value, options).verdict !== 'conflict');
      const supporters = witnessesOf(support);
      return {
        value: combineValues(
          support.map((c) => c.claim.value),
          options,
        ) ?? candidate,
        confidence: round(supportConfidence(supporters.map((g) => groupWeight.get(g)!))),
        method: manySources ? 'latest' : 'single-source',
        reports: reportsOf(support),
        independentSources: supporters.length,
      };
    }
  }
  if (!conflicted) {
    const combined = combineValues(
      claims.map((c) => c.claim.value),
      options,
    );
    if (combined) {
      return {
        value: combined,
        confidence: round(supportConfidence(allWitnesses.map((g) => groupWeight.get(g)!))),
        method: manySources ? 'agreement' : 'single-source',
        reports: reportsOf(claims),
        independentSources: allWitnesses.length,
      };
    }
  }
  const totalWeight = weightOf(claims);
  const candidates = new Map<string, Value>();
  for (const { claim } of claims) candidates.set(stableStringify(claim.value), claim.value);
  let best: { key: string; value: Value; support: SlotClaim[]; weight: number } | null = null;
  for (const [key, candidate] of candidates) {
    const support = claims.filter((c) => compareValues(candidate, c.claim.value, options).verdict !== 'conflict');
    const weight = weightOf(support);
    const combined = combineValues(
      support.map((c) => c.claim.value),
      options,
    ) ?? candidate;
    const entry = { key, value: combined, support, weight };
    if (!best || beats(entry, best)) best = entry;
  }
  if (!best) return null;
  const supporters = witnessesOf(best.support);
  return {
    value: best.value,
    confidence: round(totalWeight > 0 ? best.weight / totalWeight : supporters.length / allWitnesses.length),
    method: manySources ? 'weighted-vote' : 'single-source',
    reports: reportsOf(best.support),
    independentSources: supporters.length,
  };
}

function beats(
  a: { key: string; support: SlotClaim[]; weight: number },
  b: { key: string; support: SlotClaim[]; weight: number },
): boolean {
  if (Math.abs(a.weight - b.weight) > 1e-9) return a.weight > b.weight;
  if (a.support.length !== b.support.length) return a.support.length > b.support.length;
  return compareStrings(a.key, b.key) < 0;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
