/**
 * fuse(): truth discovery over structured claims. Claims are interned into integer ids
 * ({@link ClaimTable}), grouped into value classes per item ({@link buildProblem}) and handed to
 * one method; every method runs over typed arrays, so millions of claims fuse in seconds.
 */
import * as z from 'zod/mini';
import { CorroborateError, fromZodIssues } from '../model/index.js';
import { configureZod } from '../model/zod-config.js';
import { accu } from './methods/accu.js';
import type { MethodOptions, MethodResult } from './methods/common.js';
import { crh } from './methods/crh.js';
import { investment } from './methods/investment.js';
import { checkKnown, resolveKnown, type Known } from './known.js';
import { truthfinder } from './methods/truthfinder.js';
import { vote } from './methods/vote.js';
import { buildProblem, type Problem } from './problem.js';
import { ClaimTable } from './table.js';
import { FUSE_METHODS, type FuseClaim, type FuseMethod, type FuseOptions, type FuseResult, type FusedItem } from './types.js';

configureZod();

const probability = z.number().check(z.gt(0), z.lt(1));
const nonnegative = z.number().check(z.nonnegative());
const positive = z.number().check(z.positive());
const OptionsSchema = z.strictObject({
  method: z.optional(z.enum(FUSE_METHODS as [FuseMethod, ...FuseMethod[]])),
  timeToleranceMinutes: z.optional(nonnegative),
  relativeTolerance: z.optional(nonnegative),
  maxIterations: z.optional(z.number().check(z.int(), z.minimum(1))),
  normalize: z.optional(z.function()),
  sources: z.optional(z.array(z.string().check(z.minLength(1)))),
  listSubsets: z.optional(z.boolean()),
  timeScaleMinutes: z.optional(positive),
  truthfinder: z.optional(
    z.strictObject({
      gamma: z.optional(positive),
      rho: z.optional(nonnegative),
      initialTrust: z.optional(probability),
      baseSimilarity: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
    }),
  ),
  accu: z.optional(
    z.strictObject({
      alpha: z.optional(probability),
      copyRate: z.optional(probability),
      falseValues: z.optional(z.number().check(z.minimum(1))),
      initialAccuracy: z.optional(probability),
      copyDetection: z.optional(z.boolean()),
      perAttribute: z.optional(z.boolean()),
      attributePrior: z.optional(nonnegative),
      damping: z.optional(z.number().check(z.minimum(0), z.lt(1))),
    }),
  ),
  investmentExponent: z.optional(positive),
  known: z.optional(z.unknown()), // checked by checkKnown (paths per fact)
});

/**
 * Chooses one value per data item (subject, attribute) from conflicting claims and learns how far
 * to trust each source. `claims` is any iterable of claims, or a {@link ClaimTable} already filled
 * (e.g. while streaming a file).
 *
 * Methods (`options.method`, default 'vote'): `vote`; `truthfinder` (Yin, Han, Yu 2007);
 * `crh` (Li et al. 2014); `investment` and `pooled-investment` (Pasternack & Roth 2010);
 * `accu` (Dong, Berti-Equille, Srivastava 2009, with copy detection). See each module.
 *
 * Equal values: by canonical JSON (exact; pass `normalize` to fold case, trim…); times as
 * instants, numbers per unit. Every claimed value is a candidate. With `timeToleranceMinutes` /
 * `relativeTolerance`, a claim also supports every candidate within tolerance of it (a time 2
 * minutes off counts for the chosen time), and with `listSubsets` (default on) a list supports
 * the longer lists it is part of, with weight |part| / |list| (a source naming only the first
 * author half-supports the two authors). `sources` of an item are the sources whose claim equals
 * the chosen value or lies within tolerance of it. The reported value is the original value most
 * sources gave among those equal to the chosen one.
 *
 * Ties: a higher score wins; then the value more sources claim exactly; then the smaller number,
 * earlier time, or canonical JSON that sorts first. Claims are put in a canonical order first, so the
 * result never depends on their order.
 *
 * Known facts (`known`, semi-supervised; see known.ts): items whose value the caller verified
 * are fixed to it in every round and reported with it (confidence 1); each method starts every
 * source's trust from its agreement with them and learns it against them. Without known facts
 * (absent, empty, or none about a claimed item) the result is exactly the unsupervised one.
 *
 * Throws CorroborateError for a bad claim (path `[index, field]`) or bad options (path
 * `['options', …]`; a bad known fact `['options', 'known', index, field]`).
 *
 * @example
 * const result = fuse([
 *   { source: 'a', subject: 'AA-1007', attribute: 'gate', value: 'F78' },
 *   { source: 'b', subject: 'AA-1007', attribute: 'gate', value: 'F78' },
 *   { source: 'c', subject: 'AA-1007', attribute: 'gate', value: 'F87' },
 * ], { method: 'accu' });
 * result.items[0]; // { subject: 'AA-1007', attribute: 'gate', value: 'F78', confidence: …, sources: ['a', 'b'] }
 */
