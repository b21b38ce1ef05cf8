import 'server-only';
import { currentTextLength, findArticleBySlug, findArticleByUrls, listPageClaims } from '@/db/queries/embed';
import { cached, tags } from './cache';

/**
 * What the publisher overlay shows on one article page (/api/v1/page-claims), memoised like
 * every reader read: an edit, a withdrawal or a new article with this address is on the
 * next request.
 */
export function readPageClaims(by: { urls: string[] } | { slug: string }) {
  const key = 'slug' in by ? `page-claims:slug:${by.slug}` : `page-claims:url:${by.urls[0]}`;
  return cached(
    key,
    // A page no article has may become one with any new article, which is a list change.
    (found) => (found ? [tags.article(found.article.id), tags.articleClaims(found.article.id), ...found.claims.map((c) => tags.claim(c.id))] : [tags.lists]),
    () => {
      const article = 'slug' in by ? findArticleBySlug({ slug: by.slug }) : findArticleByUrls({ urls: by.urls });
      if (!article) return null;
      return { article, textLength: currentTextLength({ articleId: article.id }), claims: listPageClaims({ articleId: article.id }) };
    },
  );
}
