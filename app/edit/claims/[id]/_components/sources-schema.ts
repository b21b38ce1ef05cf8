import { z } from 'zod';
import { formId, optionalDay, optionalHttpUrl, optionalText, httpUrl } from '@/lib/form-fields';
import { RELATIONS } from '@/lib/vocabulary';

/** Adding a source to a claim, or (with sourceId) editing how the claim cites it. */
export const sourceSchema = z.object({
  claimId: formId,
  sourceId: z.union([z.literal('').transform(() => undefined), formId]).optional(),
  url: httpUrl,
  title: z.string().trim().min(1, 'Give the source a title.').max(300, 'At most 300 characters.'),
  publisher: optionalText(200),
  publishedAt: optionalDay,
  archivedUrl: optionalHttpUrl,
  relation: z.enum(RELATIONS, 'Choose how the source bears on the claim.'),
  excerpt: optionalText(2000),
  note: optionalText(1000),
});
export type SourceForm = z.input<typeof sourceSchema>;

export const removeSourceSchema = z.object({ claimId: formId, sourceId: formId });
