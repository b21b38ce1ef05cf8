import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '@/lib/vocabulary';

export const signInSchema = z.object({
  email: z.email('Enter your email address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(256, 'At most 256 characters.'),
  next: z.string().max(500).optional(),
});

export const joinSchema = z
  .object({
    token: z.string().min(10).max(100),
    name: z.string().trim().min(1, 'Enter your name.').max(120, 'At most 120 characters.'),
    email: z.email('Enter a valid email address.').max(254),
    password: z.string().min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`).max(256, 'At most 256 characters.'),
    confirm: z.string(),
    /** Asked of the first admin only: keep the demo newsroom or start empty. */
    demo: z.enum(['keep', 'remove']).optional(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match.' });
