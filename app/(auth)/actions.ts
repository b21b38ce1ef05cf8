'use server';

import { hashPassword } from 'better-auth/crypto';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { removeDemoContent } from '@/db/queries/demo';
import { abandonWrites, withWriteLog } from '@/db/queries/invalidations';
import { countUsers, findValidInvite, redeemInvite } from '@/db/queries/users';
import { AppError } from '@/lib/errors';
import { failure, invalidInput, type ActionState } from '@/lib/server/action';
import { getAuth } from '@/lib/server/auth';
import { demoRemovalTags, invalidate } from '@/lib/server/cache';
import { clientAddress } from '@/lib/server/client-address';
import { purgeWritten } from '@/lib/server/purge';
import { checkSignIn } from '@/lib/server/sign-in';
import { joinSchema, signInSchema } from './schema';

/** Only paths inside the editor workspace are followed after sign-in (no open redirect). */
const safeNext = (next: string | undefined) => (next && /^\/edit(\/[\w\-/]*)?$/.test(next) ? next : '/edit');

const MISMATCH = 'That email and password do not match an active account.';

// Sign-in is for signed-out people, so it cannot go through the signed-in action wrapper;
// it validates with zod and limits attempts per account and per address itself (checkSignIn).
export async function signIn(_previous: unknown, form: FormData): Promise<ActionState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidInput(parsed.error, form);
  const email = parsed.data.email.toLowerCase();
  const requestHeaders = await headers();
  try {
    const check = await checkSignIn({ email, password: parsed.data.password, address: clientAddress(requestHeaders) });
    if (!check.ok) {
      throw check.reason === 'rate_limited' ? new AppError('rate_limited') : new AppError('unauthorized', { message: MISMATCH });
    }
    // The password was checked above, under the limits; this makes the session and its cookie.
    await getAuth()
      .api.signInEmail({ body: { email, password: parsed.data.password }, headers: requestHeaders })
      .catch(() => {
        throw new AppError('unauthorized', { message: MISMATCH });
      });
  } catch (error) {
    return failure(error, form);
  }
  redirect(safeNext(parsed.data.next));
}

export async function join(_previous: unknown, form: FormData): Promise<ActionState> {
  const parsed = joinSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidInput(parsed.error, form);
  const { token, name, email, password, demo } = parsed.data;
  try {
    const invite = findValidInvite({ token });
    // Only the person setting up a new Claimline decides about the demo (an admin can remove it later too).
    const firstAdmin = invite?.role === 'admin' && countUsers() === 0;
    redeemInvite({ token, name, email, passwordHash: await hashPassword(password) });
    if (firstAdmin && demo === 'remove') await removeDemo();
    await getAuth().api.signInEmail({ body: { email: email.toLowerCase(), password }, headers: await headers() });
  } catch (error) {
    return failure(error, form);
  }
  redirect('/edit');
}

/**
 * The demo removed as an admin's "Remove the demo" does it (app/edit/users/demo-actions.ts): its
 * pages' tags logged and purged from shared caches before the answer. Outside an action's write log
 * the removal was logged as `*`, a purge of everything, left to the sweep.
 */
function removeDemo(): Promise<void> {
  return withWriteLog(async () => {
    try {
      const tags = demoRemovalTags(removeDemoContent());
      await purgeWritten(tags, invalidate(tags));
    } catch (error) {
      abandonWrites();
      throw error;
    }
  });
}

export async function signOut(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect('/');
}
