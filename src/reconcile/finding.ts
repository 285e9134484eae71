import type { Comparison, Finding, FindingClaim, PairComparison, PairVerdict, Reason } from '../model/index.js';
import { compareStrings, stableHash, stableStringify } from '../values/canonical.js';
import { compareValues } from '../values/compare.js';
import { compareEntities, parseEntity } from '../values/entity.js';
import type { CompareOptions } from '../values/options.js';
import { WitnessIndex } from './dependence.js';
import { isTally, updatedLater } from './developing.js';
import { explain } from './explain.js';
import { compareSlotClaims, moreTelling, worseVerdict } from './order.js';
import { resolveConsensus, type ReliabilityOf } from './resolve.js';
import { factKind, type Slot, type SlotClaim } from './slots.js';

/**
 * Compares two claims of a slot. For quotes the speaker is part of what is compared: the
 * same words given to different speakers are an attribution conflict.
 */
export function compareClaims(a: SlotClaim, b: SlotClaim, options: CompareOptions): Comparison {
  const byValue = compareValues(a.claim.value, b.claim.value, options);
  const zones = acrossTimeZones(a, b, byValue);
  if (zones) return zones;
  const update = updatedLater(a, b, byValue);
  if (update) return update;
  const sa = a.claim.speaker;
  const sb = b.claim.speaker;
  if (a.claim.value.kind === 'quote' && byValue.verdict !== 'conflict' && sa !== undefined && sb !== undefined) {
    const bySpeaker = compareEntities(parseEntity(sa), parseEntity(sb), options.entity);
    if (bySpeaker.verdict === 'conflict') {
      return {
        verdict: 'conflict',
        reason: 'different-speaker',
        detail: `the same words are attributed to ${sa} and to ${sb}`,
      };
    }
  }
  return byValue;
}

