import { z } from 'zod';
import { ROLES } from '@/lib/vocabulary';

export const inviteSchema = z.object({
  email: z.union([z.literal(''), z.email('Enter a valid email address, or leave it empty.')]).optional(),
  role: z.enum(ROLES, 'Choose a role.'),
  days: z.coerce.number().int().min(1, 'At least 1 day.').max(30, 'At most 30 days.').default(7),
});

export const disableSchema = z.object({
  userId: z.string().min(1).max(64),
  disabled: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const signOffSchema = z.object({ required: z.enum(['true', 'false']).transform((v) => v === 'true') });
