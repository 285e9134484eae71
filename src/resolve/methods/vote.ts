/**
 * Majority vote: each value scores the number of sources that claim it; a source counts once per
 * item (naming k values of one item, it gives each 1/k). The baseline every truth-discovery paper
 * compares against. With a tolerance a value also counts the sources that claimed a value within
 * tolerance of it, and a list the sources that named a part of it (|part| / |list| each): see
 * `implStart` in problem.ts.
 */
import type { Problem } from '../problem.js';
import { agreementTrust, pickWinners, weightedSupport, type MethodResult } from './common.js';

/**
 * Majority vote. Confidence: the share of the item's sources that support the winner. Trust: the share of a
 * source's claims that won (1 for a source without claims: under vote every source weighs the same).
 *
 * @example
 * const { winner } = vote(problem);
 */
export function vote(p: Problem): MethodResult {
  const ones = new Float64Array(p.sourceNames.length).fill(1);
  const score = weightedSupport(p, ones);
  const winner = pickWinners(p, score);
  const confidence = new Float64Array(winner.length);
  for (let i = 0; i < winner.length; i++) confidence[i] = p.itemSources[i]! > 0 ? score[winner[i]!]! / p.itemSources[i]! : 0;
  return { winner, confidence, trust: agreementTrust(p, winner, 1), iterations: 1 };
}
