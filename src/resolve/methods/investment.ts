/**
 * Investment and PooledInvestment — J. Pasternack, D. Roth, "Knowing What to Believe (when you
 * already know something)", COLING 2010.
 *
 * Each source invests its trust evenly in its claims and is paid back in proportion to its share
 * of each claim's investment; beliefs grow non-linearly with the investment, G(x) = x^g:
 *
 *   H(c)   = Σ_{s ∈ S_c} T(s) / |C_s|                    investment in claim c
 *   T'(s)  = Σ_{c ∈ C_s} B(c) · (T(s)/|C_s|) / H(c)       returns
 *   Investment:        B(c) = G(H(c)),                                  g = 1.2
 *   PooledInvestment:  B(c) = H(c) · G(H(c)) / Σ_{d ∈ M(c)} G(H(d)),    g = 1.4
 *                      (linear pooling within the item's mutually exclusive values M(c))
 *
 * T starts at 1 for every source. The first beliefs B⁰: Investment computes them from T⁰ with its
 * own formula; PooledInvestment starts from the uniform prior 1/|M(c)| (from T⁰ it would start as
 * a second majority vote and lock onto it). T is rescaled to max 1 after every round (the
 * rankings are scale-free), which also makes it the reported trust. It stops when T
 * changes by less than 1e-9, or after maxIterations. |C_s| counts items (see the 1/k weights).
 *
 * Tolerance and sub-lists: trust is learned from the claims as made (a source invests in the exact
 * value it gave); only the final choice adds to each value the belief of the values that imply it
 * (within tolerance, sub-lists; Pasternack & Roth's "generalized fact-finding", IJCAI 2011, weighs
 * similar claims the same way). Measured on Flight (without the airline sources, ±10 min):
 * investing in every value within tolerance scores 0.81 (Investment) and 0.82 (PooledInvestment),
 * learning from exact claims 0.92 for both — a source whose times sit a few minutes off everyone
 * else's earns less than one that agrees to the minute.
 *
 * Known facts (known.ts; the setting of the paper's title): in every round the beliefs are made
 * consistent with them, as the paper does with prior knowledge (the beliefs of each set of
 * mutually exclusive claims, taken as a distribution, are moved the least way that satisfies the
 * constraints, then scaled back). For a known item that moves the item's whole belief onto the
 * claims that agree with the known value, shared in proportion to κ(c)·H(c) — every right claim
 * pays its investors the same per unit, a wrong one nothing. T⁰(s) is proportional to the
 * source's smoothed agreement with the known facts, (agree + 1) / (known + 2), rescaled to max 1.
 */
import { knownAccuracy, type Known } from '../known.js';
import type { Problem } from '../problem.js';
import { classSums, implied, pickWinners, type MethodOptions, type MethodResult } from './common.js';

/**
 * Investment (`pooled` false) or PooledInvestment (`pooled` true). Confidence: the winner's belief
 * (with implication) as a share of the item's belief, at most 1. Trust: T(s) (1 for a source without claims).
 *
 * @example
 * const { winner, trust } = investment(problem, options, true);
 */
export function investment(p: Problem, options: MethodOptions, pooled: boolean, known: Known | null = null): MethodResult {
  const g = options.investmentExponent;
  const nSources = p.sourceNames.length;
  const nItems = p.itemSubjects.length;
  const nClasses = p.classRep.length;
  const { classObsStart, obsSource, obsWeight, itemClassStart, sourceCoverage } = p;

  let trust = known ? rescaled(p, knownAccuracy(p, known, 0.5).overall) : new Float64Array(nSources).fill(1);
  const perClaim = new Float64Array(nSources);
  const invested = new Float64Array(nClasses);
  const belief = new Float64Array(nClasses);

  // Known items: the item's belief moved onto the claims that agree with the known value, by κ·H.
  const fixBeliefs = (): void => {
    for (const i of known!.items) {
      const start = itemClassStart[i]!;
      const end = itemClassStart[i + 1]!;
      let total = 0;
      let right = 0;
      for (let c = start; c < end; c++) {
        total += belief[c]!;
        right += known!.credit[c]! * invested[c]!;
      }
      for (let c = start; c < end; c++) belief[c] = right > 0 ? (total * known!.credit[c]! * invested[c]!) / right : 0;
    }
  };

  const computeBelief = (): void => {
    for (let s = 0; s < nSources; s++) perClaim[s] = sourceCoverage[s]! > 0 ? trust[s]! / sourceCoverage[s]! : 0;
    classSums(p, perClaim, invested);
    for (let c = 0; c < nClasses; c++) belief[c] = Math.pow(invested[c]!, g);
    if (pooled) {
      for (let i = 0; i < nItems; i++) {
        const start = itemClassStart[i]!;
        const end = itemClassStart[i + 1]!;
        let pool = 0;
        for (let c = start; c < end; c++) pool += belief[c]!;
        for (let c = start; c < end; c++) belief[c] = pool > 0 ? (invested[c]! * belief[c]!) / pool : 0;
      }
    }
    if (known) fixBeliefs();
  };

  // B⁰: Investment derives it from T⁰ = 1 by its own formula; PooledInvestment starts uniform
  // within each item (1/|M|), as in joesingo/truthdiscovery — pooling T⁰ instead makes it a
  // second vote and it locks onto the majority (measured on Flight).
  computeBelief();
  if (pooled) {
    for (let i = 0; i < nItems; i++) {
      const start = itemClassStart[i]!;
      const end = itemClassStart[i + 1]!;
      for (let c = start; c < end; c++) belief[c] = 1 / (end - start);
    }
    if (known) fixBeliefs();
  }
  let iterations = 0;
  while (iterations < options.maxIterations) {
    iterations++;
    const next = new Float64Array(nSources);
    for (let c = 0; c < nClasses; c++) {
      const h = invested[c]!;
      if (!(h > 0)) continue;
      const payout = belief[c]! / h;
      for (let o = classObsStart[c]!; o < classObsStart[c + 1]!; o++) {
        const s = obsSource[o]!;
        next[s]! += payout * perClaim[s]! * obsWeight[o]!;
      }
    }
    let max = 0;
    for (let s = 0; s < nSources; s++) max = Math.max(max, next[s]!);
    let change = 0;
    for (let s = 0; s < nSources; s++) {
      next[s] = sourceCoverage[s]! > 0 ? (max > 0 ? next[s]! / max : 1) : 1;
      change = Math.max(change, Math.abs(next[s]! - trust[s]!));
    }
    trust = next;
    computeBelief();
    if (change < 1e-9) break;
  }
  // The choice: a value's belief plus that of the values implying it (within tolerance, sub-lists).
  const chosenBy = implied(p, belief);
  const winner = pickWinners(p, chosenBy);
  const confidence = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) {
    let total = 0;
    for (let c = itemClassStart[i]!; c < itemClassStart[i + 1]!; c++) total += belief[c]!;
    const w = winner[i]!;
    confidence[i] = total > 0 ? Math.min(1, chosenBy[w]! / total) : 1 / (itemClassStart[i + 1]! - itemClassStart[i]!);
  }
  return { winner, confidence, trust, iterations };
}

/** Trust rescaled to max 1 (1 for a source without claims, as in the rounds). */
function rescaled(p: Problem, t: Float64Array): Float64Array {
  let max = 0;
  for (let s = 0; s < t.length; s++) if (p.sourceCoverage[s]! > 0) max = Math.max(max, t[s]!);
  return t.map((x, s) => (p.sourceCoverage[s]! > 0 && max > 0 ? x / max : 1));
}
