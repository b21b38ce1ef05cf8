import { z } from 'zod';
import { requiredText } from '@/lib/form-fields';

const claimRef = {
  // The article whose review page this is, for its cache tag.
  articleId: z.coerce.number().int().positive(),
  claimId: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  // Set when the anchor is an appearance of a claim first made in another article.
  appearanceId: z.union([z.literal(''), z.coerce.number().int().positive()]).optional().transform((v) => v || undefined),
};

const offset = z.coerce.number().int().min(0);

export const acceptSchema = z.object({
  ...claimRef,
  // The passage the page proposed (absent from a form older than these fields: then any save since refuses).
  proposalStart: offset.optional(),
  proposalEnd: offset.optional(),
  proposalRevision: z.coerce.number().int().positive().optional(),
});

export const reselectSchema = z.object({
  ...claimRef,
  quote: z.string().trim().min(1, 'Copy the words of the claim from the new text.').max(5000, 'At most 5,000 characters.'),
});

export const removeSchema = z.object({
  ...claimRef,
  note: requiredText(1000, 'Say what happened to the passage, for readers.'),
  retracted: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
  /** Public correction note, required when a published claim is retracted (db/queries/claims.ts verdictChange). */
  correction: z.string().trim().max(2000, 'At most 2,000 characters.').default(''),
});

/** What the list says after a resolution (`?done=` on the review page). */
export const RESOLVED = {
  accepted: 'The new passage is now the claim’s quote.',
  reselected: 'The claim now points to the words you chose.',
  removed: 'Marked as no longer in the article.',
  proposed: 'Marked as no longer in the article. The retraction waits for another editor’s approval; readers see the current status until then.',
} as const;
