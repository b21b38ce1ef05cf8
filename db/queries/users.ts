import 'server-only';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { getDb, preparedQuery } from '@/db';
import { accounts, invites, meta, rateLimits, sessions, users, type User } from '@/db/schema';
import { AppError, fieldError } from '@/lib/errors';
import { normalizeLine } from '@/lib/text';
import { write } from './tx';

export type Role = User['role'];

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The signing secret for sessions: AUTH_SECRET, else one generated on first use and kept in the database. */
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  return write((tx) => {
    const existing = tx.select().from(meta).where(eq(meta.key, 'auth_secret')).get();
    if (existing) return existing.value;
    const value = randomBytes(32).toString('base64url');
    tx.insert(meta).values({ key: 'auth_secret', value }).run();
    return value;
  }, 'nothing');
}

export function countUsers(): number {
  return getDb().select({ n: count() }).from(users).get()?.n ?? 0;
}

export function getUserById({ id }: { id: string }) {
  return userByIdQuery().get({ id });
}

// Every signed-in request reads it (lib/server/session.ts).
const userByIdQuery = preparedQuery((db) => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare());

export function getUserByEmail({ email }: { email: string }) {
  return getDb().select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

export function listUsers() {
  return getDb().select().from(users).orderBy(asc(users.createdAt)).all();
}

/** Creates a one-time link token for a new account; only its hash is stored. */
export function createInvite(input: { role: Role; email?: string | null; createdBy: string | null; ttlMs: number }) {
  const token = randomBytes(24).toString('base64url');
  const invite = getDb()
    .insert(invites)
    .values({
      tokenHash: hashToken(token),
      role: input.role,
      email: input.email?.toLowerCase() || null,
      createdBy: input.createdBy,
      expiresAt: new Date(Date.now() + input.ttlMs),
    })
    .returning()
    .get();
  return { token, invite };
}

/**
 * The first-run setup link: while no account exists, a fresh admin invitation
 * (older unused setup links are withdrawn). Null once anyone has an account.
 */
export function createSetupInvite(ttlMs = 24 * 60 * 60 * 1000): string | null {
  if (countUsers() > 0) return null;
  getDb()
    .update(invites)
    .set({ expiresAt: new Date() })
    .where(and(isNull(invites.createdBy), isNull(invites.usedAt), eq(invites.role, 'admin')))
    .run();
  return createInvite({ role: 'admin', createdBy: null, ttlMs }).token;
}

/** Invitations whose link still works (unused, unexpired), newest first, with who made them. */
export function listOpenInvites(now = new Date()) {
  return getDb()
    .select({ id: invites.id, email: invites.email, role: invites.role, expiresAt: invites.expiresAt, createdAt: invites.createdAt, createdBy: users.name })
    .from(invites)
    .leftJoin(users, eq(users.id, invites.createdBy))
    .where(and(isNull(invites.usedAt), gt(invites.expiresAt, now)))
    .orderBy(desc(invites.createdAt), desc(invites.id))
    .all();
}

/**
 * Withdraws an invitation: its link stops working at once (it expires now). A link already used, or
 * one that expired or was withdrawn, is refused with what happened, for the admin who pressed a stale button.
 */
export function revokeInvite({ id }: { id: number }) {
  return write((tx) => {
    const invite = tx.select().from(invites).where(eq(invites.id, id)).get();
    if (!invite) throw new AppError('not_found', { message: 'This invitation no longer exists.' });
    if (invite.usedAt) throw new AppError('conflict', { message: 'This invitation was already used: the account is in the list above, where you can disable it.' });
    if (invite.expiresAt <= new Date()) throw new AppError('conflict', { message: 'This invitation had already expired or been withdrawn.' });
    tx.update(invites).set({ expiresAt: new Date() }).where(eq(invites.id, id)).run();
  }, 'nothing');
}

/** The invitation a token stands for, if it is unused and unexpired. */
export function findValidInvite({ token }: { token: string }) {
  return getDb()
    .select()
    .from(invites)
    .where(and(eq(invites.tokenHash, hashToken(token)), isNull(invites.usedAt), gt(invites.expiresAt, new Date())))
    .get();
}

/**
 * Turns an invitation into an account (user + password credential) in one transaction. Logged as
 * touching nothing readers see: a new account shows on no reader page until it makes an edit of
 * its own, which is logged with that edit's tags. (Logged as everything, as a write outside an
 * action is, every other server process dropped every page it held whenever someone joined.)
 */
export function redeemInvite(input: { token: string; name: string; email: string; passwordHash: string }) {
  const email = input.email.toLowerCase();
  return write((tx) => {
    const invite = tx
      .select()
      .from(invites)
      .where(and(eq(invites.tokenHash, hashToken(input.token)), isNull(invites.usedAt), gt(invites.expiresAt, new Date())))
      .get();
    if (!invite) throw new AppError('not_found', { message: 'This link has expired or was already used. Ask an admin for a new one.' });
    if (invite.email && invite.email !== email) {
      throw fieldError('email', 'Use the email address this invitation was sent to.');
    }
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
      throw fieldError('email', 'An account with this email already exists.');
    }
    const id = randomUUID();
    const user = tx.insert(users).values({ id, name: normalizeLine(input.name), email, role: invite.role, emailVerified: true }).returning().get();
    tx.insert(accounts).values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: input.passwordHash }).run();
    tx.update(invites).set({ usedAt: new Date() }).where(eq(invites.id, invite.id)).run();
    return user;
  }, 'nothing');
}

