import { describe, expect, it } from 'vitest';
import { claimReviewDocument, claimReviewFeed, claimReviewed, jsonForScript, type ReviewedClaim } from './claim-review';

const publisher = { name: 'Example Desk', url: 'https://desk.example' };
const claim: ReviewedClaim = {
  url: 'https://desk.example/claims/4/grant',
  statement: 'The scheme was paid for entirely by a national grant.',
  status: 'false',
  statusNote: 'Budget papers show a third came from local funds.',
  reviewedAt: new Date('2026-05-04T10:00:00Z'),
  updatedAt: new Date('2026-05-05T10:00:00Z'),
  claimant: { name: 'A. Mayor', kind: 'person', url: 'https://desk.example/parties/a-mayor' },
  appearances: [
    { url: 'https://paper.example/a', headline: 'First', outlet: 'The Paper', publishedAt: new Date('2026-05-01T00:00:00Z') },
    { url: 'https://paper.example/b', headline: 'Second', outlet: 'The Paper', publishedAt: null },
  ],
};

describe('ClaimReview', () => {
  it('has every field aggregators require', () => {
    const doc = claimReviewDocument(claim, publisher)!;
    expect(doc).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: claim.url,
      claimReviewed: claim.statement,
      datePublished: '2026-05-04',
      author: { '@type': 'Organization', name: 'Example Desk', url: 'https://desk.example' },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'False',
        ratingExplanation: claim.statusNote,
      },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'A. Mayor' },
        datePublished: '2026-05-01',
        firstAppearance: { '@type': 'CreativeWork', url: 'https://paper.example/a' },
      },
    });
    expect(doc.itemReviewed.appearance).toHaveLength(2);
  });

  it('names the newsroom’s methodology and corrections policy where schema.org has properties for them', () => {
    const withPolicies = { ...publisher, publishingPrinciples: 'https://desk.example/about/methodology', correctionsPolicy: 'https://desk.example/about/corrections' };
    const doc = claimReviewDocument(claim, withPolicies)!;
    expect(doc.author).toEqual({
      '@type': 'Organization',
      name: 'Example Desk',
      url: 'https://desk.example',
      publishingPrinciples: 'https://desk.example/about/methodology',
      correctionsPolicy: 'https://desk.example/about/corrections',
    });
    expect(doc.publishingPrinciples).toBe('https://desk.example/about/methodology');
    // Without them nothing empty is written.
    expect(JSON.stringify(claimReviewDocument(claim, publisher))).not.toMatch(/Policy|publishingPrinciples/);
  });

  it('is absent when the status is not a verdict', () => {
    for (const status of ['unverified', 'disputed', 'retracted', 'opinion', 'prediction', 'not_checkable'] as const) {
      expect(claimReviewDocument({ ...claim, status }, publisher)).toBeNull();
    }
  });

  it('keeps claimReviewed short and free of the rating', () => {
    const long = 'word '.repeat(200);
    expect(claimReviewed(long).length).toBeLessThanOrEqual(280);
    expect(claimReviewDocument(claim, publisher)!.claimReviewed).not.toMatch(/false/i);
  });

  it('feeds only claims with a verdict', () => {
    const others = (['unverified', 'opinion', 'prediction', 'not_checkable'] as const).map((status) => ({ ...claim, status }));
    const feed = claimReviewFeed([claim, ...others], publisher, 'https://desk.example/f', new Date());
    expect(feed['@type']).toBe('DataFeed');
    expect(feed.dataFeedElement).toHaveLength(1);
  });

  it('serialises safely inside a script element', () => {
    const text = jsonForScript({ s: '</script><script>alert(1)</script>&' });
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual({ s: '</script><script>alert(1)</script>&' });
  });

  it('writes characters HTML forbids in a document as \\u escapes, keeping the data exact', () => {
    const value = { s: 'a\u007f\u0085\u009f\ufffe\uffff\ufdd0\u0001b' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[\0-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