export function fuse(claims: Iterable<FuseClaim> | ClaimTable, options: FuseOptions = {}): FuseResult {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw new CorroborateError('Invalid fuse options', fromZodIssues(parsed.error.issues, ['options']));
  const method = options.method ?? 'vote';
  const facts = options.known === undefined ? [] : checkKnown(options.known);
  const table = claims instanceof ClaimTable ? claims : new ClaimTable().addAll(claims);
  const problem = buildProblem(table, {
    timeToleranceMinutes: options.timeToleranceMinutes ?? 0,
    relativeTolerance: options.relativeTolerance ?? 0,
    normalize: options.normalize,
    sources: options.sources,
    listSubsets: options.listSubsets,
  });
  const known =
    facts.length > 0
      ? resolveKnown(problem, facts, {
          timeToleranceMinutes: options.timeToleranceMinutes ?? 0,
          relativeTolerance: options.relativeTolerance ?? 0,
          listSubsets: options.listSubsets ?? true,
          normalize: options.normalize,
        })
      : null;
  const result = runMethod(method, problem, methodOptions(method, options), known);
  return toResult(method, problem, result, known);
}

function methodOptions(method: FuseMethod, options: FuseOptions): MethodOptions {
  const tf = options.truthfinder ?? {};
  const ac = options.accu ?? {};
  return {
    maxIterations: options.maxIterations ?? 20,
    timeScaleMinutes: options.timeScaleMinutes ?? 60,
    truthfinder: { gamma: tf.gamma ?? 0.3, rho: tf.rho ?? 0.5, initialTrust: tf.initialTrust ?? 0.9, baseSimilarity: tf.baseSimilarity ?? 0.5 },
    accu: {
      alpha: ac.alpha ?? 0.1,
      copyRate: ac.copyRate ?? 0.8,
      falseValues: ac.falseValues ?? 100,
      initialAccuracy: ac.initialAccuracy ?? 0.8,
      copyDetection: ac.copyDetection ?? true,
      perAttribute: ac.perAttribute ?? true,
      attributePrior: ac.attributePrior ?? 10,
      damping: ac.damping ?? 0,
    },
    investmentExponent: options.investmentExponent ?? (method === 'pooled-investment' ? 1.4 : 1.2),
  };
}

function runMethod(method: FuseMethod, problem: Problem, options: MethodOptions, known: Known | null): MethodResult {
  switch (method) {
    case 'vote':
      return vote(problem, known);
    case 'truthfinder':
      return truthfinder(problem, options, known);
    case 'crh':
      return crh(problem, options, known);
    case 'investment':
      return investment(problem, options, false, known);
    case 'pooled-investment':
      return investment(problem, options, true, known);
    case 'accu':
      return accu(problem, options, known);
  }
}

function clamp01(x: number): number {
  return Number.isNaN(x) ? 0 : Math.min(1, Math.max(0, x));
}

function toResult(method: FuseMethod, p: Problem, r: MethodResult, known: Known | null): FuseResult {
  const nItems = p.itemSubjects.length;
  const items: FusedItem[] = new Array(nItems);
  for (let i = 0; i < nItems; i++) {
    if (known?.itemKnown[i] === 1) {
      items[i] = knownItem(p, known, i);
      continue;
    }
    const c = r.winner[i]!;
    // Sources whose claim equals the chosen value or lies within tolerance of it (not a partial sub-list).
    const ids: number[] = [];
    for (let k = p.implStart[c]!; k < p.implStart[c + 1]!; k++) {
      if (p.implWeight[k]! < 1) continue;
      const d = p.implClass[k]!;
      for (let o = p.classObsStart[d]!; o < p.classObsStart[d + 1]!; o++) ids.push(p.obsSource[o]!);
    }
    if (p.implStart[c + 1]! - p.implStart[c]! > 1) ids.sort((a, b) => a - b);
    const sources: string[] = [];
    for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) sources.push(p.sourceNames[ids[k]!]!);
    items[i] = {
      subject: p.itemSubjects[i]!,
      attribute: p.itemAttributes[i]!,
      value: p.values[p.classRep[c]!],
      confidence: clamp01(r.confidence[i]!),
      sources,
    };
  }
  const trust = p.sourceNames.map((source, s) => ({ source, trust: clamp01(r.trust[s]!) }));
  return {
    method,
    items,
    trust,
    iterations: r.iterations,
    stats: { claims: p.claims, sources: p.sourceNames.length, items: nItems, values: p.classRep.length },
  };
}

/** A known item: the known value, confidence 1, the sources whose claim equals it or lies within tolerance of it. */
function knownItem(p: Problem, known: Known, i: number): FusedItem {
  const ids: number[] = [];
  for (let c = p.itemClassStart[i]!; c < p.itemClassStart[i + 1]!; c++) {
    if (known.credit[c]! < 1) continue;
    for (let o = p.classObsStart[c]!; o < p.classObsStart[c + 1]!; o++) ids.push(p.obsSource[o]!);
  }
  ids.sort((a, b) => a - b);
  const sources: string[] = [];
  for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) sources.push(p.sourceNames[ids[k]!]!);
  return { subject: p.itemSubjects[i]!, attribute: p.itemAttributes[i]!, value: known.values.get(i), confidence: 1, sources };
}
