/**
 * Accu with copy detection (AccuCopy) — X. L. Dong, L. Berti-Equille, D. Srivastava, "Integrating
 * Conflicting Data: The Role of Source Dependence", VLDB 2009.
 *
 * Bayesian vote with source accuracy A(s), each item having n false values besides the true one:
 *
 *   A'(s) = ln(n·A(s) / (1 − A(s)))                     vote count of a source
 *   C(v)  = Σ_{s supports v} A'(s) · I(s, v)             vote count of a value
 *   P(v)  = e^{C(v)} / Σ_{v' ∈ D} e^{C(v')}             over the n+1 values of the domain
 *                                                        (unclaimed ones have C = 0)
 *   A(s)  = mean over the claims of s of P(the claim is right)
 *
 * Each claimed value v is a hypothesis "the truth is v". A claim supports the values it implies
 * (problem.ts): itself, every value within tolerance, and the lists it is a part of (with weight
 * |part| / |list|); it is right when the truth is one of them, so P(claim right) = Σ_v
 * implication · P(v).
 *
 * Copy detection per source pair, from the items both cover: k_t same value that is true, k_f same
 * value that is false (expected counts, using P), k_d different values. Under independence
 * P_t = A₁A₂, P_f = (1−A₁)(1−A₂)/n, P_d = 1 − P_t − P_f; if s₁ copies s₂ (rate c), P_t' = A₂c + P_t(1−c),
 * P_f' = (1−A₂)c + P_f(1−c), P_d' = P_d(1−c). Bayes with prior α (α/2 per direction) gives the
 * probability d(s₁, s₂) that the two are dependent either way. Sharing false values is strong
 * evidence (with the defaults, ×400 per item), sharing true ones weak (×1.2), differing counts
 * against. Two claims are "the same value" when they are equal or within tolerance of each other
 * (the notion of sameness the caller chose); the probability that such a shared value is true is
 * the probability that the truth lies within tolerance of both.
 *
 * Discount: each source supporting v counts I(s, v) = 1 / (1 + c · Σ_{s' supports v, s' ≠ s} d(s, s')),
 * where d is the undirected dependence (either direction makes s's vote no new evidence). k
 * mutual copies count k / (1 + c(k − 1)) votes together (1.1 for two, 1.2 for six, never above
 * 1/c = 1.25), an independent source 1. The paper instead takes the supporters in order of
 * decreasing accuracy and discounts each by Π (1 − c · P(s → s')) over those before it, which
 * gives about the same totals; but a small change of accuracy then reorders the sources and flips
 * which copy counts fully, and on Flight the choices wander between rounds without settling
 * (precision 0.83–0.92 from one round to the next); the order-free form converges.
 *
 * Choices measured on the Flight benchmark (bench/truth/README.md; without the airline sources,
 * ±10 min):
 * - Sameness within tolerance for copy detection, not only exact equality: copies of one feed
 *   that differ by a minute are still copies (0.841; exact sameness 0.835, mostly on actual
 *   arrivals: 0.929 against 0.890).
 * - Accuracy per attribute (`perAttribute`, default true): A(s, a) over the items of attribute a,
 *   shrunk towards the source's overall accuracy with `attributePrior` (default 10) pseudo-items:
 *   a flight-status site can be exact on schedules and gates and off on every actual time
 *   (0.841; one accuracy per source 0.834).
 * - Damping (`damping`, default 0: off): the share of the previous round's accuracy kept in each
 *   round. With the order-free discount the rounds settle by themselves (in about 10 rounds on
 *   Flight); damping only slows them.
 * - The first round has no dependence (every source counts fully); dependence is computed from
 *   the first probabilities on.
 * - What Accu does not do on Flight: most actual departures are claimed two ways, by a gate-time
 *   group (flightstats and its mirrors, orbitz and its mirrors, ~10 sources) and a runway-time
 *   group (~17 sources). The gold is the gate time. Copy detection judges the gate-time sources
 *   one group of copies (they agree on nearly everything, and on departures on values the
 *   current truths call false) and the runway sources two or three groups (their feeds disagree
 *   on arrivals), so the runway time keeps the majority and Accu picks it (actual departure 0.25;
 *   overall 0.841 against vote's 0.852). Copy detection still pays on the gates (0.911 → 0.940
 *   and 0.933 → 0.960 against Accu without it).
 *
 * Defaults: α = 0.1, c = 0.8, n = 100, A₀ = 0.8 (the paper's). Accuracies are kept in
 * [0.001, 0.999] (A = 1 would be an infinite vote). Each round: accuracies from the current
 * probabilities, dependence, then probabilities; it stops when the chosen values are unchanged
 * and accuracies move by less than 1e-4, or after maxIterations.
 *
 * Known facts (known.ts): a source's accuracy starts at its smoothed agreement with them,
 * A⁰(s) = (agree + 2·A₀) / (known + 2), and per attribute A⁰(s, a) = (agree_a + 2·A⁰(s)) / (known_a + 2).
 * In every round the claims of a known item are right with probability κ (1 for the known value
 * and those within tolerance of it, |part| / |list| for a part of the known list, 0 otherwise):
 * the accuracies average the known truths in, and copy detection counts a value shared on a known
 * item as true or false by the known value. The first round, which otherwise has no dependence,
 * takes the dependence measured on the known items alone, where sharing a false value is certain
 * (Flight without the airline sources, ±10 min, 5 % of the gold known: 0.961 without it, 0.973).
 *
 * Cost per round: the pairs of claims that agree (Σ over values of the claims within tolerance of
 * each other, squared), plus for each candidate the pairs among its supporters. Pair statistics
 * are dense (S² × attributes numbers) up to 2,000 sources; beyond, a hash map of the pairs that
 * share items, pooled over attributes.
 */
