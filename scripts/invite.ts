// `npm run invite -- --role editor [--email someone@example.org] [--days 7]`
// Prints a one-time account link; for operators with shell access (e.g. a locked-out newsroom).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createInvite } from '@/db/queries/users';
import { ROLES } from '@/lib/vocabulary';

const { values } = parseArgs({
  options: { role: { type: 'string', default: 'editor' }, email: { type: 'string' }, days: { type: 'string', default: '7' } },
});
const input = z
  .object({ role: z.enum(ROLES), email: z.email().optional(), days: z.coerce.number().int().min(1).max(30) })
  .parse(values);
const { token } = createInvite({ role: input.role, email: input.email, createdBy: null, ttlMs: input.days * 86_400_000 });
const base = (process.env.APP_URL ?? `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, '');
console.log(`${base}/join/${token}`);
