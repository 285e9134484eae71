/**
 * What every method shares: its result shape, its resolved options, and the tie rule.
 */
import type { Known } from '../known.js';
import type { Problem } from '../problem.js';

/**
 * A method's answer: per item the winning class and a confidence in [0, 1], per source a trust in
 * [0, 1], and the iterations it ran.
 *
 * @example
 * const { winner, confidence, trust, iterations }: MethodResult = vote(problem);
 */
export interface MethodResult {
  winner: Int32Array;
  confidence: Float64Array;
  trust: Float64Array;
  iterations: number;
}

/**
 * Options after defaults, as the methods read them.
 *
 * @example
 * const result = accu(problem, { ...options, accu: { ...options.accu, copyDetection: false } });
 */
export interface MethodOptions {
  maxIterations: number;
  timeScaleMinutes: number;
  truthfinder: { gamma: number; rho: number; initialTrust: number; baseSimilarity: number };
  accu: { alpha: number; copyRate: number; falseValues: number; initialAccuracy: number; copyDetection: boolean; perAttribute: boolean; attributePrior: number; damping: number };
  investmentExponent: number;
}

// Scores this close (relative) are a tie: sums of the same terms in another order may differ in the last bits.
const TIE = 1e-12;

/**
 * The tie rule of every method: a higher score wins; on a tie, the class more sources claim (exactly);
 * then the class first in canonical order (the smaller number or earlier time, else the
 * canonical JSON that sorts first by UTF-16 code units) — i.e. the lower class id.
 *
 * @example
 * if (beats(problem, c, score[c], best, score[best])) best = c;
 */
export function beats(p: Problem, a: number, scoreA: number, b: number, scoreB: number): boolean {
  const d = scoreA - scoreB;
  const tol = TIE * Math.max(Math.abs(scoreA), Math.abs(scoreB));
  if (d > tol) return true;
  if (d < -tol) return false;
  const na = p.classObsStart[a + 1]! - p.classObsStart[a]!;
  const nb = p.classObsStart[b + 1]! - p.classObsStart[b]!;
  return na > nb || (na === nb && a < b);
}

/**
 * The best class of each item by `score`, under {@link beats}.
 *
 * @example
 * const winner = pickWinners(problem, support);
 */
export function pickWinners(p: Problem, score: Float64Array, out: Int32Array = new Int32Array(p.itemSubjects.length)): Int32Array {
  const nItems = p.itemSubjects.length;
  for (let i = 0; i < nItems; i++) {
    const start = p.itemClassStart[i]!;
    const end = p.itemClassStart[i + 1]!;
    let best = start;
    for (let c = start + 1; c < end; c++) if (beats(p, c, score[c]!, best, score[best]!)) best = c;
    out[i] = best;
  }
  return out;
}

/**
 * Per source: the (weighted) share of its claims that support the winners (a claim within
 * tolerance counts fully, a sub-list partly); on a known item, the claims' κ (known.ts). Sources
 * without claims get `prior`.
 *
 * @example
 * const trust = agreementTrust(problem, winner, 1);
 */
export function agreementTrust(p: Problem, winner: Int32Array, prior: number, known: Known | null = null): Float64Array {
  const nSources = p.sourceNames.length;
  const hit = new Float64Array(nSources);
  const nItems = p.itemSubjects.length;
  for (let i = 0; i < nItems; i++) {
    if (known?.itemKnown[i] === 1) {
      for (let c = p.itemClassStart[i]!; c < p.itemClassStart[i + 1]!; c++) {
        for (let o = p.classObsStart[c]!; o < p.classObsStart[c + 1]!; o++) hit[p.obsSource[o]!]! += known.credit[c]! * p.obsWeight[o]!;
      }
      continue;
    }
    const c = winner[i]!;
    for (let k = p.implStart[c]!; k < p.implStart[c + 1]!; k++) {
      const d = p.implClass[k]!;
      const w = p.implWeight[k]!;
      for (let o = p.classObsStart[d]!; o < p.classObsStart[d + 1]!; o++) hit[p.obsSource[o]!]! += w * p.obsWeight[o]!;
    }
  }
  for (let s = 0; s < nSources; s++) {
    const cov = p.sourceCoverage[s]!;
    hit[s] = cov > 0 ? hit[s]! / cov : prior;
  }
  return hit;
}

/**
 * True when two winner arrays are equal (the methods' convergence test).
 *
 * @example
 * if (sameWinners(previous, winner)) break;
 */
export function sameWinners(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Per class, the sum of `perSource[source] × weight` over its own observations (its claims only).
 *
 * @example
 * const own = classSums(problem, new Float64Array(problem.sourceNames.length).fill(1));
 */
export function classSums(p: Problem, perSource: Float64Array, out: Float64Array = new Float64Array(p.classRep.length)): Float64Array {
  const nClasses = p.classRep.length;
  const start = p.classObsStart;
  const src = p.obsSource;
  const w = p.obsWeight;
  for (let c = 0; c < nClasses; c++) {
    let sum = 0;
    for (let o = start[c]!; o < start[c + 1]!; o++) sum += perSource[src[o]!]! * w[o]!;
    out[c] = sum;
  }
  return out;
}

/**
 * Per candidate class: Σ implWeight × `own[d]` over the classes d that support it (itself, values
 * within tolerance, sub-lists) — how much the claims implying a value add up to.
 *
 * @example
 * const score = implied(problem, classSums(problem, weights));
 */
export function implied(p: Problem, own: Float64Array, out: Float64Array = new Float64Array(p.classRep.length)): Float64Array {
  const nClasses = p.classRep.length;
  const { implStart, implClass, implWeight } = p;
  for (let c = 0; c < nClasses; c++) {
    let sum = 0;
    for (let k = implStart[c]!; k < implStart[c + 1]!; k++) sum += implWeight[k]! * own[implClass[k]!]!;
    out[c] = sum;
  }
  return out;
}

/**
 * The transpose of {@link implied}: per class d, Σ implWeight × `perCandidate[c]` over the
 * candidates c its claims support — e.g. the probability that a claim of d is right.
 *
 * @example
 * const credit = impliedBack(problem, probability);
 */
export function impliedBack(p: Problem, perCandidate: Float64Array, out: Float64Array = new Float64Array(p.classRep.length)): Float64Array {
  const nClasses = p.classRep.length;
  const { implStart, implClass, implWeight } = p;
  out.fill(0);
  for (let c = 0; c < nClasses; c++) {
    const x = perCandidate[c]!;
    for (let k = implStart[c]!; k < implStart[c + 1]!; k++) out[implClass[k]!]! += implWeight[k]! * x;
  }
  return out;
}

/**
 * Per class: the sum of `perSource[source] × weight` over every claim that supports it (its own,
 * and through implication those within tolerance or sub-lists).
 *
 * @example
 * const votes = weightedSupport(problem, new Float64Array(problem.sourceNames.length).fill(1));
 */
export function weightedSupport(p: Problem, perSource: Float64Array, out: Float64Array = new Float64Array(p.classRep.length)): Float64Array {
  return implied(p, classSums(p, perSource), out);
}
