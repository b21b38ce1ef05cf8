'use server';

import { createRevision } from '@/db/queries/revisions';
import { AppError, fieldError } from '@/lib/errors';
import { assembleBody, detectParagraphBreaks, splitParagraphs } from '@/lib/intake';
import { action } from '@/lib/server/action';
import { tags } from '@/lib/server/cache';
import { checkedBody, fetchArticle } from '../../article-import';
import { revisionSchema, type RevisionInput } from './schema';

/**
 * The revised text: as pasted, its paragraphs read as New article reads them (a page copied
 * with one line break per paragraph is not one long paragraph), or extracted from the
 * article's page fetched again.
 */
async function revisedText(input: RevisionInput): Promise<string> {
  if (input.mode === 'text') return assembleBody(splitParagraphs(input.body, detectParagraphBreaks(input.body)));
  return checkedBody('url', (await fetchArticle(input.url)).body);
}

export const createRevisionAction = action({
  role: 'editor',
  schema: revisionSchema,
  run: async (input, user) => {
    const body = await revisedText(input);
    try {
      return createRevision({ articleId: input.articleId, body, actorId: user.id, baseRevisionId: input.baseRevisionId });
    } catch (error) {
      // The query names the field `body`; for an import the form's field is `url`.
      if (input.mode === 'url' && error instanceof AppError && error.fieldErrors.body) {
        throw fieldError('url', error.fieldErrors.body.join(' '));
      }
      throw error;
    }
  },
  tags: (result, input) => [tags.article(input.articleId), ...result.claimIds.map(tags.claim), ...result.partyIds.map(tags.party), tags.lists],
  redirectTo: (_result, input) => `/edit/articles/${input.articleId}/review`,
});
