import { z } from 'zod';
import { requiredText } from '@/lib/form-fields';
import { PASSWORD_MIN_LENGTH } from '@/lib/vocabulary';

/**
 * An email address as people paste it: with the space a copy from an e-mail or a password
 * manager brings along, which the address check alone refused as "not valid".
 */
const emailField = (message: string) => z.string().trim().pipe(z.email(message).max(254));

export const signInSchema = z.object({
  email: emailField('Enter your email address.'),
  password: z.string().min(1, 'Enter your password.').max(256, 'At most 256 characters.'),
  next: z.string().max(500).optional(),
});

export const joinSchema = z
  .object({
    token: z.string().min(10).max(100),
    name: requiredText(120, 'Enter your name.'),
    email: emailField('Enter a valid email address.'),
    password: z.string().min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`).max(256, 'At most 256 characters.'),
    confirm: z.string(),
    /** Asked of the first admin only: keep the demo newsroom or start empty. */
    demo: z.enum(['keep', 'remove']).optional(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match.' });
