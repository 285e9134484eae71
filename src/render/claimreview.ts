import * as z from 'zod/mini';
import { CorroborateError, ReconcileResultSchema, fromZodIssues, invalidArgument, type EntityValue, type Finding, type ReconcileResult, type Verdict } from '../model/index.js';
import { formatValue } from '../values/compare.js';
import { compareStrings } from '../values/canonical.js';

/**
 * Who publishes the reviews, and where; all optional, and nothing is made up when absent.
 *
 * @example
 * const options: ClaimReviewOptions = { url: 'https://checks.example/story-17', author: { name: 'Desk Checks' }, datePublished: '2021-02-10' };
 */
export interface ClaimReviewOptions {
  /** The page the reviews live on; each review's url is this plus `#` and the finding id. */
  url?: string;
  /** The reviewing organisation; no `author` when absent. */
  author?: { name: string; url?: string };
  /** The review date (ISO); omitted by default so the output depends only on the result. */
  datePublished?: string;
}

// The options' shape, so a JavaScript caller's `null` or a bad author is named rather than a TypeError.
const ClaimReviewOptionsSchema = z.looseObject({
  url: z.optional(z.string()),
  author: z.optional(z.looseObject({ name: z.string(), url: z.optional(z.string()) })),
  datePublished: z.optional(z.string()),
});

/**
 * The verdict as a schema.org rating: 4 agree, 3 compatible, 2 single-source, 1 conflict,
 * with `alternateName` the verdict itself (what fact-checking tools read).
 */
const RATING: Record<Verdict, number> = { agree: 4, compatible: 3, 'single-source': 2, conflict: 1 };

/**
 * One schema.org node as plain JSON: its `@type` and any other properties (typed `unknown`, so
 * narrow them before use).
 *
 * @example
 * const node: JsonLd = { '@type': 'Organization', name: 'Hindustan Times' };
 */
export type JsonLd = { '@type': string } & { [key: string]: unknown };

/**
 * Renders a result as schema.org ClaimReview JSON-LD: one `ClaimReview` per finding, whose
 * `itemReviewed` is a `Claim` with an `appearance` per report that makes it (url, publisher,
 * datePublished, headline) and, for a quote, the speaker as `author`; whose
 * `reviewRating.alternateName` is the verdict and whose `text` (and `reviewBody`) is the
 * explanation. Findings keep the result's order.
 *
 * @example
 * const doc = toClaimReview(reconcile(reports), { url: 'https://checks.example/story-17' });
 * // Nodes are JsonLd (property values `unknown`): state the shape you read.
 * type Review = { '@type': string; reviewRating: { alternateName: string }; itemReviewed: { appearance: { publisher: { name: string } }[] } };
 * const review = doc['@graph'][0] as Review;
 * review.reviewRating.alternateName; // 'conflict'
 * review.itemReviewed.appearance[0]?.publisher.name; // 'Hindustan Times'
 */
