'use server';

import { once } from '@/db/queries/form-submissions';
import { addResponse, removeResponse, updateResponse } from '@/db/queries/sources';
import { action } from '@/lib/server/action';
import { claimDetailTags } from '@/lib/server/cache';
import { removeResponseSchema, responseSchema } from './responses-schema';

export const saveResponseAction = action({
  role: 'editor',
  schema: responseSchema,
  run: ({ responseId, version, formKey, ...input }, user) =>
    responseId
      ? updateResponse({ ...input, id: responseId, version: version!, actorId: user.id })
      : once({ key: formKey, form: 'response', actorId: user.id, sent: input }, () => ({ scope: addResponse({ ...input, actorId: user.id }).scope })),
  tags: ({ scope }) => claimDetailTags(scope, 'response'),
  refresh: true,
  message: 'Response saved.',
});

export const removeResponseAction = action({
  role: 'editor',
  schema: removeResponseSchema,
  run: ({ claimId, responseId }, user) => removeResponse({ claimId, id: responseId, actorId: user.id }),
  tags: ({ scope }) => claimDetailTags(scope, 'response'),
  refresh: true,
  message: 'Response removed.',
});
