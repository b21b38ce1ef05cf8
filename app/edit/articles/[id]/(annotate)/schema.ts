import { z } from 'zod';
import { formKey, newPartyFields, requiredText } from '@/lib/form-fields';
import { STATUSES } from '@/lib/status';
import type { PartyKind } from '@/lib/vocabulary';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const offset = z.coerce.number().int().min(0).max(10_000_000);

/** The longest passage a claim quotes (a selection of a whole long article is not a claim). */
export const PASSAGE_MAX = 20_000;

/** Why a selected passage is too long to quote, in words the editor can act on. */
export const passageTooLong = (length: number) =>
  `The selected passage is ${length.toLocaleString('en')} characters long; a claim quotes at most ${PASSAGE_MAX.toLocaleString('en')}. Select the sentence or paragraph that makes the claim.`;

/** A passage of an article as the annotator sends it. */
export const selectionSchema = z.object({
  articleId: id,
  start: offset,
  end: offset,
  exact: z
    .string()
    .min(1)
    .max(PASSAGE_MAX, { error: (issue) => passageTooLong(String(issue.input).length) }),
});

/** The claimant: an existing party, none, or a new one named inline. */
const claimantFields = {
  claimantPartyId: z
    .string()
    .regex(/^\d*$/, 'Choose a party from the list.')
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  ...newPartyFields,
};

const newParty = (input: { newPartyName: string; newPartyKind: PartyKind }) =>
  input.newPartyName ? { name: input.newPartyName, kind: input.newPartyKind } : null;

const statement = requiredText(2000, 'Write the claim as a statement.');

export const createClaimSchema = selectionSchema
  .extend({ formKey, statement: statement.optional().or(z.literal('')), ...claimantFields })
  .transform((input) => ({ ...input, newParty: newParty(input) }));

export const linkAppearanceSchema = selectionSchema.extend({ claimId: id });

export const dismissSchema = z.object({ articleId: id, exact: z.string().min(1).max(20_000) });

export const saveClaimSchema = z
  .object({
    id,
    version: id,
    /** Sent by "Save mine over theirs" after a conflict: the version the other editor saved. */
    overwriteVersion: id.optional(),
    statement,
    ...claimantFields,
    status: z.enum(STATUSES, 'Choose a status.'),
    statusNote: z.string().max(4000, 'At most 4,000 characters.').default(''),
    savedStatus: z.enum(STATUSES),
    savedNote: z.string().max(4000).default(''),
    /** Public correction note, required when a published verdict changes (db/queries/claims.ts). */
    correction: z.string().max(2000, 'At most 2,000 characters.').default(''),
    published: z
      .literal('on')
      .optional()
      .transform((v) => v === 'on'),
    /** "Save and ask for review": the save also sends the claim to a second editor. */
    review: z
      .literal('on')
      .optional()
      .transform((v) => v === 'on'),
  })
  .refine((input) => input.status === input.savedStatus || (input.statusNote.trim() && input.statusNote.trim() !== input.savedNote.trim()), {
    path: ['statusNote'],
    message: 'The status changes: write a note saying why.',
  })
  .transform((input) => ({ ...input, newParty: newParty(input) }));
