import { z } from 'zod';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const deleteClaimSchema = z.object({ id, articleId: id });

export const deleteArticleSchema = z.object({ id });

export const withdrawClaimSchema = z.object({
  id,
  articleId: id,
  version: id,
  note: z.string().trim().min(1, 'Tell readers why the claim was withdrawn.').max(2000, 'At most 2,000 characters.'),
});
