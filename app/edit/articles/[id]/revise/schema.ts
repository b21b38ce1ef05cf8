import { z } from 'zod';
import { MAX_BODY_CHARS } from '../../new/schema';

const articleId = z.coerce.number().int().positive();
/** The revision the form was rendered with: a newer one saved since makes the save a conflict. */
const baseRevisionId = z.coerce.number().int().positive();

/** A new revision: the pasted text, or the article's page imported again. */
export const revisionSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('text'),
    articleId,
    baseRevisionId,
    body: z
      .string()
      .trim()
      .min(1, 'Paste the full text of the revised article.')
      .max(MAX_BODY_CHARS, `The text is longer than ${MAX_BODY_CHARS.toLocaleString('en')} characters.`),
  }),
  z.object({
    mode: z.literal('url'),
    articleId,
    baseRevisionId,
    url: z.url({ protocol: /^https?$/, message: 'Enter a full web address starting with http:// or https://.' }).max(2000),
  }),
]);
export type RevisionInput = z.infer<typeof revisionSchema>;
