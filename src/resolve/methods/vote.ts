/**
 * Majority vote: each value scores the number of sources that claim it; a source counts once per
 * item (naming k values of one item, it gives each 1/k). The baseline every truth-discovery paper
 * compares against. With a tolerance a value also counts the sources that claimed a value within
 * tolerance of it, and a list the sources that named a part of it (|part| / |list| each): see
 * `implStart` in problem.ts.
 *
 * With known facts (known.ts) it is a known-facts-weighted vote: a source's claims for attribute a
 * weigh the log-odds ln(A / (1 − A)) of its Laplace-smoothed agreement A with the known facts of
 * that attribute (shrunk towards its agreement over all known facts, prior 0.8 as Accu's A₀), and
 * nothing below A = ½ (a negative weight would rank its value below one nobody claims). This is
 * Accu's vote count ln(n·A / (1 − A)) with n = 1: false values assumed as concentrated as the true
 * one, as when a whole camp of sources reports the same wrong time (Flight without the airline
 * sources, ±10 min, 1 % of the gold known: 0.969 on the rest; with n = 100, 0.951). Weights come
 * from the known facts only; the vote is not iterated.
 */
import { knownAccuracy, type Known } from '../known.js';
import type { Problem } from '../problem.js';
import { agreementTrust, implied, pickWinners, weightedSupport, type MethodResult } from './common.js';

const PRIOR_ACCURACY = 0.8;

/**
 * Majority vote. Confidence: the share of the item's sources (their weight, with known facts)
 * that support the winner. Trust: the share of a source's claims that won, known items included
 * (1 for a source without claims: under vote every source weighs the same).
 *
 * @example
 * const { winner } = vote(problem);
 */
export function vote(p: Problem, known: Known | null = null): MethodResult {
  if (known) return knownVote(p, known);
  const ones = new Float64Array(p.sourceNames.length).fill(1);
  const score = weightedSupport(p, ones);
  const winner = pickWinners(p, score);
  const confidence = new Float64Array(winner.length);
  for (let i = 0; i < winner.length; i++) confidence[i] = p.itemSources[i]! > 0 ? score[winner[i]!]! / p.itemSources[i]! : 0;
  return { winner, confidence, trust: agreementTrust(p, winner, 1), iterations: 1 };
}

function knownVote(p: Problem, known: Known): MethodResult {
  const groups = Math.max(1, p.attributeNames.length);
  const { perGroup } = knownAccuracy(p, known, PRIOR_ACCURACY, groups);
  const weight = perGroup.map((a) => Math.max(0, Math.log(a / (1 - a))));
  const nClasses = p.classRep.length;
  const nItems = p.itemSubjects.length;
  const own = new Float64Array(nClasses);
  const itemWeight = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) {
    const g = p.itemAttribute[i]!;
    for (let c = p.itemClassStart[i]!; c < p.itemClassStart[i + 1]!; c++) {
      let sum = 0;
      for (let o = p.classObsStart[c]!; o < p.classObsStart[c + 1]!; o++) sum += weight[p.obsSource[o]! * groups + g]! * p.obsWeight[o]!;
      own[c] = sum;
      itemWeight[i]! += sum;
    }
  }
  const score = implied(p, own);
  const winner = pickWinners(p, score);
  for (const i of known.items) if (known.exact[i]! >= 0) winner[i] = known.exact[i]!;
  const confidence = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) confidence[i] = itemWeight[i]! > 0 ? score[winner[i]!]! / itemWeight[i]! : 0;
  return { winner, confidence, trust: agreementTrust(p, winner, 1, known), iterations: 1 };
}
