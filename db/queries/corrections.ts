import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, claimEvents, claims } from '@/db/schema';

const corrected = and(eq(claimEvents.kind, 'corrected'), eq(claims.published, true));

/** How many corrections the public log lists (what listCorrections pages through). */
export function countCorrections(): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(claimEvents).innerJoin(claims, eq(claims.id, claimEvents.claimId)).where(corrected).get()!.n;
}

/** Corrections to published verdicts, newest first (the public corrections log): a page of them with `limit` and `offset`. */
export function listCorrections({ limit = -1, offset = 0 }: { limit?: number; offset?: number } = {}) {
  return getDb()
    .select({
      id: claimEvents.id,
      at: claimEvents.at,
      before: claimEvents.before,
      after: claimEvents.after,
      claimId: claims.id,
      slug: claims.slug,
      statement: claims.statement,
      status: claims.status,
      articleTitle: articles.title,
      demo: articles.demo,
    })
    .from(claimEvents)
    .innerJoin(claims, eq(claims.id, claimEvents.claimId))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(corrected)
    .orderBy(desc(claimEvents.at), desc(claimEvents.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map((row) => ({
      ...row,
      before: row.before as Record<string, unknown> | null,
      after: row.after as Record<string, unknown> | null,
    }));
}
