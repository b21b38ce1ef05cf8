import { z } from 'zod';
import { articleResponseSchema } from '@/lib/api-schema';
import { apiJson, articleDetail, notFoundJson, parseQuery } from '@/lib/server/api';
import { preflight } from '@/lib/server/http';
import { readArticle } from '@/lib/server/reader';
import { siteUrl } from '@/lib/server/site';

/** One article: its current text, revision dates and published claims with their positions in the text. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const query = parseQuery(request, z.object({}));
  if (!query.ok) return query.response;
  const article = readArticle((await params).slug);
  if (!article) return notFoundJson();
  return apiJson(request, articleResponseSchema, { data: articleDetail(article, await siteUrl()) });
}

export const OPTIONS = preflight;
