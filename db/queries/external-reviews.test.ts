import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '@/db/queries/articles';
import { createClaim } from '@/db/queries/claims';
import { removeDatabase, rowCounts, useFreshDatabase, addUser } from '@/db/testing';
import { createAnchor } from '@/lib/anchor';
import { claimReviewDocument } from '@/lib/claim-review';
import { parseClaimReviews, type ExternalReviewInput } from '@/lib/external-review';
import { claimTags, invalidate } from '@/lib/server/cache';
import { readClaim, readExternalReviews, toReviewedClaim } from '@/lib/server/reader';
import { fixtureFeed, parsedReview, trackedStatements } from '@/lib/testing/claim-review-fixtures';
import { getDb } from '@/db';
import { withdrawClaim } from './lifecycle';
import { countExternalReviews, decideExternalMatch, importExternalReviews, listExternalReviews, matchExternalReview, removeExternalReview } from './external-reviews';

const TAG = 'quillon';
let file: string;
let editor: string;
const claims = { ferry: 0, library: 0, unrelated: 0 };

function feedReviews(): ExternalReviewInput[] {
  const parsed = parseClaimReviews([JSON.stringify(fixtureFeed(TAG))]);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.reviews;
}

const events = (claimId: number) =>
  getDb().$client.prepare('select kind from claim_events where claim_id = ? order by id').pluck().all(claimId) as string[];

beforeAll(() => {
  file = useFreshDatabase();
  editor = addUser('Mira Editor');
  const statements = { ...trackedStatements(TAG), unrelated: `The ${TAG} tram depot will reopen in spring.` };
  const body = Object.values(statements).join('\n\n');
  const article = createArticle({ title: 'Harbour town round-up', body, actorId: null });
  for (const [key, statement] of Object.entries(statements) as [keyof typeof claims, string][]) {
    const start = article.body.indexOf(statement);
    claims[key] = createClaim({
      articleId: article.id,
      anchor: createAnchor(article.body, start, start + statement.length)!,
      statement,
      status: key === 'ferry' ? 'confirmed' : 'unverified',
      statusNote: key === 'ferry' ? 'The timetable shows it.' : '',
      published: true,
      actorId: null,
    }).id;
  }
});
afterAll(() => removeDatabase(file));

describe('importing other fact-checkers’ reviews', () => {
  it('stores a feed’s reviews with the similar claims suggested for each, the right ones first', () => {
    const result = importExternalReviews({ reviews: feedReviews(), kind: 'file', source: 'tidewater.jsonld', actorId: editor });
    expect(result).toMatchObject({ added: 3, skipped: 0 });
    const open = listExternalReviews({ open: true });
    const byUrl = (n: number) => [...open, ...listExternalReviews({ open: false })].find((r) => r.reviewUrl.endsWith(`${TAG}-${n}`))!;
    expect(byUrl(1).matches[0]?.claimId).toBe(claims.ferry);
    expect(byUrl(2).matches[0]?.claimId).toBe(claims.library);
    expect(byUrl(2).matches.map((m) => m.claimId)).not.toContain(claims.ferry);
    // The lighthouse review is about nothing tracked here: no suggestion, so nothing to decide.
    expect(byUrl(3).matches).toEqual([]);
    expect(open.map((r) => r.id)).not.toContain(byUrl(3).id);
  });

  it('imports the same feed again without doubling anything', () => {
    const before = rowCounts();
    const again = importExternalReviews({ reviews: feedReviews(), kind: 'url', source: 'https://tidewater-factdesk.example/feed.json', actorId: editor });
    expect(again).toMatchObject({ added: 0, skipped: 3, suggested: 0 });
    expect(rowCounts().external_reviews).toBe(before.external_reviews);
    expect(rowCounts().external_review_imports).toBe(before.external_review_imports! + 1);
  });

  it('keeps nothing of an import that fails halfway (one transaction)', () => {
    const before = rowCounts();
    const [good] = feedReviews();
    const broken = { ...good!, reviewUrl: 'https://other.example/2', organisation: null as unknown as string };
    expect(() =>
      importExternalReviews({ reviews: [{ ...good!, reviewUrl: 'https://other.example/1' }, broken], kind: 'file', source: 'x.json', actorId: editor }),
    ).toThrow();
    expect(rowCounts()).toEqual(before);
  });
});

