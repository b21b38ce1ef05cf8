import { z } from 'zod';
import { EXTERNAL_REVIEW_BYTES } from '@/lib/external-review';
import { fetchUrl, formId } from '@/lib/form-fields';

const TOO_LARGE = `The file is too large: at most ${EXTERNAL_REVIEW_BYTES / 1_000_000} MB.`;

/** A file as lib/server/action.ts hands it over. */
const upload = z.object(
  { name: z.string().max(500), size: z.number().int().max(EXTERNAL_REVIEW_BYTES, TOO_LARGE), text: z.string().max(EXTERNAL_REVIEW_BYTES, TOO_LARGE) },
  'Choose a JSON-LD file.',
);

/** Other fact-checkers' ClaimReviews: an uploaded JSON-LD file (one review or a DataFeed), or the address of a feed or review page. */
export const importSchema = z.discriminatedUnion(
  'mode',
  [z.object({ mode: z.literal('file'), file: upload }), z.object({ mode: z.literal('url'), url: fetchUrl })],
  'Choose a file or an address.',
);
export type ImportInput = z.infer<typeof importSchema>;

/** An editor's answer to "is this review about this claim?", with the match's version when the buttons were drawn. */
export const decideSchema = z.object({
  reviewId: formId,
  claimId: formId,
  version: formId,
  decision: z.enum(['confirm', 'reject'], 'Choose confirm or reject.'),
});

/** An editor names the claim a review is about: its number or the address of its page here. */
export const matchSchema = z.object({
  reviewId: formId,
  claim: z.string().trim().min(1, 'Give the claim’s number or the address of its page.').max(2000, 'That address is too long.'),
});

/** The review to remove. */
export const removeReviewSchema = z.object({ reviewId: formId });
