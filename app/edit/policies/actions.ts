'use server';

import { savePolicy } from '@/db/queries/policies';
import { action } from '@/lib/server/action';
import { tags } from '@/lib/server/cache';
import { policySchema } from './schema';

export const savePolicyAction = action({
  role: 'admin',
  schema: policySchema,
  run: (input, user) => savePolicy({ ...input, actorId: user.id }),
  // The policy pages and every page's footer link to them, but only their own text changes.
  tags: () => [tags.policies],
  redirectTo: (_result, { page }) => `/edit/policies/${page}?saved=1`,
});
