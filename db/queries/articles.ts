import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articleRevisions, articles, claimAppearances, claims } from '@/db/schema';
import { normalizeBody, normalizeLine, slugify } from '@/lib/text';
import { STATUSES, type Status } from '@/lib/status';
import type { WatchStep } from '@/lib/watch';
import { freeSlug, write } from './tx';
import { watchArticle } from './watches';

export function bodyHash(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

export type ArticleInput = {
  title: string;
  outlet?: string;
  author?: string;
  publishedAt?: Date | null;
  canonicalUrl?: string | null;
  body: string;
  actorId: string | null;
  /** An article imported from a web address: watched for the outlet's later changes (db/queries/watches.ts). */
  watch?: { url: string; removedParagraphs: string[]; schedule: readonly WatchStep[]; now?: Date };
};

/** Stores a new article and its first revision; the body is normalised first. */
export function createArticle(input: ArticleInput) {
  const body = normalizeBody(input.body);
  const title = normalizeLine(input.title);
  return write((tx) => {
    const slug = freeSlug(slugify(title), (s) =>
      Boolean(tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, s)).get()),
    );
    const article = tx
      .insert(articles)
      .values({
        slug,
        title,
        outlet: normalizeLine(input.outlet ?? ''),
        author: normalizeLine(input.author ?? ''),
        publishedAt: input.publishedAt ?? null,
        canonicalUrl: input.canonicalUrl || null,
        createdBy: input.actorId,
      })
      .returning()
      .get();
    const revision = tx
      .insert(articleRevisions)
      .values({ articleId: article.id, body, bodyHash: bodyHash(body), createdBy: input.actorId })
      .returning()
      .get();
    tx.update(articles).set({ currentRevisionId: revision.id }).where(eq(articles.id, article.id)).run();
    if (input.watch) watchArticle(tx, { ...input.watch, articleId: article.id, body, now: input.watch.now ?? article.createdAt });
    return { ...article, currentRevisionId: revision.id, body };
  });
}

type StatusCounts = Record<Status, number>;

const emptyCounts = (): StatusCounts =>
  Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;

/**
 * One page of articles, newest first (the id settles ties, so pages never overlap), each with
 * how many published claims it has in each status, and how many articles there are in all.
 */
export function listArticlesWithCounts({ limit = 50, offset = 0 }: { limit?: number; offset?: number } = {}) {
  const db = getDb();
  const rows = db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      outlet: articles.outlet,
      author: articles.author,
      publishedAt: articles.publishedAt,
      createdAt: articles.createdAt,
      demo: articles.demo,
    })
    .from(articles)
    .orderBy(desc(sql`coalesce(${articles.publishedAt}, ${articles.createdAt})`), desc(articles.id))
    .limit(limit)
    .offset(offset)
    .all();
  // Only the listed articles' claims: counting every claim of a large newsroom took most of the page's time.
  const counts = rows.length
    ? db
        .select({ articleId: claims.articleId, status: claims.status, n: sql<number>`count(*)` })
        .from(claims)
        .where(and(eq(claims.published, true), inArray(claims.articleId, rows.map((a) => a.id))))
        .groupBy(claims.articleId, claims.status)
        .all()
    : [];
  const total = db.select({ n: sql<number>`count(*)` }).from(articles).get()?.n ?? 0;
  const byArticle = new Map<number, StatusCounts>();
  for (const c of counts) {
    const entry = byArticle.get(c.articleId) ?? emptyCounts();
    entry[c.status] = c.n;
    byArticle.set(c.articleId, entry);
  }
  const listed = rows.map((a) => {
    const statusCounts = byArticle.get(a.id) ?? emptyCounts();
    return { ...a, statusCounts, total: Object.values(statusCounts).reduce((x, y) => x + y, 0) };
  });
  return { articles: listed, total };
}

/** An article with its current body and revision dates, or undefined. */
export function getArticleBySlug({ slug }: { slug: string }) {
  const db = getDb();
  const article = db.select().from(articles).where(eq(articles.slug, slug)).get();
  if (!article || article.currentRevisionId === null) return undefined;
  const revisions = db
    .select({ id: articleRevisions.id, createdAt: articleRevisions.createdAt })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, article.id))
    .orderBy(asc(articleRevisions.id))
    .all();
  const current = db
    .select({ body: articleRevisions.body })
    .from(articleRevisions)
    .where(eq(articleRevisions.id, article.currentRevisionId))
    .get();
  return { ...article, body: current?.body ?? '', revisions };
}

/**
 * The published claims shown on an article page, in reading order: claims
 * first made here and appearances of claims first made elsewhere.
 */
export function listPublishedClaimsInArticle({ articleId }: { articleId: number }) {
  const db = getDb();
  const own = db
    .select({
      id: claims.id,
      slug: claims.slug,
      statement: claims.statement,
      status: claims.status,
      start: claims.anchorStart,
      end: claims.anchorEnd,
      anchorState: claims.anchorState,
    })
    .from(claims)
    .where(and(eq(claims.articleId, articleId), eq(claims.published, true)))
    .all();
  const appearing = db
    .select({
      id: claims.id,
      slug: claims.slug,
      statement: claims.statement,
      status: claims.status,
      start: claimAppearances.anchorStart,
      end: claimAppearances.anchorEnd,
      anchorState: claimAppearances.anchorState,
    })
    .from(claimAppearances)
    .innerJoin(claims, eq(claims.id, claimAppearances.claimId))
    .where(and(eq(claimAppearances.articleId, articleId), eq(claims.published, true)))
    .all();
  return [...own, ...appearing].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
}
