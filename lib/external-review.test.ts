import { describe, expect, it } from 'vitest';
import { jsonLdDocuments, OWN_REVIEWS, parseClaimReviews } from './external-review';
import { claimReviewFeed } from './claim-review';
import { fixtureFeed, hostileDocuments } from './testing/claim-review-fixtures';

describe('reading other fact-checkers’ ClaimReviews', () => {
  it('refuses a document holding our own reviews whole, before any review is checked, and only ours', () => {
    const ours = (n: number, claim: string) => ({
      '@type': 'ClaimReview',
      url: `https://newsroom.example/claims/${n}/x`,
      claimReviewed: claim,
      author: { '@type': 'Organization', name: 'Claimline' },
      reviewRating: { '@type': 'Rating', alternateName: 'Disputed' },
    });
    // Our own feed, one of whose older statements holds a control character (stored before they were refused).
    const feed = JSON.stringify({ '@context': 'https://schema.org', '@type': 'DataFeed', dataFeedElement: [ours(1, 'The ferry runs \u0001 late'), ours(2, 'Fares — 运费 — rose')] });
    expect(parseClaimReviews([feed], { ownOrigin: 'https://newsroom.example' })).toEqual({ ok: false, message: OWN_REVIEWS });
    // Another site's reviews, or ours on another origin (http, www), are read as before.
    expect(parseClaimReviews([JSON.stringify(fixtureFeed('t1'))], { ownOrigin: 'https://newsroom.example' })).toMatchObject({ ok: true });
    expect(parseClaimReviews([feed], { ownOrigin: 'https://www.newsroom.example' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Nothing was imported/) });
  });

  it('reads every review of a DataFeed, direct and as DataFeedItem, with their ratings as published', () => {
    const result = parseClaimReviews([JSON.stringify(fixtureFeed('t1'))]);
    if (!result.ok) throw new Error(result.message);
    expect(result.reviews).toHaveLength(3);
    const [ferry, library] = result.reviews;
    expect(ferry).toMatchObject({
      organisation: 'Tidewater Fact Desk',
      organisationUrl: 'https://tidewater-factdesk.example/',
      rating: 'Mostly false',
      ratingValue: 2,
      claimant: 'Councillor Vega',
      reviewUrl: 'https://tidewater-factdesk.example/checks/t1-1',
    });
    expect(ferry!.datePublished?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    // No alternateName: the value on its own scale (here 0 to 4) is what readers are shown.
    expect(library).toMatchObject({ organisation: 'Kystlinjen Faktasjekk 🧭', rating: '4 on a scale from 0 (worst) to 4 (best)', ratingValue: 4 });
    expect(library!.claimReviewed).toBe('“Seven t1 branch libraries have closed since 2024’s budget cuts”');
  });

  it('reads Claimline’s own feed, so two Claimline newsrooms can exchange reviews', () => {
    const feed = claimReviewFeed(
      [
        {
          url: 'https://other-newsroom.example/claims/4/ferry',
          statement: 'The ferry is free on Sundays.',
          status: 'false',
          statusNote: 'It costs €2.',
          reviewedAt: new Date('2026-09-01T00:00:00Z'),
          updatedAt: new Date('2026-09-02T00:00:00Z'),
          claimant: null,
          appearances: [],
        },
      ],
      { name: 'Other Newsroom', url: 'https://other-newsroom.example' },
      'https://other-newsroom.example/feeds/claim-reviews.json',
      new Date(),
    );
    const result = parseClaimReviews([JSON.stringify(feed)]);
    expect(result).toMatchObject({ ok: true, reviews: [{ organisation: 'Other Newsroom', rating: 'False', claimReviewed: 'The ferry is free on Sundays.' }] });
  });

  it('reads the ClaimReview in a review page’s JSON-LD scripts, beside other JSON-LD it ignores', () => {
    const single = { '@context': 'http://schema.org/', ...fixtureFeed('t2').dataFeedElement[0] };
    const html = `<!doctype html><html><head>
      <script type="application/ld+json">{"@context": {"@vocab": "https://breadcrumbs.example/"}, "@type": "Trail"}</script>
      <script type='application/ld+json' id="review">${JSON.stringify({ '@graph': [single] , '@context': 'https://schema.org' })}</script>
      <script>var notJsonLd = 1;</script></head><body><p>Ferries…</p></body></html>`;
    const docs = jsonLdDocuments(html, 'html');
    expect(docs).toHaveLength(2);
    expect(parseClaimReviews(docs)).toMatchObject({ ok: true, reviews: [{ reviewUrl: 'https://tidewater-factdesk.example/checks/t2-1' }] });
    expect(parseClaimReviews(jsonLdDocuments('<p>No data here</p>', 'html'))).toEqual({ ok: false, message: expect.stringMatching(/no JSON-LD/) });
  });

  for (const doc of hostileDocuments('t3')) {
    it(`refuses the whole document: ${doc.name}`, () => {
      const result = parseClaimReviews([doc.text]);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(doc.message);
    });
  }

  it('refuses a document nested deeper than any feed is', () => {
    const deep = `{"@context": "https://schema.org", "@graph": ${'['.repeat(40)}${']'.repeat(40)}}`;
    expect(parseClaimReviews([deep])).toEqual({ ok: false, message: 'The document is nested too deeply.' });
  });
});