import { fixKnown, knownAccuracy, type Known } from '../known.js';
import type { Problem } from '../problem.js';
import { KIND_OTHER } from '../values.js';
import { impliedBack, pickWinners, sameWinners, type MethodOptions, type MethodResult } from './common.js';

const MIN_ACCURACY = 0.001;
const MAX_ACCURACY = 0.999;
const DENSE_LIMIT = 2000;
// Dense pair × attribute statistics up to this many numbers; beyond, attributes are pooled for copy detection.
const PAIR_GROUP_LIMIT = 1 << 22;
// The rounds stop when no chosen value changes and no accuracy moves by this much (on Flight,
// 1e-6 takes twice the rounds for the same choices).
const SETTLED = 1e-4;
// Dependence below this is independence for all purposes.
const MIN_DEPENDENCE = 1e-9;

/** Index of unordered source pairs: dense (a·S + b) for few sources, a hash map for many. */
class PairIndex {
  readonly dense: boolean;
  readonly #map = new Map<number, number>();
  size: number;

  constructor(readonly nSources: number) {
    this.dense = nSources <= DENSE_LIMIT;
    this.size = this.dense ? nSources * nSources : 0;
  }

  /** The pair's slot (a < b), creating it when asked to; −1 if absent. */
  at(a: number, b: number, create = false): number {
    if (this.dense) return a * this.nSources + b;
    const key = a * this.nSources + b;
    let slot = this.#map.get(key);
    if (slot === undefined) {
      if (!create) return -1;
      slot = this.size++;
      this.#map.set(key, slot);
    }
    return slot;
  }

  /** The slot of two distinct sources in either order. */
  of(a: number, b: number): number {
    return a < b ? this.at(a, b) : this.at(b, a);
  }

