'use server';

import { removeDemoContent } from '@/db/queries/demo';
import { action } from '@/lib/server/action';
import { demoRemovalTags } from '@/lib/server/cache';
import { removeDemoSchema } from './demo-schema';

/** Removes every demo row (and nothing the newsroom made) in one transaction. */
export const removeDemoAction = action({
  role: 'admin',
  schema: removeDemoSchema,
  run: () => removeDemoContent(),
  tags: (removed) => demoRemovalTags(removed),
  refresh: true,
});
