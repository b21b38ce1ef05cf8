/**
 * Invented ClaimReview documents from other fact-checkers, for the import tests (vitest and
 * e2e): a DataFeed as an aggregator-style feed publishes it, and hostile or broken documents
 * that must be refused whole. `tag` makes each run's claims its own words.
 */
import type { ExternalReviewInput } from '@/lib/external-review';

const review = (tag: string, n: number, overrides: Record<string, unknown> = {}) => ({
  '@type': 'ClaimReview',
  url: `https://tidewater-factdesk.example/checks/${tag}-${n}`,
  claimReviewed: `Claim ${n} ${tag}`,
  datePublished: '2026-10-0' + String(n),
  author: { '@type': 'Organization', name: 'Tidewater Fact Desk', url: 'https://tidewater-factdesk.example/' },
  reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' },
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Councillor Vega' } },
  ...overrides,
});

/** A review as the import stores it after parsing: an organisation's "Accurate" for one statement, the rest left empty. */
export const parsedReview = (fields: Pick<ExternalReviewInput, 'reviewUrl' | 'organisation' | 'claimReviewed'>): ExternalReviewInput => ({
  organisationUrl: null,
  claimant: '',
  rating: 'Accurate',
  ratingValue: null,
  bestRating: null,
  worstRating: null,
  datePublished: null,
  ...fields,
});

/** Statements of the claims a newsroom tracked, which the feed's reviews are about (made unique by `tag`). */
export const trackedStatements = (tag: string) => ({
  ferry: `The ${tag} harbour ferry now leaves every twelve minutes at rush hour.`,
  library: `Seven ${tag} branch libraries closed since the budget cuts of 2024.`,
});

/** A schema.org DataFeed from two other fact-checkers, one with a rating given only on its numeric scale. */
export function fixtureFeed(tag: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    name: 'Tidewater Fact Desk: claim reviews',
    dateModified: '2026-10-20T09:00:00Z',
    dataFeedElement: [
      review(tag, 1, { claimReviewed: `Ferries in the ${tag} harbour leave every twelve minutes at rush hour, says councillor` }),
      {
        '@type': 'DataFeedItem',
        item: review(tag, 2, {
          claimReviewed: `“Seven ${tag} branch libraries have closed since 2024’s budget cuts”`,
          author: [{ '@type': 'Organization', name: 'Kystlinjen Faktasjekk 🧭' }],
          reviewRating: { '@type': 'Rating', ratingValue: '4', bestRating: '4', worstRating: '0' },
        }),
      },
      // About nothing the newsroom tracks.
      review(tag, 3, { claimReviewed: `Lighthouse ${tag} keepers were replaced by drones last winter` }),
    ],
  };
}

/** Documents that must be refused whole, each with the words its refusal must contain. */
export function hostileDocuments(tag: string): { name: string; text: string; message: RegExp }[] {
  const feed = (...elements: unknown[]) => JSON.stringify({ '@context': 'https://schema.org', '@type': 'DataFeed', dataFeedElement: elements });
  return [
    { name: 'truncated JSON', text: JSON.stringify(fixtureFeed(tag)).slice(0, 300), message: /not valid JSON/ },
    { name: 'JSON that is not JSON-LD', text: JSON.stringify({ reviews: [review(tag, 1)] }), message: /not schema\.org JSON-LD/ },
    { name: 'another vocabulary', text: JSON.stringify({ '@context': 'https://vocab.example/', ...review(tag, 1) }), message: /not schema\.org JSON-LD/ },
    { name: 'no ClaimReview', text: feed(), message: /No ClaimReview/ },
    { name: 'a script in a claim', text: feed(review(tag, 1, { claimReviewed: `<script>alert("${tag}")</script> Ferries are late` })), message: /HTML or script/ },
    { name: 'an event handler in a name', text: feed(review(tag, 1, { author: { name: 'Desk <img src=x onerror=alert(1)>' } })), message: /HTML or script/ },
    { name: 'a javascript: review address', text: feed(review(tag, 1, { url: 'javascript:alert(document.cookie)' })), message: /HTML or script|http\(s\)/ },
    { name: 'control characters', text: feed(review(tag, 1, { claimReviewed: `Ferries\u0007 ${tag} are late\u001b[31m` })), message: /control characters/ },
    {
      name: 'a number with no scale',
      text: feed(review(tag, 1, { reviewRating: { '@type': 'Rating', ratingValue: 7 } })),
      message: /rating scale Claimline cannot read/,
    },
    {
      name: 'a value off its own scale',
      text: feed(review(tag, 1, { reviewRating: { '@type': 'Rating', ratingValue: 9, bestRating: 5, worstRating: 1, alternateName: 'Pants on fire' } })),
      message: /off its own scale/,
    },
    { name: 'a word for a number', text: feed(review(tag, 1, { reviewRating: { ratingValue: 'mostly', bestRating: 5, worstRating: 1 } })), message: /not a number/ },
    { name: 'no rating at all', text: feed(review(tag, 1, { reviewRating: { '@type': 'Rating' } })), message: /neither a textual rating/ },
    { name: 'an impossible date', text: feed(review(tag, 1, { datePublished: '2026-02-30' })), message: /not a date/ },
    { name: 'no author', text: feed(review(tag, 1, { author: undefined })), message: /author is missing/ },
    // One good review and one bad: the good one must not be kept either.
    { name: 'one bad review among good ones', text: feed(review(tag, 1), review(tag, 2, { url: 'ftp://files.example/x' })), message: /Review 2 .*http\(s\)/ },
    { name: 'a huge file', text: feed(review(tag, 1, { description: 'x'.repeat(2_100_000) })), message: /too large/ },
  ];
}
