'use server';

import { assignClaim, moveClaim } from '@/db/queries/workflow';
import { action } from '@/lib/server/action';
import { claimTags } from '@/lib/server/cache';
import { assignSchema, moveSchema } from '../board/schema';

export const moveAction = action({
  role: 'editor',
  schema: moveSchema,
  run: (input, user) => moveClaim({ id: input.claimId, to: input.to, version: input.version, actorId: user.id }),
  tags: ({ scope }) => claimTags(scope),
  refresh: true,
  message: 'Moved.',
});

export const assignAction = action({
  role: 'editor',
  schema: assignSchema,
  run: (input, user) => {
    assignClaim({ id: input.claimId, assigneeId: input.assigneeId, from: input.from, actor: user });
  },
  // Internal: readers see nothing of an assignment (not even a new "updated" date), so no reader page changes.
  tags: () => [],
  refresh: true,
  message: 'Assignment saved.',
});
