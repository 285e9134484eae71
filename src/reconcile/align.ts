import type { Claim, ClaimContext } from '../model/index.js';
import { compareStrings } from '../values/canonical.js';
import { compareValues } from '../values/compare.js';
import type { CompareOptions } from '../values/options.js';
import { normalizeQuote } from '../values/quote.js';
import { stem } from '../extract/context.js';
import { factKind, type Slot, type SlotClaim } from './slots.js';
import { isTally } from './developing.js';
import { differentSpeakers } from './speakers.js';
import { findStories } from './stories.js';

/**
 * Tuning of text alignment. Scores are a context similarity (idf-weighted Dice over the
 * sentence's keywords and entities) plus a bonus when the values agree or are compatible;
 * claims link when the score reaches the threshold of their kind.
 *
 * @example
 * const tuning: AlignTuning = { ...DEFAULT_ALIGN_TUNING, countThreshold: 0.4 };
 */
export interface AlignTuning {
  countThreshold: number;
  dateThreshold: number;
  /**
   * A lower bar for a pair that are each other's best match between their two reports: one
   * report's only death toll and another's only death toll are likely the same fact even when
   * the sentences around them share few words.
   */
  mutualThreshold: number;
  /** Least context similarity for any link: equal figures in unrelated sentences are not one fact. */
  minContext: number;
  /** Resolved dates further apart than this many days are never the same fact. */
  maxDateGapDays: number;
  /** Share of the shorter quote's content words found in the other. */
  quoteThreshold: number;
  agreeBonus: number;
  compatibleBonus: number;
  /** Tokens shared by more claims than this are too common to propose candidate pairs. */
  maxPostings: number;
  /** The story gate (stories.ts). */
  storyEntityReports: number;
  storyEntityShare: number;
}

/** The defaults, tuned on the development corpus under test/corpus (npm run eval). */
export const DEFAULT_ALIGN_TUNING: AlignTuning = {
  countThreshold: 0.25,
  dateThreshold: 0.3,
  mutualThreshold: 0.12,
  minContext: 0.05,
  maxDateGapDays: 7,
  quoteThreshold: 0.6,
  agreeBonus: 0.35,
  compatibleBonus: 0.2,
  maxPostings: 400,
  storyEntityReports: 10,
  storyEntityShare: 0.05,
};

type AlignKind = 'count' | 'date' | 'quote';

interface Node {
  entry: SlotClaim;
  kind: AlignKind;
  /** Tokens that propose candidate pairs (blocking). */
  tokens: string[];
  /** Tokens that measure context similarity: the blocking tokens minus the unit itself. */
  scoring: string[];
  /** Order key: report id then offset, for deterministic tie-breaks. */
  order: string;
}

const QUOTE_STOPWORDS = new Set(
  'the a an and or of to in on at for with by from is are was were be been it its this that we our us you your they their he she his her i my me as not but has have had will would can could do does did so if than then there here which who whom what when where how all any'.split(
    ' ',
  ),
);

function quoteWords(text: string): string[] {
  const words = normalizeQuote(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !QUOTE_STOPWORDS.has(w));
  return [...new Set(words)];
}

function kindOf(claim: Claim): AlignKind | null {
  const kind = factKind([claim]);
  return kind === 'count' || kind === 'date' || kind === 'quote' ? kind : null;
}

function contextTokens(context: ClaimContext): string[] {
  return [...context.keywords.map((k) => `k:${stem(k)}`), ...context.entities.map((e) => `e:${e.toLowerCase()}`)];
}

function toNode(entry: SlotClaim, kind: AlignKind): Node {
  const { claim } = entry;
  const order = `${entry.report.id}\u0000${String(claim.evidence?.start ?? 0).padStart(10, '0')}\u0000${claim.id ?? ''}`;
  if (kind === 'quote' && claim.value.kind === 'quote') {
    const words = quoteWords(claim.value.text).map((w) => `w:${w}`);
    return { entry, kind, tokens: words, scoring: words, order };
  }
  const context = claim.context ? [...new Set(contextTokens(claim.context))] : [];
  if (kind === 'count' && claim.value.kind === 'quantity' && claim.value.unit) {
    // Two figures of one unit always share the unit's word; that says nothing about the fact.
    const unitWords = new Set(claim.value.unit.split(' ').map((w) => `k:${stem(w)}`));
    return { entry, kind, tokens: [...context, `u:${claim.value.unit}`], scoring: context.filter((t) => !unitWords.has(t)), order };
  }
  return { entry, kind, tokens: context, scoring: context, order };
}

