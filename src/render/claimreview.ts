import { CorroborateError, ReconcileResultSchema, fromZodIssues, type Finding, type ReconcileResult, type Verdict } from '../model/index.js';
import { formatValue } from '../values/compare.js';
import { compareStrings } from '../values/canonical.js';

/** Who publishes the reviews, and where; all optional, and nothing is made up when absent. */
export interface ClaimReviewOptions {
  /** The page the reviews live on; each review's url is this plus `#` and the finding id. */
  url?: string;
  /** The reviewing organisation (default "corroborate"). */
  author?: { name: string; url?: string };
  /** The review date (ISO); omitted by default so the output depends only on the result. */
  datePublished?: string;
}

/**
 * The verdict as a schema.org rating: 4 agree, 3 compatible, 2 single-source, 1 conflict,
 * with `alternateName` the verdict itself (what fact-checking tools read).
 */
const RATING: Record<Verdict, number> = { agree: 4, compatible: 3, 'single-source': 2, conflict: 1 };

/** One schema.org node as plain JSON. */
export type JsonLd = { '@type': string } & { [key: string]: unknown };

/**
 * Renders a result as schema.org ClaimReview JSON-LD: one `ClaimReview` per finding, whose
 * `itemReviewed` is a `Claim` with an `appearance` per report that makes it (url, publisher,
 * datePublished, headline), whose `reviewRating.alternateName` is the verdict and whose `text`
 * (and `reviewBody`) is the explanation. Findings keep the result's order.
 *
 * @example
 * const doc = toClaimReview(reconcile(reports), { url: 'https://checks.example/story-17' });
 * doc['@graph'][0].reviewRating.alternateName; // 'conflict'
 * doc['@graph'][0].itemReviewed.appearance[0].publisher.name; // 'Hindustan Times'
 */
export function toClaimReview(result: ReconcileResult, options: ClaimReviewOptions = {}): { '@context': 'https://schema.org'; '@graph': JsonLd[] } {
  const parsed = ReconcileResultSchema.safeParse(result);
  if (!parsed.success) throw new CorroborateError('toClaimReview() expects a reconcile() result', fromZodIssues(parsed.error.issues));
  const reports = new Map(parsed.data.reports.map((r) => [r.id, r]));
  const author: JsonLd = { '@type': 'Organization', name: options.author?.name ?? 'corroborate', ...(options.author?.url && { url: options.author.url }) };
  const graph = parsed.data.findings.map((finding): JsonLd => {
    const appearances = [...new Set(finding.claims.map((c) => c.report))]
      .map((id) => reports.get(id)!)
      .sort((a, b) => compareStrings(a.publishedAt ?? '\uffff', b.publishedAt ?? '\uffff') || compareStrings(a.id, b.id))
      .map(
        (r): JsonLd => ({
          '@type': 'CreativeWork',
          ...(r.url !== undefined && { url: r.url }),
          ...(r.title !== undefined && { headline: r.title }),
          publisher: { '@type': 'Organization', name: r.sourceName },
          ...(r.publishedAt !== null && { datePublished: r.publishedAt }),
        }),
      );
    const speaker = finding.speaker ?? finding.claims.find((c) => c.speaker)?.speaker;
    return {
      '@type': 'ClaimReview',
      ...(options.url !== undefined && { url: `${options.url}#${encodeURIComponent(finding.id)}` }),
      identifier: finding.id,
      claimReviewed: claimText(finding),
      itemReviewed: {
        '@type': 'Claim',
        ...(speaker && { author: { '@type': 'Person', name: speaker } }),
        appearance: appearances,
        ...(appearances[0] && { firstAppearance: appearances[0] }),
      },
      author,
      ...(options.datePublished !== undefined && { datePublished: options.datePublished }),
      reviewRating: {
        '@type': 'Rating',
        ratingValue: RATING[finding.verdict],
        bestRating: RATING.agree,
        worstRating: RATING.conflict,
        alternateName: finding.verdict,
        ratingExplanation: finding.reason,
      },
      text: finding.explanation,
      reviewBody: finding.explanation,
    };
  });
  return { '@context': 'https://schema.org', '@graph': graph };
}

/** "subject attribute — value / value", the distinct values in claim order. */
function claimText(finding: Finding): string {
  const values = [...new Set(finding.claims.map((c) => formatValue(c.value)))];
  // Subjects of text findings already name the kind ("date (twitter, government)"); quotes are their own subject.
  const named = finding.kind === 'quote' || finding.subject.startsWith(finding.attribute);
  return `${named ? finding.subject : `${finding.subject} ${finding.attribute}`} — ${values.join(' / ')}`;
}
