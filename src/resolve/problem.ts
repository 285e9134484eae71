/**
 * The fusion problem in flat typed arrays: items, their value classes (equal values grouped),
 * observations (class, source, weight) and implications between the classes of an item (a claim
 * within tolerance of a value, or a part of a list, supports it). Ids follow a canonical order —
 * sources and items sorted by name, classes by value — so every method computes the same sums in
 * the same order whatever order the claims came in.
 */
import { CorroborateError } from '../model/index.js';
import { compareStrings, stableStringify } from '../values/canonical.js';
import type { ClaimTable } from './table.js';
import { KIND_NUMBER, KIND_OTHER, KIND_TIME, analyzeValue, type ValueInfo } from './values.js';

/**
 * A fusion problem. Item i owns classes `itemClassStart[i] .. itemClassStart[i+1]`; class c owns
 * observations `classObsStart[c] .. classObsStart[c+1]`, sorted by source. A source that names k
 * distinct classes of one item observes each with weight 1/k, so it counts once per item.
 *
 * @example
 * const p: Problem = buildProblem(table, { timeToleranceMinutes: 0, relativeTolerance: 0 });
 * for (let c = p.itemClassStart[0]; c < p.itemClassStart[1]; c++) console.log(p.values[p.classRep[c]]);
 */
export interface Problem {
  sourceNames: string[];
  itemSubjects: string[];
  itemAttributes: string[];
  itemClassStart: Int32Array;
  classObsStart: Int32Array;
  obsSource: Int32Array;
  obsWeight: Float64Array;
  /** KIND_NUMBER, KIND_TIME or KIND_OTHER. */
  classKind: Uint8Array;
  /** Position of a number or time class (its representative's value); NaN otherwise. */
  classX: Float64Array;
  /** Unit id of a number class (classes of different units never merge); 0 otherwise. */
  classDomain: Int32Array;
  /** The representative original value (index into `values`). */
  classRep: Int32Array;
  /** 1 when every class of the item is a number of one unit, or every class a time: CRH takes a weighted median there. */
  itemContinuous: Uint8Array;
  /** Items each source covers (sum of its observation weights). */
  sourceCoverage: Float64Array;
  /** Per item: how many distinct sources claim a value for it (the sum of its observation weights). */
  itemSources: Float64Array;
  /** Distinct attributes, sorted, and each item's index into them (methods may learn trust per attribute). */
  attributeNames: string[];
  itemAttribute: Int32Array;
  /**
   * Implication between the values of one item: candidate class c is supported by the claims of
   * classes `implClass[implStart[c] .. implStart[c+1]]` (c itself, and in class order any value
   * within tolerance of it, or a list whose elements are all in it), each with the weight
   * `implWeight` in (0, 1] (1 for itself, for values within tolerance and for the same set of
   * elements in another order; |d| / |c| for a proper sub-list).
   */
  implStart: Int32Array;
  implClass: Int32Array;
  implWeight: Float64Array;
  /** Original values (as first seen) and the value each is compared by (after `normalize`). */
  values: readonly unknown[];
  compared: readonly unknown[];
  claims: number;
}

/**
 * What {@link buildProblem} needs from the options.
 *
 * @example
 * const options: ProblemOptions = { timeToleranceMinutes: 10, relativeTolerance: 0.01 };
 */
export interface ProblemOptions {
  timeToleranceMinutes: number;
  relativeTolerance: number;
  normalize?: ((value: unknown) => unknown) | undefined;
  sources?: readonly string[] | undefined;
  /** A list claim supports every candidate list whose elements include all of its own (weight |claim| / |candidate|). Default true. */
  listSubsets?: boolean | undefined;
}

/** Ranks of `names` in UTF-16 order: rank[id]. */
function rankStrings(names: readonly string[]): Int32Array {
  const order = names.map((_, i) => i).sort((a, b) => compareStrings(names[a] as string, names[b] as string));
  const rank = new Int32Array(names.length);
  order.forEach((id, r) => (rank[id] = r));
  return rank;
}

