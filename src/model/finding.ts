import * as z from 'zod/mini';
import { EvidenceSchema } from './claim.js';
import { DateOrDateTimeSchema, ValueSchema } from './value.js';

/**
 * The outcome of comparing claims: they say the same thing (`agree`), can both be true
 * (`compatible`: a hedge, rounding, a coarser date, an excerpt), cannot both be true
 * (`conflict`), or only one independent source says it (`single-source`).
 *
 * @example
 * VerdictSchema.parse('compatible');
 */
export const VerdictSchema = z.enum(['agree', 'compatible', 'conflict', 'single-source']);
/**
 * The outcome of comparing claims (see {@link VerdictSchema}).
 *
 * @example
 * const verdict: Verdict = 'single-source';
 */
export type Verdict = z.infer<typeof VerdictSchema>;

/**
 * The verdict of one pairwise comparison (never `single-source`).
 *
 * @example
 * PairVerdictSchema.parse('conflict'); // 'conflict'
 * PairVerdictSchema.safeParse('single-source').success; // false
 */
export const PairVerdictSchema = z.enum(['agree', 'compatible', 'conflict']);
/**
 * The verdict of comparing two values: `agree`, `compatible` or `conflict`
 * (see {@link PairVerdictSchema}).
 *
 * @example
 * const verdict: PairVerdict = 'compatible';
 */
export type PairVerdict = z.infer<typeof PairVerdictSchema>;

/**
 * Why a verdict was reached, as a stable code a program can switch on.
 *
 * @example
 * ReasonSchema.parse('rounding');
 */
export const ReasonSchema = z.enum([
  // agree
  'identical',
  'equal',
  'case',
  'punctuation',
  'alias',
  'same-organisation',
  // compatible
  'hedge',
  'rounding',
  'granularity',
  'excerpt',
  'initials',
  'timezone',
  'unresolved',
  'title',
  // compatible (a rising tally) or conflict (a tally revised down): a later report gives a newer figure
  'updated-later',
  // conflict
  'disjoint',
  'wording',
  'spelling',
  'unit',
  'different-entity',
  'different-role',
  'different-speaker',
  'different-kind',
  'different-value',
  // finding-level
  'single-source',
  'internal-conflict',
]);
/**
 * Why a verdict was reached, as a stable code (see {@link ReasonSchema}).
 *
 * @example
 * const reason: Reason = 'hedge'; // "1,178" lies within "over 1,000"
 */
export type Reason = z.infer<typeof ReasonSchema>;

/**
 * One step of a word-level diff from the first quote to the second.
 *
 * @example
 * WordDiffOpSchema.parse({ op: 'insert', text: 'Ministry of Electronics' });
 */
export const WordDiffOpSchema = z.strictObject({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() });
/**
 * One step of a word diff between two quotes (see {@link WordDiffOpSchema}).
 *
 * @example
 * const op: WordDiffOp = { op: 'insert', text: 'Honourable' };
 */
export type WordDiffOp = z.infer<typeof WordDiffOpSchema>;

/**
 * What comparing two values found, as plain data.
 *
 * @example
 * ComparisonSchema.parse({ verdict: 'compatible', reason: 'hedge', detail: '1178 lies in "over 1,000"' });
 */
export const ComparisonSchema = z.strictObject({
  verdict: PairVerdictSchema,
  reason: ReasonSchema,
  /** A short human-readable account of the comparison. */
  detail: z.string(),
  /** Word diff from the first to the second quote (quotes only). */
  diff: z.optional(z.array(WordDiffOpSchema)),
});
/**
 * What comparing two values found: verdict, reason, a readable detail and, for quotes, a word
 * diff (see {@link ComparisonSchema}).
 *
 * @example
 * const comparison: Comparison = {
 *   verdict: 'conflict', reason: 'wording', detail: 'wording differs: "Honourable" added',
 *   diff: [{ op: 'equal', text: 'we have reached out to the' }, { op: 'insert', text: 'Honourable' }, { op: 'equal', text: 'minister' }],
 * };
 */
export type Comparison = z.infer<typeof ComparisonSchema>;

/**
 * What kind of fact a finding is about, derived from its values.
 *
 * @example
 * FactKindSchema.parse('count');
 */
export const FactKindSchema = z.enum(['count', 'date', 'quote', 'attribution', 'other']);
/**
 * What kind of fact a finding is about (see {@link FactKindSchema}).
 *
 * @example
 * const kind: FactKind = 'date';
 */
export type FactKind = z.infer<typeof FactKindSchema>;

/**
 * One claim as it appears in a finding: which report, which source, what value, where.
 *
 * @example
 * FindingClaimSchema.parse({ report: 'ht', source: 'ht', value: { kind: 'boolean', value: true } });
 */