  /** Every pair (a, b, slot) that has a slot. */
  forEach(fn: (a: number, b: number, slot: number) => void): void {
    if (this.dense) {
      for (let a = 0; a < this.nSources; a++) for (let b = a + 1; b < this.nSources; b++) fn(a, b, a * this.nSources + b);
    } else {
      for (const [key, slot] of this.#map) fn(Math.floor(key / this.nSources), key % this.nSources, slot);
    }
  }
}

/**
 * AccuCopy (or plain Accu with `copyDetection: false`). Confidence: P of the chosen value. Trust:
 * the source's accuracy over all its claims (the initial accuracy for a source without claims).
 *
 * @example
 * const { winner, trust } = accu(problem, options);
 */
export function accu(p: Problem, options: MethodOptions, known: Known | null = null): MethodResult {
  const { alpha, copyRate, falseValues: n, initialAccuracy, copyDetection, perAttribute, attributePrior, damping } = options.accu;
  const nSources = p.sourceNames.length;
  const nItems = p.itemSubjects.length;
  const nClasses = p.classRep.length;
  const { classObsStart, obsSource, obsWeight, itemClassStart, implStart, implClass, implWeight } = p;
  const nGroups = perAttribute ? Math.max(1, p.attributeNames.length) : 1;
  const classGroup = new Int32Array(nClasses);
  if (nGroups > 1) for (let i = 0; i < nItems; i++) classGroup.fill(p.itemAttribute[i]!, itemClassStart[i]!, itemClassStart[i + 1]!);

  const coverage = new Float64Array(nSources * nGroups);
  for (let c = 0; c < nClasses; c++) {
    const g = classGroup[c]!;
    for (let o = classObsStart[c]!; o < classObsStart[c + 1]!; o++) coverage[obsSource[o]! * nGroups + g]! += obsWeight[o]!;
  }
  const a0 = clampAccuracy(initialAccuracy);
  const accuracy = new Float64Array(nSources * nGroups).fill(a0);
  const overall = new Float64Array(nSources).fill(a0);
  if (known) {
    const start = knownAccuracy(p, known, a0, nGroups);
    for (let k = 0; k < accuracy.length; k++) accuracy[k] = clampAccuracy(start.perGroup[k]!);
    for (let s = 0; s < nSources; s++) overall[s] = clampAccuracy(start.overall[s]!);
  }
  const voteOf = new Float64Array(nSources * nGroups);
  const score = new Float64Array(nClasses);
  const prob = new Float64Array(nClasses);
  const credit = new Float64Array(nClasses);

  const pairs = new PairIndex(nSources);
  const copyGroups = pairs.dense && pairs.size * nGroups <= PAIR_GROUP_LIMIT ? nGroups : 1;
  const pairStats = copyDetection ? new PairStats(p, pairs, copyGroups, classGroup, known) : null;
  let dependence: Dependence | null = null;

  // Scratch for one candidate's supporters.
  let supSource = new Int32Array(64);
  let supVote = new Float64Array(64);

  const computeProbabilities = (): void => {
    for (let k = 0; k < nSources * nGroups; k++) voteOf[k] = Math.log((n * accuracy[k]!) / (1 - accuracy[k]!));
    for (let c = 0; c < nClasses; c++) {
      const g = classGroup[c]!;
      let sum = 0;
      if (dependence) {
        let k = 0;
        for (let q = implStart[c]!; q < implStart[c + 1]!; q++) {
          const d = implClass[q]!;
          const w = implWeight[q]!;
          for (let o = classObsStart[d]!; o < classObsStart[d + 1]!; o++) {
            if (k === supSource.length) {
              supSource = grow(supSource);
              supVote = grow(supVote);
            }
            const s = obsSource[o]!;
            supSource[k] = s;
            supVote[k++] = w * obsWeight[o]! * voteOf[s * nGroups + g]!;
          }
        }
        // Each supporter counts 1 / (1 + c · Σ d(s, t)) over the other supporters t.
        const { matrix, dependent } = dependence;
        for (let x = 0; x < k; x++) {
          const s = supSource[x]!;
          let total = 0;
          if (k > 1 && dependent[s] === 1) {
            if (matrix) {
              const row = s * nSources;
              for (let y = 0; y < k; y++) total += matrix[row + supSource[y]!]!; // the diagonal is 0
            } else {
              for (let y = 0; y < k; y++) if (supSource[y] !== s) total += dependence.of(s, supSource[y]!);
            }
          }
          sum += supVote[x]! / (1 + copyRate * total);
        }
      } else {
        for (let q = implStart[c]!; q < implStart[c + 1]!; q++) {
          const d = implClass[q]!;
          const w = implWeight[q]!;
          for (let o = classObsStart[d]!; o < classObsStart[d + 1]!; o++) sum += w * voteOf[obsSource[o]! * nGroups + g]! * obsWeight[o]!;
        }
      }
      score[c] = sum;
    }
    for (let i = 0; i < nItems; i++) {
      const start = itemClassStart[i]!;
      const end = itemClassStart[i + 1]!;
      let max = 0; // unclaimed values have C = 0
      for (let c = start; c < end; c++) max = Math.max(max, score[c]!);
      let denominator = Math.max(0, n + 1 - (end - start)) * Math.exp(-max);
      for (let c = start; c < end; c++) denominator += Math.exp(score[c]! - max);
      for (let c = start; c < end; c++) prob[c] = Math.exp(score[c]! - max) / denominator;
    }
    // P(a claim of class d is right): the probability of the candidates it supports (κ on a known item).
    impliedBack(p, prob, credit);
    if (known) fixKnown(p, known, credit);
  };

  /** New (damped) accuracies from the credits; returns the largest change. */
  const right = new Float64Array(nSources * nGroups);
  const updateAccuracy = (): number => {
    right.fill(0);
    for (let c = 0; c < nClasses; c++) {
      const g = classGroup[c]!;
      const x = Math.min(1, credit[c]!);
      for (let o = classObsStart[c]!; o < classObsStart[c + 1]!; o++) right[obsSource[o]! * nGroups + g]! += x * obsWeight[o]!;
    }
    let change = 0;
    for (let s = 0; s < nSources; s++) {
      let r = 0;
      let cov = 0;
      for (let g = 0; g < nGroups; g++) {
        r += right[s * nGroups + g]!;
        cov += coverage[s * nGroups + g]!;
      }
      if (cov > 0) overall[s] = clampAccuracy(damping * overall[s]! + (1 - damping) * (r / cov));
      for (let g = 0; g < nGroups; g++) {
        const k = s * nGroups + g;
        const cg = coverage[k]!;
        let next: number;
        if (nGroups === 1) next = overall[s]!;
        else {
          // Shrunk towards the overall accuracy; a group without claims keeps the overall accuracy.
          const fresh = cg > 0 ? (right[k]! + attributePrior * (r / Math.max(cov, 1e-300))) / (cg + attributePrior) : overall[s]!;
          next = clampAccuracy(damping * accuracy[k]! + (1 - damping) * fresh);
        }
        change = Math.max(change, Math.abs(next - accuracy[k]!));
        accuracy[k] = next;
      }
    }
    return change;
  };

  if (known && pairStats) {
    // The first round already discounts copies, by their dependence on the known items alone:
    // there a shared value is known to be true or false (sharing a false one is the evidence).
    const truth = new Float64Array(nClasses);
    fixKnown(p, known, truth);
    const onKnown = new PairStats(p, pairs, copyGroups, classGroup, known, true);
    dependence = onKnown.dependence(truth, truth, copyGroups > 1 ? accuracy : overall, alpha, copyRate, n);
  }
  computeProbabilities();
  let winner = pickWinners(p, score);
  let iterations = 0;
  while (iterations < options.maxIterations) {
    iterations++;
    const change = updateAccuracy();
    if (pairStats) dependence = pairStats.dependence(prob, credit, copyGroups > 1 ? accuracy : overall, alpha, copyRate, n);
    computeProbabilities();
    const chosen = pickWinners(p, score);
    const settled = sameWinners(chosen, winner) && change < SETTLED;
    winner = chosen;
    if (settled) break;
  }
  const confidence = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) confidence[i] = prob[winner[i]!]!;
  const trust = new Float64Array(nSources);
  for (let s = 0; s < nSources; s++) trust[s] = p.sourceCoverage[s]! > 0 ? overall[s]! : a0;
  return { winner, confidence, trust, iterations };
}

