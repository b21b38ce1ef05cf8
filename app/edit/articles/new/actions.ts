'use server';

import { createArticle } from '@/db/queries/articles';
import { AppError } from '@/lib/errors';
import { action } from '@/lib/server/action';
import { tags } from '@/lib/server/cache';
import { htmlToArticle, type ExtractedArticle } from '@/lib/server/html-to-text';
import { SafeFetchError, safeFetch } from '@/lib/server/safe-fetch';
import { normalizeBody } from '@/lib/text';
import { MAX_BODY_CHARS, newArticleSchema, type NewArticleInput } from './schema';

const fieldError = (field: string, message: string) => new AppError('invalid', { fieldErrors: { [field]: [message] } });

/** The article's text and whatever metadata the source itself offers. */
async function extract(input: NewArticleInput): Promise<{ field: string; found: ExtractedArticle; url?: string }> {
  if (input.mode === 'text') {
    return { field: 'text', found: { title: '', byline: '', siteName: '', publishedAt: '', body: normalizeBody(input.text) } };
  }
  if (input.mode === 'html') return { field: 'html', found: htmlToArticle(input.html) };
  try {
    const page = await safeFetch(input.url, { accept: ['text/html', 'application/xhtml+xml'] });
    return { field: 'url', found: htmlToArticle(page.text, page.url), url: page.url };
  } catch (error) {
    if (error instanceof SafeFetchError) throw fieldError('url', error.message);
    throw error;
  }
}

export const createArticleAction = action({
  role: 'editor',
  schema: newArticleSchema,
  run: async (input, user) => {
    const { field, found, url } = await extract(input);
    if (!found.body) throw fieldError(field, 'No article text was found there.');
    if (found.body.length > MAX_BODY_CHARS) {
      throw fieldError(field, `The text is longer than ${MAX_BODY_CHARS.toLocaleString('en')} characters.`);
    }
    const title = input.title || found.title;
    if (!title) throw fieldError('title', 'Give the article its headline.');
    const published = input.publishedAt ?? (found.publishedAt ? new Date(found.publishedAt) : null);
    return createArticle({
      title,
      outlet: input.outlet || found.siteName,
      author: input.author || found.byline,
      publishedAt: published && !Number.isNaN(published.getTime()) ? published : null,
      canonicalUrl: input.canonicalUrl || url || null,
      body: found.body,
      actorId: user.id,
    });
  },
  tags: () => [tags.lists],
  redirectTo: (article) => `/edit/articles/${article.id}`,
});
