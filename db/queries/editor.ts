import 'server-only';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { getDb, preparedQuery } from '@/db';
import { articles, claimAppearances, claims, parties, responses } from '@/db/schema';
import { STATUSES, type Status } from '@/lib/status';
import { openReply } from './board';

/** Every article's id and title, newest first: the options of the board's article filter. */
export function listArticleOptions() {
  return getDb().select({ id: articles.id, title: articles.title }).from(articles).orderBy(desc(articles.createdAt), desc(articles.id)).all();
}

export const countArticles = (): number => getDb().select({ n: sql<number>`count(*)` }).from(articles).get()!.n;

/**
 * A page of articles, newest first, with counts of their claims by status and by what needs review
 * (editors see drafts too). The counts are made for that page's articles only: on a newsroom of two
 * thousand articles and a hundred thousand claims, the workspace read every claim on each request.
 */
export function listArticlesForEditor({ now = new Date(), limit = -1, offset = 0 }: { now?: Date; limit?: number; offset?: number } = {}) {
  const db = getDb();
  const rows = db
    .select({ id: articles.id, slug: articles.slug, title: articles.title, outlet: articles.outlet, createdAt: articles.createdAt, demo: articles.demo })
    .from(articles)
    .orderBy(desc(articles.createdAt), desc(articles.id))
    .limit(limit)
    .offset(offset)
    .all();
  const ids = rows.map((a) => a.id);
  const statusRows = db
    .select({
      articleId: claims.articleId,
      status: claims.status,
      n: sql<number>`count(*)`,
      drafts: sql<number>`sum(case when ${claims.published} then 0 else 1 end)`,
      fuzzy: sql<number>`sum(case when ${claims.anchorState} = 'fuzzy' then 1 else 0 end)`,
      orphaned: sql<number>`sum(case when ${claims.anchorState} = 'orphaned' then 1 else 0 end)`,
    })
    .from(claims)
    .where(inArray(claims.articleId, ids))
    .groupBy(claims.articleId, claims.status)
    .all();
  // Appearances of claims first made elsewhere are reviewed on the article they appear in.
  const appearanceRows = db
    .select({
      articleId: claimAppearances.articleId,
      fuzzy: sql<number>`sum(case when ${claimAppearances.anchorState} = 'fuzzy' then 1 else 0 end)`,
      orphaned: sql<number>`sum(case when ${claimAppearances.anchorState} = 'orphaned' then 1 else 0 end)`,
    })
    .from(claimAppearances)
    .where(inArray(claimAppearances.articleId, ids))
    .groupBy(claimAppearances.articleId)
    .all();
  const overdueRows = db
    .select({ articleId: claims.articleId, n: sql<number>`count(*)` })
    .from(responses)
    .innerJoin(claims, eq(claims.id, responses.claimId))
    .where(and(inArray(claims.articleId, ids), openReply, lt(responses.deadlineAt, now)))
    .groupBy(claims.articleId)
    .all();
  return rows.map((a) => {
    const mine = statusRows.filter((r) => r.articleId === a.id);
    const byStatus = Object.fromEntries(
      STATUSES.map((s) => [s, mine.find((r) => r.status === s)?.n ?? 0]),
    ) as Record<Status, number>;
    const sum = (key: 'n' | 'drafts' | 'fuzzy' | 'orphaned') => mine.reduce((t, r) => t + (r[key] ?? 0), 0);
    const appearing = appearanceRows.find((r) => r.articleId === a.id);
    return {
      ...a,
      byStatus,
      total: sum('n'),
      drafts: sum('drafts'),
      fuzzy: sum('fuzzy') + (appearing?.fuzzy ?? 0),
      orphaned: sum('orphaned') + (appearing?.orphaned ?? 0),
      overdue: overdueRows.find((r) => r.articleId === a.id)?.n ?? 0,
    };
  });
}

/** A claim (draft or published) with its article title and claimant name, for editor pages. */
export function getClaimSummary({ id }: { id: number }) {
  return claimSummaryQuery().get({ id });
}

const claimSummaryQuery = preparedQuery((db) =>
  db
    .select({
      id: claims.id,
      slug: claims.slug,
      statement: claims.statement,
      status: claims.status,
      statusNote: claims.statusNote,
      published: claims.published,
      updatedAt: claims.updatedAt,
      articleId: articles.id,
      articleTitle: articles.title,
      demo: articles.demo,
      claimantName: parties.name,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .leftJoin(parties, eq(parties.id, claims.claimantPartyId))
    .where(eq(claims.id, sql.placeholder('id')))
    .prepare(),
);