export const FindingClaimSchema = z.strictObject({
  report: z.string(),
  source: z.string(),
  id: z.optional(z.string()),
  speaker: z.optional(z.string()),
  value: ValueSchema,
  evidence: z.optional(EvidenceSchema),
});
/**
 * One claim inside a finding: its report, source, value and evidence (see {@link FindingClaimSchema}).
 *
 * @example
 * const claim: FindingClaim = {
 *   report: 'jagran', source: 'jagran',
 *   value: { kind: 'quantity', value: 1000, min: 1000, max: null, qualifier: 'over', precision: 1000, unit: 'accounts', text: 'over 1,000 accounts' },
 * };
 */
export type FindingClaim = z.infer<typeof FindingClaimSchema>;

/**
 * A pairwise comparison inside a finding; `between` indexes into the finding's `claims`.
 *
 * @example
 * PairComparisonSchema.parse({ between: [0, 1], verdict: 'agree', reason: 'equal', detail: 'both 1178' });
 */
export const PairComparisonSchema = z.extend(ComparisonSchema, {
  between: z.tuple([z.number().check(z.int()), z.number().check(z.int())]),
});
/**
 * A comparison of two of a finding's claims, by index (see {@link PairComparisonSchema}).
 *
 * @example
 * const pair: PairComparison = { between: [0, 1], verdict: 'compatible', reason: 'hedge', detail: '"1,178 accounts" lies within "over 1,000 accounts"' };
 */
export type PairComparison = z.infer<typeof PairComparisonSchema>;

/**
 * The value the reports most plausibly support, how sure we are, and how it was chosen:
 * `agreement` (the most specific value consistent with all claims), `weighted-vote`
 * (claims conflict; independent witnesses weighted by reliability), `latest` (a developing
 * tally such as a death toll: the most recently published figure, see reason `updated-later`),
 * or `single-source`.
 *
 * @example
 * ConsensusSchema.parse({
 *   value: { kind: 'boolean', value: true }, confidence: 0.75, method: 'agreement',
 *   reports: ['ht', 'jagran'], independentSources: 2,
 * });
 */
export const ConsensusSchema = z.strictObject({
  value: ValueSchema,
  confidence: z.number().check(z.minimum(0), z.maximum(1)),
  method: z.enum(['agreement', 'weighted-vote', 'latest', 'single-source']),
  /** Reports whose claims support the chosen value. */
  reports: z.array(z.string()),
  /**
   * Independent witnesses behind the chosen value: a source counts once however many reports it
   * has, and reports that copy each other (see `dependence`) count once for what they copied.
   */
  independentSources: z.number().check(z.int(), z.minimum(0)),
});
/**
 * The value the reports most plausibly support, with confidence and method (see {@link ConsensusSchema}).
 *
 * @example
 * const consensus: Consensus = {
 *   value: { kind: 'quantity', value: 1178, min: 1178, max: 1178, qualifier: 'exact', precision: 1, unit: 'accounts', text: '1,178 accounts' },
 *   confidence: 0.75, method: 'agreement', reports: ['ht', 'jagran'], independentSources: 2,
 * };
 */
export type Consensus = z.infer<typeof ConsensusSchema>;

/**
 * One slot's outcome: the verdict over all its claims, the deciding reason, the claims with
 * their evidence, every pairwise comparison, a consensus, and a sentence a person can check.
 *
 * @example
 * // produced by reconcile(); see its example
 */
export const FindingSchema = z.strictObject({
  /** Stable id derived from the slot, unchanged when unrelated reports are added. */
  id: z.string(),
  kind: FactKindSchema,
  verdict: VerdictSchema,
  reason: ReasonSchema,
  subject: z.string(),
  attribute: z.string(),
  /** The speaker shared by the slot's claims; null for the outlets' own voice and for quotes. */
  speaker: z.nullable(z.string()),
  explanation: z.string(),
  claims: z.array(FindingClaimSchema),
  comparisons: z.array(PairComparisonSchema),
  consensus: z.nullable(ConsensusSchema),
  /**
   * Independent witnesses among the claims: distinct sources, with reports that copy each
   * other (see `ReconcileResult.dependence`) counted once for the claims they share.
   */
  independentSources: z.number().check(z.int(), z.minimum(0)),
});
/**
 * One fact's outcome across the reports (see {@link FindingSchema}).
 *
 * @example
 * // One report's count: what reconcile() gives for it.
 * const finding: Finding = {
 *   id: 'f-0dabe2c95fef92', kind: 'count', verdict: 'single-source', reason: 'single-source',
 *   subject: 'fresh-order', attribute: 'accounts', speaker: null,
 *   explanation: 'Only Hindustan Times reports this: 1178 accounts.',
 *   claims: [{ report: 'ht', source: 'Hindustan Times', value: { kind: 'quantity', value: 1178, min: 1178, max: 1178, qualifier: 'exact', precision: 1, unit: 'accounts' } }],
 *   comparisons: [],
 *   consensus: { value: { kind: 'quantity', value: 1178, min: 1178, max: 1178, qualifier: 'exact', precision: 1, unit: 'accounts' }, confidence: 0.5, method: 'single-source', reports: ['ht'], independentSources: 1 },
 *   independentSources: 1,
 * };
 */
