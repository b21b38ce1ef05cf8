import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { accessChangeCount, deleteSession, getUserById, type Role } from '@/db/queries/users';
import { AppError } from '@/lib/errors';
import { getAuth, SESSION_ABSOLUTE_MS } from './auth';

export type SessionUser = { id: string; name: string; email: string; role: Role; sessionId: string };

/**
 * The signed-in user for this request, or null. The account is read fresh from
 * the database for each request, so a disabled account loses access at once; sessions
 * older than the absolute timeout end even while in use.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  // headers() first: at build time it stops prerendering here, before getAuth() would open the database.
  const requestHeaders = await headers();
  // React's cache() holds within one render; a save's action runs before the render of the page
  // it answers with, and checked the session already (the auth library's signed cookie and session
  // lookup, about 2.5 ms of a save's CPU: docs/performance.md). Next keeps one headers object for
  // the request's whole life, action and render; a change of access made meanwhile checks again.
  const kept = checked.get(requestHeaders);
  if (kept && kept.changes === accessChangeCount()) return kept.user;
  const user = checkSession(requestHeaders);
  checked.set(requestHeaders, { changes: accessChangeCount(), user });
  return user;
});

const checked = new WeakMap<object, { changes: number; user: Promise<SessionUser | null> }>();

async function checkSession(requestHeaders: Headers): Promise<SessionUser | null> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const user = getUserById({ id: session.user.id });
  const tooOld = Date.now() - session.session.createdAt.getTime() > SESSION_ABSOLUTE_MS;
  if (!user || user.disabledAt || tooOld) {
    deleteSession({ id: session.session.id });
    return null;
  }
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionId: session.session.id };
}

const allowed = (user: SessionUser, role: Role) => role === 'editor' || user.role === 'admin';

/** For server actions and route handlers: the user, or an AppError (401 / 403). */
export async function authorize(role: Role): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized');
  if (!allowed(user, role)) throw new AppError('forbidden');
  return user;
}

/** For editor pages: the user, or a redirect to sign-in (signed out) or the 403 page (wrong role). */
export async function requirePageUser(role: Role = 'editor'): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  if (!allowed(user, role)) forbidden();
  return user;
}
