import { z } from 'zod';
import { articlePath, claimPath } from '@/lib/routes';
import { STATUS_INFO } from '@/lib/status';
import { notFoundJson, parseQuery } from '@/lib/server/api';
import { jsonResponse, preflight } from '@/lib/server/http';
import { readArticle } from '@/lib/server/reader';
import { siteUrl } from '@/lib/server/site';

/** One article: its current text, revision dates and published claims with their positions in the text. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const query = parseQuery(request, z.object({}));
  if (!query.ok) return query.response;
  const article = readArticle((await params).slug);
  if (!article) return notFoundJson();
  const site = await siteUrl();
  return jsonResponse(request, {
    data: {
      slug: article.slug,
      title: article.title,
      outlet: article.outlet,
      author: article.author,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      canonicalUrl: article.canonicalUrl,
      url: `${site}${articlePath(article)}`,
      body: article.body,
      revisions: article.revisions.map((r) => ({ id: r.id, createdAt: r.createdAt.toISOString() })),
      claims: article.claims.map((c) => ({
        id: c.id,
        statement: c.statement,
        status: c.status,
        statusLabel: STATUS_INFO[c.status].label,
        start: c.start,
        end: c.end,
        url: `${site}${claimPath(c)}`,
        api: `${site}/api/v1/claims/${c.id}`,
      })),
    },
  });
}

export const OPTIONS = preflight;
