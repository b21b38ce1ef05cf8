import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { claims, externalReviewImports, externalReviewMatches, externalReviews } from '@/db/schema';
import { AppError, fieldError } from '@/lib/errors';
import type { ExternalReviewInput } from '@/lib/external-review';
import type { Status } from '@/lib/status';
import { findSimilarClaims } from './similar';
import { recordEvent, write, type Tx } from './tx';
import { claimIsPublic } from './visibility';

/** Claims suggested per imported review. */
const SUGGESTIONS = 3;

/** What an import may change of a review already here: everything its publisher may correct. */
const CORRECTABLE = ['organisation', 'organisationUrl', 'claimReviewed', 'claimant', 'rating', 'ratingValue', 'bestRating', 'worstRating', 'datePublished'] as const;
const sameValue = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/**
 * Stores the reviews of one import in one transaction, with the import's own row, and suggests
 * for each the claims the similarity search finds. A review whose address was imported before
 * is updated when its publisher corrected it (another rating, a reworded claim): readers of a
 * claim it is confirmed for see the correction, and the claim's internal history records it.
 * One that did not change is left as it was (counted as skipped), so importing the same feed
 * again adds only what is new. A review listed twice in one document counts once, the first.
 */
export function importExternalReviews(input: { reviews: ExternalReviewInput[]; kind: 'file' | 'url'; source: string; actorId: string | null }) {
  return write((tx) => {
    const stored = new Map(
      tx
        .select()
        .from(externalReviews)
        .where(inArray(externalReviews.reviewUrl, input.reviews.map((r) => r.reviewUrl)))
        .all()
        .map((r) => [r.reviewUrl, r]),
    );
    const seen = new Set<string>();
    const unique = input.reviews.filter((r) => !seen.has(r.reviewUrl) && seen.add(r.reviewUrl));
    const fresh = unique.filter((r) => !stored.has(r.reviewUrl));
    const corrected = unique.flatMap((review) => {
      const before = stored.get(review.reviewUrl);
      return before && CORRECTABLE.some((key) => !sameValue(before[key], review[key])) ? [{ before, review }] : [];
    });
    const batch = tx
      .insert(externalReviewImports)
      .values({
        kind: input.kind,
        source: input.source,
        added: fresh.length,
        updated: corrected.length,
        skipped: input.reviews.length - fresh.length - corrected.length,
        importedBy: input.actorId,
      })
      .returning()
      .get();
    let suggested = 0;
    for (const review of fresh) {
      const row = tx.insert(externalReviews).values({ ...review, importId: batch.id }).returning({ id: externalReviews.id }).get();
      const similar = findSimilarClaims({ text: review.claimReviewed, articleId: 0, limit: SUGGESTIONS });
      for (const claim of similar) {
        tx.insert(externalReviewMatches).values({ reviewId: row.id, claimId: claim.id, shared: claim.shared }).run();
      }
      suggested += similar.length;
    }
    const changedClaims: number[] = [];
    const at = new Date();
    for (const { before, review } of corrected) {
      tx.update(externalReviews)
        .set(Object.fromEntries(CORRECTABLE.map((key) => [key, review[key]])))
        .where(eq(externalReviews.id, before.id))
        .run();
      const confirmed = tx
        .select({ claimId: externalReviewMatches.claimId })
        .from(externalReviewMatches)
        .where(and(eq(externalReviewMatches.reviewId, before.id), eq(externalReviewMatches.state, 'confirmed')))
        .all();
      for (const { claimId } of confirmed) {
        recordEvent(tx, {
          claimId,
          actorId: input.actorId,
          kind: 'external_review_updated',
          before: { organisation: before.organisation, rating: before.rating, claimReviewed: before.claimReviewed },
          after: { organisation: review.organisation, rating: review.rating, claimReviewed: review.claimReviewed, reviewId: before.id, url: review.reviewUrl },
          at,
        });
        changedClaims.push(claimId);
      }
    }
    return { importId: batch.id, added: fresh.length, updated: corrected.length, skipped: batch.skipped, suggested, changedClaims };
  });
}

