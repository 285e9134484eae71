/**
 * Facts the user already verified — semi-supervised truth discovery after J. Pasternack, D. Roth,
 * "Knowing What to Believe (when you already know something)", COLING 2010: a fact-finder's
 * beliefs are made consistent with prior knowledge in every round, so trust is learned against
 * what is known. Here the prior knowledge is a set of facts (subject, attribute, value):
 *
 * - A known item's truth is fixed. A claim of class d of that item is right with the credit κ(d):
 *   1 when it equals the known value (after `normalize`) or lies within tolerance of it, |d| / |k|
 *   when it is a proper part of the known list k (the weight a sub-list gives the list it is part
 *   of, problem.ts), 0 otherwise.
 * - Each method fixes the known items in every round (probability, confidence or belief κ) and
 *   starts each source's trust from its agreement with the known facts, smoothed with Laplace
 *   pseudo-counts: Â(s) = (agree + m·A₀) / (known + m), m = 2, A₀ the method's prior (for a
 *   method without one, ½: (agree + 1) / (known + 2)). Methods that learn per attribute shrink
 *   the per-attribute agreement towards Â(s) the same way.
 *
 * Known facts about items that no claim mentions are ignored (nothing to learn from them, nothing
 * to fuse). Nothing here runs without known facts: the methods then do exactly what they do
 * unsupervised.
 */
import { jsonIssue } from '../json-check.js';
import { CorroborateError } from '../model/index.js';
import { compareStrings, stableStringify } from '../values/canonical.js';
import type { Problem } from './problem.js';
import type { KnownFact } from './types.js';
import { KIND_NUMBER, KIND_OTHER, KIND_TIME, analyzeValue, type ValueInfo } from './values.js';

/** Laplace pseudo-counts: a source's known accuracy starts at its prior and moves with each known fact. */
export const KNOWN_PSEUDO_COUNT = 2;

/**
 * Known facts resolved against a {@link Problem}.
 *
 * @example
 * const k: Known | null = resolveKnown(problem, facts, { timeToleranceMinutes: 10, relativeTolerance: 0, listSubsets: true });
 */
export interface Known {
  /** Known item ids, ascending. */
  items: Int32Array;
  /** Per item: 1 when its value is known. */
  itemKnown: Uint8Array;
  /** Per class: 1 when it belongs to a known item. */
  classKnown: Uint8Array;
  /** Per class of a known item: κ, how far a claim of it is right; 0 for classes of other items. */
  credit: Float64Array;
  /** Per item: the class equal to the known value, −1 when none is (or the item is not known). */
  exact: Int32Array;
  /** Per item: the known value's position when it is a time, or a number in the unit of the item's values; NaN otherwise. */
  x: Float64Array;
  /** Per known item: the value as the user gave it. */
  values: Map<number, unknown>;
}

/** A checked known fact, with its index in the input. */
export interface CheckedFact extends KnownFact {
  index: number;
}

function invalid(path: (string | number)[], message: string, code = 'invalid_type'): CorroborateError {
  return new CorroborateError('Invalid fuse options', [{ path: ['options', 'known', ...path], message, code }]);
}

/**
 * Checks one known fact; throws CorroborateError with the path `['options', 'known', index, field]`.
 *
 * @example
 * checkKnownFact({ subject: 'AA-1007', attribute: 'gate', value: 'F78' }, 0);
 */
export function checkKnownFact(fact: unknown, index: number): CheckedFact {
  if (fact === null || typeof fact !== 'object' || Array.isArray(fact)) throw invalid([index], 'a known fact must be an object { subject, attribute, value }');
  const { subject, attribute, value } = fact as Partial<KnownFact>;
  if (typeof subject !== 'string') throw invalid([index, 'subject'], 'must be a string');
  if (typeof attribute !== 'string') throw invalid([index, 'attribute'], 'must be a string');
  if (value === undefined) throw invalid([index, 'value'], 'is required');
  const problem = typeof value === 'string' || typeof value === 'number' ? null : jsonIssue(value, [index, 'value']);
  if (problem) throw invalid(problem.path, problem.message, problem.code);
  const info = analyzeValue(value);
  if (typeof info === 'string') throw invalid([index, 'value'], info, 'invalid_value');
  return { subject, attribute, value, index };
}

