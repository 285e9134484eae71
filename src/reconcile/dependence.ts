/**
 * Dependence between reports: which reports copy each other, or one wire story, so that copies
 * count once. Two signals, both read from the report text:
 *
 * - shared wording outside quotes — word shingles hashed into one map from shingle to reports
 *   (near-linear: only reports that share a shingle are paired);
 * - wire credit lines — "(PTI)", "NEW DELHI (Reuters) -", "— AFP", "(With inputs from IANS)".
 *
 * @example
 * const pairs = findDependence([{ id: 'a', text: wireCopy }, { id: 'b', text: reprint }]);
 * pairs[0]; // { reports: ['a', 'b'], score: 0.93, wires: ['PTI'], shared: [{ report: 'a', kind: 'wording', … }, …] }
 */
import type { Dependence, SharedEvidence } from '../model/index.js';
import { compareStrings } from '../values/canonical.js';
import { proseIndex, radixSortPairs, sharedHashes, sortedHas, type ProseIndex } from './shingles.js';

/**
 * Tuning of copy detection between reports with text. Every field has a default.
 *
 * @example
 * reconcile(reports, { dependence: { threshold: 0.2, wires: [['UNW', 'United Newswire']] } });
 */
export interface DependenceOptions {
  /**
   * Words per shingle: shared wording must run at least this many words. Default 8 (shorter
   * runs are mostly names and titles two independent reports both spell out).
   */
  shingleWords?: number;
  /**
   * Fewest shared words for wording to count at all: a shared name or stock phrase is a
   * coincidence, a shared sentence is not. Default 12.
   */
  minSharedWords?: number;
  /** Least score for two reports to count as dependent (and to be listed). Default 0.1. */
  threshold?: number;
  /**
   * From this score on, two reports are treated as copies of one story throughout: every claim
   * they agree on counts once, not only claims inside the shared wording. Default 0.5.
   */
  copyScore?: number;
  /** What crediting the same wire agency adds to a pair's score (combined as a noisy-or). Default 0.5. */
  wireCreditScore?: number;
  /** Extra wire agencies, one group of names each, the first the canonical name: `[['UNW', 'United Newswire']]`. */
  wires?: readonly (readonly string[])[];
  /** Shingles found in more reports than this are boilerplate and ignored. Default 500. */
  maxPostings?: number;
  /** Most shared stretches listed per report of a pair (the longest; the score uses all). Default 12. */
  maxEvidence?: number;
}

/** The defaults of {@link DependenceOptions}. */
export const DEFAULT_DEPENDENCE: Required<Omit<DependenceOptions, 'wires'>> = {
  shingleWords: 8,
  minSharedWords: 12,
  threshold: 0.1,
  copyScore: 0.5,
  wireCreditScore: 0.5,
  maxPostings: 500,
  maxEvidence: 12,
};

/**
 * A half-open range of UTF-16 offsets into a text: it covers `text.slice(start, end)`.
 *
 * @example
 * const range: TextRange = { start: 0, end: 9 }; // 'New Delhi' in 'New Delhi, Feb 8 (PTI)'
 */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * One wire credit found in a text: the canonical agency and where the credit stands.
 *
 * @example
 * const credit: WireCredit = { wire: 'PTI', text: '(PTI)', start: 17, end: 22 };
 */
export interface WireCredit extends TextRange {
  /** The agency's canonical name (`PTI` for "Press Trust of India"). */
  wire: string;
  /** The credit as written. */
  text: string;
}

/**
 * What {@link findDependence} reads of a report: its id, its text (without one the report takes
 * no part) and its source. A `Report` or `ReportInput` fits as it is.
 *
 * @example
 * const input: DependenceInput = { id: 'ht', text: 'New Delhi, Feb 8 (PTI) The government…', source: 'Hindustan Times' };
 */
export interface DependenceInput {
  id: string;
  text?: string | undefined;
  source?: string | { id: string; name?: string | undefined; kind?: string | undefined };
}

