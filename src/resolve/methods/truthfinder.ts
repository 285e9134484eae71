/**
 * TruthFinder — X. Yin, J. Han, P. S. Yu, "Truth Discovery with Multiple Conflicting Information
 * Providers on the Web", KDD 2007.
 *
 * A source is as trustworthy as its facts are, on average, confident; a fact is as confident as
 * its sources are trustworthy, helped by similar facts of the same item and hurt by dissimilar ones:
 *
 *   τ(s) = −ln(1 − t(s))                          trustworthiness score
 *   σ(f) = Σ_{s claims f} τ(s)                     confidence score (a claim within tolerance
 *                                                  of f, or a part of the list f, counts too)
 *   σ*(f) = σ(f) + ρ Σ_{f' ≠ f} σ(f') · (sim(f', f) − base)   implication between values of one item
 *   s(f) = 1 / (1 + e^{−γ σ*(f)})                  confidence (γ dampens dependent sources)
 *   t(s) = mean of s(f) over the facts of s
 *
 * Defaults are the paper's: γ = 0.3, ρ = 0.5, t₀ = 0.9, base_sim = 0.5. It stops when the trust
 * vector's direction changes by less than 1 − cos = 1e-9, or after maxIterations.
 *
 * Known facts (known.ts): a source starts at its smoothed agreement with them,
 * t⁰(s) = (agree + 2·t₀) / (known + 2), and in every round the facts of a known item have the
 * confidence κ (1 for the known value and those within tolerance of it, 0 for the others), so
 * t(s) averages the known truths in with the estimated ones.
 */
import { fixKnown, knownAccuracy, type Known } from '../known.js';
import type { Problem } from '../problem.js';
import { implied, pickWinners, type MethodOptions, type MethodResult } from './common.js';
import { similarPairs } from './pairs.js';

// t(s) = 1 would give an infinite τ(s).
const MAX_TRUST = 1 - 1e-9;

/**
 * TruthFinder. Confidence: s(f) of the chosen value. Trust: t(s) (the initial trust for a source
 * without claims).
 *
 * @example
 * const { winner, trust } = truthfinder(problem, options);
 */
export function truthfinder(p: Problem, options: MethodOptions, known: Known | null = null): MethodResult {
  const { gamma, rho, initialTrust, baseSimilarity } = options.truthfinder;
  const nSources = p.sourceNames.length;
  const nItems = p.itemSubjects.length;
  const nClasses = p.classRep.length;
  const pairs = similarPairs(p, options.timeScaleMinutes);
  const { classObsStart, obsSource, obsWeight, itemClassStart } = p;

  let trust = known ? knownAccuracy(p, known, initialTrust).overall : new Float64Array(nSources).fill(initialTrust);
  const tau = new Float64Array(nSources);
  const own = new Float64Array(nClasses);
  const sigma = new Float64Array(nClasses);
  const adjusted = new Float64Array(nClasses);
  const conf = new Float64Array(nClasses);
  let iterations = 0;
  while (iterations < options.maxIterations) {
    iterations++;
    for (let s = 0; s < nSources; s++) tau[s] = -Math.log(1 - Math.min(trust[s]!, MAX_TRUST));
    for (let c = 0; c < nClasses; c++) {
      let sum = 0;
      for (let o = classObsStart[c]!; o < classObsStart[c + 1]!; o++) sum += tau[obsSource[o]!]! * obsWeight[o]!;
      own[c] = sum;
    }
    // Claims within tolerance of a value (or sub-lists of it) count for it.
    implied(p, own, sigma);
    // σ* = σ − ρ·base·(Σ_item σ − σ) + ρ Σ_similar σ'·sim: the −base part applies to every other value.
    for (let i = 0; i < nItems; i++) {
      let total = 0;
      for (let c = itemClassStart[i]!; c < itemClassStart[i + 1]!; c++) total += sigma[c]!;
      for (let c = itemClassStart[i]!; c < itemClassStart[i + 1]!; c++) adjusted[c] = sigma[c]! - rho * baseSimilarity * (total - sigma[c]!);
    }
    for (let k = 0; k < pairs.a.length; k++) {
      const a = pairs.a[k]!;
      const b = pairs.b[k]!;
      const sim = pairs.sim[k]!;
      adjusted[a]! += rho * sigma[b]! * sim;
      adjusted[b]! += rho * sigma[a]! * sim;
    }
    for (let c = 0; c < nClasses; c++) conf[c] = 1 / (1 + Math.exp(-gamma * adjusted[c]!));
    if (known) fixKnown(p, known, conf);
    const next = new Float64Array(nSources);
    for (let c = 0; c < nClasses; c++) {
      for (let o = classObsStart[c]!; o < classObsStart[c + 1]!; o++) next[obsSource[o]!]! += conf[c]! * obsWeight[o]!;
    }
    for (let s = 0; s < nSources; s++) {
      const cov = p.sourceCoverage[s]!;
      next[s] = cov > 0 ? next[s]! / cov : initialTrust;
    }
    const change = 1 - cosine(trust, next);
    trust = next;
    if (change < 1e-9) break;
  }
  // Rank by σ*: the logistic saturates, and two values at s = 1.0 would tie.
  const winner = pickWinners(p, adjusted);
  const confidence = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) confidence[i] = conf[winner[i]!] ?? 0;
  return { winner, confidence, trust, iterations };
}

function cosine(a: Float64Array, b: Float64Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 1;
}
