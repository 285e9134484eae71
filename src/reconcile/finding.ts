import type { Comparison, Finding, FindingClaim, PairComparison, PairVerdict, Reason } from '../model/index.js';
import { compareStrings, stableHash, stableStringify } from '../values/canonical.js';
import { compareValues } from '../values/compare.js';
import { compareEntities, parseEntity } from '../values/entity.js';
import type { CompareOptions } from '../values/options.js';
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

function comparisonKey(entry: SlotClaim): string {
  // Claims that would compare identically share a key, so each distinct pair is compared once.
  const { value, speaker } = entry.claim;
  return stableStringify(value.kind === 'quote' ? { value, speaker } : { value });
}

/**
 * Builds the finding of one slot: orders its claims canonically, compares each distinct pair
 * of values once, takes the worst verdict (single-source when one source stands behind all
 * claims), resolves a consensus and writes the explanation.
 */
export function buildFinding(slot: Slot, reliabilityOf: ReliabilityOf, options: CompareOptions): Finding {
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
  let verdict: Finding['verdict'];
  let reason: Reason;
  if (sources.size <= 1) {
    verdict = 'single-source';
    reason = conflicted ? 'internal-conflict' : 'single-source';
  } else {
    verdict = worst?.verdict ?? 'agree';
    reason = worst?.reason ?? 'identical';
  }

  const subject = pickLabel(slot.claims.map((c) => c.claim.subject));
  const attribute = pickLabel(slot.claims.map((c) => c.claim.attribute));
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
    consensus: resolveConsensus(claims, conflicted, reliabilityOf, options),
    independentSources: sources.size,
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