function clampAccuracy(a: number): number {
  return Math.min(MAX_ACCURACY, Math.max(MIN_ACCURACY, a));
}

function grow<T extends Int32Array | Float64Array>(a: T): T {
  const out = new (a.constructor as new (n: number) => T)(a.length * 2);
  out.set(a);
  return out;
}

/** The dependence d(s, t) of every pair (0 for pairs without shared items or below MIN_DEPENDENCE). */
interface Dependence {
  of(s: number, t: number): number;
  /** Dense pairs: the symmetric S × S matrix (diagonal 0); null for a hash map of pairs. */
  matrix: Float64Array | null;
  /** 1 for a source that depends on at least one other. */
  dependent: Uint8Array;
}

/**
 * Per source pair (and attribute group): the items both cover, how much their claims agree
 * (equal, or within tolerance of each other) and — per round — how much of that agreement is on
 * a true value. Pairs of agreeing claims are enumerated from the implication lists: a value with
 * itself, and with the values within tolerance of it.
 */
class PairStats {
  readonly shared: Float64Array;
  readonly same: Float64Array;
  readonly sameTrue: Float64Array;

  constructor(
    readonly p: Problem,
    readonly pairs: PairIndex,
    readonly groups: number,
    readonly classGroup: Int32Array,
    readonly known: Known | null = null,
    /** Count the known items only (where a shared value is known to be true or false). */
    readonly onlyKnown = false,
  ) {
    this.shared = sharedItems(p, pairs, groups, classGroup, onlyKnown ? known!.itemKnown : null);
    this.same = new Float64Array(this.shared.length);
    this.sameTrue = new Float64Array(this.shared.length);
    this.#accumulate(this.same, null, null);
  }

