'use server';

import { createClaimFromSelection, dismissSuggestion, linkAppearance, saveClaim, getClaimForEditor } from '@/db/queries/annotator';
import { once } from '@/db/queries/form-submissions';
import { action } from '@/lib/server/action';
import { claimTags } from '@/lib/server/cache';
import { createClaimSchema, dismissSchema, linkAppearanceSchema, saveClaimSchema } from './schema';

const claimUrl = (articleId: number, claimId: number) => `/edit/articles/${articleId}?claim=${claimId}`;

/** Creates a claim from a selected passage or an accepted suggestion, then opens it. */
export const createClaimAction = action({
  role: 'editor',
  schema: createClaimSchema,
  run: ({ formKey, ...input }, user) =>
    once({ key: formKey, form: 'claim', actorId: user.id, sent: input }, () => {
      const { id, articleId, claimantPartyId } = createClaimFromSelection({
        articleId: input.articleId,
        start: input.start,
        end: input.end,
        exact: input.exact,
        statement: input.statement || undefined,
        claimantPartyId: input.claimantPartyId,
        newParty: input.newParty,
        actorId: user.id,
      });
      return { id, articleId, claimantPartyId };
    }),
  tags: (claim) => claimTags({ id: claim.id, articleIds: [claim.articleId], partyIds: [claim.claimantPartyId] }),
  redirectTo: (claim) => claimUrl(claim.articleId, claim.id),
  // The text and claim list (the layout) come in the same answer as the new claim's panel.
  refresh: true,
});

/** Records the passage as another appearance of a claim tracked elsewhere, instead of a duplicate. */
export const linkAppearanceAction = action({
  role: 'editor',
  schema: linkAppearanceSchema,
  run: (input, user) => linkAppearance({ ...input, actorId: user.id }),
  tags: (claim) => claimTags(claim.scope),
  redirectTo: (claim, input) => claimUrl(input.articleId, claim.id),
  refresh: true,
});

export const dismissSuggestionAction = action({
  role: 'editor',
  schema: dismissSchema,
  run: (input, user) => dismissSuggestion({ articleId: input.articleId, exact: input.exact, actorId: user.id }),
  refresh: true,
});

/** Saves the claim editor with the optimistic version check; a conflict returns the other editor's claim. */
export const saveClaimAction = action({
  role: 'editor',
  schema: saveClaimSchema,
  run: (input, user) => {
    const { claim, scope } = saveClaim({
      id: input.id,
      version: input.overwriteVersion ?? input.version,
      patch: {
        statement: input.statement,
        claimantPartyId: input.claimantPartyId,
        status: input.status,
        statusNote: input.statusNote,
        correction: input.correction,
        published: input.published,
        review: input.review,
      },
      newParty: input.newParty,
      actorId: user.id,
    });
    return { claim: getClaimForEditor({ id: input.id })!, scope, sentForReview: claim.sentForReview, proposed: claim.proposed };
  },
  tags: ({ scope }) => claimTags(scope),
  message: ({ sentForReview, proposed }) =>
    sentForReview || proposed ? 'Saved and sent for review: a second editor approves it before readers see it.' : 'Saved.',
  refresh: true,
});
