import 'server-only';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, claimAppearances, claimEvents, claims } from '@/db/schema';
import { AppError, fieldError } from '@/lib/errors';
import { claimScope, type ClaimScope } from './claim-scope';
import { listPublicEvents } from './claims';
import { dropProposal } from './public-record';
import { recordEvent, write, type Tx } from './tx';

/**
 * Deleting and withdrawing. A claim readers have never seen may be deleted with
 * its history; one they may have seen is never deleted: it is withdrawn, and its
 * page keeps the public note and the history. The claim_events trigger (migration
 * 0005) enforces the same line in the database.
 */

/** Whether readers may have seen the claim: published now, withdrawn, or published at some point in its history. */
function readersSaw(tx: Pick<Tx, 'get'>, claim: { id: number; published: boolean; withdrawnAt: Date | null }): boolean {
  if (claim.published || claim.withdrawnAt) return true;
  const row = tx.get<{ seen: number }>(sql`SELECT EXISTS (
    SELECT 1 FROM claim_events e WHERE e.claim_id = ${claim.id}
      AND (e.kind = 'published' OR (e.kind = 'created' AND json_extract(e.after, '$.published') = 1))
  ) AS seen`);
  return row?.seen === 1;
}

/** Deletes claims with their history; sources, responses and appearances go with them (foreign keys), search entries by trigger. */
export function deleteClaimRows(tx: Tx, ids: number[]): void {
  if (ids.length === 0) return;
  tx.delete(claimEvents).where(inArray(claimEvents.claimId, ids)).run();
  tx.delete(claims).where(inArray(claims.id, ids)).run();
}

const SEEN = 'Readers have seen this claim, so it cannot be deleted: withdraw it instead.';

/** Deletes a claim readers have never seen. Returns what its pages depended on. */
export function deleteDraftClaim(input: { id: number }): ClaimScope {
  return write((tx) => {
    const claim = tx.select().from(claims).where(eq(claims.id, input.id)).get();
    if (!claim) throw new AppError('not_found');
    if (readersSaw(tx, claim)) throw new AppError('invalid', { message: SEEN });
    const scope = claimScope(tx, claim.id);
    deleteClaimRows(tx, [claim.id]);
    return scope;
  });
}

/**
 * Deletes an article whose claims readers have never seen, with its revisions and
 * those claims. Refused while a claim readers can see also appears in it (its page
 * names the article).
 */
export function deleteDraftArticle(input: { id: number }) {
  return write((tx) => {
    const article = tx.select({ id: articles.id, title: articles.title }).from(articles).where(eq(articles.id, input.id)).get();
    if (!article) throw new AppError('not_found');
    const blocker = articleDeletionBlocker(tx, article.id);
    if (blocker) throw new AppError('invalid', { message: blocker });
    const own = tx.select({ id: claims.id }).from(claims).where(eq(claims.articleId, article.id)).all().map((c) => c.id);
    // Draft claims of other articles that also appeared here: their pages lose this appearance.
    const others = tx
      .select({ claimId: claimAppearances.claimId })
      .from(claimAppearances)
      .where(eq(claimAppearances.articleId, article.id))
      .all()
      .map((r) => r.claimId);
    deleteClaimRows(tx, own);
    tx.delete(articles).where(eq(articles.id, article.id)).run();
    return { id: article.id, title: article.title, claimIds: [...own, ...others] };
  });
}

/** Why the article cannot be deleted (a sentence for the editor), or null when it can. */
function articleDeletionBlocker(tx: Pick<Tx, 'select' | 'get'>, articleId: number): string | null {
  const own = tx
    .select({ id: claims.id, published: claims.published, withdrawnAt: claims.withdrawnAt })
    .from(claims)
    .where(eq(claims.articleId, articleId))
    .all();
  const seen = own.filter((c) => readersSaw(tx, c)).length;
  if (seen > 0) {
    return `${seen === 1 ? 'One claim' : `${seen} claims`} of this article ${seen === 1 ? 'has' : 'have'} been published, so the article cannot be deleted. Withdraw published claims instead.`;
  }
  const linked = tx
    .select({ id: claims.id })
    .from(claimAppearances)
    .innerJoin(claims, eq(claims.id, claimAppearances.claimId))
    .where(and(eq(claimAppearances.articleId, articleId), eq(claims.published, true)))
    .get();
  return linked ? 'A published claim also appears in this article, so the article cannot be deleted.' : null;
}

/** Whether an editor may delete the article (no claim of it was ever public, no public claim appears in it). */
export function canDeleteArticle({ id }: { id: number }): boolean {
  return articleDeletionBlocker(getDb(), id) === null;
}

/** Whether readers may have seen the claim: then it can only be withdrawn, never deleted. */
export function claimWasPublic(claim: { id: number; published: boolean; withdrawnAt: Date | null }): boolean {
  return readersSaw(getDb(), claim);
}

/**
 * Withdraws a claim readers have seen: it leaves every list, search, feed and the API,
 * and its page answers 410 with `note` and the history. Checks `version` like any edit.
 */
export function withdrawClaim(input: { id: number; version: number; note: string; actorId: string | null; at?: Date }): ClaimScope {
  return write((tx) => {
    const claim = tx.select().from(claims).where(eq(claims.id, input.id)).get();
    if (!claim) throw new AppError('not_found');
    if (claim.withdrawnAt) throw new AppError('invalid', { message: 'This claim was already withdrawn.' });
    if (!readersSaw(tx, claim)) {
      throw new AppError('invalid', { message: 'Readers have never seen this claim: delete it instead of withdrawing it.' });
    }
    if (claim.version !== input.version) throw new AppError('conflict', { detail: claim });
    const note = input.note.trim();
    if (!note) throw fieldError('note', 'Tell readers why the claim was withdrawn.');
    const at = input.at ?? new Date();
    const scope = claimScope(tx, claim.id);
    // A verdict change waiting for sign-off has nothing left to change: dropped, and the history says so.
    const dropped = dropProposal(tx, claim, 'claim_withdrawn');
    tx.update(claims)
      .set({
        published: false,
        withdrawnAt: at,
        withdrawalNote: note,
        ...dropped?.values,
        version: claim.version + 1,
        updatedAt: at,
      })
      .where(eq(claims.id, claim.id))
      .run();
    if (dropped) recordEvent(tx, { claimId: claim.id, actorId: input.actorId, at, ...dropped.event });
    recordEvent(tx, { claimId: claim.id, actorId: input.actorId, kind: 'withdrawn', at, before: { status: claim.status }, after: { note } });
    return scope;
  });
}

/** A withdrawn claim as its page shows it (what was claimed, where, why it was withdrawn, the history), or undefined. */
export function getWithdrawnClaim({ id }: { id: number }) {
  const db = getDb();
  const claim = db
    .select({
      id: claims.id,
      slug: claims.slug,
      statement: claims.statement,
      articleId: claims.articleId,
      withdrawnAt: claims.withdrawnAt,
      withdrawalNote: claims.withdrawalNote,
      article: { slug: articles.slug, title: articles.title, outlet: articles.outlet, publishedAt: articles.publishedAt, demo: articles.demo },
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(eq(claims.id, id), isNotNull(claims.withdrawnAt)))
    .get();
  if (!claim?.withdrawnAt) return undefined;
  return { ...claim, withdrawnAt: claim.withdrawnAt, withdrawalNote: claim.withdrawalNote ?? '', events: listPublicEvents({ claimId: id }) };
}
