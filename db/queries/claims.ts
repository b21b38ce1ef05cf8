import 'server-only';
import { and, asc, desc, eq, notInArray, sql } from 'drizzle-orm';
import { getDb, preparedQuery } from '@/db';
import {
  articleRevisions,
  articles,
  claimAppearances,
  claimEvents,
  claims,
} from '@/db/schema';
import type { Anchor } from '@/lib/anchor';
import { AppError, fieldError } from '@/lib/errors';
import { INTERNAL_EVENT_KINDS } from '@/lib/events';
import { DEFAULT_STATUS, type Status } from '@/lib/status';
import { normalizeLine, slugify } from '@/lib/text';
import { getParty } from './parties';
import { listClaimResponses, listClaimSources } from './sources';
import { recordEvent, write } from './tx';
import { changeClaim, checkClaimant } from './public-record';

export type NewClaimInput = {
  articleId: number;
  anchor: Anchor;
  statement?: string;
  claimantPartyId?: number | null;
  status?: Status;
  statusNote?: string;
  published?: boolean;
  actorId: string | null;
  at?: Date;
};

/** Creates a claim anchored in its article's current revision, with its "created" event. */
export function createClaim(input: NewClaimInput) {
  return write((tx) => {
    const article = tx
      .select({ revisionId: articles.currentRevisionId })
      .from(articles)
      .where(eq(articles.id, input.articleId))
      .get();
    if (!article?.revisionId) throw new AppError('not_found');
    const revision = tx
      .select({ body: articleRevisions.body })
      .from(articleRevisions)
      .where(eq(articleRevisions.id, article.revisionId))
      .get();
    const { anchor } = input;
    if (!revision || revision.body.slice(anchor.start, anchor.end) !== anchor.exact) {
      throw fieldError('anchor', 'The selected text no longer matches the article. Select it again.');
    }
    const statement = normalizeLine(input.statement || anchor.exact);
    checkClaimant(tx, input.claimantPartyId);
    const at = input.at ?? new Date();
    const claim = tx
      .insert(claims)
      .values({
        slug: slugify(statement),
        articleId: input.articleId,
        statement,
        claimantPartyId: input.claimantPartyId ?? null,
        status: input.status ?? DEFAULT_STATUS,
        statusNote: input.statusNote?.trim() ?? '',
        published: input.published ?? false,
        ...(input.published ? { publicStatus: input.status ?? DEFAULT_STATUS, publicStatusNote: input.statusNote?.trim() ?? '' } : {}),
        workflow: input.published ? 'published' : 'draft',
        anchorStart: anchor.start,
        anchorEnd: anchor.end,
        anchorExact: anchor.exact,
        anchorPrefix: anchor.prefix,
        anchorSuffix: anchor.suffix,
        revisionId: article.revisionId,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    recordEvent(tx, {
      claimId: claim.id,
      actorId: input.actorId,
      kind: 'created',
      at,
      after: {
        statement: claim.statement,
        status: claim.status,
        note: claim.statusNote,
        published: claim.published,
        exact: claim.anchorExact,
      },
    });
    return claim;
  });
}

export type ClaimPatch = {
  statement?: string;
  claimantPartyId?: number | null;
  status?: Status;
  statusNote?: string;
  /** Required when a public verdict changes (or differs from the last public one): what readers are told changed. */
  correction?: string;
  published?: boolean;
  /** "Save and ask for review": a draft or a claim in progress goes to review in the same save. */
  review?: boolean;
};

/**
 * Applies an editor's save if the claim is still at `version` (optimistic locking); otherwise throws a
 * conflict carrying the current claim. The rules of the public record (verdicts, corrections, sign-off,
 * publication) are `changeClaim`'s (db/queries/public-record.ts).
 */
export function updateClaim(input: { id: number; version: number; patch: ClaimPatch; actorId: string | null; at?: Date }) {
  const { patch } = input;
  const verdict =
    patch.status !== undefined || patch.statusNote !== undefined || patch.correction !== undefined
      ? { status: patch.status, statusNote: patch.statusNote, correction: patch.correction }
      : undefined;
  return write((tx) =>
    changeClaim(tx, {
      id: input.id,
      version: input.version,
      actorId: input.actorId,
      at: input.at,
      verdict,
      fields: { statement: patch.statement, claimantPartyId: patch.claimantPartyId },
      published: patch.published,
      review: patch.review,
    }),
  );
}

/** A published claim with everything its public page shows, or undefined (unknown or draft). */
export function getPublishedClaim({ id }: { id: number }) {
  const q = publishedClaimQueries();
  const claim = q.claim.get({ id });
  if (!claim) return undefined;
  const article = q.article.get({ id: claim.articleId });
  const revision = q.revision.get({ id: claim.revisionId });
  const claimant = claim.claimantPartyId ? getParty({ id: claim.claimantPartyId }) : undefined;
  const claimSourceRows = listClaimSources({ claimId: id });
  const responseRows = listClaimResponses({ claimId: id });
  const appearances = q.appearances.all({ id });
  return {
    ...claim,
    article: article!,
    body: revision?.body ?? '',
    claimant,
    sources: claimSourceRows,
    responses: responseRows.sort(
      (a, b) => responseTime(b) - responseTime(a) || b.id - a.id,
    ),
    events: listPublicEvents({ claimId: id }),
    appearances,
  };
}

// What a claim page's render reads (readClaim in lib/server/reader.ts), built once.
const publishedClaimQueries = preparedQuery((db) => ({
  claim: db
    .select()
    .from(claims)
    .where(and(eq(claims.id, sql.placeholder('id')), eq(claims.published, true)))
    .prepare(),
  article: db.select().from(articles).where(eq(articles.id, sql.placeholder('id'))).prepare(),
  revision: db
    .select({ body: articleRevisions.body, createdAt: articleRevisions.createdAt })
    .from(articleRevisions)
    .where(eq(articleRevisions.id, sql.placeholder('id')))
    .prepare(),
  appearances: db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      outlet: articles.outlet,
      publishedAt: articles.publishedAt,
      anchorState: claimAppearances.anchorState,
      canonicalUrl: articles.canonicalUrl,
    })
    .from(claimAppearances)
    .innerJoin(articles, eq(articles.id, claimAppearances.articleId))
    .where(eq(claimAppearances.claimId, sql.placeholder('id')))
    .prepare(),
  events: db
    .select({ id: claimEvents.id, at: claimEvents.at, kind: claimEvents.kind, before: claimEvents.before, after: claimEvents.after })
    .from(claimEvents)
    .where(and(eq(claimEvents.claimId, sql.placeholder('claimId')), notInArray(claimEvents.kind, [...INTERNAL_EVENT_KINDS])))
    .orderBy(asc(claimEvents.at), asc(claimEvents.id))
    .prepare(),
}));

