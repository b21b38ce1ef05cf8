import { z } from 'zod';
import { emptyOr } from '@/lib/form-fields';
import { ROLES } from '@/lib/vocabulary';

export const inviteSchema = z.object({
  // Trimmed as join trims it ((auth)/schema.ts): the invitation's address must equal the one the person joins with.
  email: emptyOr(z.email('Enter a valid email address, or leave it empty.').max(254)),
  role: z.enum(ROLES, 'Choose a role.'),
  days: z.coerce.number().int().min(1, 'At least 1 day.').max(30, 'At most 30 days.').default(7),
});

export const disableSchema = z.object({
  userId: z.string().min(1).max(64),
  disabled: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const signOffSchema = z.object({ required: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const revokeInviteSchema = z.object({ inviteId: z.coerce.number().int().positive() });
