'use server';

import { attachSource, detachSource, updateClaimSource } from '@/db/queries/sources';
import { action } from '@/lib/server/action';
import { claimTags, tags } from '@/lib/server/cache';
import { removeSourceSchema, sourceSchema } from './sources-schema';

export const saveSourceAction = action({
  role: 'editor',
  schema: sourceSchema,
  run: ({ claimId, sourceId, version, url, title, publisher, publishedAt, archivedUrl, relation, excerpt, note }, user) => {
    const input = { claimId, source: { url, title, publisher, publishedAt, archivedUrl }, relation, excerpt, note, actorId: user.id };
    return sourceId ? updateClaimSource({ ...input, sourceId, version: version! }) : attachSource(input);
  },
  tags: ({ scope, citedBy }) => [...claimTags(scope), ...citedBy.map(tags.claim)],
  refresh: true,
  message: 'Source saved.',
});

export const removeSourceAction = action({
  role: 'editor',
  schema: removeSourceSchema,
  run: (input, user) => detachSource({ ...input, actorId: user.id }),
  tags: ({ scope }) => claimTags(scope),
  refresh: true,
  message: 'Source removed.',
});