/**
 * Lines up claims extracted from text (claims with a `context`) across reports: which claims
 * are about the same fact. Blocking keeps it near-linear: only claims sharing a not-too-common
 * token become candidate pairs. Constraints: two claims of one report whose values conflict
 * are two facts, never one slot (two figures for one unit in a report); counts of different
 * units never link. Greedy merging, best pairs first, ties broken by data only.
 * Attribution claims (`<quote id>/speaker`) follow their quote into an attribution slot.
 */
export function alignSlots(
  entries: readonly SlotClaim[],
  options: CompareOptions,
  tuning: AlignTuning = DEFAULT_ALIGN_TUNING,
  stories: ReadonlyMap<string, number> | null = findStories(entries, tuning),
): Slot[] {
  const nodes: Node[] = [];
  const speakers = new Map<string, SlotClaim>();
  for (const entry of entries) {
    if (entry.claim.attribute === 'speaker' && entry.claim.id?.endsWith('/speaker')) {
      speakers.set(`${entry.report.id}\u0000${entry.claim.id}`, entry);
      continue;
    }
    const kind = kindOf(entry.claim);
    if (kind) nodes.push(toNode(entry, kind));
  }
  nodes.sort((a, b) => compareStrings(a.order, b.order));

  const slots: Slot[] = [];
  for (const kind of ['count', 'date', 'quote'] as const) {
    const group = nodes.filter((n) => n.kind === kind);
    for (const cluster of clusterNodes(group, options, tuning, stories)) {
      slots.push(makeSlot(kind, cluster));
      if (kind === 'quote') {
        const who = cluster
          .map((n) => speakers.get(`${n.entry.report.id}\u0000${n.entry.claim.id}/speaker`))
          .filter((s): s is SlotClaim => s !== undefined);
        if (who.length) slots.push(makeAttributionSlot(cluster, who));
      }
    }
  }
  return slots;
}

function idfOf(nodes: readonly Node[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const n of nodes) for (const t of n.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log(1 + nodes.length / d));
  return idf;
}

function clusterNodes(nodes: readonly Node[], options: CompareOptions, tuning: AlignTuning, stories: ReadonlyMap<string, number> | null): Node[][] {
  const n = nodes.length;
  const parent = nodes.map((_, i) => i);
  const members: number[][] = nodes.map((_, i) => [i]);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  if (n > 1) {
    const idf = idfOf(nodes);
    const weight = nodes.map((node) => node.scoring.reduce((sum, t) => sum + (idf.get(t) ?? 0), 0));
    const tokenSets = nodes.map((node) => new Set(node.scoring));
    const postings = new Map<string, number[]>();
    nodes.forEach((node, i) => {
      for (const t of node.tokens) {
        const list = postings.get(t);
        if (list) list.push(i);
        else postings.set(t, [i]);
      }
    });
    // Candidate pairs from shared tokens, each packed as i·2^26 + j (exact in a double) and
    // deduplicated by a typed sort: a set of a million boxed keys is what made this slow.
    let candidates = new Float64Array(1024);
    let count = 0;
    for (const list of postings.values()) {
      if (list.length < 2 || list.length > tuning.maxPostings) continue;
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          if (count === candidates.length) {
            const grown = new Float64Array(candidates.length * 2);
            grown.set(candidates);
            candidates = grown;
          }
          candidates[count++] = list[x]! * PAIR_BASE + list[y]!;
        }
      }
    }
    const sorted = candidates.subarray(0, count).sort();
    const pairs: Pair[] = [];
    for (let c = 0; c < count; c++) {
      const key = sorted[c]!;
      if (c > 0 && key === sorted[c - 1]) continue;
      const i = Math.floor(key / PAIR_BASE);
      const j = key - i * PAIR_BASE;
      const a = nodes[i]!;
      const b = nodes[j]!;
      const ra = a.entry.report.id;
      const rb = b.entry.report.id;
      if (ra === rb || (stories !== null && stories.get(ra) !== stories.get(rb))) continue;
      const score = pairScore(a, b, tokenSets[i]!, tokenSets[j]!, weight[i]!, weight[j]!, idf, options, tuning);
      if (score !== null) pairs.push({ i, j, score });
    }
    const best = bestPartners(pairs, nodes);
    const mutual = (p: Pair) =>
      best(p.i, p.j) && best(p.j, p.i);
    const accepted = pairs.filter((p) => p.score >= thresholdOf(nodes[p.i]!.kind, tuning) || (p.score >= tuning.mutualThreshold && mutual(p)));
    accepted.sort((p, q) => q.score - p.score || p.i - q.i || p.j - q.j);
    for (const { i, j } of accepted) {
      const ri = find(i);
      const rj = find(j);
      if (ri === rj || !canMerge(members[ri]!, members[rj]!, nodes, options)) continue;
      const [keep, drop] = ri < rj ? [ri, rj] : [rj, ri];
      parent[drop] = keep;
      members[keep] = [...members[keep]!, ...members[drop]!].sort((p, q) => p - q);
      members[drop] = [];
    }
  }
  const clusters: Node[][] = [];
  nodes.forEach((_, i) => {
    if (find(i) === i) clusters.push(members[i]!.map((m) => nodes[m]!));
  });
  return clusters;
}