/** Stable counting sort of `perm` by `key[perm[j]]` (keys in 0..buckets-1). */
function countingSort(perm: Int32Array, key: Int32Array, buckets: number): Int32Array {
  const count = new Int32Array(buckets + 1);
  for (let j = 0; j < perm.length; j++) count[(key[perm[j]!] as number) + 1]!++;
  for (let b = 0; b < buckets; b++) count[b + 1]! += count[b]!;
  const out = new Int32Array(perm.length);
  for (let j = 0; j < perm.length; j++) {
    const p = perm[j]!;
    out[count[key[p]!]!++] = p;
  }
  return out;
}

/**
 * Groups the table's claims into value classes per item, and lists what supports each class.
 *
 * Classes: values of kind "other" are one class when their canonical JSON (after `normalize`) is
 * equal; numbers (per unit) and times when they are equal (one instant in two offsets is one
 * class). Tolerance does not merge classes: every claimed value stays a candidate, and with a
 * tolerance (times: `timeToleranceMinutes`; numbers: `relativeTolerance` × the larger magnitude)
 * each candidate is supported by the claims within tolerance of it (`implStart`). Hard groups
 * would have to pick centres, and a claim near the edge of a group would count for it and not
 * for the value 2 minutes away on its other side; here nearby values support each other and
 * nothing chains (14:00 and 14:16 never support each other at ±10 through 14:08). List values
 * (JSON arrays, as sets of elements) support the lists they are a proper part of, with weight
 * |part| / |list|, and the same set in another order fully (`listSubsets`).
 *
 * @example
 * const problem = buildProblem(table, { timeToleranceMinutes: 10, relativeTolerance: 0 });
 */