export type MatchDecision = 'confirm' | 'reject';

type MatchRow = typeof externalReviewMatches.$inferSelect;

/** Sets a match's state (inserting it when the editor named the claim) and records it in the claim's internal history. */
function decide(tx: Tx, review: typeof externalReviews.$inferSelect, claimId: number, match: MatchRow | undefined, state: 'confirmed' | 'rejected', actorId: string | null) {
  const at = new Date();
  const decided = { state, decidedBy: actorId, decidedAt: at };
  if (match) {
    tx.update(externalReviewMatches)
      .set({ ...decided, version: match.version + 1 })
      .where(and(eq(externalReviewMatches.reviewId, review.id), eq(externalReviewMatches.claimId, claimId)))
      .run();
  } else {
    tx.insert(externalReviewMatches).values({ reviewId: review.id, claimId, ...decided }).run();
  }
  recordEvent(tx, {
    claimId,
    actorId,
    kind: state === 'confirmed' ? 'external_review_confirmed' : 'external_review_rejected',
    before: { state: match?.state ?? null },
    after: { state, reviewId: review.id, organisation: review.organisation, rating: review.rating, url: review.reviewUrl },
    at,
  });
  return { claimId, state };
}

const findMatch = (tx: Tx, reviewId: number, claimId: number) =>
  tx
    .select()
    .from(externalReviewMatches)
    .where(and(eq(externalReviewMatches.reviewId, reviewId), eq(externalReviewMatches.claimId, claimId)))
    .get();

/**
 * An editor's decision on one suggested claim for a review, recorded in the claim's (internal)
 * history. A form older than the last decision is refused as a conflict. Confirming never
 * touches the claim itself: its status, version and dates stay as they were.
 */
export function decideExternalMatch(input: { reviewId: number; claimId: number; version: number; decision: MatchDecision; actorId: string | null }) {
  return write((tx) => {
    const match = findMatch(tx, input.reviewId, input.claimId);
    if (!match) throw new AppError('not_found');
    if (match.version !== input.version) {
      throw new AppError('conflict', { message: 'Another editor decided on this match in the meantime. Their decision is shown now.' });
    }
    const review = tx.select().from(externalReviews).where(eq(externalReviews.id, input.reviewId)).get()!;
    return decide(tx, review, input.claimId, match, input.decision === 'confirm' ? 'confirmed' : 'rejected', input.actorId);
  });
}

/**
 * An editor names the claim a review is about when the similarity search did not suggest it
 * (other words, another language): a confirmed match at once, as if suggested and confirmed.
 * `field` names the form field an error belongs to.
 */
export function matchExternalReview(input: { reviewId: number; claimId: number; actorId: string | null; field: string }) {
  return write((tx) => {
    const review = tx.select().from(externalReviews).where(eq(externalReviews.id, input.reviewId)).get();
    if (!review) throw new AppError('not_found');
    const claim = tx.select({ withdrawnAt: claims.withdrawnAt }).from(claims).where(eq(claims.id, input.claimId)).get();
    if (!claim) throw fieldError(input.field, `There is no claim ${input.claimId}.`);
    if (claim.withdrawnAt) throw fieldError(input.field, `Claim ${input.claimId} was withdrawn.`);
    const match = findMatch(tx, input.reviewId, input.claimId);
    if (match?.state === 'confirmed') throw fieldError(input.field, 'This review is already matched to that claim.');
    return decide(tx, review, input.claimId, match, 'confirmed', input.actorId);
  });
}

/**
 * Removes an imported review and its suggestions (a wrong feed, a test file). One with a
 * confirmed match is refused: readers see it on the claim's page, so that match is undone
 * first, in the claim's history. Importing the review again brings it back.
 */
