import { z } from 'zod';
import { fetchUrl, limitedText } from '@/lib/form-fields';
import { ARTICLE_TEXT } from '@/lib/limits';

const articleId = z.coerce.number().int().positive();
/** The revision the form was rendered with: a newer one saved since makes the save a conflict. */
const baseRevisionId = z.coerce.number().int().positive();

/** A new revision: the pasted text, or the article's page imported again. */
export const revisionSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('text'),
    articleId,
    baseRevisionId,
    body: limitedText(ARTICLE_TEXT, 'Paste the full text of the revised article.'),
  }),
  z.object({
    mode: z.literal('url'),
    articleId,
    baseRevisionId,
    url: fetchUrl,
  }),
]);
export type RevisionInput = z.infer<typeof revisionSchema>;