/**
 * Checks `options.known`: an iterable (not a string) of facts.
 *
 * @example
 * const facts = checkKnown([{ subject: 'AA-1007', attribute: 'gate', value: 'F78' }]);
 */
export function checkKnown(known: unknown): CheckedFact[] {
  if (known === null || typeof known !== 'object' || typeof (known as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function') {
    throw invalid([], `expected an array (or iterable) of { subject, attribute, value }, received ${known === null ? 'null' : typeof known}`);
  }
  const out: CheckedFact[] = [];
  for (const fact of known as Iterable<unknown>) out.push(checkKnownFact(fact, out.length));
  return out;
}

/**
 * What {@link resolveKnown} needs from the options.
 *
 * @example
 * const options: KnownOptions = { timeToleranceMinutes: 10, relativeTolerance: 0, listSubsets: true };
 */
export interface KnownOptions {
  timeToleranceMinutes: number;
  relativeTolerance: number;
  listSubsets: boolean;
  normalize?: ((value: unknown) => unknown) | undefined;
}

/** The item id of (subject, attribute): items are sorted by subject, then attribute. −1 if absent. */
function findItem(p: Problem, subject: string, attribute: string): number {
  let lo = 0;
  let hi = p.itemSubjects.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = compareStrings(p.itemSubjects[mid]!, subject) || compareStrings(p.itemAttributes[mid]!, attribute);
    if (d === 0) return mid;
    if (d < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The distinct elements of a non-empty list, by canonical JSON; null for anything else. */
function elementSet(value: unknown): Set<string> | null {
  return Array.isArray(value) && value.length > 0 ? new Set(value.map((e) => stableStringify(e))) : null;
}

/** Equal values in the sense of classes: same canonical JSON, or the same number (unit) or instant. */
function sameValue(a: ValueInfo, b: ValueInfo): boolean {
  return a.kind === b.kind && a.domain === b.domain && (a.kind === KIND_OTHER ? a.key === b.key : a.x === b.x);
}

/**
 * Matches the facts to the problem's items and computes κ for every class of a known item. Null
 * when no fact names an item of the problem (the methods then run unsupervised). Two facts with
 * different values for one item throw CorroborateError (path of the later one).
 *
 * @example
 * const known = resolveKnown(problem, checkKnown(options.known), { timeToleranceMinutes: 10, relativeTolerance: 0, listSubsets: true });
 */
export function resolveKnown(p: Problem, facts: readonly CheckedFact[], options: KnownOptions): Known | null {
  const nItems = p.itemSubjects.length;
  const nClasses = p.classRep.length;
  const timeTol = options.timeToleranceMinutes * 60_000;
  const relTol = options.relativeTolerance;
  const byItem = new Map<number, { fact: CheckedFact; info: ValueInfo; compared: unknown }>();
  for (const fact of facts) {
    const item = findItem(p, fact.subject, fact.attribute);
    if (item < 0) continue;
    const compared = options.normalize ? options.normalize(fact.value) : fact.value;
    const info = analyzeValue(compared);
    if (typeof info === 'string') throw invalid([fact.index, 'value'], `after normalize: ${info}`, 'invalid_value');
    const seen = byItem.get(item);
    if (seen) {
      if (!sameValue(seen.info, info)) throw invalid([fact.index, 'value'], `differs from known[${seen.fact.index}], a fact for the same subject and attribute`, 'invalid_value');
      continue;
    }
    byItem.set(item, { fact, info, compared });
  }
  if (byItem.size === 0) return null;

  const items = Int32Array.from(byItem.keys()).sort();
  const itemKnown = new Uint8Array(nItems);
  const classKnown = new Uint8Array(nClasses);
  const credit = new Float64Array(nClasses);
  const exact = new Int32Array(nItems).fill(-1);
  const x = new Float64Array(nItems).fill(Number.NaN);
  const values = new Map<number, unknown>();
  for (const i of items) {
    const { fact, info, compared } = byItem.get(i)!;
    itemKnown[i] = 1;
    values.set(i, fact.value);
    if (info.kind !== KIND_OTHER) x[i] = info.x;
    const knownSet = options.listSubsets && info.kind === KIND_OTHER ? elementSet(compared) : null;
    for (let c = p.itemClassStart[i]!; c < p.itemClassStart[i + 1]!; c++) {
      classKnown[c] = 1;
      const value = p.compared[p.classRep[c]!];
      const ci = analyzeValue(value) as ValueInfo; // every claimed value was checked when it was added
      if (sameValue(ci, info)) {
        exact[i] = c;
        credit[c] = 1;
      } else if (ci.kind === KIND_TIME && info.kind === KIND_TIME) {
        credit[c] = Math.abs(ci.x - info.x) <= timeTol ? 1 : 0;
      } else if (ci.kind === KIND_NUMBER && info.kind === KIND_NUMBER && ci.domain === info.domain) {
        credit[c] = Math.abs(ci.x - info.x) <= relTol * Math.max(Math.abs(ci.x), Math.abs(info.x)) ? 1 : 0;
      } else if (knownSet !== null && ci.kind === KIND_OTHER) {
        const part = elementSet(value);
        // A part of the known list is right in part (|part| / |list|); the same set in another order fully.
        if (part !== null && part.size <= knownSet.size && [...part].every((e) => knownSet.has(e))) credit[c] = part.size / knownSet.size;
      }
    }
    // x is the known position only where it compares with the item's values (CRH's distance).
    const first = p.itemClassStart[i]!;
    if (p.itemClassStart[i + 1]! > first) {
      const ci = analyzeValue(p.compared[p.classRep[first]!]) as ValueInfo;
      if (ci.kind !== info.kind || ci.domain !== info.domain) x[i] = Number.NaN;
    }
  }
  return { items, itemKnown, classKnown, credit, exact, x, values };
}

/**
 * Sets `perClass` to κ on every class of a known item (the known truth, in every round).
 *
 * @example
 * computeCredits(); fixKnown(problem, known, credit);
 */
export function fixKnown(p: Problem, k: Known, perClass: Float64Array): void {
  for (const i of k.items) for (let c = p.itemClassStart[i]!; c < p.itemClassStart[i + 1]!; c++) perClass[c] = k.credit[c]!;
}

/**
 * Each source's agreement with the known facts, Laplace-smoothed towards `prior`:
 * Â(s) = (agree + m·prior) / (known + m), m = {@link KNOWN_PSEUDO_COUNT}, where known counts the
 * known items the source claims (once per item) and agree sums κ of its claims. With `groups` > 1
 * (one group per attribute) also Â(s, a) = (agree_a + m·Â(s)) / (known_a + m), at `s·groups + a`.
 *
 * @example
 * const { overall, perGroup } = knownAccuracy(problem, known, 0.8, problem.attributeNames.length);
 */
export function knownAccuracy(p: Problem, k: Known, prior: number, groups = 1): { overall: Float64Array; perGroup: Float64Array } {
  const nSources = p.sourceNames.length;
  const agree = new Float64Array(nSources * groups);
  const total = new Float64Array(nSources * groups);
  for (const i of k.items) {
    const g = groups > 1 ? p.itemAttribute[i]! : 0;
    for (let c = p.itemClassStart[i]!; c < p.itemClassStart[i + 1]!; c++) {
      for (let o = p.classObsStart[c]!; o < p.classObsStart[c + 1]!; o++) {
        const slot = p.obsSource[o]! * groups + g;
        agree[slot]! += p.obsWeight[o]! * k.credit[c]!;
        total[slot]! += p.obsWeight[o]!;
      }
    }
  }
  const m = KNOWN_PSEUDO_COUNT;
  const overall = new Float64Array(nSources);
  const perGroup = new Float64Array(nSources * groups);
  for (let s = 0; s < nSources; s++) {
    let a = 0;
    let t = 0;
    for (let g = 0; g < groups; g++) {
      a += agree[s * groups + g]!;
      t += total[s * groups + g]!;
    }
    overall[s] = (a + m * prior) / (t + m);
    for (let g = 0; g < groups; g++) perGroup[s * groups + g] = groups > 1 ? (agree[s * groups + g]! + m * overall[s]!) / (total[s * groups + g]! + m) : overall[s]!;
  }
  return { overall, perGroup };
}