export function buildProblem(table: ClaimTable, options: ProblemOptions): Problem {
  const nClaims = table.size;
  const claimSource = table.claimSources;
  const claimItem = table.claimItems;
  const claimValue = table.claimValues;

  // Sources: the table's plus any listed in options, ranked by name.
  const sourceNames = [...table.sourceNames];
  const known = new Set(sourceNames);
  for (const s of options.sources ?? []) {
    if (!known.has(s)) {
      known.add(s);
      sourceNames.push(s);
    }
  }
  const sourceRank = rankStrings(sourceNames);
  const sortedSources = new Array<string>(sourceNames.length);
  sourceNames.forEach((name, id) => (sortedSources[sourceRank[id]!] = name));
  const nSources = sourceNames.length;

  // Items ranked by subject, then attribute.
  const nItems = table.itemSubjects.length;
  const subjects = table.itemSubjects;
  const attributes = table.itemAttributes;
  const itemOrder = Array.from({ length: nItems }, (_, i) => i).sort(
    (a, b) => compareStrings(subjects[a] as string, subjects[b] as string) || compareStrings(attributes[a] as string, attributes[b] as string),
  );
  const itemRank = new Int32Array(nItems);
  itemOrder.forEach((id, r) => (itemRank[id] = r));

  // How each distinct value compares (normalize runs once per distinct value).
  const nValues = table.values.length;
  let infos: readonly ValueInfo[] = table.valueInfos;
  let compared: readonly unknown[] = table.values;
  if (options.normalize) {
    const normalize = options.normalize;
    const normalized = table.values.map((v) => normalize(v));
    infos = normalized.map((v, id) => {
      const info = analyzeValue(v);
      if (typeof info === 'string') {
        throw new CorroborateError('Invalid claim', [{ path: [table.valueFirstIndex[id] as number, 'value'], message: `after normalize: ${info}`, code: 'invalid_value' }]);
      }
      return info;
    });
    compared = normalized;
  }
  const domainNames = [...new Set(infos.map((i) => i.domain))];
  const domainRankOf = new Map<string, number>();
  [...domainNames].sort(compareStrings).forEach((d, r) => domainRankOf.set(d, r));

  // Canonical order of values: kind, unit, position (numbers, times) or canonical JSON, then original JSON.
  const kind = new Uint8Array(nValues);
  const x = new Float64Array(nValues);
  const domain = new Int32Array(nValues);
  for (let v = 0; v < nValues; v++) {
    const info = infos[v] as ValueInfo;
    kind[v] = info.kind;
    x[v] = info.x;
    domain[v] = domainRankOf.get(info.domain) as number;
  }
  const keys = table.valueKeys;
  const valueOrder = Array.from({ length: nValues }, (_, v) => v).sort((a, b) => {
    const ka = kind[a] as number;
    const kb = kind[b] as number;
    if (ka !== kb) return ka - kb;
    if (ka === KIND_OTHER) return compareStrings((infos[a] as ValueInfo).key, (infos[b] as ValueInfo).key) || compareStrings(keys[a] as string, keys[b] as string);
    const da = domain[a] as number;
    const db = domain[b] as number;
    if (da !== db) return da - db;
    const xa = x[a] as number;
    const xb = x[b] as number;
    return xa < xb ? -1 : xa > xb ? 1 : compareStrings(keys[a] as string, keys[b] as string);
  });
  const valueRank = new Int32Array(nValues);
  valueOrder.forEach((v, r) => (valueRank[v] = r));
  // Claims keyed by ranks, then sorted by item, then value.
  const claimValueRank = new Int32Array(nClaims);
  const claimItemRank = new Int32Array(nClaims);
  for (let j = 0; j < nClaims; j++) {
    claimValueRank[j] = valueRank[claimValue[j]!]!;
    claimItemRank[j] = itemRank[claimItem[j]!]!;
  }
  let perm: Int32Array = new Int32Array(nClaims);
  for (let j = 0; j < nClaims; j++) perm[j] = j;
  perm = countingSort(perm, claimValueRank, nValues);
  perm = countingSort(perm, claimItemRank, nItems);

  const timeTol = options.timeToleranceMinutes * 60_000;
  const relTol = options.relativeTolerance;
  const itemClassStart = new Int32Array(nItems + 1);
  const classObsStart = new Int32Array(nClaims + 1);
  const obsSource = new Int32Array(nClaims);
  const obsWeight = new Float64Array(nClaims);
  const classKind = new Uint8Array(nClaims);
  const classX = new Float64Array(nClaims);
  const classDomain = new Int32Array(nClaims);
  const classRep = new Int32Array(nClaims);
  const itemContinuous = new Uint8Array(nItems);
  const sourceCoverage = new Float64Array(nSources);
  const itemSources = new Float64Array(nItems);
  // Stamps avoid clearing per-source scratch arrays for every class and item.
  const classStamp = new Int32Array(nSources).fill(-1);
  const valueStamp = new Int32Array(nSources).fill(-1);
  const itemStamp = new Int32Array(nSources).fill(-1);
  const classesInItem = new Int32Array(nSources);

  let nClasses = 0;
  let nObs = 0;
  let j = 0;
  for (let item = 0; item < nItems; item++) {
    itemClassStart[item] = nClasses;
    const itemObsStart = nObs;
    let end = j;
    while (end < nClaims && claimItemRank[perm[end]!] === item) end++;
    let prevValue = -1;
    let prevX = Number.NaN;
    let bestRep = -1;
    let bestRepCount = 0;
    let repCount = 0;
    for (; j < end; j++) {
      const claim = perm[j]!;
      const v = claimValue[claim]!;
      const s = sourceRank[claimSource[claim]!]!;
      if (v !== prevValue) {
        // A new original value: same class as the previous one, or the start of a new class?
        let sameClass = false;
        if (prevValue >= 0 && kind[v] === kind[prevValue] && domain[v] === domain[prevValue]) {
          sameClass = kind[v] === KIND_OTHER ? (infos[v] as ValueInfo).key === (infos[prevValue] as ValueInfo).key : x[v] === prevX;
        }
        if (!sameClass) {
          if (nClasses > itemClassStart[item]!) closeClass(nClasses - 1, bestRep);
          classObsStart[nClasses] = nObs;
          classKind[nClasses] = kind[v]!;
          classDomain[nClasses] = kind[v] === KIND_NUMBER ? domain[v]! : 0;
          nClasses++;
          bestRep = -1;
          bestRepCount = 0;
        }
        repCount = 0;
        prevValue = v;
        prevX = x[v]!;
      }
      // The representative: the original value most sources gave, ties to the first in canonical order.
      if (valueStamp[s] !== v) {
        valueStamp[s] = v;
        repCount++;
        if (repCount > bestRepCount) {
          bestRepCount = repCount;
          bestRep = v;
        }
      }
      const c = nClasses - 1;
      if (classStamp[s] !== c) {
        classStamp[s] = c;
        obsSource[nObs++] = s;
        if (itemStamp[s] !== item) {
          itemStamp[s] = item;
          classesInItem[s] = 0;
        }
        classesInItem[s]!++;
      }
    }
    if (nClasses > itemClassStart[item]!) closeClass(nClasses - 1, bestRep);
    // Weights: a source naming k classes of this item gives each 1/k.
    for (let o = itemObsStart; o < nObs; o++) {
      const s = obsSource[o]!;
      const k = classesInItem[s]!;
      obsWeight[o] = 1 / k;
      sourceCoverage[s]! += 1 / k;
      itemSources[item]! += 1 / k;
    }
    // Value stamps are per item: the same value id may recur in the next item.
    for (let o = itemObsStart; o < nObs; o++) valueStamp[obsSource[o]!] = -1;
    const first = itemClassStart[item]!;
    let continuous = nClasses - first > 0 && classKind[first] !== KIND_OTHER ? 1 : 0;
    for (let c = first + 1; c < nClasses && continuous; c++) {
      if (classKind[c] !== classKind[first] || classDomain[c] !== classDomain[first]) continuous = 0;
    }
    itemContinuous[item] = continuous;
  }
  itemClassStart[nItems] = nClasses;
  classObsStart[nClasses] = nObs;

  function closeClass(c: number, rep: number): void {
    classRep[c] = rep;
    classX[c] = kind[rep] === KIND_OTHER ? Number.NaN : (x[rep] as number);
    // Claims arrive by value, so a class of several values needs its sources sorted.
    const start = classObsStart[c]!;
    if (nObs - start > 1) obsSource.subarray(start, nObs).sort();
  }

  const itemSubjects = itemOrder.map((id) => subjects[id] as string);
  const itemAttributes = itemOrder.map((id) => attributes[id] as string);
  const attributeNames = [...new Set(itemAttributes)].sort(compareStrings);
  const attributeIndex = new Map(attributeNames.map((a, k) => [a, k]));
  const itemAttribute = Int32Array.from(itemAttributes, (a) => attributeIndex.get(a) as number);
  const classes = {
    itemClassStart,
    classKind: classKind.subarray(0, nClasses),
    classX: classX.subarray(0, nClasses),
    classDomain: classDomain.subarray(0, nClasses),
    classRep: classRep.subarray(0, nClasses),
  };
  const impl = buildImplications(classes, compared, timeTol, relTol, options.listSubsets ?? true);

  return {
    sourceNames: sortedSources,
    itemSubjects,
    itemAttributes,
    itemClassStart,
    classObsStart: classObsStart.slice(0, nClasses + 1),
    obsSource: obsSource.slice(0, nObs),
    obsWeight: obsWeight.slice(0, nObs),
    classKind: classKind.slice(0, nClasses),
    classX: classX.slice(0, nClasses),
    classDomain: classDomain.slice(0, nClasses),
    classRep: classRep.slice(0, nClasses),
    itemContinuous,
    sourceCoverage,
    itemSources,
    attributeNames,
    itemAttribute,
    ...impl,
    values: table.values,
    compared,
    claims: nClaims,
  };
}

