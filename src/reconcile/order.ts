import type { Claim, PairVerdict, Reason, Verdict } from '../model/index.js';
import { ReasonSchema } from '../model/index.js';
import { compareStrings, stableStringify } from '../values/canonical.js';
import type { SlotClaim } from './slots.js';

const VERDICT_RANK: Record<Verdict, number> = { conflict: 0, compatible: 1, agree: 2, 'single-source': 3 };

/**
 * Orders verdicts for display and for picking the worst: conflict, compatible, agree, single-source.
 *
 * @example
 * ['agree', 'conflict'].sort(compareVerdicts); // ['conflict', 'agree']
 */
export function compareVerdicts(a: Verdict, b: Verdict): number {
  return VERDICT_RANK[a] - VERDICT_RANK[b];
}

/** The worse of two pairwise verdicts. */
export function worseVerdict(a: PairVerdict, b: PairVerdict): PairVerdict {
  return VERDICT_RANK[a] <= VERDICT_RANK[b] ? a : b;
}

const REASON_RANK = new Map<Reason, number>(ReasonSchema.options.map((reason, index) => [reason, index]));

/**
 * Among reasons of one verdict, the more telling one wins ("case" over "identical",
 * "different-speaker" over "wording"): later in {@link ReasonSchema}'s list is more telling.
 */
export function moreTelling(a: Reason, b: Reason): Reason {
  return (REASON_RANK.get(a) ?? 0) >= (REASON_RANK.get(b) ?? 0) ? a : b;
}

function claimSortKey(entry: SlotClaim): string {
  return stableStringify(entry.claim satisfies Claim);
}

/**
 * A total order on a slot's claims that depends only on their data: publication date (unknown
 * last), report id, evidence position, then the claim's canonical JSON. This is what makes
 * reconcile() independent of report and claim order.
 */
export function compareSlotClaims(a: SlotClaim, b: SlotClaim): number {
  const da = a.report.publishedAt;
  const db = b.report.publishedAt;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    const byDate = compareStrings(da, db);
    if (byDate !== 0) return byDate;
  }
  const byReport = compareStrings(a.report.id, b.report.id);
  if (byReport !== 0) return byReport;
  const byStart = (a.claim.evidence?.start ?? -1) - (b.claim.evidence?.start ?? -1);
  if (byStart !== 0) return byStart;
  return compareStrings(claimSortKey(a), claimSortKey(b));
}
