import { describe, expect, it } from 'vitest';
import { compareArticles, reconcile, toClaimReview } from '../../src/index.js';

// Who said a quote, and how each claim reads, in the ClaimReview output (README, "ClaimReview").
type Review = { claimReviewed: string; itemReviewed: { author?: unknown }; author?: unknown; reviewRating: { alternateName: string } };

const reviews = (doc: ReturnType<typeof toClaimReview>) => doc['@graph'] as unknown as Review[];

describe('toClaimReview on articles', () => {
  const result = compareArticles([
    { id: 'wire', source: 'City Wire', publishedAt: '2025-10-14', text: 'The strike was "deeply disappointing", Transport minister Claire Dunn said on Tuesday.' },
    { id: 'star', source: 'Evening Star', publishedAt: '2025-10-15', text: 'Transport minister Clare Dunn said the strike was "deeply disappointing".' },
  ]);
  const doc = reviews(toClaimReview(result));

  it('gives a quote its speaker as itemReviewed.author and says who said it', () => {
    const quote = doc.find((r) => r.claimReviewed.endsWith('said “deeply disappointing”'))!;
    expect(quote.claimReviewed).toBe('Transport minister Claire Dunn said “deeply disappointing”');
    expect(quote.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Claire Dunn', jobTitle: 'Transport minister' });
  });

  it('reads the attribution as a sentence, not "who said … speaker"', () => {
    const who = doc.find((r) => r.claimReviewed.includes('was said by'))!;
    expect(who.claimReviewed).toBe('“deeply disappointing” was said by Transport minister Claire Dunn / Transport minister Clare Dunn');
    expect(who.reviewRating.alternateName).toBe('conflict');
    expect(who.itemReviewed.author).toBeUndefined();
  });

  it('names no reviewing organisation unless one is given', () => {
    expect(doc.every((r) => !('author' in r))).toBe(true);
    const named = reviews(toClaimReview(result, { author: { name: 'Checks Desk', url: 'https://checks.example' } }));
    expect(named[0]!.author).toEqual({ '@type': 'Organization', name: 'Checks Desk', url: 'https://checks.example' });
  });
});

describe('toClaimReview on structured claims', () => {
  it('takes the speaker most claims of a quote name', () => {
    const quote = (id: string, speaker: string) => ({
      id,
      source: id,
      claims: [{ subject: 'statement', attribute: 'quote', speaker, value: { kind: 'quote' as const, phrase: 'We review every report' } }],
    });
    const doc = reviews(toClaimReview(reconcile([quote('a', 'Twitter'), quote('b', 'a spokesperson of Twitter'), quote('c', 'a spokesperson of Twitter')])));
    expect(doc).toHaveLength(1);
    expect(doc[0]!.claimReviewed).toBe('a spokesperson of Twitter said “We review every report”');
    expect(doc[0]!.itemReviewed.author).toEqual({ '@type': 'Person', name: 'a spokesperson of Twitter' });
  });
});
