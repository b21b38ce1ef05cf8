import { z } from 'zod';
import { ANNOTATION_CONTENT_TYPE, annotationCollection, annotationPage, lastPage } from '@/lib/annotation';
import { parseSearchParams } from '@/lib/params';
import { articlePath } from '@/lib/routes';
import { readArticleAnnotations, toAnnotatedClaim } from '@/lib/server/annotations';
import { jsonResponse, preflight } from '@/lib/server/http';
import { readArticle } from '@/lib/server/reader';
import { publisher, siteUrl } from '@/lib/server/site';

const query = z.object({ page: z.string().regex(/^(0|[1-9][0-9]{0,6})$/, 'A page number from 0.').transform(Number).optional() });

/**
 * An article's published claims as a W3C AnnotationCollection; `?page=N` (from 0) is one
 * AnnotationPage of it with the annotations in full.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const parsed = parseSearchParams(new URL(request.url).searchParams, query, { strict: true });
  if (!parsed.ok) return new Response(Object.values(parsed.errors).join(' '), { status: 400 });
  const article = readArticle((await params).slug);
  if (!article) return new Response('Not found', { status: 404 });
  const site = await siteUrl();
  const collectionId = `${site}${articlePath(article)}/annotations.jsonld`;
  const label = `Claims in “${article.title}”`;
  const page = parsed.data.page;
  const { total, claims } = readArticleAnnotations(article, page ?? 0);
  if (page === undefined) {
    return jsonResponse(request, annotationCollection({ id: collectionId, label, total }), { contentType: ANNOTATION_CONTENT_TYPE });
  }
  if (page > lastPage(total)) return new Response('Not found', { status: 404 });
  const body = annotationPage(
    { collectionId, label, page, total },
    claims.map((c) => toAnnotatedClaim(c, site)),
    await publisher(),
  );
  return jsonResponse(request, body, { contentType: ANNOTATION_CONTENT_TYPE });
}

export const OPTIONS = preflight;