function offsetMinutes(publishedAt: string | null): number | null {
  const m = publishedAt ? /([+-])(\d{2}):(\d{2})$|Z$/.exec(publishedAt) : null;
  if (!m) return null;
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * Adjacent calendar days from reports written in different time zones can be one moment
 * ("late on Monday night" in New York is "Tuesday morning" in Tokyo): compatible, reason
 * `timezone`, instead of a conflict. Needs both reports' publication offsets.
 */
function acrossTimeZones(a: SlotClaim, b: SlotClaim, byValue: Comparison): Comparison | null {
  const va = a.claim.value;
  const vb = b.claim.value;
  if (byValue.reason !== 'disjoint' || va.kind !== 'time' || vb.kind !== 'time') return null;
  if (va.granularity !== 'day' || vb.granularity !== 'day' || !va.start || !vb.start || va.start !== va.end || vb.start !== vb.end) return null;
  const oa = offsetMinutes(a.report.publishedAt);
  const ob = offsetMinutes(b.report.publishedAt);
  if (oa === null || ob === null || oa === ob) return null;
  const days = Math.abs(Date.parse(`${va.start}T00:00:00Z`) - Date.parse(`${vb.start}T00:00:00Z`)) / 86_400_000;
  if (days !== 1) return null;
  return {
    verdict: 'compatible',
    reason: 'timezone',
    detail: `${va.start} and ${vb.start} are adjacent days in reports from different time zones (UTC${fmt(oa)} and UTC${fmt(ob)}), so they can be the same moment`,
  };
}

function fmt(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function comparisonKey(entry: SlotClaim): string {
  // Claims that would compare identically share a key, so each distinct pair is compared once.
  // A tally's publication time is part of it: 12 in the morning and 12 at night compare
  // differently with 15 at noon (see updatedLater).
  const { value, speaker } = entry.claim;
  if (value.kind === 'quote') return stableStringify({ value, speaker });
  if (value.kind === 'quantity' && entry.report.publishedAt !== null && isTally(entry.claim)) {
    return stableStringify({ value, publishedAt: entry.report.publishedAt });
  }
  return stableStringify({ value });
}

/**
 * The independent witnesses among a slot's claims, as a group number per claim (numbered in
 * claim order). Claims of one source are one witness; so are claims of two reports that copy
 * each other ({@link WitnessIndex.sameWitness}) when their values agree or are compatible —
 * values that conflict, or a figure updated later, are each report's own.
 */
function witnessGroups(
  claims: readonly SlotClaim[],
  keyIndex: readonly number[],
  comparisons: readonly PairComparison[],
  witnesses: WitnessIndex,
): number[] {
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (i: number, j: number) => {
    const ri = find(i);
    const rj = find(j);
    if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
  };
  const separate = new Set<string>();
  for (const c of comparisons) {
    if (c.verdict === 'conflict' || c.reason === 'updated-later') separate.add(`${c.between[0]},${c.between[1]}`);
  }
  const location = (entry: SlotClaim) => {
    const at = entry.claim.context?.sentence ?? entry.claim.evidence;
    return { report: entry.report.id, sourceId: entry.report.source.id, ...(at ? { start: at.start, end: at.end } : {}) };
  };
  const locations = claims.map(location);
  // One source is one witness; beyond that only reports that copy each other can join, so
  // only their claims are paired (not every pair of a slot's claims).
  const firstOfSource = new Map<string, number>();
  const byReport = new Map<string, number[]>();
  locations.forEach((a, i) => {
    const first = firstOfSource.get(a.sourceId);
    if (first === undefined) firstOfSource.set(a.sourceId, i);
    else union(first, i);
    const list = byReport.get(a.report);
    if (list) list.push(i);
    else byReport.set(a.report, [i]);
  });
  locations.forEach((a, i) => {
    for (const partner of witnesses.partnersOf(a.report)) {
      for (const j of byReport.get(partner) ?? []) {
        if (j <= i || find(i) === find(j)) continue;
        const b = locations[j]!;
        const ki = keyIndex[i]!;
        const kj = keyIndex[j]!;
        if (ki !== kj && separate.has(`${Math.min(ki, kj)},${Math.max(ki, kj)}`)) continue;
        if (witnesses.sameWitness(a, b)) union(i, j);
      }
    }
  });
  const numbers = new Map<number, number>();
  return claims.map((_, i) => {
    const root = find(i);
    if (!numbers.has(root)) numbers.set(root, numbers.size);
    return numbers.get(root)!;
  });
}

const NO_WITNESSES = new WitnessIndex([]);

/**
 * Builds the finding of one slot: orders its claims canonically, compares each distinct pair
 * of values once, takes the worst verdict (single-source when one source stands behind all
 * claims), resolves a consensus and writes the explanation.
 */
export function buildFinding(slot: Slot, reliabilityOf: ReliabilityOf, options: CompareOptions, witnesses: WitnessIndex = NO_WITNESSES): Finding {
  const claims = [...slot.claims].sort(compareSlotClaims);
  const firstIndex = new Map<string, number>();
  const repeats = new Map<string, number>();
  claims.forEach((entry, index) => {
    const key = comparisonKey(entry);
    if (!firstIndex.has(key)) firstIndex.set(key, index);
    else if (!repeats.has(key)) repeats.set(key, index);
  });

  const comparisons: PairComparison[] = [];
  for (const [key, second] of repeats) {
    const first = firstIndex.get(key) as number;
    comparisons.push({ between: [first, second], ...compareClaims(claims[first]!, claims[second]!, options) });
  }
  const distinct = [...firstIndex.values()];
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) {
      const a = distinct[i]!;
      const b = distinct[j]!;
      comparisons.push({ between: [a, b], ...compareClaims(claims[a]!, claims[b]!, options) });
    }
  }
  comparisons.sort((x, y) => x.between[0] - y.between[0] || x.between[1] - y.between[1]);

  let worst: PairComparison | null = null;
  for (const c of comparisons) {
    if (!worst) worst = c;
    else {
      const verdict: PairVerdict = worseVerdict(worst.verdict, c.verdict);
      if (verdict !== worst.verdict) worst = c;
      else if (c.verdict === worst.verdict && moreTelling(worst.reason, c.reason) !== worst.reason) worst = c;
    }
  }

  const sources = new Set(claims.map((c) => c.report.source.id));
  const conflicted = worst?.verdict === 'conflict';
  const keyIndex = claims.map((entry) => firstIndex.get(comparisonKey(entry))!);
  const groups = witnessGroups(claims, keyIndex, comparisons, witnesses);
  // A developing figure: every disagreement is explained by a later report.
  const developing =
    comparisons.some((c) => c.reason === 'updated-later') && comparisons.every((c) => c.verdict !== 'conflict' || c.reason === 'updated-later');
  let verdict: Finding['verdict'];
  let reason: Reason;
  if (sources.size <= 1) {
    verdict = 'single-source';
    reason = conflicted ? 'internal-conflict' : 'single-source';
  } else {
    verdict = worst?.verdict ?? 'agree';
    reason = worst?.reason ?? 'identical';
  }

  const subject = slot.display?.subject ?? pickLabel(slot.claims.map((c) => c.claim.subject));
  const attribute = slot.display?.attribute ?? pickLabel(slot.claims.map((c) => c.claim.attribute));
  const speakers = claims.map((c) => c.claim.speaker).filter((s): s is string => s !== undefined);
  return {
    id: `f-${stableHash(slot.key)}`,
    kind: factKind(claims.map((c) => c.claim)),
    verdict,
    reason,
    subject,
    attribute,
    speaker: slot.speakerKey === null ? null : pickLabel(speakers),
    explanation: explain(claims, verdict, worst),
    claims: claims.map(toFindingClaim),
    comparisons,
    consensus: resolveConsensus(claims, conflicted, reliabilityOf, options, { groups, developing }),
    independentSources: new Set(groups).size,
  };
}

function toFindingClaim({ report, claim }: SlotClaim): FindingClaim {
  return {
    report: report.id,
    source: report.source.id,
    ...(claim.id !== undefined ? { id: claim.id } : {}),
    ...(claim.speaker !== undefined ? { speaker: claim.speaker } : {}),
    value: claim.value,
    ...(claim.evidence !== undefined ? { evidence: claim.evidence } : {}),
  };
}

/** The label to show for a slot: the shortest spelling used, ties broken by code-unit order. */
function pickLabel(labels: readonly string[]): string {
  return [...labels].sort((a, b) => a.length - b.length || compareStrings(a, b))[0] ?? '';
}
