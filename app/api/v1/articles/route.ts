import { z } from 'zod';
import { listArticlesPage } from '@/db/queries/reader-lists';
import { cursorParam, decodeCursor, encodeCursor, limitParam } from '@/lib/claim-filters';
import { articlePath } from '@/lib/routes';
import { parseQuery } from '@/lib/server/api';
import { cached, tags } from '@/lib/server/cache';
import { jsonResponse, preflight } from '@/lib/server/http';
import { siteUrl } from '@/lib/server/site';

const query = z.object({ limit: limitParam.default(20), cursor: cursorParam.optional() });

/** Articles newest first, cursor-paged, with their number of published claims. */
export async function GET(request: Request) {
  const parsed = parseQuery(request, query);
  if (!parsed.ok) return parsed.response;
  const { limit, cursor } = parsed.data;
  const after = cursor ? decodeCursor(cursor) : null;
  const page = cached(`api-articles:${limit}:${cursor ?? ''}`, [tags.lists], () => listArticlesPage({ limit, after }));
  const site = await siteUrl();
  const nextCursor = page.next ? encodeCursor(page.next) : null;
  return jsonResponse(request, {
    data: page.articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      outlet: a.outlet,
      author: a.author,
      publishedAt: a.publishedAt?.toISOString() ?? null,
      canonicalUrl: a.canonicalUrl,
      claims: a.claims,
      url: `${site}${articlePath(a)}`,
      api: `${site}/api/v1/articles/${a.slug}`,
    })),
    nextCursor,
    links: { next: nextCursor ? `${site}/api/v1/articles?limit=${limit}&cursor=${nextCursor}` : null },
  });
}

export const OPTIONS = preflight;
