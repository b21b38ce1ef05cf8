'use server';

import { once } from '@/db/queries/form-submissions';
import { requestSnapshot } from '@/db/queries/snapshots';
import { attachSource, detachSource, updateClaimSource } from '@/db/queries/sources';
import { action } from '@/lib/server/action';
import { citationTags, claimDetailTags } from '@/lib/server/cache';
import { wakeJobRunner } from '@/lib/server/jobs';
import { archiveSourceSchema, removeSourceSchema, sourceSchema } from './sources-schema';

export const saveSourceAction = action({
  role: 'editor',
  schema: sourceSchema,
  run: ({ claimId, formKey, sourceId, version, url, title, publisher, publishedAt, archivedUrl, relation, excerpt, note }, user) => {
    const input = { claimId, source: { url, title, publisher, publishedAt, archivedUrl }, relation, excerpt, note, actorId: user.id };
    const saved = sourceId
      ? updateClaimSource({ ...input, sourceId, version: version! })
      : once({ key: formKey, form: 'source', actorId: user.id, sent: input }, () => {
          const { scope, citedBy, touched } = attachSource(input);
          return { scope, citedBy, touched };
        });
    // A newly cited source is archived at once (queued in the same transaction as the citation).
    wakeJobRunner();
    return saved;
  },
  tags: citationTags,
  refresh: true,
  message: 'Source saved.',
});

export const removeSourceAction = action({
  role: 'editor',
  schema: removeSourceSchema,
  run: (input, user) => detachSource({ ...input, actorId: user.id }),
  tags: ({ scope }) => claimDetailTags(scope, 'source'),
  refresh: true,
  message: 'Source removed.',
});

export const archiveSourceAction = action({
  role: 'editor',
  schema: archiveSourceSchema,
  run: (input) => {
    const queued = requestSnapshot({ ...input, now: new Date() });
    wakeJobRunner();
    return queued;
  },
  refresh: true,
  message: (queued) => (queued ? 'A new copy is being made.' : 'A copy is already being made.'),
});