describe('confirming a match', () => {
  it('shows the review on the claim’s page and nowhere in the claim’s own verdict, status or ClaimReview', () => {
    const claimBefore = readClaim(claims.ferry)!;
    const review = listExternalReviews({ open: true }).find((r) => r.matches[0]?.claimId === claims.ferry)!;
    const match = review.matches[0]!;
    expect(readExternalReviews(claims.ferry)).toEqual([]);
    decideExternalMatch({ reviewId: review.id, claimId: claims.ferry, version: match.version, decision: 'confirm', actorId: editor });
    invalidate([`claim:${claims.ferry}`]);

    expect(readExternalReviews(claims.ferry)).toEqual([
      expect.objectContaining({ organisation: 'Tidewater Fact Desk', rating: 'Mostly false', reviewUrl: review.reviewUrl, datePublished: new Date('2026-10-01T00:00:00Z') }),
    ]);
    const claimAfter = readClaim(claims.ferry)!;
    expect(claimAfter).toMatchObject({ status: 'confirmed', version: claimBefore.version, updatedAt: claimBefore.updatedAt });
    // Recorded in the claim's history for editors, kept out of the public history.
    expect(events(claims.ferry).at(-1)).toBe('external_review_confirmed');
    expect(claimAfter.events.map((e) => e.kind)).not.toContain('external_review_confirmed');
    const markup = JSON.stringify(claimReviewDocument(toReviewedClaim(claimAfter, 'https://claims.example'), { name: 'Claimline', url: 'https://claims.example' }));
    expect(markup).toContain('"alternateName":"Confirmed"');
    expect(markup).not.toMatch(/Tidewater|Mostly false/);
  });

  it('refuses a decision made on a stale screen, and lets an editor reject and undo', () => {
    const review = listExternalReviews({ open: true }).find((r) => r.matches.some((m) => m.claimId === claims.library))!;
    const match = review.matches.find((m) => m.claimId === claims.library)!;
    decideExternalMatch({ reviewId: review.id, claimId: claims.library, version: match.version, decision: 'reject', actorId: editor });
    expect(() => decideExternalMatch({ reviewId: review.id, claimId: claims.library, version: match.version, decision: 'confirm', actorId: editor })).toThrow(/in the meantime/);
    expect(readExternalReviews(claims.library)).toEqual([]);
    decideExternalMatch({ reviewId: review.id, claimId: claims.library, version: match.version + 1, decision: 'confirm', actorId: editor });
    invalidate(claimTags({ id: claims.library }));
    expect(readExternalReviews(claims.library).map((r) => r.rating)).toEqual(['4 on a scale from 0 (worst) to 4 (best)']);
    expect(() => decideExternalMatch({ reviewId: review.id, claimId: claims.unrelated, version: 1, decision: 'confirm', actorId: editor })).toThrow();
  });
});