/**
 * A pair of reports that copy each other, as `ReconcileResult.dependence` lists it, plus every
 * shared stretch of text per report (not capped at `maxEvidence`).
 *
 * @example
 * const pair: DependentPair = {
 *   reports: ['a', 'b'], score: 0.94, wires: [],
 *   shared: [{ report: 'a', kind: 'wording', text: 'Rescue teams worked…', start: 0, end: 91 }],
 *   spans: new Map([['a', [{ start: 0, end: 91 }]], ['b', [{ start: 0, end: 91 }]]]),
 * };
 */
export interface DependentPair extends Dependence {
  /** Shared stretches of wording (credit lines excluded) per report id, sorted by start. */
  spans: ReadonlyMap<string, readonly TextRange[]>;
}

/**
 * Built-in wire agencies: canonical name first, then other names. Acronyms are matched
 * case-sensitively (so "ap" or "Uni" are never agencies).
 */
export const KNOWN_WIRES: readonly (readonly string[])[] = [
  ['PTI', 'Press Trust of India'],
  ['ANI', 'Asian News International'],
  ['IANS', 'Indo-Asian News Service', 'Indo Asian News Service'],
  ['UNI', 'United News of India'],
  ['Reuters', 'Thomson Reuters', 'REUTERS'],
  ['AP', 'Associated Press', 'The Associated Press'],
  ['AFP', 'Agence France-Presse', 'Agence France Presse'],
  ['DPA', 'Deutsche Presse-Agentur', 'dpa'],
  ['Xinhua', 'XINHUA'],
  ['Kyodo', 'Kyodo News'],
  ['Yonhap', 'Yonhap News Agency'],
  ['EFE'],
];

export { quotedRanges } from '../extract/quoted-ranges.js';

// ---------------------------------------------------------------------------------------------
// Wire credits
// ---------------------------------------------------------------------------------------------

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Canonical wire name by every spelling. */
function wireTable(extra: readonly (readonly string[])[] | undefined): Map<string, string> {
  const table = new Map<string, string>();
  for (const group of [...KNOWN_WIRES, ...(extra ?? [])]) {
    const canonical = group[0];
    if (!canonical) continue;
    for (const name of group) table.set(name, canonical);
  }
  return table;
}

/** A wire table and its "told PTI" / "IANS reported" pattern, built once per list of extra wires. */
interface WireSetup {
  table: ReadonlyMap<string, string>;
  cited: RegExp | null;
}
let defaultSetup: WireSetup | undefined;
const SETUPS = new WeakMap<readonly (readonly string[])[], WireSetup>();

