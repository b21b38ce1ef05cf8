import { z } from 'zod';
import { listArticlesPage } from '@/db/queries/reader-lists';
import { decodeCursor, encodeCursor } from '@/lib/claim-filters';
import { articlePath } from '@/lib/routes';
import { invalidParams, parseQuery } from '@/lib/server/api';
import { cached, tags } from '@/lib/server/cache';
import { jsonResponse, preflight } from '@/lib/server/http';
import { siteUrl } from '@/lib/server/site';

const query = z.object({
  limit: z.coerce.number().int().min(1).max(100, 'At most 100.').default(20),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,400}$/, 'Use the cursor from the previous page.').optional(),
});

/** Articles newest first, cursor-paged, with their number of published claims. */
export async function GET(request: Request) {
  const parsed = parseQuery(request, query);
  if (!parsed.ok) return parsed.response;
  const { limit, cursor } = parsed.data;
  const after = cursor ? decodeCursor(cursor) : null;
  if (cursor && !after) return invalidParams({ cursor: 'Use the cursor from the previous page.' });
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
