'use server';

import { createArticle } from '@/db/queries/articles';
import { fieldError } from '@/lib/errors';
import { action } from '@/lib/server/action';
import { tags } from '@/lib/server/cache';
import { htmlToArticle, type ExtractedArticle } from '@/lib/server/html-to-text';
import { normalizeBody } from '@/lib/text';
import { checkedBody, checkedPublicationDate, fetchArticle } from '../article-import';
import { newArticleSchema, type NewArticleInput } from './schema';

/** The article's text and whatever metadata the source itself offers. */
async function extract(input: NewArticleInput): Promise<{ field: string; found: ExtractedArticle; url?: string }> {
  if (input.mode === 'text') {
    return { field: 'text', found: { title: '', byline: '', siteName: '', publishedAt: '', body: normalizeBody(input.text) } };
  }
  if (input.mode === 'html') return { field: 'html', found: htmlToArticle(input.html) };
  const { url, ...found } = await fetchArticle(input.url);
  return { field: 'url', found, url };
}

export const createArticleAction = action({
  role: 'editor',
  schema: newArticleSchema,
  run: async (input, user) => {
    const { field, found, url } = await extract(input);
    const body = checkedBody(field, found.body);
    const title = input.title || found.title;
    if (!title) throw fieldError('title', 'Give the article its headline.');
    const published = input.publishedAt ?? checkedPublicationDate(found.publishedAt);
    return createArticle({
      title,
      outlet: input.outlet || found.siteName,
      author: input.author || found.byline,
      publishedAt: published,
      canonicalUrl: input.canonicalUrl || url || null,
      body,
      actorId: user.id,
    });
  },
  tags: () => [tags.lists],
  redirectTo: (article) => `/edit/articles/${article.id}`,
});
