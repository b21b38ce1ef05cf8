'use server';

import { createParty, mergeParties, updateParty } from '@/db/queries/parties';
import { action } from '@/lib/server/action';
import { claimTags, tags } from '@/lib/server/cache';
import { mergeSchema, partySchema } from './schema';

export const savePartyAction = action({
  role: 'editor',
  schema: partySchema,
  run: ({ id, version, ...input }) =>
    id ? updateParty({ id, version: version!, ...input }) : { party: createParty(input), claimIds: [] as number[] },
  // A new name shows on the party page and on every claim page naming the party.
  tags: ({ party, claimIds }) => [tags.party(party.id), ...claimIds.map(tags.claim), tags.lists],
  redirectTo: ({ party }) => `/edit/parties/${party.id}?saved=1`,
});

export const mergePartiesAction = action({
  role: 'editor',
  schema: mergeSchema,
  run: (input, user) => mergeParties({ ...input, actorId: user.id }),
  // Lists include the party index, where the duplicate disappears even when it had no claims.
  tags: ({ kept, removed, scopes }) => [
    tags.party(kept.id),
    tags.party(removed.id),
    tags.lists,
    ...scopes.flatMap((scope) => claimTags(scope)),
  ],
  redirectTo: ({ kept }) => `/edit/parties/${kept.id}?merged=1`,
});