function thresholdOf(kind: AlignKind, tuning: AlignTuning): number {
  return kind === 'count' ? tuning.countThreshold : kind === 'date' ? tuning.dateThreshold : tuning.quoteThreshold;
}

/** Node indexes pack into one double as i·PAIR_BASE + j (up to 2^26 nodes of a kind). */
const PAIR_BASE = 2 ** 26;

interface Pair {
  i: number;
  j: number;
  score: number;
}

/**
 * Each node's best-scoring partner in every other report (ties: the lower index), looked up as
 * `best(from, to)`: is `to` the best partner of `from` among the nodes of `to`'s report?
 * Keys are numbers (node · reports + report), not strings: there is one per pair end.
 */
function bestPartners(pairs: readonly Pair[], nodes: readonly Node[]): (from: number, to: number) => boolean {
  const reportIndex = new Map<string, number>();
  const reportOf = new Int32Array(nodes.length);
  nodes.forEach((node, i) => {
    const id = node.entry.report.id;
    let r = reportIndex.get(id);
    if (r === undefined) reportIndex.set(id, (r = reportIndex.size));
    reportOf[i] = r;
  });
  const reports = Math.max(1, reportIndex.size);
  const bestTo = new Map<number, number>();
  const bestScore = new Map<number, number>();
  const offer = (from: number, to: number, score: number) => {
    const key = from * reports + reportOf[to]!;
    const current = bestTo.get(key);
    const currentScore = bestScore.get(key) ?? Number.NEGATIVE_INFINITY;
    if (current === undefined || score > currentScore || (score === currentScore && to < current)) {
      bestTo.set(key, to);
      bestScore.set(key, score);
    }
  };
  for (const p of pairs) {
    offer(p.i, p.j, p.score);
    offer(p.j, p.i, p.score);
  }
  return (from, to) => bestTo.get(from * reports + reportOf[to]!) === to;
}

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / 86_400_000);
}

/** Days between two resolved time intervals (0 when they touch or overlap), or null if unknown. */
function dateGapDays(a: Claim['value'], b: Claim['value']): number | null {
  if (a.kind !== 'time' || b.kind !== 'time' || !a.start || !a.end || !b.start || !b.end) return null;
  const [as, ae, bs, be] = [dayNumber(a.start), dayNumber(a.end), dayNumber(b.start), dayNumber(b.end)];
  if ([as, ae, bs, be].some((d) => Number.isNaN(d))) return null;
  return Math.max(0, bs - ae, as - be);
}

function pairScore(
  a: Node,
  b: Node,
  ta: Set<string>,
  tb: Set<string>,
  wa: number,
  wb: number,
  idf: Map<string, number>,
  options: CompareOptions,
  tuning: AlignTuning,
): number | null {
  const va = a.entry.claim.value;
  const vb = b.entry.claim.value;
  if (a.kind === 'quote') {
    const shorter = ta.size <= tb.size ? ta : tb;
    const longer = shorter === ta ? tb : ta;
    if (shorter.size < 2) return null;
    let common = 0;
    for (const t of shorter) if (longer.has(t)) common++;
    const share = common / shorter.size;
    return share >= tuning.quoteThreshold ? share : null; // quotes link on their words alone
  }
  if (va.kind === 'quantity' && vb.kind === 'quantity' && va.unit && vb.unit && va.unit !== vb.unit) return null;
  const gap = dateGapDays(va, vb);
  if (gap !== null && gap > tuning.maxDateGapDays) return null;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common += idf.get(t) ?? 0;
  const dice = wa + wb > 0 ? (2 * common) / (wa + wb) : 0;
  if (dice < tuning.minContext) return null;
  const relation = compareValues(va, vb, options);
  // Two speakers' different figures (organisers' million, police's 240,000) are two facts. The
  // same figure under two names ("organisers", "the coalition") stays one: names vary more than facts.
  if (relation.verdict === 'conflict' && estimatesOfTwoSpeakers(a.entry.claim, b.entry.claim, options)) return null;
  // "The toll rose to 288 on Saturday" dates a revision of a tally, not the event: two outlets'
  // different revision days are two updates of a developing story, not one conflicting date.
  if (a.kind === 'date' && relation.verdict === 'conflict' && (isTallyUpdate(a.entry.claim) || isTallyUpdate(b.entry.claim))) return null;
  // An unresolved date is "compatible" with anything; that says nothing about being the same fact.
  const bonus =
    relation.verdict === 'agree' ? tuning.agreeBonus : relation.verdict === 'compatible' && relation.reason !== 'unresolved' ? tuning.compatibleBonus : 0;
  return dice + bonus;
}

