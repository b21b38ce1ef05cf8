import { inRfc3339Range, isoDate } from './format';
import { RATING_SCALE, STATUS_INFO, type Status } from './status';
import type { PartyKind } from './vocabulary';

/** schema.org ClaimReview for a claim with a verdict, and the DataFeed of all of them. */

export type Publisher = {
  name: string;
  url: string;
  /** Absolute URLs of the newsroom's methodology and corrections policy pages (schema.org Organization properties). */
  publishingPrinciples?: string;
  correctionsPolicy?: string;
};

/** The newsroom as the author of its reviews, with the policy pages the vocabulary has properties for. */
function organization(publisher: Publisher) {
  return {
    '@type': 'Organization',
    name: publisher.name,
    url: publisher.url,
    ...(publisher.publishingPrinciples ? { publishingPrinciples: publisher.publishingPrinciples } : {}),
    ...(publisher.correctionsPolicy ? { correctionsPolicy: publisher.correctionsPolicy } : {}),
  };
}

export type ReviewedClaim = {
  /** Absolute URL of the claim page. */
  url: string;
  statement: string;
  status: Status;
  statusNote: string;
  /** When the current status was set. */
  reviewedAt: Date;
  updatedAt: Date;
  claimant: { name: string; kind: PartyKind; url: string } | null;
  /** Where the claim was made, the original article first. */
  appearances: { url: string; headline: string; outlet: string; publishedAt: Date | null }[];
  imageUrl?: string;
};

const CLAIM_REVIEWED_MAX = 280;

/** The claim as reviewed: its statement only, never the verdict, cut to a short length. */
export function claimReviewed(statement: string): string {
  const text = statement.trim();
  if (text.length <= CLAIM_REVIEWED_MAX) return text;
  const cut = text.slice(0, CLAIM_REVIEWED_MAX - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 200 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

const day = (d: Date) => isoDate(d).slice(0, 10);

function creativeWork(a: ReviewedClaim['appearances'][number]) {
  return {
    '@type': 'CreativeWork',
    url: a.url,
    headline: a.headline,
    ...(a.publishedAt && inRfc3339Range(a.publishedAt) ? { datePublished: day(a.publishedAt) } : {}),
    ...(a.outlet ? { publisher: { '@type': 'Organization', name: a.outlet } } : {}),
  };
}

/** The ClaimReview object (without @context), or null when the status is not a verdict. */
export function claimReview(claim: ReviewedClaim, publisher: Publisher) {
  const rating = STATUS_INFO[claim.status].rating;
  if (!rating) return null;
  const [first] = claim.appearances;
  return {
    '@type': 'ClaimReview',
    url: claim.url,
    claimReviewed: claimReviewed(claim.statement),
    datePublished: day(claim.reviewedAt),
    dateModified: isoDate(claim.updatedAt),
    author: organization(publisher),
    // A ClaimReview is a CreativeWork, which may name the principles it was written under.
    ...(publisher.publishingPrinciples ? { publishingPrinciples: publisher.publishingPrinciples } : {}),
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating.value,
      bestRating: RATING_SCALE.best,
      worstRating: RATING_SCALE.worst,
      alternateName: rating.alternateName,
      ratingExplanation: claim.statusNote || STATUS_INFO[claim.status].description,
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(claim.claimant
        ? {
            author: {
              '@type': claim.claimant.kind === 'person' ? 'Person' : 'Organization',
              name: claim.claimant.name,
              url: claim.claimant.url,
            },
          }
        : {}),
      ...(first?.publishedAt ? { datePublished: day(first.publishedAt) } : {}),
      appearance: claim.appearances.map(creativeWork),
      ...(first ? { firstAppearance: creativeWork(first) } : {}),
    },
    ...(claim.imageUrl ? { image: claim.imageUrl } : {}),
  };
}

/** A page's JSON-LD document for one claim, or null when there is no verdict. */
export function claimReviewDocument(claim: ReviewedClaim, publisher: Publisher) {
  const review = claimReview(claim, publisher);
  return review ? { '@context': 'https://schema.org', ...review } : null;
}

/** A schema.org DataFeed of ClaimReviews, for fact-check aggregators. */
export function claimReviewFeed(claims: ReviewedClaim[], publisher: Publisher, feedUrl: string, modified: Date) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    name: `${publisher.name}: claim reviews`,
    url: feedUrl,
    dateModified: isoDate(modified),
    dataFeedElement: claims.flatMap((c) => {
      const review = claimReview(c, publisher);
      return review ? [review] : [];
    }),
  };
}

/**
 * JSON safe to place inside a <script> element: no "<", ">", "&" or line separators survive as
 * such, and characters HTML forbids in a document (controls, non-characters, which JSON allows
 * raw) are written as \u escapes, so the data stays exact.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