export function toClaimReview(result: ReconcileResult, options: ClaimReviewOptions = {}): { '@context': 'https://schema.org'; '@graph': JsonLd[] } {
  const parsed = ReconcileResultSchema.safeParse(result);
  if (!parsed.success) throw new CorroborateError('toClaimReview() expects a reconcile() result', fromZodIssues(parsed.error.issues));
  const checked = ClaimReviewOptionsSchema.safeParse(options);
  if (!checked.success) throw invalidArgument('toClaimReview', 'options', fromZodIssues(checked.error.issues));
  const { findings } = parsed.data;
  const reports = new Map(parsed.data.reports.map((r) => [r.id, r]));
  const author: JsonLd | undefined = options.author && {
    '@type': 'Organization',
    name: options.author.name,
    ...(options.author.url && { url: options.author.url }),
  };
  const links = linkQuotes(findings);
  const graph = findings.map((finding): JsonLd => {
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
    const speaker = finding.kind === 'quote' ? quoteSpeaker(finding, links) : undefined;
    return {
      '@type': 'ClaimReview',
      ...(options.url !== undefined && { url: `${options.url}#${encodeURIComponent(finding.id)}` }),
      identifier: finding.id,
      claimReviewed: claimText(finding, speaker, links),
      itemReviewed: {
        '@type': 'Claim',
        ...(speaker && { author: speakerNode(speaker) }),
        appearance: appearances,
        ...(appearances[0] && { firstAppearance: appearances[0] }),
      },
      ...(author && { author }),
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

/** A speaker: an entity read from text, or the name a structured claim gave. */
type Speaker = EntityValue | string;

/**
 * How quotes read from text meet their speakers: extract() gives the claim naming a quote's
 * speaker the quote claim's id plus "/speaker", and reconcile() puts those claims in
 * attribution findings. Keys are `report` and claim id.
 */
interface QuoteLinks {
  /** The attribution finding holding the speaker claim of a quote claim. */
  attribution: Map<string, Finding>;
  /** The quote finding holding a quote claim. */
  quote: Map<string, Finding>;
}

const SPEAKER_SUFFIX = '/speaker';
const claimKey = (report: string, id: string) => JSON.stringify([report, id]);

function linkQuotes(findings: readonly Finding[]): QuoteLinks {
  const links: QuoteLinks = { attribution: new Map(), quote: new Map() };
  for (const finding of findings) {
    for (const claim of finding.claims) {
      if (claim.id === undefined) continue;
      if (finding.kind === 'quote') links.quote.set(claimKey(claim.report, claim.id), finding);
      else if (finding.kind === 'attribution' && claim.id.endsWith(SPEAKER_SUFFIX)) {
        links.attribution.set(claimKey(claim.report, claim.id.slice(0, -SPEAKER_SUFFIX.length)), finding);
      }
    }
  }
  return links;
}

/**
 * Who said a quote: the consensus of its attribution finding (quotes read from text), else the
 * speaker most of its claims name (structured claims; the first on a tie).
 */
function quoteSpeaker(finding: Finding, links: QuoteLinks): Speaker | undefined {
  for (const claim of finding.claims) {
    const attribution = claim.id === undefined ? undefined : links.attribution.get(claimKey(claim.report, claim.id));
    const value = attribution?.consensus?.value;
    if (value?.kind === 'entity') return value;
  }
  const names = [finding.speaker, ...finding.claims.map((c) => c.speaker)].filter((n): n is string => typeof n === 'string' && n !== '');
  const count = new Map<string, number>();
  for (const name of names) count.set(name, (count.get(name) ?? 0) + 1);
  return names.reduce<string | undefined>((best, name) => (best === undefined || count.get(name)! > count.get(best)! ? name : best), undefined);
}

function speakerNode(speaker: Speaker): JsonLd {
  if (typeof speaker === 'string') return { '@type': 'Person', name: speaker };
  if (speaker.type === 'organisation') return { '@type': 'Organization', name: speaker.name };
  return { '@type': 'Person', name: speaker.name, ...(speaker.title && { jobTitle: speaker.title }) };
}

/**
 * The claim as a sentence: "SPEAKER said “…”" for a quote, "“…” was said by A / B" for who said
 * a quote, else "subject attribute — value / value"; the distinct values in claim order.
 */
function claimText(finding: Finding, speaker: Speaker | undefined, links: QuoteLinks): string {
  const values = [...new Set(finding.claims.map((c) => formatValue(c.value)))].join(' / ');
  if (finding.kind === 'quote') return speaker ? `${typeof speaker === 'string' ? speaker : formatValue(speaker)} said ${values}` : values;
  const quote = finding.kind === 'attribution' ? saidQuote(finding, links) : undefined;
  if (quote) return `${quote} was said by ${values}`;
  // Subjects of text findings already name the kind ("date (twitter, government)").
  return `${finding.subject.startsWith(finding.attribute) ? finding.subject : `${finding.subject} ${finding.attribute}`} — ${values}`;
}

/** The words an attribution finding says who said (as its quote finding has them), if it is one. */
function saidQuote(finding: Finding, links: QuoteLinks): string | undefined {
  for (const claim of finding.claims) {
    if (!claim.id?.endsWith(SPEAKER_SUFFIX)) continue;
    const quote = links.quote.get(claimKey(claim.report, claim.id.slice(0, -SPEAKER_SUFFIX.length)));
    const value = quote?.consensus?.value ?? quote?.claims[0]?.value;
    if (value) return formatValue(value);
  }
  return undefined;
}
