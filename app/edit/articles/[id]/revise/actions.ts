'use server';

import { createRevision } from '@/db/queries/revisions';
import { AppError } from '@/lib/errors';
import { action } from '@/lib/server/action';
import { tags } from '@/lib/server/cache';
import { htmlToArticle } from '@/lib/server/html-to-text';
import { SafeFetchError, safeFetch } from '@/lib/server/safe-fetch';
import { MAX_BODY_CHARS } from '../../new/schema';
import { revisionSchema, type RevisionInput } from './schema';

const fieldError = (field: string, message: string) => new AppError('invalid', { fieldErrors: { [field]: [message] } });

/** The revised text: as pasted, or extracted from the article's page fetched again. */
async function revisedText(input: RevisionInput): Promise<string> {
  if (input.mode === 'text') return input.body;
  try {
    const page = await safeFetch(input.url, { accept: ['text/html', 'application/xhtml+xml'] });
    const { body } = htmlToArticle(page.text, page.url);
    if (!body) throw fieldError('url', 'No article text was found there.');
    if (body.length > MAX_BODY_CHARS) throw fieldError('url', `The text is longer than ${MAX_BODY_CHARS.toLocaleString('en')} characters.`);
    return body;
  } catch (error) {
    if (error instanceof SafeFetchError) throw fieldError('url', error.message);
    throw error;
  }
}

export const createRevisionAction = action({
  role: 'editor',
  schema: revisionSchema,
  run: async (input, user) => {
    const body = await revisedText(input);
    try {
      return createRevision({ articleId: input.articleId, body, actorId: user.id });
    } catch (error) {
      // The query names the field `body`; for an import the form's field is `url`.
      if (input.mode === 'url' && error instanceof AppError && error.fieldErrors.body) {
        throw fieldError('url', error.fieldErrors.body.join(' '));
      }
      throw error;
    }
  },
  tags: (result, input) => [tags.article(input.articleId), ...result.claimIds.map(tags.claim), tags.lists],
  redirectTo: (_result, input) => `/edit/articles/${input.articleId}/review`,
});