export function removeExternalReview(input: { reviewId: number }) {
  return write((tx) => {
    const review = tx.select({ id: externalReviews.id }).from(externalReviews).where(eq(externalReviews.id, input.reviewId)).get();
    if (!review) throw new AppError('not_found');
    const confirmed = tx
      .select({ claimId: externalReviewMatches.claimId })
      .from(externalReviewMatches)
      .where(and(eq(externalReviewMatches.reviewId, review.id), eq(externalReviewMatches.state, 'confirmed')))
      .get();
    if (confirmed) throw new AppError('invalid', { message: 'Readers see this review beside a claim: undo that match (Not this claim) before removing it.' });
    tx.delete(externalReviewMatches).where(eq(externalReviewMatches.reviewId, review.id)).run();
    tx.delete(externalReviews).where(eq(externalReviews.id, review.id)).run();
    return { reviewId: review.id };
  });
}

/** A stored review as the editors' screen and the claim page show it: what was imported, and its matches. */
export type ExternalReviewRow = Pick<
  ExternalReviewInput,
  'reviewUrl' | 'organisation' | 'organisationUrl' | 'claimReviewed' | 'claimant' | 'rating' | 'datePublished'
> & {
  id: number;
  createdAt: Date;
  matches: {
    claimId: number;
    statement: string;
    status: Status;
    published: boolean;
    state: 'suggested' | 'confirmed' | 'rejected';
    version: number;
    articleId: number;
  }[];
};

// A review is about one claim: once a match is confirmed, its other suggestions wait for nobody.
const pending = sql`(EXISTS (SELECT 1 FROM external_review_matches m WHERE m.review_id = ${externalReviews.id} AND m.state = 'suggested')
  AND NOT EXISTS (SELECT 1 FROM external_review_matches m WHERE m.review_id = ${externalReviews.id} AND m.state = 'confirmed'))`;
const inSection = (open: boolean) => (open ? pending : sql`NOT ${pending}`);

/** How many reviews each section of the editors' screen holds. */
export function countExternalReviews({ open }: { open: boolean }): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(externalReviews).where(inSection(open)).get()!.n;
}

/**
 * External reviews for the editors' screen, newest import first: `open` ones have a suggestion
 * to decide on and no confirmed claim; `done` ones were confirmed for a claim or had every
 * suggestion rejected (or none found).
 */
export function listExternalReviews({ open, limit = 100, offset = 0 }: { open: boolean; limit?: number; offset?: number }): ExternalReviewRow[] {
  const db = getDb();
  const rows = db
    .select()
    .from(externalReviews)
    .where(inSection(open))
    .orderBy(desc(externalReviews.id))
    .limit(limit)
    .offset(offset)
    .all();
  if (!rows.length) return [];
  const matches = db
    .select({
      reviewId: externalReviewMatches.reviewId,
      claimId: externalReviewMatches.claimId,
      state: externalReviewMatches.state,
      version: externalReviewMatches.version,
      statement: claims.statement,
      status: claims.status,
      published: claims.published,
      articleId: claims.articleId,
    })
    .from(externalReviewMatches)
    .innerJoin(claims, eq(claims.id, externalReviewMatches.claimId))
    .where(inArray(externalReviewMatches.reviewId, rows.map((r) => r.id)))
    .orderBy(desc(externalReviewMatches.shared), externalReviewMatches.claimId)
    .all();
  return rows.map((r) => ({
    ...r,
    matches: matches.filter((m) => m.reviewId === r.id).map(({ reviewId: _r, ...m }) => m),
  }));
}

/** The reviews other fact-checkers published of a public claim, as confirmed by an editor, newest first. */
export function listConfirmedExternalReviews({ claimId }: { claimId: number }) {
  return getDb().all<{ id: number; organisation: string; organisationUrl: string | null; rating: string; reviewUrl: string; datePublished: number | null }>(sql`
    SELECT r.id, r.organisation, r.organisation_url AS organisationUrl, r.rating, r.review_url AS reviewUrl,
      r.date_published AS datePublished
    FROM external_review_matches m
    JOIN external_reviews r ON r.id = m.review_id
    JOIN claims c ON c.id = m.claim_id
    WHERE m.claim_id = ${claimId} AND m.state = 'confirmed' AND ${claimIsPublic('c')}
    ORDER BY r.date_published IS NULL, r.date_published DESC, r.id DESC`)
    .map((r) => ({ ...r, datePublished: r.datePublished === null ? null : new Date(r.datePublished) }));
}
