import { z } from 'zod';
import { formId, formKey, formVersion, optionalDay, optionalHttpUrl, optionalText, httpUrl, requiredText, versionWithId } from '@/lib/form-fields';
import { RELATIONS } from '@/lib/vocabulary';

/** Adding a source to a claim, or (with sourceId) editing how the claim cites it. */
export const sourceSchema = z
  .object({
  claimId: formId,
  formKey,
  sourceId: z.union([z.literal('').transform(() => undefined), formId]).optional(),
  /** The citation's version when the form was rendered (editing only). */
  version: formVersion,
  url: httpUrl,
  title: requiredText(300, 'Give the source a title.'),
  publisher: optionalText(200),
  publishedAt: optionalDay,
  archivedUrl: optionalHttpUrl,
  relation: z.enum(RELATIONS, 'Choose how the source bears on the claim.'),
  excerpt: optionalText(2000),
  note: optionalText(1000),
  })
  .superRefine(versionWithId((v) => v.sourceId));
export type SourceForm = z.input<typeof sourceSchema>;

export const removeSourceSchema = z.object({ claimId: formId, sourceId: formId });

export const archiveSourceSchema = z.object({ claimId: formId, sourceId: formId });
