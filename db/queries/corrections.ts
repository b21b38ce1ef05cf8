import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, claimEvents, claims } from '@/db/schema';

/** Every correction to a published verdict, newest first (the public corrections log). */
export function listCorrections({ limit = 200 }: { limit?: number } = {}) {
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
    .where(and(eq(claimEvents.kind, 'corrected'), eq(claims.published, true)))
    .orderBy(desc(claimEvents.at), desc(claimEvents.id))
    .limit(limit)
    .all()
    .map((row) => ({
      ...row,
      before: row.before as Record<string, unknown> | null,
      after: row.after as Record<string, unknown> | null,
    }));
}
