import 'server-only';
import { and, asc, desc, eq, notInArray } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  articleRevisions,
  articles,
  claimAppearances,
  claimEvents,
  claims,
  parties,
} from '@/db/schema';
import type { Anchor } from '@/lib/anchor';
import { AppError, fieldError } from '@/lib/errors';
import { INTERNAL_EVENT_KINDS, type EventKind } from '@/lib/events';
import { DEFAULT_STATUS, type Status } from '@/lib/status';
import { normalizeLine, slugify } from '@/lib/text';
import { listClaimResponses, listClaimSources } from './sources';
import { recordEvent, write, type Tx } from './tx';
import { signOffRequired } from './workflow';

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
  /** Required when the verdict of a published claim changes: what readers are told changed. */
  correction?: string;
  published?: boolean;
};

/** A claimant must be a party that exists: one merged away while the form was open is refused beside the field. */
function checkClaimant(tx: Pick<Tx, 'select'>, partyId: number | null | undefined) {
  if (partyId != null && !tx.select({ id: parties.id }).from(parties).where(eq(parties.id, partyId)).get()) {
    throw fieldError('claimantPartyId', 'That party no longer exists. Choose a party from the list.');
  }
}

type ClaimRow = typeof claims.$inferSelect;

/** A withdrawn claim is the public record of a mistake: it is not edited or moved any more. */
export function refuseWithdrawn(claim: Pick<ClaimRow, 'withdrawnAt'>): void {
  if (claim.withdrawnAt) throw new AppError('invalid', { message: 'This claim was withdrawn and can no longer be changed.' });
}

export type VerdictChange = {
  /** The columns to write: the new verdict, or the pending change awaiting a second editor. */
  values: Partial<typeof claims.$inferInsert>;
  /** The history entry: status_changed, corrected, or verdict_proposed. */
  event: { kind: EventKind; before: Record<string, unknown>; after: Record<string, unknown> };
  /** True when the change waits for a second editor's approval (moveClaim applies it). */
  proposed: boolean;
};

/**
 * The one rule for changing a claim's verdict (status and status note), wherever the change
 * comes from (the claim editor, the revision review's retraction). A draft's verdict changes at
 * once. A published verdict needs a public correction note and, while sign-off is required,
 * waits as a pending change a second editor approves, readers keeping the old verdict meanwhile
 * (a change with no actor is the system's own and applies at once). Null when nothing changes.
 */
export function verdictChange(
  tx: Pick<Tx, 'select'>,
  current: ClaimRow,
  change: { status: Status; statusNote: string; correction?: string; actorId: string | null },
): VerdictChange | null {
  const { status, actorId } = change;
  const statusNote = change.statusNote.trim();
  if (status === current.status && statusNote === current.statusNote) return null;
  const before = { status: current.status, note: current.statusNote };
  if (!current.published) {
    return { values: { status, statusNote, verdictSetBy: actorId }, event: { kind: 'status_changed', before, after: { status, note: statusNote } }, proposed: false };
  }
  const correction = change.correction?.trim() ?? '';
  if (!correction) throw fieldError('correction', 'This verdict is public: say in a correction note what changed and why.');
  const after = { status, note: statusNote, correction };
  if (signOffRequired(tx) && actorId !== null) {
    return {
      values: { pendingStatus: status, pendingStatusNote: statusNote, pendingCorrection: correction, workflow: 'ready_for_review', verdictSetBy: actorId },
      event: { kind: 'verdict_proposed', before, after },
      proposed: true,
    };
  }
  return { values: { status, statusNote, verdictSetBy: actorId }, event: { kind: 'corrected', before, after }, proposed: false };
}

/**
 * Applies an editor's change if the claim is still at `version` (optimistic
 * locking); otherwise throws a conflict carrying the current claim. Writes one
 * event per kind of change. Verdicts follow `verdictChange`; a verdict cannot be
 * published by the editor who set it while sign-off is required.
 */
