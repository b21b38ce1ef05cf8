import { listArticlesPage } from '@/db/queries/reader-lists';
import { articleListSchema, articleListQuery } from '@/lib/api-schema';
import { decodeCursor, encodeCursor } from '@/lib/claim-filters';
import { apiList, articleSummary, parseQuery } from '@/lib/server/api';
import { cached, tags } from '@/lib/server/cache';
import { preflight } from '@/lib/server/http';
import { siteUrl } from '@/lib/server/site';

/** Articles newest first, cursor-paged, with their number of published claims. */
export async function GET(request: Request) {
  const parsed = parseQuery(request, articleListQuery);
  if (!parsed.ok) return parsed.response;
  const { limit, cursor } = parsed.data;
  const after = cursor ? decodeCursor(cursor) : null;
  const page = cached(`api-articles:${limit}:${cursor ?? ''}`, [tags.lists], () => listArticlesPage({ limit, after }));
  const site = await siteUrl();
  const nextCursor = page.next ? encodeCursor(page.next) : null;
  return apiList(request, articleListSchema, {
    data: page.articles.map((a) => articleSummary(a, site)),
    nextCursor,
    links: { next: nextCursor ? `${site}/api/v1/articles?limit=${limit}&cursor=${nextCursor}` : null },
  }, [tags.lists]);
}

export const OPTIONS = preflight;
