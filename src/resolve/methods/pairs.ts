/**
 * The similar class pairs of each item, sparse: only pairs with similarity > 0 are kept, so
 * methods that use similarity pay for the similar pairs, not for all pairs.
 */
import type { Problem } from '../problem.js';
import { jaccardSorted, numberSimilarity, timeSimilarity, valueTokens } from '../similarity.js';
import { KIND_NUMBER, KIND_OTHER, KIND_TIME } from '../values.js';

/**
 * Pairs (a, b) of classes of one item, a < b, with their similarity.
 *
 * @example
 * const { a, b, sim }: SimilarPairs = similarPairs(problem, 60);
 */
export interface SimilarPairs {
  a: Int32Array;
  b: Int32Array;
  sim: Float64Array;
}

// Past this many classes in one item, its pairs are not compared (a degenerate item must not cost k²).
const MAX_CLASSES = 2000;

/**
 * Similar pairs within items: times by {@link timeSimilarity} on `timeScaleMinutes`, numbers of one
 * unit by {@link numberSimilarity}, other values by token Jaccard of their strings; values of
 * different kinds are 0.
 *
 * @example
 * const pairs = similarPairs(problem, 60);
 */
export function similarPairs(p: Problem, timeScaleMinutes: number): SimilarPairs {
  const a: number[] = [];
  const b: number[] = [];
  const sim: number[] = [];
  const tokenIds = new Map<string, number>();
  const tokensOfValue = new Map<number, number[]>();
  const tokensOf = (c: number): number[] => {
    const rep = p.classRep[c]!;
    let tokens = tokensOfValue.get(rep);
    if (tokens === undefined) {
      tokens = valueTokens(p.compared[rep]).map((t) => {
        let id = tokenIds.get(t);
        if (id === undefined) tokenIds.set(t, (id = tokenIds.size));
        return id;
      });
      tokens.sort((x, y) => x - y);
      tokensOfValue.set(rep, tokens);
    }
    return tokens;
  };
  const nItems = p.itemSubjects.length;
  for (let i = 0; i < nItems; i++) {
    const start = p.itemClassStart[i]!;
    const end = p.itemClassStart[i + 1]!;
    if (end - start < 2 || end - start > MAX_CLASSES) continue;
    for (let c = start; c < end; c++) {
      const kind = p.classKind[c]!;
      for (let d = c + 1; d < end; d++) {
        // Classes are sorted by kind, then unit and position: past a change of kind or unit nothing is similar.
        if (p.classKind[d] !== kind || p.classDomain[d] !== p.classDomain[c]) break;
        let s: number;
        if (kind === KIND_TIME) {
          s = timeSimilarity(p.classX[c]!, p.classX[d]!, timeScaleMinutes);
          if (s <= 0) break; // sorted by time: later ones are further away
        } else if (kind === KIND_NUMBER) s = numberSimilarity(p.classX[c]!, p.classX[d]!);
        else if (kind === KIND_OTHER) s = jaccardSorted(tokensOf(c), tokensOf(d));
        else s = 0;
        if (s > 0) {
          a.push(c);
          b.push(d);
          sim.push(s);
        }
      }
    }
  }
  return { a: Int32Array.from(a), b: Int32Array.from(b), sim: Float64Array.from(sim) };
}