export function updateClaim(input: {
  id: number;
  version: number;
  patch: ClaimPatch;
  actorId: string | null;
  at?: Date;
}) {
  return write((tx) => {
    const current = tx.select().from(claims).where(eq(claims.id, input.id)).get();
    if (!current) throw new AppError('not_found');
    refuseWithdrawn(current);
    if (current.version !== input.version) throw new AppError('conflict', { detail: current });
    const at = input.at ?? new Date();
    const { patch } = input;
    const verdict = verdictChange(tx, current, {
      status: patch.status ?? current.status,
      statusNote: patch.statusNote ?? current.statusNote,
      correction: patch.correction,
      actorId: input.actorId,
    });
    const verdictSetBy = verdict ? input.actorId : current.verdictSetBy;
    const published = patch.published ?? current.published;
    if (published && !current.published && signOffRequired(tx) && verdictSetBy !== null && verdictSetBy === input.actorId) {
      throw fieldError('published', 'A different editor must approve the verdict you set: ask for review instead.');
    }
    if (patch.claimantPartyId !== current.claimantPartyId) checkClaimant(tx, patch.claimantPartyId);
    const next = {
      statement: patch.statement !== undefined ? normalizeLine(patch.statement) : current.statement,
      claimantPartyId: patch.claimantPartyId !== undefined ? patch.claimantPartyId : current.claimantPartyId,
      published,
    };
    const workflow = published !== current.published ? (published ? 'published' : 'in_progress') : current.workflow;
    const updated = tx
      .update(claims)
      .set({
        ...next,
        slug: slugify(next.statement),
        workflow,
        // A proposal's workflow (ready for review) wins over a publish toggled in the same save.
        ...verdict?.values,
        version: current.version + 1,
        updatedAt: at,
      })
      .where(and(eq(claims.id, input.id), eq(claims.version, input.version)))
      .returning()
      .get();
    const event = { claimId: current.id, actorId: input.actorId, at };
    if (verdict) recordEvent(tx, { ...event, ...verdict.event });
    if (next.statement !== current.statement || next.claimantPartyId !== current.claimantPartyId) {
      recordEvent(tx, {
        ...event,
        kind: 'edited',
        before: { statement: current.statement, claimantPartyId: current.claimantPartyId },
        after: { statement: next.statement, claimantPartyId: next.claimantPartyId },
      });
    }
    if (next.published !== current.published) {
      recordEvent(tx, { ...event, kind: next.published ? 'published' : 'unpublished' });
    }
    return updated;
  });
}

/** A published claim with everything its public page shows, or undefined (unknown or draft). */
export function getPublishedClaim({ id }: { id: number }) {
  const db = getDb();
  const claim = db
    .select()
    .from(claims)
    .where(and(eq(claims.id, id), eq(claims.published, true)))
    .get();
  if (!claim) return undefined;
  const article = db.select().from(articles).where(eq(articles.id, claim.articleId)).get();
  const revision = db
    .select({ body: articleRevisions.body, createdAt: articleRevisions.createdAt })
    .from(articleRevisions)
    .where(eq(articleRevisions.id, claim.revisionId))
    .get();
  const claimant = claim.claimantPartyId
    ? db.select().from(parties).where(eq(parties.id, claim.claimantPartyId)).get()
    : undefined;
  const claimSourceRows = listClaimSources({ claimId: id });
  const responseRows = listClaimResponses({ claimId: id });
  const appearances = db
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
    .where(eq(claimAppearances.claimId, id))
    .all();
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

/** A claim's history as readers see it (newsroom-internal steps left out), oldest first. */
export function listPublicEvents({ claimId }: { claimId: number }) {
  return getDb()
    .select({ id: claimEvents.id, at: claimEvents.at, kind: claimEvents.kind, before: claimEvents.before, after: claimEvents.after })
    .from(claimEvents)
    .where(and(eq(claimEvents.claimId, claimId), notInArray(claimEvents.kind, [...INTERNAL_EVENT_KINDS])))
    .orderBy(asc(claimEvents.at), asc(claimEvents.id))
    .all()
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
