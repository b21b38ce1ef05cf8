'use server';

import { acceptPendingRevision, dismissPendingRevision, requestWatch } from '@/db/queries/watches';
import { action } from '@/lib/server/action';
import { tags } from '@/lib/server/cache';
import { wakeJobRunner } from '@/lib/server/jobs';
import { checkNowSchema, outletChangeSchema } from './schema';

export const acceptOutletChangeAction = action({
  role: 'editor',
  schema: outletChangeSchema,
  run: ({ pendingId }, user) => acceptPendingRevision({ id: pendingId, actorId: user.id, now: new Date() }),
  tags: (result) => [tags.article(result.articleId), ...result.claimIds.map(tags.claim), ...result.partyIds.map(tags.party), tags.lists],
  // As after any revision: the claims whose passage moved or was lost wait for review there.
  redirectTo: (result) => `/edit/articles/${result.articleId}/review`,
});

export const dismissOutletChangeAction = action({
  role: 'editor',
  schema: outletChangeSchema,
  run: ({ pendingId }, user) => dismissPendingRevision({ id: pendingId, actorId: user.id, now: new Date() }),
  redirectTo: (result) => `/edit/articles/${result.articleId}`,
});

export const checkArticleNowAction = action({
  role: 'editor',
  schema: checkNowSchema,
  run: ({ articleId }) => {
    const queued = requestWatch({ articleId, now: new Date() });
    wakeJobRunner();
    return queued;
  },
  refresh: true,
  message: (queued) => (queued ? 'Checking the outlet’s page now.' : 'A check is already under way.'),
});
