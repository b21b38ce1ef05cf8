import 'server-only';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import {
  getPasswordHash,
  getUserByEmail,
  releaseSignInAttempt,
  reserveSignInAttempt,
  SIGN_IN_LIMITS,
  type SignInLimit,
} from '@/db/queries/users';

export type SignInCheck = { ok: true; userId: string } | { ok: false; reason: 'rate_limited' | 'mismatch' };

type Options = {
  limits?: { account: number; address: number };
  /** The password check; the auth library's scrypt unless a test counts the calls. */
  verify?: (input: { hash: string; password: string }) => Promise<boolean>;
};

// A hash no account has, checked when there is no account to check against: refusing an
// unknown or disabled account then costs the same scrypt run as refusing a wrong password,
// so the time of the answer does not tell which addresses have active accounts.
let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword(randomBytes(24).toString('base64url')));

/** The limit keys of one sign-in attempt: its account, and its address when the connection's address is known. */
function signInLimits(email: string, address: string | null, limits: { account: number; address: number } = SIGN_IN_LIMITS): SignInLimit[] {
  return [
    { key: `sign-in:account:${email}`, max: limits.account },
    ...(address ? [{ key: `sign-in:address:${address}`, max: limits.address }] : []),
  ];
}

/**
 * Whether an email and password sign in, counting the attempt against the account's and the
 * address's limits first. The attempt is reserved atomically before the password is checked
 * and stays counted whatever the outcome; only a right password gives its own reservation back.
 */
export async function checkSignIn(
  input: { email: string; password: string; address: string | null },
  { limits = SIGN_IN_LIMITS, verify = verifyPassword }: Options = {},
): Promise<SignInCheck> {
  const email = input.email.toLowerCase();
  const keys = signInLimits(email, input.address, limits);
  if (!reserveSignInAttempt(keys)) return { ok: false, reason: 'rate_limited' };
  const user = getUserByEmail({ email });
  const hash = user && !user.disabledAt ? getPasswordHash({ userId: user.id }) : null;
  const matches = await verify({ hash: hash ?? (await dummyHash()), password: input.password });
  if (!user || !hash || !matches) return { ok: false, reason: 'mismatch' };
  releaseSignInAttempt(keys.map((k) => k.key));
  return { ok: true, userId: user.id };
}
