'use server';

import { headers } from 'next/headers';
import { createInvite, revokeInvite, setUserDisabled } from '@/db/queries/users';
import { setSignOffRequired } from '@/db/queries/workflow';
import { action } from '@/lib/server/action';
import { linkOriginFrom } from '@/lib/server/site';
import { disableSchema, inviteSchema, revokeInviteSchema, signOffSchema } from './schema';

const DAY = 24 * 60 * 60 * 1000;

export const inviteAction = action({
  role: 'admin',
  schema: inviteSchema,
  run: async (input, user) => {
    const { token } = createInvite({ role: input.role, email: input.email || null, createdBy: user.id, ttlMs: input.days * DAY });
    return `${linkOriginFrom(await headers())}/join/${token}`;
  },
  refresh: true,
  message: 'Invitation created. Send this link to the new member; it works once.',
  data: (link) => ({ link }),
});

export const revokeInviteAction = action({
  role: 'admin',
  schema: revokeInviteSchema,
  run: (input) => revokeInvite({ id: input.inviteId }),
  refresh: true,
  message: 'Invitation withdrawn: its link no longer works.',
});

export const setDisabledAction = action({
  role: 'admin',
  schema: disableSchema,
  run: (input, user) => setUserDisabled({ id: input.userId, disabled: input.disabled, actorId: user.id }),
  refresh: true,
  message: 'Saved.',
});

export const signOffAction = action({
  role: 'admin',
  schema: signOffSchema,
  run: (input) => setSignOffRequired({ required: input.required }),
  refresh: true,
  message: 'Saved.',
});