  /**
   * Σ over agreeing claim pairs of w₁·w₂, times (when `prob` is given) the probability that the
   * truth lies within tolerance of both claims (for equal values: the value's credit).
   */
  #accumulate(out: Float64Array, prob: Float64Array | null, credit: Float64Array | null): void {
    const { classObsStart, obsSource, obsWeight, implStart, implClass, implWeight, classKind } = this.p;
    const nClasses = this.p.classRep.length;
    const { pairs, groups } = this;
    const group = groups > 1 ? this.classGroup : null;
    const nSources = pairs.nSources;
    const dense = pairs.dense;
    const skip = this.onlyKnown ? this.known!.classKnown : null;
    out.fill(0);
    for (let c = 0; c < nClasses; c++) {
      if (skip && skip[c] === 0) continue;
      const start = classObsStart[c]!;
      const end = classObsStart[c + 1]!;
      const g = group ? group[c]! : 0;
      // Claims of c with claims of the values within tolerance above it (each unordered pair once).
      if (classKind[c] !== KIND_OTHER && implStart[c + 1]! - implStart[c]! > 1) {
        const loC = implClass[implStart[c]!]!;
        const hiC = implClass[implStart[c + 1]! - 1]! + 1;
        for (let k = implStart[c]!; k < implStart[c + 1]!; k++) {
          const d = implClass[k]!;
          if (d <= c || implWeight[k]! < 1) continue;
          let x = 1;
          if (prob && this.known?.classKnown[c] === 1) {
            // A known item: both claims are right, or not (κ is 0 or 1 for times and numbers).
            x = this.known.credit[c]! * this.known.credit[d]!;
            if (x === 0) continue;
          } else if (prob) {
            // The truth within tolerance of both: the candidates in both windows (windows are ranges of classes).
            const loD = implClass[implStart[d]!]!;
            x = 0;
            for (let e = Math.max(loC, loD); e < hiC; e++) x += prob[e]!;
            x = Math.min(1, x);
            if (x === 0) continue;
          }
          for (let o1 = start; o1 < end; o1++) {
            const s1 = obsSource[o1]!;
            const w1 = obsWeight[o1]! * x;
            for (let o2 = classObsStart[d]!; o2 < classObsStart[d + 1]!; o2++) {
              const s2 = obsSource[o2]!;
              if (s1 === s2) continue;
              const slot = dense ? (s1 < s2 ? s1 * nSources + s2 : s2 * nSources + s1) : pairs.of(s1, s2);
              out[slot * groups + g]! += w1 * obsWeight[o2]!;
            }
          }
        }
      }
      if (end - start < 2) continue;
      const x = credit ? Math.min(1, credit[c]!) : 1;
      if (x === 0) continue;
      for (let o1 = start; o1 < end; o1++) {
        const s1 = obsSource[o1]!;
        const w1 = obsWeight[o1]! * x;
        for (let o2 = o1 + 1; o2 < end; o2++) {
          const slot = dense ? s1 * nSources + obsSource[o2]! : pairs.at(s1, obsSource[o2]!);
          out[slot * groups + g]! += w1 * obsWeight[o2]!;
        }
      }
    }
  }

  /** The dependence of every pair from the current probabilities and accuracies (accuracy[s·groups + g]). */
  dependence(prob: Float64Array, credit: Float64Array, accuracy: Float64Array, alpha: number, copyRate: number, n: number): Dependence {
    this.#accumulate(this.sameTrue, prob, credit);
    const { groups, shared, same, sameTrue, pairs } = this;
    const nSources = pairs.nSources;
    const logIndependent = Math.log(1 - alpha);
    const logDirection = Math.log(alpha / 2);
    const logKeep = Math.log(1 - copyRate);
    const values = new Float64Array(pairs.size);
    const dependent = new Uint8Array(nSources);

    pairs.forEach((a, b, slot) => {
      let independent = logIndependent;
      let aCopiesB = logDirection;
      let bCopiesA = logDirection;
      let any = false;
      for (let g = 0; g < groups; g++) {
        const k = shared[slot * groups + g]!;
        if (!(k > 0)) continue;
        any = true;
        const kt = sameTrue[slot * groups + g]!;
        const kf = Math.max(0, same[slot * groups + g]! - kt);
        const kd = Math.max(0, k - kt - kf);
        const a1 = accuracy[a * groups + g]!;
        const a2 = accuracy[b * groups + g]!;
        const pt = a1 * a2;
        const pf = ((1 - a1) * (1 - a2)) / n;
        const pd = Math.max(1e-300, 1 - pt - pf);
        independent += kt * Math.log(pt) + kf * Math.log(pf) + kd * Math.log(pd);
        const differ = kd * (Math.log(pd) + logKeep);
        aCopiesB += kt * Math.log(a2 * copyRate + pt * (1 - copyRate)) + kf * Math.log((1 - a2) * copyRate + pf * (1 - copyRate)) + differ;
        bCopiesA += kt * Math.log(a1 * copyRate + pt * (1 - copyRate)) + kf * Math.log((1 - a1) * copyRate + pf * (1 - copyRate)) + differ;
      }
      if (!any) return;
      const max = Math.max(independent, aCopiesB, bCopiesA);
      const ea = Math.exp(aCopiesB - max);
      const eb = Math.exp(bCopiesA - max);
      const d = (ea + eb) / (Math.exp(independent - max) + ea + eb);
      if (d >= MIN_DEPENDENCE) {
        values[slot] = d;
        dependent[a] = 1;
        dependent[b] = 1;
      }
    });
    if (pairs.dense) {
      // Symmetric so that a lookup needs no ordering.
      for (let a = 0; a < nSources; a++) for (let b = a + 1; b < nSources; b++) values[b * nSources + a] = values[a * nSources + b]!;
      return { of: (s, t) => values[s * nSources + t]!, matrix: values, dependent };
    }
    return {
      of: (s, t) => {
        const slot = pairs.of(s, t);
        return slot >= 0 ? values[slot]! : 0;
      },
      matrix: null,
      dependent,
    };
  }
}

