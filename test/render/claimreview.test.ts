import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CorroborateError, reconcile, toClaimReview, type ReportInput } from '../../src/index.js';

// The shape fact-checking tools import (schema.org ClaimReview as Google reads it), checked strictly.
const Organization = z.object({ '@type': z.literal('Organization'), name: z.string().min(1), url: z.string().optional() }).strict();
const Appearance = z
  .object({
    '@type': z.literal('CreativeWork'),
    url: z.string().url().optional(),
    headline: z.string().optional(),
    publisher: Organization,
    datePublished: z.string().optional(),
  })
  .strict();
const ClaimReview = z
  .object({
    '@type': z.literal('ClaimReview'),
    url: z.string().url().optional(),
    identifier: z.string(),
    claimReviewed: z.string().min(1),
    itemReviewed: z
      .object({
        '@type': z.literal('Claim'),
        author: z.object({ '@type': z.literal('Person'), name: z.string() }).strict().optional(),
        appearance: z.array(Appearance).min(1),
        firstAppearance: Appearance,
      })
      .strict(),
    author: Organization,
    datePublished: z.string().optional(),
    reviewRating: z
      .object({
        '@type': z.literal('Rating'),
        ratingValue: z.number().int().min(1).max(4),
        bestRating: z.literal(4),
        worstRating: z.literal(1),
        alternateName: z.enum(['agree', 'compatible', 'conflict', 'single-source']),
        ratingExplanation: z.string(),
      })
      .strict(),
    text: z.string().min(1),
    reviewBody: z.string().min(1),
  })
  .strict();
const Document = z.object({ '@context': z.literal('https://schema.org'), '@graph': z.array(ClaimReview) }).strict();

const reports: ReportInput[] = [
  {
    id: 'morning',
    source: { id: 'river-herald', name: 'River Herald' },
    publishedAt: '2024-06-12T08:00:00+02:00',
    url: 'https://river-herald.example/ferry',
    title: 'Ferry capsizes near Halden',
    claims: [
      { subject: 'ferry', attribute: 'rescued', value: { kind: 'quantity', phrase: '23 passengers' } },
      { subject: 'ferry', attribute: 'day', value: { kind: 'time', phrase: 'on Monday' } },
    ],
  },
  {
    id: 'evening',
    source: { id: 'valley-times', name: 'Valley Times' },
    publishedAt: '2024-06-12',
    claims: [
      { subject: 'ferry', attribute: 'rescued', value: { kind: 'quantity', phrase: 'more than 20 passengers' } },
      { subject: 'ferry', attribute: 'day', value: { kind: 'time', phrase: 'on Tuesday' } },
    ],
  },
];

describe('toClaimReview', () => {
  const result = reconcile(reports);
  const doc = toClaimReview(result, { url: 'https://checks.example/ferry', author: { name: 'Checks Desk' } });

  it('has the schema.org ClaimReview shape, one review per finding in result order', () => {
    expect(Document.safeParse(doc).error?.issues ?? []).toEqual([]);
    expect(doc['@graph'].map((r) => r.identifier)).toEqual(result.findings.map((f) => f.id));
  });

  it('rates each claim by its verdict and explains it', () => {
    const day = doc['@graph'].find((r) => (r.claimReviewed as string).startsWith('ferry day'))!;
    expect(day.reviewRating).toMatchObject({ alternateName: 'conflict', ratingValue: 1 });
    expect(day.text).toBe(result.findings.find((f) => f.attribute === 'day')!.explanation);
    const rescued = doc['@graph'].find((r) => (r.claimReviewed as string).startsWith('ferry rescued'))!;
    expect(rescued.reviewRating).toMatchObject({ alternateName: 'compatible', ratingValue: 3 });
    expect(rescued.url).toBe(`https://checks.example/ferry#${encodeURIComponent(rescued.identifier as string)}`);
    expect(rescued.author).toEqual({ '@type': 'Organization', name: 'Checks Desk' });
  });

  it('lists an appearance per report, earliest first, with url, publisher and date', () => {
    const claim = doc['@graph'][0]!.itemReviewed as z.infer<typeof ClaimReview>['itemReviewed'];
    expect(claim.appearance).toEqual([
      { '@type': 'CreativeWork', publisher: { '@type': 'Organization', name: 'Valley Times' }, datePublished: '2024-06-12' },
      {
        '@type': 'CreativeWork',
        url: 'https://river-herald.example/ferry',
        headline: 'Ferry capsizes near Halden',
        publisher: { '@type': 'Organization', name: 'River Herald' },
        datePublished: '2024-06-12T08:00:00+02:00',
      },
    ]);
    expect(claim.firstAppearance).toEqual(claim.appearance[0]);
  });

  it('makes nothing up: no url or date unless given, and is the same for any input order', () => {
    const bare = toClaimReview(result);
    expect(bare['@graph'].every((r) => !('url' in r) && !('datePublished' in r))).toBe(true);
    expect(toClaimReview(reconcile([...reports].reverse()))).toEqual(bare);
  });

  it('rejects what is not a reconcile() result with the library error', () => {
    expect(() => toClaimReview({ version: 1 } as never)).toThrow(CorroborateError);
  });
});