/**
 * Two speakers' own estimates (organisers' million, police's 240,000 at a rally) are two facts.
 * A tally of a developing event is one fact whoever gives it: "police said 12 dead" in the
 * morning and "officials said 15" at night are one toll, revised (developing.ts).
 */
function estimatesOfTwoSpeakers(a: Claim, b: Claim, options: CompareOptions): boolean {
  return differentSpeakers(a, b, options) && !(isTally(a) && isTally(b));
}

const TALLY_NOUNS: ReadonlySet<string> = new Set(['toll', 'tally', 'count', 'figure', 'number', 'total']);
const TALLY_VERBS: ReadonlySet<string> = new Set([
  'rose', 'risen', 'rises', 'climbed', 'climbs', 'mounted', 'revised', 'revises', 'increased', 'jumped', 'reached', 'stood',
  'stands', 'updated', 'lowered', 'dropped', 'fell', 'corrected',
]);

/** A date in a sentence that revises a tally ("the death toll rose to 14 on Wednesday"). */
function isTallyUpdate(claim: Claim): boolean {
  const words = claim.context?.keywords ?? [];
  return words.some((w) => TALLY_NOUNS.has(w)) && words.some((w) => TALLY_VERBS.has(w));
}

/**
 * Two clusters may merge unless that would put two facts of one report in one slot: claims of
 * one report whose values conflict, or — for dates — that differ at all ("on Thursday" and
 * "later this week" in one article are two events; a hedge and a figure of one count are not).
 * Nor may a merge put two speakers' conflicting figures in one slot, by way of a third claim
 * in the outlet's own voice that lines up with each.
 */
function canMerge(x: readonly number[], y: readonly number[], nodes: readonly Node[], options: CompareOptions): boolean {
  for (const i of x) {
    for (const j of y) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      if (a.entry.report.id !== b.entry.report.id) {
        if (estimatesOfTwoSpeakers(a.entry.claim, b.entry.claim, options) && compareValues(a.entry.claim.value, b.entry.claim.value, options).verdict === 'conflict') return false;
        continue;
      }
      const verdict = compareValues(a.entry.claim.value, b.entry.claim.value, options).verdict;
      if (verdict === 'conflict' || (a.kind === 'date' && verdict !== 'agree')) return false;
    }
  }
  return true;
}

function makeSlot(kind: AlignKind, cluster: readonly Node[]): Slot {
  const first = cluster[0]!;
  const key = JSON.stringify(['text', kind, first.order]);
  const subject = slotLabel(kind, cluster);
  return { key, subject, attribute: kind, speakerKey: null, claims: cluster.map((n) => n.entry), display: { subject, attribute: kind } };
}

function makeAttributionSlot(cluster: readonly Node[], speakers: readonly SlotClaim[]): Slot {
  const first = cluster[0]!;
  const subject = `who said ${quoteLabel(cluster)}`;
  return {
    key: JSON.stringify(['text', 'speaker', first.order]),
    subject,
    attribute: 'speaker',
    speakerKey: null,
    claims: [...speakers],
    display: { subject, attribute: 'speaker' },
  };
}

function quoteLabel(cluster: readonly Node[]): string {
  const texts = cluster.map((n) => (n.entry.claim.value.kind === 'quote' ? n.entry.claim.value.text : ''));
  const longest = texts.reduce((best, t) => (t.length > best.length || (t.length === best.length && t < best) ? t : best), '');
  const words = longest.split(/\s+/);
  return `“${words.slice(0, 8).join(' ')}${words.length > 8 ? '…' : ''}”`;
}

function slotLabel(kind: AlignKind, cluster: readonly Node[]): string {
  if (kind === 'quote') return quoteLabel(cluster);
  // The keywords most of the cluster shares say what the figure or date is about.
  const counts = new Map<string, number>();
  for (const n of cluster) for (const k of n.entry.claim.context?.keywords ?? []) counts.set(k, (counts.get(k) ?? 0) + 1);
  const top = [...counts.entries()]
    .sort((p, q) => q[1] - p[1] || compareStrings(p[0], q[0]))
    .slice(0, 3)
    .map(([k]) => k);
  const value = cluster[0]!.entry.claim.value;
  const head = kind === 'count' ? (value.kind === 'quantity' && value.unit ? value.unit : 'count') : 'date';
  return top.length ? `${head} (${top.join(', ')})` : head;
}