/** A claim's history as readers see it (newsroom-internal steps left out), oldest first. */
export function listPublicEvents({ claimId }: { claimId: number }) {
  return publishedClaimQueries()
    .events.all({ claimId })
    .map((e) => ({ ...e, before: e.before as Record<string, unknown> | null, after: e.after as Record<string, unknown> | null }));
}

const responseTime = (r: { respondedAt: Date | null; requestedAt: Date | null }) =>
  (r.respondedAt ?? r.requestedAt)?.getTime() ?? 0;

/** Recent published claims for lists (home page, feeds), newest change first. */
export function listRecentClaims({ limit = 20 }: { limit?: number } = {}) {
  return getDb()
    .select({
      id: claims.id,
      slug: claims.slug,
      statement: claims.statement,
      status: claims.status,
      updatedAt: claims.updatedAt,
      articleTitle: articles.title,
      articleSlug: articles.slug,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(eq(claims.published, true))
    .orderBy(desc(claims.updatedAt), desc(claims.id))
    .limit(limit)
    .all();
}


/** Links a claim to another article where it was made again (one claim page gathers them all). */
export function addAppearance(input: { claimId: number; articleId: number; anchor: Anchor; actorId: string | null }) {
  return write((tx) => {
    const article = tx.select().from(articles).where(eq(articles.id, input.articleId)).get();
    if (!article?.currentRevisionId) throw new AppError('not_found');
    const appearance = tx
      .insert(claimAppearances)
      .values({
        claimId: input.claimId,
        articleId: input.articleId,
        anchorStart: input.anchor.start,
        anchorEnd: input.anchor.end,
        anchorExact: input.anchor.exact,
        anchorPrefix: input.anchor.prefix,
        anchorSuffix: input.anchor.suffix,
        revisionId: article.currentRevisionId,
      })
      .returning()
      .get();
    recordEvent(tx, {
      claimId: input.claimId,
      actorId: input.actorId,
      kind: 'appearance_added',
      after: { article: article.title, exact: input.anchor.exact },
    });
    return appearance;
  });
}
