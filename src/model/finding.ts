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
/** See {@link VerdictSchema}. */
export type Verdict = z.infer<typeof VerdictSchema>;

/** The verdict of one pairwise comparison (never `single-source`). */
export const PairVerdictSchema = z.enum(['agree', 'compatible', 'conflict']);
/** See {@link PairVerdictSchema}. */
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
/** See {@link ReasonSchema}. */
export type Reason = z.infer<typeof ReasonSchema>;

/**
 * One step of a word-level diff from the first quote to the second.
 *
 * @example
 * WordDiffOpSchema.parse({ op: 'insert', text: 'Ministry of Electronics' });
 */
export const WordDiffOpSchema = z.strictObject({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() });
/** See {@link WordDiffOpSchema}. */
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
/** See {@link ComparisonSchema}. */
export type Comparison = z.infer<typeof ComparisonSchema>;

/**
 * What kind of fact a finding is about, derived from its values.
 *
 * @example
 * FactKindSchema.parse('count');
 */
export const FactKindSchema = z.enum(['count', 'date', 'quote', 'attribution', 'other']);
/** See {@link FactKindSchema}. */
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
/** See {@link FindingClaimSchema}. */
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
/** See {@link PairComparisonSchema}. */
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
/** See {@link ConsensusSchema}. */
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
/** See {@link FindingSchema}. */
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
/** See {@link SharedEvidenceSchema}. */
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
/** See {@link DependenceSchema}. */
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
/** See {@link ReconcileResultSchema}. */
export type ReconcileResult = z.infer<typeof ReconcileResultSchema>;
