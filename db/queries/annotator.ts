import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articleRevisions, articles, claimAppearances, claims, parties, suggestionDismissals } from '@/db/schema';
import { createAnchor } from '@/lib/anchor';
import { AppError, fieldError } from '@/lib/errors';
import type { PartyKind } from '@/lib/vocabulary';
import { claimScope } from './claim-scope';
import { addAppearance, createClaim, type ClaimPatch, updateClaim } from './claims';
import type { Tx } from './tx';
import { partyNamed } from './parties';
import { write } from './tx';

/**
 * An article as the annotator shows it: current body and every claim drawn on
 * it, drafts included: claims first made here and appearances of claims made
 * elsewhere (`own` false). Undefined for an unknown id.
 */
export function getArticleForEditor({ id }: { id: number }) {
  const db = getDb();
  const article = db.select().from(articles).where(eq(articles.id, id)).get();
  if (!article?.currentRevisionId) return undefined;
  const revision = db
    .select({ body: articleRevisions.body })
    .from(articleRevisions)
    .where(eq(articleRevisions.id, article.currentRevisionId))
    .get();
  const fields = {
    id: claims.id,
    slug: claims.slug,
    statement: claims.statement,
    status: claims.status,
    published: claims.published,
    withdrawn: sql<boolean>`${claims.withdrawnAt} is not null`.mapWith(Boolean),
  };
  const own = db
    .select({ ...fields, start: claims.anchorStart, end: claims.anchorEnd, anchorState: claims.anchorState })
    .from(claims)
    .where(eq(claims.articleId, id))
    .all()
    .map((c) => ({ ...c, own: true }));
  const appearing = db
    .select({ ...fields, start: claimAppearances.anchorStart, end: claimAppearances.anchorEnd, anchorState: claimAppearances.anchorState })
    .from(claimAppearances)
    .innerJoin(claims, eq(claims.id, claimAppearances.claimId))
    .where(eq(claimAppearances.articleId, id))
    .all()
    .map((c) => ({ ...c, own: false }));
  const all = [...own, ...appearing].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
  return { ...article, revisionId: article.currentRevisionId, body: revision?.body ?? '', claims: all };
}

export type EditorArticle = NonNullable<ReturnType<typeof getArticleForEditor>>;

/** A claim with what its editor form needs, and the articles it appears in (for cache tags). */
export function getClaimForEditor({ id }: { id: number }) {
  const db = getDb();
  const claim = db.select().from(claims).where(eq(claims.id, id)).get();
  if (!claim) return undefined;
  const appearanceArticleIds = db
    .select({ articleId: claimAppearances.articleId })
    .from(claimAppearances)
    .where(eq(claimAppearances.claimId, id))
    .all()
    .map((r) => r.articleId);
  const claimant = claim.claimantPartyId
    ? db.select().from(parties).where(eq(parties.id, claim.claimantPartyId)).get()
    : undefined;
  return { ...claim, claimant, articleIds: [claim.articleId, ...appearanceArticleIds] };
}

export type EditorClaim = NonNullable<ReturnType<typeof getClaimForEditor>>;

/**
 * Saves the claim editor: creates the claimant party first when the editor
 * named a new one, then applies the patch with the optimistic version check;
 * both in one transaction, so a conflict leaves no stray party behind.
 */
export function saveClaim(input: {
  id: number;
  version: number;
  patch: ClaimPatch;
  newParty?: { name: string; kind: PartyKind } | null;
  actorId: string | null;
}) {
  return write((tx) => {
    const before = tx.select({ claimantPartyId: claims.claimantPartyId }).from(claims).where(eq(claims.id, input.id)).get();
    if (!before) throw new AppError('not_found');
    const patch = { ...input.patch };
    if (input.newParty) patch.claimantPartyId = partyNamed(tx, input.newParty).id;
    // updateClaim's own transaction nests as a savepoint inside this one.
    const claim = updateClaim({ id: input.id, version: input.version, patch, actorId: input.actorId });
    // Its parties' pages before and after: a claim moved from one claimant to another leaves the first page too.
    const scope = claimScope(tx, input.id);
    const partyIds = before.claimantPartyId === null ? scope.partyIds : [...new Set([before.claimantPartyId, ...scope.partyIds])];
    return { claim, scope: { ...scope, partyIds } };
  });
}