export type Finding = z.infer<typeof FindingSchema>;

/**
 * A stretch of one report's text that is evidence of copying: wording shared with another
 * report (quotes excluded: quoting the same person is legitimate), or a wire credit line
 * ("(PTI)", "— Reuters", "(With inputs from IANS)"). Offsets are UTF-16 offsets into the
 * report's `text`, so `text.slice(start, end) === evidence.text`.
 *
 * @example
 * SharedEvidenceSchema.parse({ report: 'ht', kind: 'wording', text: 'It has also warned Twitter of penal action', start: 1510, end: 1552 });
 */
export const SharedEvidenceSchema = z
  .strictObject({
    report: z.string(),
    /** `wording` shared with the other report, or a wire `credit` line both reports carry. */
    kind: z.enum(['wording', 'credit']),
    text: z.string(),
    start: z.number().check(z.int(), z.minimum(0)),
    end: z.number().check(z.int(), z.minimum(0)),
  })
  .check(z.refine((e) => e.end >= e.start, { message: 'end must not be before start', path: ['end'] }));
/**
 * A stretch of one report's text that shows copying: shared wording or a wire credit
 * (see {@link SharedEvidenceSchema}).
 *
 * @example
 * // 'New Delhi, Feb 8 (PTI) The government said it would respond.'
 * const credit: SharedEvidence = { report: 'ht', kind: 'credit', text: '(PTI)', start: 17, end: 22 };
 */
export type SharedEvidence = z.infer<typeof SharedEvidenceSchema>;

/**
 * Two reports that are not independent: one copies the other, or both copy a third (a wire
 * story). `score` in [0, 1] is the share of the shorter report's own wording (quotes excluded)
 * found in the other, raised when both credit the same wire agency (`wires`). `shared` lists the
 * copied stretches and credit lines in both reports, first report first, in text order.
 *
 * @example
 * DependenceSchema.parse({ reports: ['a', 'b'], score: 0.42, wires: ['PTI'], shared: [] });
 */
export const DependenceSchema = z.strictObject({
  /** The two report ids, sorted. */
  reports: z.tuple([z.string(), z.string()]),
  score: z.number().check(z.minimum(0), z.maximum(1)),
  /** Wire agencies both reports credit (canonical names, sorted). */
  wires: z.array(z.string()),
  shared: z.array(SharedEvidenceSchema),
});
/**
 * Two reports that copy each other, with the score and the copied stretches (see {@link DependenceSchema}).
 *
 * @example
 * const text = 'Rescue teams worked through the night to reach the eleven miners trapped near the old shaft';
 * // reports a: text + '. (PTI)' and b: text + ', officials said.'
 * const pair: Dependence = {
 *   reports: ['a', 'b'], score: 0.9412, wires: [],
 *   shared: [{ report: 'a', kind: 'wording', text, start: 0, end: 91 }, { report: 'b', kind: 'wording', text, start: 0, end: 91 }],
 * };
 */
export type Dependence = z.infer<typeof DependenceSchema>;

/**
 * The whole outcome of reconcile(): the reports considered, a summary count per verdict, the
 * findings (conflicts first) and the pairs of reports that copy each other.
 *
 * @example
 * // const result: ReconcileResult = reconcile(reports);
 */
export const ReconcileResultSchema = z.strictObject({
  version: z.literal(1),
  reports: z.array(
    z.strictObject({
      id: z.string(),
      source: z.string(),
      sourceName: z.string(),
      publishedAt: z.nullable(DateOrDateTimeSchema),
      /** The article's address, when the report gave one. */
      url: z.optional(z.string()),
      title: z.optional(z.string()),
    }),
  ),
  summary: z.strictObject({
    findings: z.number().check(z.int()),
    conflict: z.number().check(z.int()),
    compatible: z.number().check(z.int()),
    agree: z.number().check(z.int()),
    singleSource: z.number().check(z.int()),
  }),
  findings: z.array(FindingSchema),
  /**
   * Pairs of reports (with text) that are dependent, sorted by their ids. Added within
   * version 1; results written before it may lack the field (read as empty).
   */
  dependence: z._default(z.array(DependenceSchema), []),
});
/**
 * What reconcile() returns: the reports, a count per verdict, the findings (conflicts first)
 * and the dependent pairs (see {@link ReconcileResultSchema}).
 *
 * @example
 * // reconcile() of one report with no claims
 * const result: ReconcileResult = {
 *   version: 1,
 *   reports: [{ id: 'ht', source: 'ht', sourceName: 'Hindustan Times', publishedAt: '2021-02-08' }],
 *   summary: { findings: 0, conflict: 0, compatible: 0, agree: 0, singleSource: 0 },
 *   findings: [],
 *   dependence: [],
 * };
 */
export type ReconcileResult = z.infer<typeof ReconcileResultSchema>;