describe('importing a review its publisher corrected', () => {
  it('updates it: readers of its claim see the new rating, editors see the correction in the claim’s history, the claim itself is untouched', () => {
    const claimBefore = readClaim(claims.ferry)!;
    const reviews = feedReviews();
    const ferryReview = reviews.find((r) => readExternalReviews(claims.ferry).some((x) => x.reviewUrl === r.reviewUrl))!;
    const corrected = { ...ferryReview, rating: 'Half true', ratingValue: null, claimReviewed: `${ferryReview.claimReviewed} (updated)` };
    // The corrected feed as a publisher serves it: the corrected review, the rest unchanged, one listed twice.
    const feed = reviews.map((r) => (r === ferryReview ? corrected : r));
    const result = importExternalReviews({ reviews: [...feed, feed[0]!], kind: 'url', source: 'https://tidewater-factdesk.example/feed.json', actorId: editor });
    expect(result).toMatchObject({ added: 0, updated: 1, skipped: 3, suggested: 0, changedClaims: [claims.ferry] });
    invalidate(claimTags({ id: claims.ferry }));

    expect(readExternalReviews(claims.ferry)).toEqual([expect.objectContaining({ rating: 'Half true', reviewUrl: ferryReview.reviewUrl })]);
    expect(readClaim(claims.ferry)).toMatchObject({ status: 'confirmed', version: claimBefore.version, updatedAt: claimBefore.updatedAt });
    const history = getDb().$client.prepare("select before, after from claim_events where claim_id = ? and kind = 'external_review_updated'").all(claims.ferry) as { before: string; after: string }[];
    expect(history).toHaveLength(1);
    expect(JSON.parse(history[0]!.before)).toMatchObject({ rating: 'Mostly false' });
    expect(JSON.parse(history[0]!.after)).toMatchObject({ rating: 'Half true', url: ferryReview.reviewUrl });
    expect(readClaim(claims.ferry)!.events.map((e) => e.kind)).not.toContain('external_review_updated');

    // The same corrected feed again changes nothing and records nothing.
    const again = importExternalReviews({ reviews: feed, kind: 'url', source: 'https://tidewater-factdesk.example/feed.json', actorId: editor });
    expect(again).toMatchObject({ added: 0, updated: 0, skipped: 3, changedClaims: [] });
    expect(events(claims.ferry).filter((k) => k === 'external_review_updated')).toHaveLength(1);
  });

  it('records nothing in the history of a claim the corrected review was only suggested for or rejected for', () => {
    const reviews = feedReviews();
    const unmatched = reviews.find((r) => !listExternalReviews({ open: false }).some((x) => x.reviewUrl === r.reviewUrl && x.matches.some((m) => m.state === 'confirmed')))!;
    const before = rowCounts().claim_events;
    const result = importExternalReviews({ reviews: [{ ...unmatched, claimant: 'A corrected claimant' }], kind: 'file', source: 'one.json', actorId: editor });
    expect(result).toMatchObject({ updated: 1, changedClaims: [] });
    expect(rowCounts().claim_events).toBe(before);
    const stored = [...listExternalReviews({ open: true }), ...listExternalReviews({ open: false })].find((r) => r.reviewUrl === unmatched.reviewUrl)!;
    expect(stored.claimant).toBe('A corrected claimant');
  });
});

describe('naming the claim by hand', () => {
  // The lighthouse review found no similar claim; an editor knows which claim it is about.
  const lighthouse = () => [...listExternalReviews({ open: true }), ...listExternalReviews({ open: false })].find((r) => r.reviewUrl.endsWith(`${TAG}-3`))!;

  it('confirms a claim the search did not suggest, shows it on the claim page and records it for editors', () => {
    const review = lighthouse();
    expect(review.matches).toEqual([]);
    matchExternalReview({ reviewId: review.id, claimId: claims.unrelated, actorId: editor, field: 'claim' });
    invalidate(claimTags({ id: claims.unrelated }));
    expect(lighthouse().matches).toEqual([expect.objectContaining({ claimId: claims.unrelated, state: 'confirmed' })]);
    expect(readExternalReviews(claims.unrelated).map((r) => r.organisation)).toEqual(['Tidewater Fact Desk']);
    expect(events(claims.unrelated).at(-1)).toBe('external_review_confirmed');
    expect(readClaim(claims.unrelated)!.status).toBe('unverified');
  });

  it('refuses the same match twice, unknown and withdrawn claims, naming the field, and changes nothing', () => {
    const review = lighthouse();
    const before = rowCounts();
    const attempt = (claimId: number) => () => matchExternalReview({ reviewId: review.id, claimId, actorId: editor, field: 'claim' });
    expect(attempt(claims.unrelated)).toThrow(expect.objectContaining({ fieldErrors: { claim: ['This review is already matched to that claim.'] } }));
    expect(attempt(999_999)).toThrow(expect.objectContaining({ fieldErrors: { claim: ['There is no claim 999999.'] } }));
    const body = 'The pier will close for repairs in the storm season.';
    const article = createArticle({ title: 'Pier notes', body, actorId: null });
    const gone = createClaim({ articleId: article.id, anchor: createAnchor(body, 0, body.length)!, published: true, actorId: null });
    withdrawClaim({ id: gone.id, version: gone.version, note: 'Wrong pier.', actorId: null });
    const afterSetup = rowCounts();
    expect(attempt(gone.id)).toThrow(expect.objectContaining({ fieldErrors: { claim: [`Claim ${gone.id} was withdrawn.`] } }));
    expect(rowCounts()).toEqual(afterSetup);
    expect(before.external_review_matches).toBe(afterSetup.external_review_matches);
    expect(() => matchExternalReview({ reviewId: 999_999, claimId: claims.ferry, actorId: editor, field: 'claim' })).toThrow(/does not exist/);
  });

  it('turns a rejected suggestion into a confirmed match', () => {
    const review = listExternalReviews({ open: false }).find((r) => r.matches.some((m) => m.claimId === claims.library && m.state === 'confirmed'))!;
    // Undo the earlier confirmation, then name the claim by hand.
    const match = review.matches.find((m) => m.claimId === claims.library)!;
    decideExternalMatch({ reviewId: review.id, claimId: claims.library, version: match.version, decision: 'reject', actorId: editor });
    matchExternalReview({ reviewId: review.id, claimId: claims.library, actorId: editor, field: 'claim' });
    const after = listExternalReviews({ open: false }).find((r) => r.id === review.id)!;
    expect(after.matches.find((m) => m.claimId === claims.library)).toMatchObject({ state: 'confirmed', version: match.version + 2 });
  });
});

