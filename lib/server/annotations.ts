import 'server-only';
import { getClaimAnnotation, listArticleAnnotations, type AnnotationClaim } from '@/db/queries/annotations';
import { ANNOTATION_PAGE_SIZE, type AnnotatedClaim } from '@/lib/annotation';
import { claimPath } from '@/lib/routes';
import { cached, tags } from './cache';
import { articleUrl } from './reader';

/** Web Annotation data of public claims, memoised per tag like every other reader surface. */

// A claim's annotation shows its own fields and the articles it was made in (their URLs).
const annotationTags = (c: AnnotationClaim) => [tags.claim(c.id), ...c.targets.map((t) => tags.article(t.articleId))];

export function readClaimAnnotation(id: number): AnnotationClaim | null {
  return cached(`annotation:${id}`, (c) => (c ? annotationTags(c) : [tags.claim(id)]), () => getClaimAnnotation({ id }) ?? null);
}

/** One page (from 0) of an article's annotations; articleClaims follows claims published into it. */
export function readArticleAnnotations(article: { id: number }, page: number) {
  return cached(
    `annotations:${article.id}:${page}`,
    (p) => [tags.article(article.id), tags.articleClaims(article.id), ...p.claims.flatMap(annotationTags)],
    () => listArticleAnnotations({ articleId: article.id, offset: page * ANNOTATION_PAGE_SIZE, limit: ANNOTATION_PAGE_SIZE }),
  );
}

/** The claim with absolute URLs on `site`, as lib/annotation.ts takes it. */
export function toAnnotatedClaim(claim: AnnotationClaim, site: string): AnnotatedClaim {
  const pageUrl = `${site}${claimPath(claim)}`;
  return {
    ...claim,
    id: `${site}/claims/${claim.id}/annotation.jsonld`,
    pageUrl,
    targets: claim.targets.map((t) => ({ ...t, source: articleUrl({ slug: t.articleSlug, canonicalUrl: t.canonicalUrl }, site) })),
  };
}
