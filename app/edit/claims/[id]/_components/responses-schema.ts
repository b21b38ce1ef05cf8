import { z } from 'zod';
import { formId, formKey, formVersion, newPartyFields, optionalDay, optionalHttpUrl, optionalText, versionWithId } from '@/lib/form-fields';
import { STANCES } from '@/lib/vocabulary';

/**
 * A party's response, or a request for comment: with no stance yet, the
 * request date and deadline say when comment was asked for and by when.
 */
export const responseSchema = z
  .object({
    claimId: formId,
    formKey,
    responseId: z.union([z.literal('').transform(() => undefined), formId]).optional(),
    /** The response's version when the form was rendered (editing only). */
    version: formVersion,
    partyId: z.union([z.literal('').transform(() => null), formId]),
    ...newPartyFields,
    stance: z.union([z.literal('').transform(() => null), z.enum(STANCES, 'Choose a stance.')]),
    quote: optionalText(2000),
    respondedAt: optionalDay,
    sourceUrl: optionalHttpUrl,
    requestedAt: optionalDay,
    deadlineAt: optionalDay,
  })
  .superRefine(versionWithId((v) => v.responseId))
  .superRefine((v, ctx) => {
    if (!v.partyId && !v.newPartyName) {
      ctx.addIssue({ code: 'custom', path: ['partyId'], message: 'Choose a party, or type the name of a new one.' });
    }
    if (!v.stance && !v.requestedAt && !v.deadlineAt) {
      ctx.addIssue({ code: 'custom', path: ['stance'], message: 'Choose a stance, or record when comment was requested.' });
    }
    if (v.requestedAt && v.deadlineAt && v.deadlineAt < v.requestedAt) {
      ctx.addIssue({ code: 'custom', path: ['deadlineAt'], message: 'The deadline cannot be before the request.' });
    }
    if (v.stance === 'no_response' && !v.deadlineAt) {
      ctx.addIssue({ code: 'custom', path: ['deadlineAt'], message: 'Give the deadline that passed without a response.' });
    }
  });
export type ResponseForm = z.input<typeof responseSchema>;

export const removeResponseSchema = z.object({ claimId: formId, responseId: formId });
