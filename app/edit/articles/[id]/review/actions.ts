'use server';

import { acceptProposedAnchor, markAnchorRemoved, reselectAnchor } from '@/db/queries/anchor-review';
import { action } from '@/lib/server/action';
import type { ClaimScope } from '@/db/queries/claim-scope';
import { claimTags, tags } from '@/lib/server/cache';
import { acceptSchema, RESOLVED, removeSchema, reselectSchema } from './schema';

const target = (input: { claimId: number; appearanceId?: number; version: number }, actorId: string) => ({
  id: input.claimId,
  appearanceId: input.appearanceId,
  version: input.version,
  actorId,
});

// The review page's article may be an appearance's, not the claim's own: invalidate that one too.
const reviewTags = (claim: { scope: ClaimScope }, input: { articleId: number }) => [...claimTags(claim.scope), tags.article(input.articleId)];

// Back to the list, which no longer shows the resolved claim, with a line saying what happened.
const doneUrl = (articleId: number, outcome: keyof typeof RESOLVED) => `/edit/articles/${articleId}/review?done=${outcome}`;
const done = (outcome: keyof typeof RESOLVED) => (_claim: unknown, input: { articleId: number }) => doneUrl(input.articleId, outcome);

export const acceptAnchorAction = action({
  role: 'editor',
  schema: acceptSchema,
  run: (input, user) =>
    acceptProposedAnchor({
      ...target(input, user.id),
      proposal:
        input.proposalStart !== undefined && input.proposalEnd !== undefined && input.proposalRevision !== undefined
          ? { start: input.proposalStart, end: input.proposalEnd, revisionId: input.proposalRevision }
          : undefined,
    }),
  tags: reviewTags,
  // The list then asks for the statement when it still says the old words.
  redirectTo: (_claim, input) => `${doneUrl(input.articleId, 'accepted')}&claim=${input.claimId}`,
});

export const reselectAnchorAction = action({
  role: 'editor',
  schema: reselectSchema,
  run: (input, user) => reselectAnchor({ ...target(input, user.id), quote: input.quote }),
  tags: reviewTags,
  redirectTo: done('reselected'),
});

export const removeAnchorAction = action({
  role: 'editor',
  schema: removeSchema,
  run: (input, user) =>
    markAnchorRemoved({ ...target(input, user.id), note: input.note, retract: input.retracted, correction: input.correction }),
  tags: reviewTags,
  redirectTo: (result, input) => doneUrl(input.articleId, result.proposed ? 'proposed' : 'removed'),
});