/**
 * Moves whenever this process changes an account's access (disabled, a session ended), so that a
 * session check kept for the rest of a request (lib/server/session.ts) is made again after it.
 */
let accessChanges = 0;
export const accessChangeCount = () => accessChanges;

/** Disables or re-enables an account; disabling also ends its sessions. The last active admin stays. */
export function setUserDisabled(input: { id: string; disabled: boolean; actorId: string }) {
  accessChanges++;
  return write((tx) => {
    const user = tx.select().from(users).where(eq(users.id, input.id)).get();
    if (!user) throw new AppError('not_found');
    if (input.disabled && user.id === input.actorId) {
      throw new AppError('invalid', { message: 'You cannot disable your own account.' });
    }
    if (input.disabled && user.role === 'admin') {
      const otherAdmins = tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, user.id)))
        .get();
      if (!otherAdmins?.n) throw new AppError('invalid', { message: 'Keep at least one active admin.' });
    }
    tx.update(users).set({ disabledAt: input.disabled ? new Date() : null }).where(eq(users.id, user.id)).run();
    if (input.disabled) tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
  });
}

/** Ends a session (expired by the absolute timeout, or a disabled account's). */
export function deleteSession({ id }: { id: string }) {
  accessChanges++;
  getDb().delete(sessions).where(eq(sessions.id, id)).run();
}

// ---- failed sign-in limits (per account and per address) ----

export const SIGN_IN_LIMITS = { account: 5, address: 20, windowMs: 15 * 60 * 1000 } as const;

export type SignInLimit = { key: string; max: number };

/**
 * Takes one attempt from the allowance of every key, or none when any key has used up its
 * allowance in the current window (counted from its last attempt). One BEGIN IMMEDIATE
 * transaction, run before the password is checked: requests in parallel, in this process or
 * another one on the same database, each see the count the one before them left, so no more
 * than `max` of them ever reach the password check.
 */
export function reserveSignInAttempt(keys: SignInLimit[], now = Date.now()): boolean {
  return write((tx) => {
    const rows = keys.map(({ key, max }) => {
      const row = tx.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
      const live = row && now - row.lastRequest < SIGN_IN_LIMITS.windowMs ? row : undefined;
      return { key, max, row, used: live?.count ?? 0 };
    });
    if (rows.some(({ used, max }) => used >= max)) return false;
    for (const { key, row, used } of rows) {
      if (row) tx.update(rateLimits).set({ count: used + 1, lastRequest: now }).where(eq(rateLimits.key, key)).run();
      else tx.insert(rateLimits).values({ id: randomUUID(), key, count: 1, lastRequest: now }).run();
    }
    return true;
  }, 'nothing');
}

/**
 * Gives back the attempt a sign-in with the right password reserved. Only its own: failures
 * reserved before or beside it stay counted until their window ends, so a right password sent
 * among many wrong ones does not wipe the wrong ones.
 */
export function releaseSignInAttempt(keys: string[]): void {
  write((tx) => {
    for (const key of keys) {
      tx.update(rateLimits)
        .set({ count: sql`max(${rateLimits.count} - 1, 0)` })
        .where(eq(rateLimits.key, key))
        .run();
    }
  }, 'nothing');
}

/** The password hash of an account's email-and-password credential, if it has one. */
export function getPasswordHash({ userId }: { userId: string }): string | null {
  const row = getDb()
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')))
    .get();
  return row?.password ?? null;
}