/** Per source pair (and group): the items both cover (each source counts once per item). One pass over the items. */
function sharedItems(p: Problem, pairs: PairIndex, groups: number, classGroup: Int32Array, only: Uint8Array | null): Float64Array {
  const nItems = p.itemSubjects.length;
  const { classObsStart, obsSource, itemClassStart } = p;
  const seen = new Int32Array(p.sourceNames.length).fill(-1);
  const members = new Int32Array(p.sourceNames.length);
  let counts = new Float64Array(pairs.dense ? pairs.size * groups : 1024);
  for (let i = 0; i < nItems; i++) {
    const first = itemClassStart[i]!;
    if (first === itemClassStart[i + 1] || (only && only[i] === 0)) continue;
    const g = groups > 1 ? classGroup[first]! : 0;
    let k = 0;
    for (let o = classObsStart[first]!; o < classObsStart[itemClassStart[i + 1]!]!; o++) {
      const s = obsSource[o]!;
      if (seen[s] !== i) {
        seen[s] = i;
        members[k++] = s;
      }
    }
    for (let x = 0; x < k; x++) {
      for (let y = x + 1; y < k; y++) {
        const a = members[x]!;
        const b = members[y]!;
        const slot = a < b ? pairs.at(a, b, true) : pairs.at(b, a, true);
        if ((slot + 1) * groups > counts.length) {
          const grown = new Float64Array(Math.max(counts.length * 2, (slot + 1) * groups));
          grown.set(counts);
          counts = grown;
        }
        counts[slot * groups + g]!++;
      }
    }
  }
  const size = pairs.size * groups;
  if (counts.length === size) return counts;
  if (counts.length > size) return counts.slice(0, size);
  // Counted over some items only (the known ones): pairs created by an earlier pass have no count here.
  const full = new Float64Array(size);
  full.set(counts);
  return full;
}