/** The texts of the suggestions dismissed on an article. */
export function listDismissedSuggestions({ articleId }: { articleId: number }): Set<string> {
  const rows = getDb()
    .select({ exact: suggestionDismissals.exact })
    .from(suggestionDismissals)
    .where(eq(suggestionDismissals.articleId, articleId))
    .orderBy(asc(suggestionDismissals.createdAt))
    .all();
  return new Set(rows.map((r) => r.exact));
}

/** Remembers that an editor dismissed a suggested passage of an article (again is a no-op). */
export function dismissSuggestion(input: { articleId: number; exact: string; actorId: string | null }) {
  return write((tx) => {
    const article = tx.select({ id: articles.id }).from(articles).where(eq(articles.id, input.articleId)).get();
    if (!article) throw new AppError('not_found');
    tx.insert(suggestionDismissals)
      .values({ articleId: input.articleId, exact: input.exact, dismissedBy: input.actorId })
      .onConflictDoNothing()
      .run();
  });
}

/** Whether a claim already appears in an article (made there, or linked as an appearance). */
export function claimIsInArticle({ claimId, articleId }: { claimId: number; articleId: number }): boolean {
  const db = getDb();
  const own = db.select({ id: claims.id }).from(claims).where(and(eq(claims.id, claimId), eq(claims.articleId, articleId))).get();
  const linked = db
    .select({ id: claimAppearances.id })
    .from(claimAppearances)
    .where(and(eq(claimAppearances.claimId, claimId), eq(claimAppearances.articleId, articleId)))
    .get();
  return Boolean(own || linked);
}

const staleSelection = () =>
  fieldError('anchor', 'The selected text no longer matches the article. Select it again.');

/** The anchor of body[start, end) in an article's current revision, if it still holds `exact`. */
function anchorInArticle(tx: Tx, input: { articleId: number; start: number; end: number; exact: string }) {
  const article = tx.select({ revisionId: articles.currentRevisionId }).from(articles).where(eq(articles.id, input.articleId)).get();
  if (!article?.revisionId) throw new AppError('not_found');
  const revision = tx.select({ body: articleRevisions.body }).from(articleRevisions).where(eq(articleRevisions.id, article.revisionId)).get();
  const anchor = createAnchor(revision?.body ?? '', input.start, input.end);
  if (!anchor || anchor.exact !== input.exact) throw staleSelection();
  return anchor;
}

/**
 * Creates a claim from a passage the editor selected (or a suggestion they
 * accepted): the positions are checked against the current revision, and a
 * new claimant party is created in the same transaction.
 */
export function createClaimFromSelection(input: {
  articleId: number;
  start: number;
  end: number;
  exact: string;
  statement?: string;
  claimantPartyId?: number | null;
  newParty?: { name: string; kind: PartyKind } | null;
  actorId: string | null;
}) {
  return write((tx) => {
    const anchor = anchorInArticle(tx, input);
    const claimantPartyId = input.newParty ? partyNamed(tx, input.newParty).id : (input.claimantPartyId ?? null);
    return createClaim({ articleId: input.articleId, anchor, statement: input.statement, claimantPartyId, actorId: input.actorId });
  });
}

/** Links a passage of this article to a claim tracked elsewhere, instead of creating a duplicate. */
export function linkAppearance(input: { claimId: number; articleId: number; start: number; end: number; exact: string; actorId: string | null }) {
  return write((tx) => {
    const anchor = anchorInArticle(tx, input);
    const claim = tx.select({ articleId: claims.articleId }).from(claims).where(eq(claims.id, input.claimId)).get();
    if (!claim) throw new AppError('not_found');
    if (claimIsInArticle({ claimId: input.claimId, articleId: input.articleId })) {
      throw fieldError('claimId', 'That claim is already tracked in this article.');
    }
    addAppearance({ claimId: input.claimId, articleId: input.articleId, anchor, actorId: input.actorId });
    return { ...getClaimForEditor({ id: input.claimId })!, scope: claimScope(tx, input.claimId) };
  });
}