interface ClassView {
  itemClassStart: Int32Array;
  classKind: Uint8Array;
  classX: Float64Array;
  classDomain: Int32Array;
  classRep: Int32Array;
}

/** A growable Float64Array / Int32Array pair for the implication lists. */
class ImplBuffer {
  cls = new Int32Array(1 << 12);
  weight = new Float64Array(1 << 12);
  length = 0;

  push(c: number, w: number): void {
    if (this.length === this.cls.length) {
      const cls = new Int32Array(this.cls.length * 2);
      cls.set(this.cls);
      this.cls = cls;
      const weight = new Float64Array(this.weight.length * 2);
      weight.set(this.weight);
      this.weight = weight;
    }
    this.cls[this.length] = c;
    this.weight[this.length++] = w;
  }
}

// Past this many list values in one item, sub-lists are not compared (a degenerate item must not cost k²).
const MAX_LIST_CLASSES = 500;

/**
 * The implication lists of {@link Problem}: per candidate class, the classes of its item whose
 * claims support it. Times and numbers: every value within tolerance (a window of the sorted
 * classes). Lists (JSON arrays, compared as sets of their elements' canonical JSON): a proper
 * subset supports the larger list with |subset| / |list| — a source naming only the first author
 * half-supports the pair of authors.
 */
