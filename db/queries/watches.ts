import 'server-only';
import { and, asc, desc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import { getDb, preparedQuery } from '@/db';
import { articleRevisions, articleWatches, articles, claims, jobs, pendingRevisions } from '@/db/schema';
import { compareBodies, locateAnchor } from '@/lib/anchor';
import { AppError } from '@/lib/errors';
import { hostOf, isFetchableUrl, JOB_KINDS } from '@/lib/jobs';
import { nextWatchAt, type WatchStep } from '@/lib/watch';
import { bodyHash } from './articles';
import { enqueueJob } from './jobs';
import { anchorOf, createRevisionIn } from './revisions';
import { write, type Tx } from './tx';

export const WATCH_JOB = JOB_KINDS.watch;
const watchKey = (articleId: number) => `watch:article:${articleId}`;

/** Starts watching an article imported from `url`, inside the transaction that creates it. */
export function watchArticle(
  tx: Tx,
  input: { articleId: number; url: string; body: string; removedParagraphs: string[]; now: Date; schedule: readonly WatchStep[] },
): void {
  if (!isFetchableUrl(input.url)) return;
  tx.insert(articleWatches)
    .values({
      articleId: input.articleId,
      url: input.url,
      removedParagraphs: input.removedParagraphs,
      seenHash: bodyHash(input.body),
      nextCheckAt: nextWatchAt(input.now, input.now, input.schedule),
      createdAt: input.now,
    })
    .onConflictDoNothing()
    .run();
}

/** Queues a fetch of every watched article that is due and not already queued. */
export function queueDueWatches({ now, limit = 100 }: { now: Date; limit?: number }): number {
  const due = getDb()
    .select({ articleId: articleWatches.articleId, url: articleWatches.url })
    .from(articleWatches)
    .where(
      and(
        lte(articleWatches.nextCheckAt, now),
        sql`not exists (select 1 from ${jobs} where ${jobs.key} = 'watch:article:' || ${articleWatches.articleId} and ${jobs.state} in ('queued', 'running'))`,
      ),
    )
    .orderBy(asc(articleWatches.nextCheckAt))
    .limit(limit)
    .all();
  if (due.length === 0) return 0;
  return write((tx) =>
    due.filter((d) =>
      enqueueJob(tx, { kind: WATCH_JOB, payload: { articleId: d.articleId }, key: watchKey(d.articleId), host: hostOf(d.url), runAt: now }),
    ).length,
    'nothing',
  );
}

/** An editor's "Check for changes now": queues a fetch of a watched article; false when one is already queued. */
export function requestWatch({ articleId, now }: { articleId: number; now: Date }): boolean {
  return write((tx) => {
    const watch = tx.select().from(articleWatches).where(eq(articleWatches.articleId, articleId)).get();
    if (!watch) throw new AppError('not_found');
    return enqueueJob(tx, { kind: WATCH_JOB, payload: { articleId }, key: watchKey(articleId), host: hostOf(watch.url), runAt: now });
  });
}

export function getWatch({ articleId }: { articleId: number }) {
  return getDb().select().from(articleWatches).where(eq(articleWatches.articleId, articleId)).get();
}

type Fetch = {
  articleId: number;
  checkedAt: Date;
  nextCheckAt: Date;
  state: 'ok' | 'gone' | 'unreachable';
  detail?: string;
  etag?: string | null;
  lastModified?: string | null;
};

/** Records a watch's fetch: when, how it answered, and the validators for the next conditional request. */
export function recordWatchFetch(tx: Tx, fetch: Fetch): void {
  tx.update(articleWatches)
    .set({
      state: fetch.state,
      detail: (fetch.detail ?? '').slice(0, 500),
      checkedAt: fetch.checkedAt,
      nextCheckAt: fetch.nextCheckAt,
      ...(fetch.etag !== undefined ? { etag: fetch.etag } : {}),
      ...(fetch.lastModified !== undefined ? { lastModified: fetch.lastModified } : {}),
    })
    .where(eq(articleWatches.articleId, fetch.articleId))
    .run();
}

/**
 * The text a watch fetched, once furniture is removed. Nothing happens when it is what the
 * watch last saw. Otherwise it becomes the text last seen and, unless it is the article's
 * current text or a change already recorded (an editor dismissed it, say), a pending
 * revision, which replaces an older one still pending. Returns the new pending revision's id.
 */
export function recordFetchedText(tx: Tx, input: { articleId: number; body: string; fetchedUrl: string; now: Date }): number | null {
  const hash = bodyHash(input.body);
  const watch = tx.select().from(articleWatches).where(eq(articleWatches.articleId, input.articleId)).get();
  if (!watch || watch.seenHash === hash || !input.body) return null;
  tx.update(articleWatches).set({ seenHash: hash }).where(eq(articleWatches.articleId, input.articleId)).run();
  const article = tx.select({ revisionId: articles.currentRevisionId }).from(articles).where(eq(articles.id, input.articleId)).get();
  if (!article?.revisionId) return null;
  const current = tx.select({ hash: articleRevisions.bodyHash }).from(articleRevisions).where(eq(articleRevisions.id, article.revisionId)).get();
  if (current?.hash === hash) return null;
  const known = tx
    .select({ id: pendingRevisions.id })
    .from(pendingRevisions)
    .where(and(eq(pendingRevisions.articleId, input.articleId), eq(pendingRevisions.bodyHash, hash)))
    .get();
  if (known) return null;
  // An older change nobody decided on is superseded by this one (decided by nobody).
  tx.update(pendingRevisions)
    .set({ state: 'dismissed', decidedAt: input.now })
    .where(and(eq(pendingRevisions.articleId, input.articleId), eq(pendingRevisions.state, 'pending')))
    .run();
  return tx
    .insert(pendingRevisions)
    .values({
      articleId: input.articleId,
      body: input.body,
      bodyHash: hash,
      baseRevisionId: article.revisionId,
      fetchedUrl: input.fetchedUrl,
      detectedAt: input.now,
    })
    .returning({ id: pendingRevisions.id })
    .get().id;
}

// ---- editors ----

/** Changes the watches found that wait for an editor, newest first, with their articles. */
export function listPendingRevisions({ articleId }: { articleId?: number } = {}) {
  return getDb()
    .select({ id: pendingRevisions.id, articleId: articles.id, title: articles.title, detectedAt: pendingRevisions.detectedAt })
    .from(pendingRevisions)
    .innerJoin(articles, eq(articles.id, pendingRevisions.articleId))
    .where(and(eq(pendingRevisions.state, 'pending'), articleId ? eq(pendingRevisions.articleId, articleId) : undefined))
    .orderBy(desc(pendingRevisions.detectedAt))
    .all();
}

/**
 * A pending revision with what an editor needs to decide: the article's current text to
 * compare with, and each claim whose passage the change would move, alter or lose.
 */
export function getPendingRevision({ id }: { id: number }) {
  const db = getDb();
  const pending = db.select().from(pendingRevisions).where(eq(pendingRevisions.id, id)).get();
  if (!pending) return undefined;
  const article = db.select().from(articles).where(eq(articles.id, pending.articleId)).get()!;
  const current = db
    .select({ id: articleRevisions.id, body: articleRevisions.body })
    .from(articleRevisions)
    .where(eq(articleRevisions.id, article.currentRevisionId!))
    .get()!;
  const change = compareBodies(current.body, pending.body);
  const affected = db
    .select()
    .from(claims)
    .where(and(eq(claims.articleId, article.id), ne(claims.anchorState, 'removed')))
    .all()
    .flatMap((claim) => {
      // Anchors of the current revision move with the change; others are re-found from their quote.
      const found = locateAnchor(pending.body, anchorOf(claim), claim.revisionId === current.id ? change : undefined);
      const kept = found.state === 'anchored' && pending.body.slice(found.start, found.end) === claim.anchorExact;
      if (kept) return [];
      const outcome = found.state === 'anchored' ? 'altered' : found.state === 'fuzzy' ? 'altered' : 'lost';
      return [{ id: claim.id, statement: claim.statement, exact: claim.anchorExact, outcome: outcome as 'altered' | 'lost' }];
    });
  return { pending, article, current, affected };
}

/** Accepts a pending revision: it becomes the article's revision (claims re-anchored as for any revision) in the same transaction. */
export function acceptPendingRevision({ id, actorId, now }: { id: number; actorId: string; now: Date }) {
  return write((tx) => {
    const pending = decidable(tx, id);
    const result = createRevisionIn(tx, { articleId: pending.articleId, body: pending.body, actorId, at: now, baseRevisionId: pending.baseRevisionId });
    tx.update(pendingRevisions)
      .set({ state: 'accepted', decidedBy: actorId, decidedAt: now, revisionId: result.revision.id })
      .where(eq(pendingRevisions.id, id))
      .run();
    return { ...result, articleId: pending.articleId };
  });
}

export function dismissPendingRevision({ id, actorId, now }: { id: number; actorId: string; now: Date }) {
  return write((tx) => {
    const pending = decidable(tx, id);
    tx.update(pendingRevisions).set({ state: 'dismissed', decidedBy: actorId, decidedAt: now }).where(eq(pendingRevisions.id, id)).run();
    return { articleId: pending.articleId };
  });
}

function decidable(tx: Tx, id: number) {
  const pending = tx.select().from(pendingRevisions).where(eq(pendingRevisions.id, id)).get();
  if (!pending) throw new AppError('not_found');
  if (pending.state !== 'pending') {
    throw new AppError('conflict', { message: `This change was already ${pending.state === 'accepted' ? 'accepted' : 'dismissed'}.` });
  }
  return pending;
}

// ---- readers ----

/** The outlet's changes to an article found after the newsroom's check and accepted, oldest first. */
export function listOutletChanges({ articleId }: { articleId: number }) {
  return outletChangesQuery().all({ articleId });
}

// Every render of a claim page and an article page reads it.
const outletChangesQuery = preparedQuery((db) =>
  db
    .select({ detectedAt: pendingRevisions.detectedAt, from: pendingRevisions.baseRevisionId, to: pendingRevisions.revisionId })
    .from(pendingRevisions)
    .where(and(eq(pendingRevisions.articleId, sql.placeholder('articleId')), eq(pendingRevisions.state, 'accepted')))
    .orderBy(asc(pendingRevisions.detectedAt))
    .prepare(),
);

/** Every accepted outlet change, newest first: the Atom feed of detected changes. */
export function listRecentOutletChanges({ limit = 50 }: { limit?: number } = {}) {
  return getDb()
    .select({
      id: pendingRevisions.id,
      detectedAt: pendingRevisions.detectedAt,
      decidedAt: pendingRevisions.decidedAt,
      from: pendingRevisions.baseRevisionId,
      to: pendingRevisions.revisionId,
      articleId: articles.id,
      slug: articles.slug,
      title: articles.title,
      outlet: articles.outlet,
      url: pendingRevisions.fetchedUrl,
    })
    .from(pendingRevisions)
    .innerJoin(articles, eq(articles.id, pendingRevisions.articleId))
    .where(eq(pendingRevisions.state, 'accepted'))
    .orderBy(desc(pendingRevisions.decidedAt), desc(pendingRevisions.id))
    .limit(limit)
    .all();
}

/** The ids of articles with a pending change, for the workspace list. */
export function articlesWithPendingChanges(articleIds: number[]): Set<number> {
  if (articleIds.length === 0) return new Set();
  return new Set(
    getDb()
      .select({ id: pendingRevisions.articleId })
      .from(pendingRevisions)
      .where(and(inArray(pendingRevisions.articleId, articleIds), eq(pendingRevisions.state, 'pending')))
      .all()
      .map((r) => r.id),
  );
}
