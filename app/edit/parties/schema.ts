import { z } from 'zod';
import { formId, formVersion, optionalHttpUrl, optionalText, requiredText, versionWithId } from '@/lib/form-fields';
import { PARTY_KINDS } from '@/lib/vocabulary';

export const partySchema = z
  .object({
  id: z.union([z.literal('').transform(() => undefined), formId]).optional(),
  /** The party's version when the form was rendered (editing only). */
  version: formVersion,
  name: requiredText(200, 'Give the party a name.'),
  kind: z.enum(PARTY_KINDS, 'Choose a kind.'),
  description: optionalText(2000),
  url: optionalHttpUrl,
  })
  .superRefine(versionWithId((v) => v.id));

export const mergeSchema = z.object({
  keepId: z.coerce.number('Choose the party to keep.').int().positive('Choose the party to keep.'),
  removeId: z.coerce.number('Choose the duplicate.').int().positive('Choose the duplicate.'),
});