function buildImplications(
  p: ClassView,
  compared: readonly unknown[],
  timeTol: number,
  relTol: number,
  listSubsets: boolean,
): { implStart: Int32Array; implClass: Int32Array; implWeight: Float64Array } {
  const nItems = p.itemClassStart.length - 1;
  const nClasses = p.classRep.length;
  const { itemClassStart, classKind, classX, classDomain, classRep } = p;
  const implStart = new Int32Array(nClasses + 1);
  const out = new ImplBuffer();
  const within = (a: number, c: number, time: boolean): boolean => {
    const d = Math.abs(a - c);
    return time ? d <= timeTol : d <= relTol * Math.max(Math.abs(a), Math.abs(c));
  };
  // Element sets of list values, by value id (computed when an item has two lists or more).
  const elementIds = new Map<string, number>();
  const setsOfValue = new Map<number, Int32Array | null>();
  const setOf = (c: number): Int32Array | null => {
    const v = classRep[c]!;
    let set = setsOfValue.get(v);
    if (set === undefined) {
      const value = compared[v];
      set = null;
      if (Array.isArray(value) && value.length > 0) {
        const ids = value.map((e) => {
          const key = stableStringify(e);
          let id = elementIds.get(key);
          if (id === undefined) elementIds.set(key, (id = elementIds.size));
          return id;
        });
        set = Int32Array.from(new Set(ids)).sort();
      }
      setsOfValue.set(v, set);
    }
    return set;
  };
  for (let i = 0; i < nItems; i++) {
    const start = itemClassStart[i]!;
    const end = itemClassStart[i + 1]!;
    let lists = 0;
    if (listSubsets && end - start > 1 && end - start <= MAX_LIST_CLASSES) {
      for (let c = start; c < end; c++) if (classKind[c] === KIND_OTHER && setOf(c) !== null) lists++;
    }
    for (let c = start; c < end; c++) {
      implStart[c] = out.length;
      const kind = classKind[c]!;
      if (kind !== KIND_OTHER && (timeTol > 0 || relTol > 0)) {
        const time = kind === KIND_TIME;
        let lo = c;
        while (lo > start && classKind[lo - 1] === kind && classDomain[lo - 1] === classDomain[c] && within(classX[lo - 1]!, classX[c]!, time)) lo--;
        let hi = c + 1;
        while (hi < end && classKind[hi] === kind && classDomain[hi] === classDomain[c] && within(classX[hi]!, classX[c]!, time)) hi++;
        for (let d = lo; d < hi; d++) out.push(d, 1);
      } else if (kind === KIND_OTHER && lists > 1 && setOf(c) !== null) {
        const big = setOf(c)!;
        for (let d = start; d < end; d++) {
          if (d === c) out.push(d, 1);
          else if (classKind[d] === KIND_OTHER) {
            const small = setOf(d);
            // A proper part: |part| / |list|; the same set in another order: 1.
            if (small !== null && small.length <= big.length && isSubset(small, big)) out.push(d, small.length / big.length);
          }
        }
      } else out.push(c, 1);
    }
  }
  implStart[nClasses] = out.length;
  return { implStart, implClass: out.cls.slice(0, out.length), implWeight: out.weight.slice(0, out.length) };
}

/** True when every element of sorted `a` is in sorted `b`. */
function isSubset(a: Int32Array, b: Int32Array): boolean {
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    while (j < b.length && b[j]! < a[i]!) j++;
    if (j === b.length || b[j] !== a[i]) return false;
    j++;
  }
  return true;
}
