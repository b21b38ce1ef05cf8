import { z } from 'zod';
import { optionalText } from '@/lib/form-fields';
import { POLICY_MAX_CHARS, POLICY_PAGES } from '@/lib/policies';

export const policySchema = z.object({
  page: z.enum(POLICY_PAGES),
  /** The version the form was opened on (0: the default text, never saved). */
  baseId: z.coerce.number().int().min(0),
  body: z
    .string()
    // Not trim(): an indent on the first line is Markdown (four spaces make a code block).
    .overwrite((text) => text.replace(/^(?:[^\S\n]*\r?\n)+/u, '').trimEnd())
    .min(1, 'Write the page’s text: a public page cannot be empty.')
    .max(POLICY_MAX_CHARS, `At most ${POLICY_MAX_CHARS.toLocaleString('en-GB')} characters.`),
  note: optionalText(300),
});
