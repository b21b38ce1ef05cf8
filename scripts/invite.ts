// `npm run invite -- --role editor [--email someone@example.org] [--days 7] [--count 1]`
// Prints one-time account links, one a line; for operators with shell access (e.g. a locked-out newsroom).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createInvite } from '@/db/queries/users';
import { ROLES } from '@/lib/vocabulary';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'editor' },
    email: { type: 'string' },
    days: { type: 'string', default: '7' },
    count: { type: 'string', default: '1' },
  },
});
const input = z
  .object({
    role: z.enum(ROLES),
    email: z.email().optional(),
    days: z.coerce.number().int().min(1).max(30),
    count: z.coerce.number().int().min(1).max(50),
  })
  // A link for one address is one person's.
  .refine((v) => !v.email || v.count === 1, { message: '--email takes --count 1', path: ['count'] })
  .parse(values);
const base = (process.env.APP_URL ?? `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, '');
for (let i = 0; i < input.count; i++) {
  const { token } = createInvite({ role: input.role, email: input.email, createdBy: null, ttlMs: input.days * 86_400_000 });
  console.log(`${base}/join/${token}`);
}
