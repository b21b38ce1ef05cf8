'use server';

import { deleteDraftArticle, deleteDraftClaim, withdrawClaim } from '@/db/queries/lifecycle';
import { action } from '@/lib/server/action';
import { claimTags, tags } from '@/lib/server/cache';
import { deleteArticleSchema, deleteClaimSchema, withdrawClaimSchema } from './lifecycle-schema';

/** Deletes a claim readers never saw, with its history; the article opens without it. */
export const deleteClaimAction = action({
  role: 'editor',
  schema: deleteClaimSchema,
  run: (input) => deleteDraftClaim({ id: input.id }),
  tags: (scope) => claimTags(scope),
  redirectTo: (_scope, input) => `/edit/articles/${input.articleId}`,
  refresh: true,
});

/** Withdraws a claim readers have seen: off every list, its page answers 410 with the note. */
export const withdrawClaimAction = action({
  role: 'editor',
  schema: withdrawClaimSchema,
  run: (input, user) => withdrawClaim({ id: input.id, version: input.version, note: input.note, actorId: user.id }),
  tags: (scope) => claimTags(scope),
  redirectTo: (scope, input) => `/edit/articles/${input.articleId}?claim=${scope.id}`,
  refresh: true,
});

/** Deletes an article none of whose claims readers saw; back to the workspace. */
export const deleteArticleAction = action({
  role: 'editor',
  schema: deleteArticleSchema,
  run: (input) => deleteDraftArticle({ id: input.id }),
  tags: (article) => [tags.article(article.id), tags.lists, ...article.claimIds.map(tags.claim)],
  redirectTo: () => '/edit',
});
