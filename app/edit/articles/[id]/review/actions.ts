'use server';

import { acceptProposedAnchor, markAnchorRemoved, reselectAnchor } from '@/db/queries/revisions';
import { action } from '@/lib/server/action';
import { tags } from '@/lib/server/cache';
import { acceptSchema, removeSchema, reselectSchema } from './schema';

const claimTags = (claim: { id: number; articleId: number }) => [tags.claim(claim.id), tags.article(claim.articleId), tags.lists];

export const acceptAnchorAction = action({
  role: 'editor',
  schema: acceptSchema,
  run: (input, user) => acceptProposedAnchor({ id: input.claimId, version: input.version, actorId: user.id }),
  tags: claimTags,
  message: 'The new passage is now the claim’s quote.',
});

export const reselectAnchorAction = action({
  role: 'editor',
  schema: reselectSchema,
  run: (input, user) => reselectAnchor({ id: input.claimId, version: input.version, quote: input.quote, actorId: user.id }),
  tags: claimTags,
  message: 'The claim now points to the words you chose.',
});

export const removeAnchorAction = action({
  role: 'editor',
  schema: removeSchema,
  run: (input, user) =>
    markAnchorRemoved({
      id: input.claimId,
      version: input.version,
      note: input.note,
      status: input.retracted ? 'retracted' : undefined,
      actorId: user.id,
    }),
  tags: claimTags,
  message: 'Marked as no longer in the article.',
});