function wireSetup(extra: readonly (readonly string[])[] | undefined): WireSetup {
  const cached = extra === undefined ? defaultSetup : SETUPS.get(extra);
  if (cached) return cached;
  const table = wireTable(extra);
  const names = [...table.keys()].sort((a, b) => b.length - a.length || compareStrings(a, b)).map(escapeRegExp);
  const alternation = names.join('|');
  const cited = names.length
    ? new RegExp(
        `\\b(?:told|according to|reported by|quoted by|quoting|news agency|wire agency)\\s+(?:the\\s+)?(?:news agency\\s+)?(${alternation})(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])(${alternation})\\s+(?:reported|quoted|news agency)\\b`,
        'gu',
      )
    : null;
  const setup = { table, cited };
  if (extra === undefined) defaultSetup = setup;
  else SETUPS.set(extra, setup);
  return setup;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATELINE_DATE = new RegExp(`(?:\\b${MONTH}\\s+\\d{1,2}\\b|\\b\\d{1,2}\\s+${MONTH})`);
const ACRONYM = /^[A-Z]{2,6}$/;

/**
 * The wires named by a credit's inside ("PTI", "PTI, ANI", "Reuters/AFP"): known names, and
 * when `acronyms` is set also unknown agency acronyms ("UNW"). Null when any part is not a wire.
 */
function wiresIn(inside: string, table: ReadonlyMap<string, string>, acronyms: boolean): string[] | null {
  const parts = inside
    .split(/\s*(?:,|\/|&|\band\b)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const wires: string[] = [];
  for (const part of parts) {
    const known = table.get(part);
    if (known) wires.push(known);
    else if (acronyms && ACRONYM.test(part)) wires.push(part);
    else return null;
  }
  return wires;
}

/**
 * The wire credits of a text: a dateline ("Kavalpur, May 5 (UNW)", "NEW DELHI (Reuters) -"),
 * a credit closing a paragraph ("…at sea. (PTI)", "— Reuters" on its own line), "(With inputs
 * from PTI and ANI)", and for known agencies "told Reuters", "according to PTI", "news agency
 * AFP". Unknown agency acronyms count only in the strict positions (dateline with a date or an
 * upper-case place, closing credit, inputs line); photo credits are never wire credits.
 *
 * @example
 * wireCredits('New Delhi, Feb 8 (PTI) The government said…').map((c) => c.wire); // ['PTI']
 */
export function wireCredits(text: string, extraWires?: readonly (readonly string[])[]): WireCredit[] {
  const { table, cited } = wireSetup(extraWires);
  const credits: WireCredit[] = [];
  const add = (wires: readonly string[], start: number, end: number) => {
    for (const wire of wires) credits.push({ wire, start, end, text: text.slice(start, end) });
  };

  // Datelines and closing credits, line by line.
  for (const line of text.matchAll(/[^\n]+/g)) {
    const lineStart = line.index;
    const body = line[0].trimEnd();
    // "Kavalpur, May 5 (UNW) …", "NEW DELHI (Reuters) - …": a short place (and date) opening the
    // line. It must carry a date or be in capitals — "Andhra Pradesh (AP) …" is no dateline.
    const dateline = /^\s*([^()\n]{1,60}?)\s*\(\s*([^()\n]{2,60}?)\s*\)/.exec(body);
    if (dateline) {
      const prefix = dateline[1]!;
      const words = prefix.split(/\s+/).filter(Boolean);
      const sentenceInside = /[.!?]\s+\p{Lu}/u.test(prefix) || /[:;"“”]/.test(prefix);
      const placeAndDate = DATELINE_DATE.test(prefix) || (/^[\p{Lu}\s,.'’-]+$/u.test(prefix) && /\p{Lu}{2}/u.test(prefix));
      const wires = words.length <= 8 && !sentenceInside && placeAndDate ? wiresIn(dateline[2]!, table, true) : null;
      if (wires) {
        const open = body.indexOf('(', dateline[0].indexOf(prefix) + prefix.length);
        add(wires, lineStart + open, lineStart + body.indexOf(')', open) + 1);
      }
    }
    // "…at sea. (UNW)", "(PTI)" or "— Reuters" closing a paragraph, or a line that is only an agency's name.
    const bracketed = /(?:^|[.!?"”’)]\s*)(\(\s*([^()\n]{2,40}?)\s*\))$/.exec(body);
    const dashed = /(?:^\s*|[.!?"”’)]\s+)([—–-]+\s*([\p{L}][^()\n]{1,38}?))$/u.exec(body);
    const closing = bracketed ?? dashed;
    if (closing) {
      const wires = wiresIn(closing[2]!, table, true);
      const creditStart = lineStart + body.length - closing[1]!.length;
      if (wires) add(wires, creditStart, lineStart + body.length);
    } else if (body.trim()) {
      const wires = wiresIn(body.trim(), table, false);
      const at = lineStart + body.indexOf(body.trim());
      if (wires) add(wires, at, at + body.trim().length);
    }
  }

  // "(With inputs from PTI, ANI)", "With agency inputs from Reuters".
  for (const m of text.matchAll(/\(?\b[Ww]ith (?:agency )?inputs? from ([^()\n.]{2,80})\)?/g)) {
    const parts = m[1]!.split(/\s*(?:,|\/|&|\band\b)\s*/).map((p) => p.trim());
    const wires = parts.flatMap((p) => {
      const known = table.get(p) ?? table.get(p.replace(/^the\s+/i, ''));
      return known ? [known] : ACRONYM.test(p) ? [p] : [];
    });
    if (wires.length) add(wires, m.index, m.index + m[0].length);
  }

  // Known agencies cited in prose: "told PTI", "according to Reuters", "news agency AFP", "IANS reported".
  if (cited) {
    for (const m of text.matchAll(cited)) {
      const name = m[1] ?? m[2]!;
      add([table.get(name)!], m.index, m.index + m[0].length);
    }
  }

  // One credit per (wire, position), in text order.
  const seen = new Set<string>();
  return credits
    .sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(a.wire, b.wire))
    .filter((c) => {
      const key = `${c.wire}\u0000${c.start}\u0000${c.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

// ---------------------------------------------------------------------------------------------
// Pairs
// ---------------------------------------------------------------------------------------------

interface Indexed {
  id: string;
  text: string;
  prose: ProseIndex;
  credits: WireCredit[];
  wires: Set<string>;
}

/** Covered words → character spans, one per unbroken stretch (a quote breaks a stretch). */
function coveredSpans(prose: ProseIndex, covered: Uint8Array): TextRange[] {
  const spans: TextRange[] = [];
  const n = prose.starts.length;
  let i = 0;
  while (i < n) {
    if (!covered[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && covered[j + 1] && prose.segments[j + 1] === prose.segments[i]) j++;
    spans.push({ start: prose.starts[i]!, end: prose.ends[j]! });
    i = j + 1;
  }
  return spans;
}

function coverage(report: Indexed, shared: Int32Array, k: number): { covered: number; spans: TextRange[] } {
  const { prose } = report;
  const mark = new Uint8Array(prose.starts.length);
  if (shared.length === 0) return { covered: 0, spans: [] };
  for (let i = 0; i < prose.hashes.length; i++) {
    if (prose.valid[i] && sortedHas(shared, prose.hashes[i]!)) mark.fill(1, i, i + k);
  }
  let covered = 0;
  for (const m of mark) covered += m;
  return { covered, spans: coveredSpans(prose, mark) };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/**
 * Pair keys (a·n + b, a < b) of reports that share a shingle held by at most `maxPostings`
 * reports, sorted and distinct; and the shingles held by more (boilerplate). One (hash, report)
 * entry per shingle occurrence, radix-sorted so equal shingles sit together.
 */
function sharingPairs(indexed: readonly Indexed[], maxPostings: number, storyOf: Int32Array | null): { keys: Float64Array; boilerplate: Set<number> } {
  const n = indexed.length;
  let occurrences = 0;
  for (const report of indexed) occurrences += report.prose.distinct.length;
  const hashes = new Uint32Array(occurrences);
  const owners = new Int32Array(occurrences);
  let at = 0;
  indexed.forEach((report, index) => {
    for (const h of report.prose.distinct) {
      hashes[at] = h >>> 0;
      owners[at++] = index;
    }
  });
  const sorted = radixSortPairs(hashes, owners);
  const boilerplate = new Set<number>();
  const keys = new PairKeys();
  for (let i = 0; i < occurrences; ) {
    let j = i + 1;
    while (j < occurrences && sorted.keys[j] === sorted.keys[i]) j++;
    // Each report's shingles are distinct and reports were entered in order: the run is ascending.
    const size = j - i;
    if (size > maxPostings) boilerplate.add(sorted.keys[i]! | 0);
    else if (size >= 2) {
      for (let x = i; x < j; x++) {
        const a = sorted.values[x]!;
        for (let y = x + 1; y < j; y++) {
          const b = sorted.values[y]!;
          if (storyOf === null || storyOf[a] === storyOf[b] || storyOf[a]! < 0 || storyOf[b]! < 0) keys.add(a * n + b);
        }
      }
    }
    i = j;
  }
  return { keys: keys.done(), boilerplate };
}

/** A growing list of pair keys, kept distinct by sorting whenever it fills up. */
/** Two sorted lists of distinct numbers merged into one, sorted and distinct. */
function mergeDistinct(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (n === 0 || out[n - 1] !== next) out[n++] = next;
  }
  return out.subarray(0, n);
}

class PairKeys {
  private data = new Float64Array(1 << 16);
  private size = 0;
  private compacted = 0;

  add(key: number): void {
    if (this.size === this.data.length) {
      this.compact();
      if (this.size > this.data.length / 2) {
        const grown = new Float64Array(this.data.length * 2);
        grown.set(this.data.subarray(0, this.size));
        this.data = grown;
      }
    }
    this.data[this.size++] = key;
  }

  private compact(): void {
    const view = this.data.subarray(0, this.size).sort();
    let out = 0;
    for (let i = 0; i < view.length; i++) if (i === 0 || view[i] !== view[i - 1]) view[out++] = view[i]!;
    this.size = out;
    this.compacted = out;
  }

  done(): Float64Array {
    if (this.compacted !== this.size) this.compact();
    return this.data.slice(0, this.size);
  }
}

/**
 * Finds which reports copy each other, from their text. Each report's prose (quoted passages
 * removed: two outlets quoting one statement share its words legitimately) is cut into
 * overlapping word shingles (8 words by default), hashed and sorted so that equal shingles sit
 * together — only pairs that share a shingle are ever looked at, never all pairs. A pair's text score is
 * the larger of the two shares of a report's prose words covered by shingles the other also has
 * (1 = one report is wholly inside the other). Crediting the same wire agency
 * ({@link wireCredits}) adds `wireCreditScore` as a noisy-or: `1 - (1 - text)(1 - credit)`.
 * Reports without `text` take no part. Returns every pair with any evidence, sorted by ids;
 * {@link reconcile} keeps those at or above `threshold`. `stories` (report id → story, from the
 * story gate; reconcile() passes it when the input tells several stories): reports of two
 * different stories are never paired — shared wording between them is a template, and a
 * shared wire credit says only that both carry that agency's copy of different events.
 *
 * @example
 * const pairs = findDependence([
 *   { id: 'a', text: 'Rescue teams worked through the night to reach the eleven miners trapped near the old shaft. (PTI)' },
 *   { id: 'b', text: 'Rescue teams worked through the night to reach the eleven miners trapped near the old shaft, officials said.' },
 * ]);
 * pairs[0].reports; // ['a', 'b']
 * pairs[0].score;   // 0.9412: 16 of a's 17 words are in b
 * pairs[0].shared;  // [{ report: 'a', kind: 'wording', text: 'Rescue teams … old shaft', start: 0, end: 91 }, { report: 'b', … }]
 */
export function findDependence(
  reports: readonly DependenceInput[],
  options: DependenceOptions = {},
  stories?: ReadonlyMap<string, number> | null,
): DependentPair[] {
  const k = Math.max(1, Math.floor(options.shingleWords ?? DEFAULT_DEPENDENCE.shingleWords));
  const maxPostings = options.maxPostings ?? DEFAULT_DEPENDENCE.maxPostings;
  const maxEvidence = options.maxEvidence ?? DEFAULT_DEPENDENCE.maxEvidence;
  const minShared = options.minSharedWords ?? DEFAULT_DEPENDENCE.minSharedWords;
  const creditScore = options.wireCreditScore ?? DEFAULT_DEPENDENCE.wireCreditScore;
  const { table } = wireSetup(options.wires);

  const indexed: Indexed[] = reports
    .filter((r): r is typeof r & { text: string } => typeof r.text === 'string')
    .sort((a, b) => compareStrings(a.id, b.id))
    .map((r) => {
      const credits = wireCredits(r.text, options.wires);
      const wires = new Set(credits.map((c) => c.wire));
      // A report published by a wire agency depends on that agency's copy too.
      const source = typeof r.source === 'string' ? { id: r.source } : (r.source ?? { id: '' });
      const name = source.name ?? source.id;
      const own = table.get(name) ?? table.get(source.id) ?? (source.kind === 'wire' ? name : undefined);
      if (own) wires.add(own);
      return { id: r.id, text: r.text, prose: proseIndex(r.text, k), credits, wires };
    });

  const n = indexed.length;
  // Story by report index (-1: none known). Reports of two different stories that share wording
  // share a template ("…, district officials said. The injured were taken to the"), not facts:
  // such pairs are dropped as they are found.
  const storyOf = stories ? Int32Array.from(indexed, (r) => stories.get(r.id) ?? -1) : null;
  const { keys: wordingKeys, boilerplate } = sharingPairs(indexed, maxPostings, storyOf);
  // Pairs that credit a common wire, through an index from wire (and story) to reports: two
  // reports crediting PTI are one wire's copy only when they tell one story — a day's news holds
  // hundreds of PTI reports about different events, and pairing them all grows with the square.
  const byWire = new Map<string, number[]>();
  indexed.forEach((report, index) => {
    const story = stories === undefined || stories === null ? 0 : stories.get(report.id);
    if (story === undefined) return;
    for (const wire of report.wires) {
      const bucket = `${wire}\u0000${story}`;
      const list = byWire.get(bucket);
      if (list) list.push(index);
      else byWire.set(bucket, [index]);
    }
  });
  const wiresByPair = new Map<number, Set<string>>();
  for (const [bucket, list] of byWire) {
    const wire = bucket.slice(0, bucket.indexOf('\u0000'));
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x]! * n + list[y]!;
        let set = wiresByPair.get(key);
        if (!set) wiresByPair.set(key, (set = new Set()));
        set.add(wire);
      }
    }
  }

  const creditKeys = Float64Array.from(wiresByPair.keys()).sort();
  const keys = mergeDistinct(wordingKeys, creditKeys);
  const pairs: DependentPair[] = [];
  for (const key of keys) {
    const a = indexed[Math.floor(key / n)]!;
    const b = indexed[key % n]!;
    const shared = sharedHashes(a.prose.distinct, b.prose.distinct, boilerplate);
    const wires = [...(wiresByPair.get(key) ?? [])].sort(compareStrings);
    let ca = coverage(a, shared, k);
    let cb = coverage(b, shared, k);
    if (Math.max(ca.covered, cb.covered) < minShared) {
      if (!wires.length) continue; // a shared name or stock phrase: no evidence of copying
      ca = { covered: 0, spans: [] };
      cb = { covered: 0, spans: [] };
    }
    const wa = a.prose.starts.length;
    const wb = b.prose.starts.length;
    const textScore = Math.max(wa ? ca.covered / wa : 0, wb ? cb.covered / wb : 0);
    const score = 1 - (1 - textScore) * (1 - (wires.length ? creditScore : 0));
    const evidence = (report: Indexed, spans: readonly TextRange[]): SharedEvidence[] => {
      const kept = [...spans]
        .sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start)
        .slice(0, maxEvidence)
        .map((span) => ({ ...span, kind: 'wording' as const }));
      const credits = report.credits.filter((c) => wires.includes(c.wire)).map((c) => ({ start: c.start, end: c.end, kind: 'credit' as const }));
      const all = [...kept, ...credits].sort((x, y) => x.start - y.start || x.end - y.end || compareStrings(x.kind, y.kind));
      const out: SharedEvidence[] = [];
      for (const span of all) {
        const last = out[out.length - 1];
        if (last && last.start === span.start && last.end === span.end) continue;
        out.push({ report: report.id, kind: span.kind, text: report.text.slice(span.start, span.end), start: span.start, end: span.end });
      }
      return out;
    };
    pairs.push({
      reports: [a.id, b.id],
      score: round(Math.min(1, Math.max(0, score))),
      wires,
      shared: [...evidence(a, ca.spans), ...evidence(b, cb.spans)],
      spans: new Map([
        [a.id, ca.spans],
        [b.id, cb.spans],
      ]),
    });
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------------
// Witnesses: which claims count once
// ---------------------------------------------------------------------------------------------

/** Where a claim stands in its report's text: its sentence when known, else its evidence. */
export interface ClaimLocation {
  report: string;
  sourceId: string;
  start?: number;
  end?: number;
}

function overlapsAny(spans: readonly TextRange[] | undefined, start: number, end: number): boolean {
  if (!spans) return false;
  // Spans are sorted and disjoint: binary search for the first ending after start.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const span = spans[lo];
  return span !== undefined && span.start < Math.max(end, start + 1);
}

/**
 * Which claims are one witness. Claims of one source always are. Claims of two dependent
 * reports (score ≥ `threshold`) are when their values do not conflict (a report that disagrees
 * with the one it copies from speaks for itself on that fact) and either the two reports are
 * copies of one story (score ≥ `copyScore`, or a common wire credit) or both claims stand in
 * wording the two reports share. So two reports that share a couple of sentences (the
 * seed articles) count once for what is in those sentences, and twice for what each wrote itself.
 *
 * @example
 * const witnesses = new WitnessIndex(findDependence(reports), options);
 * witnesses.dependent('a', 'b'); // true
 */
export class WitnessIndex {
  private readonly pairs = new Map<string, DependentPair>();
  private readonly partners = new Map<string, string[]>();
  private readonly threshold: number;
  private readonly copyScore: number;

  constructor(pairs: readonly DependentPair[], options: DependenceOptions = {}) {
    this.threshold = options.threshold ?? DEFAULT_DEPENDENCE.threshold;
    this.copyScore = options.copyScore ?? DEFAULT_DEPENDENCE.copyScore;
    for (const pair of pairs) {
      if (pair.score < this.threshold) continue;
      this.pairs.set(`${pair.reports[0]}\u0000${pair.reports[1]}`, pair);
      for (const [a, b] of [pair.reports, [pair.reports[1], pair.reports[0]]]) {
        const list = this.partners.get(a!);
        if (list) list.push(b!);
        else this.partners.set(a!, [b!]);
      }
    }
  }

  /** The reports dependent on this one. */
  partnersOf(report: string): readonly string[] {
    return this.partners.get(report) ?? [];
  }

  /** The dependence entry of two reports (any order), when they are dependent. */
  pair(a: string, b: string): DependentPair | undefined {
    return this.pairs.get(compareStrings(a, b) <= 0 ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  }

  /** Whether two reports are dependent (score at or above the threshold). */
  dependent(a: string, b: string): boolean {
    return this.pair(a, b) !== undefined;
  }

  /**
   * Whether two claims whose values do not conflict count as one witness. The caller checks
   * the values; this checks the sources and the copying.
   */
  sameWitness(a: ClaimLocation, b: ClaimLocation): boolean {
    if (a.sourceId === b.sourceId) return true;
    if (a.report === b.report) return true;
    const pair = this.pair(a.report, b.report);
    if (!pair) return false;
    if (pair.score >= this.copyScore || pair.wires.length > 0) return true;
    if (a.start === undefined || b.start === undefined) return false;
    return (
      overlapsAny(pair.spans.get(a.report), a.start, a.end ?? a.start) && overlapsAny(pair.spans.get(b.report), b.start, b.end ?? b.start)
    );
  }

  /** The dependent pairs as the result lists them. */
  listed(): Dependence[] {
    return [...this.pairs.values()]
      .sort((x, y) => compareStrings(x.reports[0], y.reports[0]) || compareStrings(x.reports[1], y.reports[1]))
      .map(({ reports, score, wires, shared }) => ({ reports: [reports[0], reports[1]], score, wires, shared }));
  }
}
