/**
 * CRH — Q. Li, Y. Li, J. Gao, B. Zhao, W. Fan, J. Han, "Resolving Conflicts in Heterogeneous Data
 * by Truth Discovery and Source Reliability Estimation", SIGMOD 2014.
 *
 * Alternates between truths and source weights, minimising Σ_s w_s Σ_i loss(v_is, v_i*):
 *
 *   truths:  categorical items → weighted vote (claims of a list's parts count for it, with
 *            weight |part| / |list|); number and time items → weighted median
 *   weights: w_s = −log(loss_s / Σ_s' loss_s')     (the paper's max-entropy regulariser)
 *   loss:    0/1 for categorical values (1 − |part| / |list| for a part of the truth); |x − x*| / std_i
 *            for numbers and times, where std_i is the (weighted) standard deviation of item i's
 *            claimed values
 *
 * Deviation: loss_s is the mean over the source's claims, not the sum — a sum punishes a source
 * for covering many items. A small ε keeps a loss-free source's weight finite. Weights start equal
 * (so the first truths are vote / median); it stops when the truths stop changing and the weights
 * settle, or after maxIterations. Trust is w_s / max w.
 *
 * Known facts (known.ts): the truths of known items are fixed to the known values in every round
 * (CRH's truths are its unknowns; known ones are constants of the objective), so a source's loss
 * is measured against them too — |x − known| / std_i, or 1 − κ for categorical items. The first
 * weights come from the known facts instead of being equal: loss⁰_s = 1 − (agree + 1) / (known + 2).
 */
import { knownAccuracy, type Known } from '../known.js';
import type { Problem } from '../problem.js';
import { normalizedDistance } from '../similarity.js';
import { beats, classSums, implied, sameWinners, type MethodOptions, type MethodResult } from './common.js';

const EPSILON = 1e-9;

/**
 * CRH. Confidence: the winner's share of the item's source weight.
 *
 * @example
 * const { winner, trust } = crh(problem, options);
 */
export function crh(p: Problem, options: MethodOptions, known: Known | null = null): MethodResult {
  const nSources = p.sourceNames.length;
  const nItems = p.itemSubjects.length;
  const nClasses = p.classRep.length;
  const { classObsStart, obsSource, obsWeight, itemClassStart, classX, itemContinuous } = p;
  const spread = itemSpread(p);

  let weight = known ? weightsOf(p, knownAccuracy(p, known, 0.5).overall.map((a) => 1 - a)) : new Float64Array(nSources).fill(1);
  const support = new Float64Array(nClasses);
  const own = new Float64Array(nClasses);
  // How far the truth's implication list covers a class: 1 within tolerance, |part| / |list| for a sub-list.
  const impliedBy = new Float64Array(nClasses);
  let winner: Int32Array = new Int32Array(nItems);
  let iterations = 0;
  while (iterations < options.maxIterations) {
    iterations++;
    const truths = chooseTruths(p, weight, support, own);
    const loss = new Float64Array(nSources);
    for (let i = 0; i < nItems; i++) {
      if (known?.itemKnown[i] === 1) {
        const x = known.x[i]!;
        const distance = itemContinuous[i] === 1 && !Number.isNaN(x);
        for (let c = itemClassStart[i]!; c < itemClassStart[i + 1]!; c++) {
          const d = distance ? normalizedDistance(classX[c]!, x, spread[i]!) : 1 - known.credit[c]!;
          for (let o = classObsStart[c]!; o < classObsStart[c + 1]!; o++) loss[obsSource[o]!]! += d * obsWeight[o]!;
        }
        continue;
      }
      const t = truths[i]!;
      const continuous = itemContinuous[i] === 1;
      if (!continuous) for (let k = p.implStart[t]!; k < p.implStart[t + 1]!; k++) impliedBy[p.implClass[k]!] = p.implWeight[k]!;
      for (let c = itemClassStart[i]!; c < itemClassStart[i + 1]!; c++) {
        if (c === t) continue;
        const d = continuous ? normalizedDistance(classX[c]!, classX[t]!, spread[i]!) : 1 - impliedBy[c]!;
        for (let o = classObsStart[c]!; o < classObsStart[c + 1]!; o++) loss[obsSource[o]!]! += d * obsWeight[o]!;
      }
      if (!continuous) for (let k = p.implStart[t]!; k < p.implStart[t + 1]!; k++) impliedBy[p.implClass[k]!] = 0;
    }
    for (let s = 0; s < nSources; s++) if (p.sourceCoverage[s]! > 0) loss[s] = loss[s]! / p.sourceCoverage[s]!;
    const next = weightsOf(p, loss);
    const settled = sameWinners(truths, winner) && maxRelativeChange(weight, next) < 1e-9;
    winner = truths;
    weight = next;
    if (settled) break;
  }
  winner = chooseTruths(p, weight, support, own);

  const confidence = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) {
    let total = 0;
    for (let c = itemClassStart[i]!; c < itemClassStart[i + 1]!; c++) total += own[c]!;
    const w = winner[i]!;
    confidence[i] = total > 0 ? Math.min(1, support[w]! / total) : (classObsStart[w + 1]! - classObsStart[w]!) / (classObsStart[itemClassStart[i + 1]!]! - classObsStart[itemClassStart[i]!]!);
  }
  let max = 0;
  for (let s = 0; s < nSources; s++) max = Math.max(max, weight[s]!);
  const trust = new Float64Array(nSources);
  for (let s = 0; s < nSources; s++) trust[s] = p.sourceCoverage[s]! > 0 ? (max > 0 ? weight[s]! / max : 1) : 1;
  return { winner, confidence, trust, iterations };
}

