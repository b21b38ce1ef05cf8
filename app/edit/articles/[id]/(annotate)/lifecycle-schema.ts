import { z } from 'zod';
import { requiredText } from '@/lib/form-fields';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const deleteClaimSchema = z.object({ id, articleId: id });

export const deleteArticleSchema = z.object({ id });

export const withdrawClaimSchema = z.object({
  id,
  articleId: id,
  version: id,
  note: requiredText(2000, 'Tell readers why the claim was withdrawn.'),
});
