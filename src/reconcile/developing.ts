import type { Claim, Comparison, QuantityValue } from '../model/index.js';
import { formatValue } from '../values/compare.js';
import type { SlotClaim } from './slots.js';

/**
 * Developing figures: a death toll of 12 in the morning and 15 by the evening are not two
 * outlets contradicting each other but one story moving on. A conflict between two counts
 * becomes reason `updated-later` when
 *
 * - both are tallies of a developing event (killed, dead, injured, missing, arrested, rescued,
 *   evacuated…: the words of the claim's subject, attribute, unit or sentence say so);
 * - the two reports' publication times are ordered: both date-times, or different calendar
 *   days. Two reports of one day without times stay a plain conflict — which came first is unknown.
 *
 * The verdict then depends on the direction. A tally that rises (12 → 15) is `compatible`: both
 * figures were true when printed, since the dead and the injured only ever add up. A tally
 * revised down (28 → 25 after a recount) stays a `conflict`: the earlier figure was wrong, not
 * early — but the reason is still `updated-later` and the consensus follows the latest report
 * (DESIGN.md: "a later report of a developing figure supersedes an earlier one"; its toll of 288,
 * then 275, then 278 has both directions). Dates, quotes and attributions are never updated this way:
 * "on Monday" in one report and "on Tuesday" in the next day's are a conflict however late the second.
 */

const TALLY_WORD =
  /^(?:kill\w*|dead|death\w*|die|died|dying|toll\w*|fatalit\w*|casualt\w*|injur\w*|hurt|wound\w*|arrest\w*|detain\w*|detention\w*|miss|missing|rescu\w*|evacuat\w*|displac\w*|hospitali[sz]\w*|infect\w*|victim\w*|body|bodie|bodies|drown\w*|trapp\w*|perish\w*|succumb\w*|fatal\w*)$/;

/**
 * Whether a count is a tally of a developing event, by the words around it.
 *
 * @example
 * const twelve: QuantityValue = { kind: 'quantity', value: 12, min: 12, max: 12, qualifier: 'exact', precision: 1, unit: 'people' };
 * isTally({ subject: 'bus crash', attribute: 'killed', value: twelve }); // true
 * isTally({ subject: 'trawler', attribute: 'fishermen', value: twelve }); // false
 */
export function isTally(claim: Claim): boolean {
  if (claim.value.kind !== 'quantity') return false;
  const words = [claim.subject, claim.attribute, claim.value.unit ?? '', ...(claim.context?.keywords ?? [])]
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}]+/u);
  return words.some((w) => TALLY_WORD.test(w));
}

const HAS_TIME = /T\d{2}:\d{2}/;

/**
 * Which of two publication times is earlier: a negative number when `a` is, positive when `b`
 * is, 0 for the same instant, null when the order is unknown (a time missing, or the same
 * calendar day where at least one gives no time of day).
 *
 * @example
 * publicationOrder('2024-06-03T08:00:00+05:30', '2024-06-03T19:00:00+05:30'); // < 0
 * publicationOrder('2024-06-03', '2024-06-04'); // < 0
 * publicationOrder('2024-06-03', '2024-06-03T19:00:00+05:30'); // null
 */
export function publicationOrder(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  if (HAS_TIME.test(a) && HAS_TIME.test(b)) {
    const ta = Date.parse(a);
    const tb = Date.parse(b);
    if (Number.isNaN(ta) || Number.isNaN(tb)) return null;
    return Math.sign(ta - tb);
  }
  const da = a.slice(0, 10);
  const db = b.slice(0, 10);
  if (da === db) return null;
  return da < db ? -1 : 1;
}

function bounds(v: QuantityValue): [number, number] {
  return [v.min ?? v.value ?? Number.NEGATIVE_INFINITY, v.max ?? v.value ?? Number.POSITIVE_INFINITY];
}

/**
 * Turns a disjoint conflict between two tallies from reports published at ordered times into
 * an `updated-later` comparison (compatible when the figure rose, conflict when it was revised
 * down). Null when the rule does not apply and the comparison stands.
 *
 * @example
 * updatedLater(morning12, evening15, { verdict: 'conflict', reason: 'disjoint', detail: '…' });
 * // { verdict: 'compatible', reason: 'updated-later', detail: '15 people (Evening Star, published …) updates 12 people (…)…' }
 */
export function updatedLater(a: SlotClaim, b: SlotClaim, byValue: Comparison): Comparison | null {
  if (byValue.verdict !== 'conflict' || byValue.reason !== 'disjoint') return null;
  const va = a.claim.value;
  const vb = b.claim.value;
  if (va.kind !== 'quantity' || vb.kind !== 'quantity') return null;
  if (!isTally(a.claim) || !isTally(b.claim)) return null;
  const order = publicationOrder(a.report.publishedAt, b.report.publishedAt);
  if (order === null || order === 0) return null;
  const [earlier, later] = order < 0 ? [a, b] : [b, a];
  const [elo, ehi] = bounds(earlier.claim.value as QuantityValue);
  const [llo, lhi] = bounds(later.claim.value as QuantityValue);
  const rising = llo >= ehi;
  if (!rising && !(lhi <= elo)) return null;
  const what = (entry: SlotClaim) => `${formatValue(entry.claim.value)} (${entry.report.source.name}, ${entry.report.publishedAt})`;
  return {
    verdict: rising ? 'compatible' : 'conflict',
    reason: 'updated-later',
    detail: rising
      ? `the later ${what(later)} updates the earlier ${what(earlier)}: a developing figure that rose`
      : `the later ${what(later)} revises the earlier ${what(earlier)} down: the earlier figure was corrected`,
  };
}

/**
 * The claims of a slot published last: those no other claim of the slot was published after.
 * Used for the `latest` consensus of a developing figure.
 *
 * @example
 * latestClaims(claims).map((c) => c.report.id); // ['evening-star']
 */
export function latestClaims(claims: readonly SlotClaim[]): SlotClaim[] {
  return claims.filter((c) => !claims.some((d) => (publicationOrder(c.report.publishedAt, d.report.publishedAt) ?? 0) < 0));
}
