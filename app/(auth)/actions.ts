'use server';

import { hashPassword } from 'better-auth/crypto';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import {
  clearSignInFailures,
  getUserByEmail,
  recordSignInFailure,
  redeemInvite,
  SIGN_IN_LIMITS,
  signInBlocked,
} from '@/db/queries/users';
import { AppError } from '@/lib/errors';
import { failure, invalidInput, type ActionState } from '@/lib/server/action';
import { getAuth } from '@/lib/server/auth';
import { clientAddress } from '@/lib/server/client-address';
import { joinSchema, signInSchema } from './schema';

/** Only paths inside the editor workspace are followed after sign-in (no open redirect). */
const safeNext = (next: string | undefined) => (next && /^\/edit(\/[\w\-/]*)?$/.test(next) ? next : '/edit');

// Sign-in is for signed-out people, so it cannot go through the signed-in action wrapper;
// it validates with zod and limits failed attempts per account and per address itself.
export async function signIn(_previous: unknown, form: FormData): Promise<ActionState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidInput(parsed.error, form);
  const email = parsed.data.email.toLowerCase();
  const address = clientAddress(await headers());
  const keys = [
    { key: `sign-in:account:${email}`, max: SIGN_IN_LIMITS.account },
    ...(address ? [{ key: `sign-in:address:${address}`, max: SIGN_IN_LIMITS.address }] : []),
  ];
  try {
    if (signInBlocked(keys)) throw new AppError('rate_limited');
    const user = getUserByEmail({ email });
    const ok =
      user &&
      !user.disabledAt &&
      (await getAuth()
        .api.signInEmail({ body: { email, password: parsed.data.password }, headers: await headers() })
        .then(() => true)
        .catch(() => false));
    if (!ok) {
      recordSignInFailure(keys.map((k) => k.key));
      throw new AppError('unauthorized', { message: 'That email and password do not match an active account.' });
    }
    clearSignInFailures(keys[0]!.key);
  } catch (error) {
    return failure(error, form);
  }
  redirect(safeNext(parsed.data.next));
}

export async function join(_previous: unknown, form: FormData): Promise<ActionState> {
  const parsed = joinSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidInput(parsed.error, form);
  const { token, name, email, password } = parsed.data;
  try {
    redeemInvite({ token, name, email, passwordHash: await hashPassword(password) });
    await getAuth().api.signInEmail({ body: { email: email.toLowerCase(), password }, headers: await headers() });
  } catch (error) {
    return failure(error, form);
  }
  redirect('/edit');
}

export async function signOut(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect('/');
}