/** w_s = −log(loss_s / Σ loss) over the sources with claims (0 for the others). */
function weightsOf(p: Problem, loss: Float64Array): Float64Array {
  const nSources = p.sourceNames.length;
  let total = 0;
  let active = 0;
  for (let s = 0; s < nSources; s++) {
    if (p.sourceCoverage[s]! > 0) {
      total += loss[s]!;
      active++;
    }
  }
  const weight = new Float64Array(nSources);
  for (let s = 0; s < nSources; s++) weight[s] = p.sourceCoverage[s]! > 0 ? -Math.log((loss[s]! + EPSILON) / (total + EPSILON * active)) : 0;
  return weight;
}

/** Per item: weighted vote, or weighted median where the item's values are all numbers of one unit, or all times. */
function chooseTruths(p: Problem, weight: Float64Array, support: Float64Array, own: Float64Array): Int32Array {
  const nItems = p.itemSubjects.length;
  const { itemClassStart, itemContinuous } = p;
  const truths = new Int32Array(nItems);
  classSums(p, weight, own);
  implied(p, own, support);
  for (let i = 0; i < nItems; i++) {
    const start = itemClassStart[i]!;
    const end = itemClassStart[i + 1]!;
    let total = 0;
    for (let c = start; c < end; c++) total += own[c]!;
    if (itemContinuous[i] === 1 && end - start > 1 && total > 0) {
      // Weighted median: classes are sorted by value; the first whose cumulative weight reaches half.
      // Landing exactly on half leaves two medians: the tie rule picks between them.
      const half = total / 2;
      const tol = 1e-12 * total;
      let cumulative = 0;
      let t = start;
      for (let c = start; c < end; c++) {
        cumulative += own[c]!;
        t = c;
        if (cumulative >= half - tol) break;
      }
      if (Math.abs(cumulative - half) <= tol && t + 1 < end && beats(p, t + 1, 0, t, 0)) t++;
      truths[i] = t;
    } else {
      let best = start;
      for (let c = start + 1; c < end; c++) if (beats(p, c, support[c]!, best, support[best]!)) best = c;
      truths[i] = best;
    }
  }
  return truths;
}

/** Per item: the weighted standard deviation of its claimed positions (numbers, times); 0 otherwise. */
function itemSpread(p: Problem): Float64Array {
  const nItems = p.itemSubjects.length;
  const { classObsStart, obsWeight, itemClassStart, classX, itemContinuous } = p;
  const spread = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) {
    if (itemContinuous[i] !== 1) continue;
    const start = itemClassStart[i]!;
    const end = itemClassStart[i + 1]!;
    if (end - start < 2) continue;
    // Centre on the first class: epoch milliseconds squared would lose precision.
    const origin = classX[start]!;
    let n = 0;
    let sum = 0;
    let sumSq = 0;
    for (let c = start; c < end; c++) {
      const dx = classX[c]! - origin;
      for (let o = classObsStart[c]!; o < classObsStart[c + 1]!; o++) {
        const w = obsWeight[o]!;
        n += w;
        sum += w * dx;
        sumSq += w * dx * dx;
      }
    }
    const mean = sum / n;
    spread[i] = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
  }
  return spread;
}

function maxRelativeChange(a: Float64Array, b: Float64Array): number {
  let max = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    max = Math.max(max, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return scale > 0 ? max / scale : max;
}
