import { z } from 'zod';

const claimRef = {
  claimId: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
};

export const acceptSchema = z.object(claimRef);

export const reselectSchema = z.object({
  ...claimRef,
  quote: z.string().trim().min(1, 'Copy the words of the claim from the new text.').max(5000, 'At most 5,000 characters.'),
});

export const removeSchema = z.object({
  ...claimRef,
  note: z.string().trim().min(1, 'Say what happened to the passage, for readers.').max(1000, 'At most 1,000 characters.'),
  retracted: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
});