describe('removing a review', () => {
  it('removes a review readers never saw, with its suggestions; a confirmed one must be undone first', () => {
    importExternalReviews({ reviews: [parsedReview({ reviewUrl: `https://wrong-feed.example/${TAG}`, organisation: 'Wrong Feed', claimReviewed: trackedStatements(TAG).ferry })], kind: 'file', source: 'wrong.json', actorId: editor });
    const wrong = listExternalReviews({ open: true }).find((r) => r.organisation === 'Wrong Feed')!;
    expect(wrong.matches.length).toBeGreaterThan(0);
    removeExternalReview({ reviewId: wrong.id });
    expect([...listExternalReviews({ open: true }), ...listExternalReviews({ open: false })].map((r) => r.id)).not.toContain(wrong.id);
    expect(getDb().$client.prepare('select count(*) from external_review_matches where review_id = ?').pluck().get(wrong.id)).toBe(0);

    const shown = listExternalReviews({ open: false }).find((r) => r.matches.some((m) => m.claimId === claims.ferry && m.state === 'confirmed'))!;
    const before = rowCounts();
    expect(() => removeExternalReview({ reviewId: shown.id })).toThrow(/undo that match/);
    expect(rowCounts()).toEqual(before);
    expect(readExternalReviews(claims.ferry)).toHaveLength(1);
    expect(() => removeExternalReview({ reviewId: wrong.id })).toThrow(/does not exist/);
  });
});

describe('the editors’ list', () => {
  it('pages each section newest first, and counts it whole', () => {
    importExternalReviews({
      reviews: Array.from({ length: 7 }, (_, i) => parsedReview({ reviewUrl: `https://paging.example/${i}`, organisation: 'Paging Desk', claimReviewed: `Gulls ${i} stole chips` })),
      kind: 'file',
      source: 'paging.json',
      actorId: editor,
    });
    const total = countExternalReviews({ open: false });
    const all = listExternalReviews({ open: false, limit: 1000 });
    expect(all).toHaveLength(total);
    const pages = [0, 3, 6, 9].map((offset) => listExternalReviews({ open: false, limit: 3, offset }).map((r) => r.id));
    expect(pages.flat()).toEqual(all.map((r) => r.id).slice(0, 12));
    expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort((a, b) => b - a));
    expect(countExternalReviews({ open: true })).toBe(listExternalReviews({ open: true, limit: 1000 }).length);
  });
});
