import type { Consensus, Value } from '../model/index.js';
import { compareStrings, stableStringify } from '../values/canonical.js';
import { combineValues, compareValues } from '../values/compare.js';
import type { CompareOptions } from '../values/options.js';
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

function sourcesOf(claims: readonly SlotClaim[]): string[] {
  return [...new Set(claims.map((c) => c.report.source.id))].sort(compareStrings);
}

function reportsOf(claims: readonly SlotClaim[]): string[] {
  return [...new Set(claims.map((c) => c.report.id))].sort(compareStrings);
}

/**
 * The consensus of a slot (claims already in canonical order).
 *
 * - No conflict: the most specific value consistent with all (`agreement`), confidence from
 *   the reliabilities of the distinct sources.
 * - Conflict: for each distinct value, the sources whose claims do not conflict with it; the
 *   value whose supporters weigh most wins (`weighted-vote`); confidence is its share of the
 *   total weight. Ties go to the value with more supporting claims, then to the value whose
 *   canonical JSON sorts first — data-only rules, so the outcome never depends on input order.
 * - A source counts once however many reports or claims it has.
 */
export function resolveConsensus(
  claims: readonly SlotClaim[],
  conflicted: boolean,
  reliabilityOf: ReliabilityOf,
  options: CompareOptions,
): Consensus | null {
  if (claims.length === 0) return null;
  const allSources = sourcesOf(claims);
  if (!conflicted) {
    const combined = combineValues(
      claims.map((c) => c.claim.value),
      options,
    );
    if (combined) {
      return {
        value: combined,
        confidence: round(supportConfidence(allSources.map(reliabilityOf))),
        method: allSources.length > 1 ? 'agreement' : 'single-source',
        reports: reportsOf(claims),
        independentSources: allSources.length,
      };
    }
  }
  const totalWeight = allSources.reduce((sum, s) => sum + reliabilityOf(s), 0);
  const candidates = new Map<string, Value>();
  for (const { claim } of claims) candidates.set(stableStringify(claim.value), claim.value);
  let best: { key: string; value: Value; support: SlotClaim[]; weight: number } | null = null;
  for (const [key, candidate] of candidates) {
    const support = claims.filter((c) => compareValues(candidate, c.claim.value, options).verdict !== 'conflict');
    const weight = sourcesOf(support).reduce((sum, s) => sum + reliabilityOf(s), 0);
    const combined = combineValues(
      support.map((c) => c.claim.value),
      options,
    ) ?? candidate;
    const entry = { key, value: combined, support, weight };
    if (!best || beats(entry, best)) best = entry;
  }
  if (!best) return null;
  const supporters = sourcesOf(best.support);
  return {
    value: best.value,
    confidence: round(totalWeight > 0 ? best.weight / totalWeight : supporters.length / allSources.length),
    method: allSources.length > 1 ? 'weighted-vote' : 'single-source',
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
