import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articleRevisions, articles, claimAppearances, claims } from '@/db/schema';
import { ANCHOR_STATES, isDetached } from '@/lib/anchor';

/**
 * Reads for the publisher overlay (/embed.js through /api/v1/page-claims): which article a
 * page is, and the published claims to show on it with their quotes.
 */

/** The article whose canonical URL is one of `urls` (the first listed wins a tie), or undefined. */
export function findArticleByUrls({ urls }: { urls: string[] }) {
  if (!urls.length) return undefined;
  const rows = getDb()
    .select({ id: articles.id, slug: articles.slug, title: articles.title, canonicalUrl: articles.canonicalUrl })
    .from(articles)
    .where(inArray(articles.canonicalUrl, urls))
    .orderBy(desc(articles.id))
    .all();
  return rows.sort((a, b) => urls.indexOf(a.canonicalUrl!) - urls.indexOf(b.canonicalUrl!))[0];
}

export function findArticleBySlug({ slug }: { slug: string }) {
  return getDb().select({ id: articles.id, slug: articles.slug, title: articles.title }).from(articles).where(eq(articles.slug, slug)).get();
}

/** The length of an article's current text (in characters: a hint for where a quote sits on a page). */
export function currentTextLength({ articleId }: { articleId: number }): number {
  const row = getDb()
    .select({ length: sql<number>`length(${articleRevisions.body})` })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId))
    .get();
  return row?.length ?? 0;
}

const IN_TEXT = ANCHOR_STATES.filter((state) => !isDetached(state));

/**
 * The published claims whose passage is in the article's current text (own claims and
 * appearances of claims first made elsewhere), in reading order, with their quotes.
 */
export function listPageClaims({ articleId }: { articleId: number }) {
  const db = getDb();
  const head = { id: claims.id, slug: claims.slug, statement: claims.statement, status: claims.status, statusNote: claims.statusNote };
  const own = db
    .select({
      ...head,
      start: claims.anchorStart,
      end: claims.anchorEnd,
      exact: claims.anchorExact,
      prefix: claims.anchorPrefix,
      suffix: claims.anchorSuffix,
    })
    .from(claims)
    .where(and(eq(claims.articleId, articleId), eq(claims.published, true), inArray(claims.anchorState, IN_TEXT)))
    .all();
  const appearing = db
    .select({
      ...head,
      start: claimAppearances.anchorStart,
      end: claimAppearances.anchorEnd,
      exact: claimAppearances.anchorExact,
      prefix: claimAppearances.anchorPrefix,
      suffix: claimAppearances.anchorSuffix,
    })
    .from(claimAppearances)
    .innerJoin(claims, eq(claims.id, claimAppearances.claimId))
    .where(and(eq(claimAppearances.articleId, articleId), eq(claims.published, true), inArray(claimAppearances.anchorState, IN_TEXT)))
    .all();
  return [...own, ...appearing].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
}
