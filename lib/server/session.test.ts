import { hashPassword } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createInvite, getUserByEmail, redeemInvite, setUserDisabled } from '@/db/queries/users';
import { removeDatabase, useFreshDatabase } from '@/db/testing';

// The request whose headers next/headers hands out: one object for a whole request, as Next keeps it
// from a save's action through the render of the page that answers it.
let requestHeaders = new Headers();
vi.mock('next/headers', () => ({ headers: async () => requestHeaders }));

const { getAuth } = await import('./auth');
const { authorize, getCurrentUser } = await import('./session');

const PASSWORD = 'a long and right password';
let file: string;

/** A new account, signed in: the Cookie header its browser sends. */
async function signedIn(name: string): Promise<{ cookie: string; id: string }> {
  const { token } = createInvite({ role: 'editor', createdBy: null, ttlMs: 60_000 });
  // The name as typed; the address in ASCII, as the auth library requires.
  const email = `${name.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()}@newsroom.example`;
  redeemInvite({ token, name, email, passwordHash: await hashPassword(PASSWORD) });
  const answer = await getAuth().api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true });
  const cookie = answer.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return { cookie, id: getUserByEmail({ email })!.id };
}

beforeAll(() => {
  file = useFreshDatabase();
});
afterAll(() => removeDatabase(file));

describe('the session check, once per request', () => {
  it('is made once for a save’s action and the page drawn after it, and again for the next request', async () => {
    const { cookie } = await signedIn('Ingrid');
    const lookups = vi.spyOn(getAuth().api, 'getSession');
    requestHeaders = new Headers({ cookie });
    // The action checks the editor's role, then the page's render asks for the user again.
    const acting = await authorize('editor');
    const drawing = await getCurrentUser();
    expect(drawing).toEqual(acting);
    expect(acting.name).toBe('Ingrid');
    expect(lookups).toHaveBeenCalledTimes(1);
    // Another request (another headers object, the same cookie) checks again.
    requestHeaders = new Headers({ cookie });
    expect((await getCurrentUser())?.name).toBe('Ingrid');
    expect(lookups).toHaveBeenCalledTimes(2);
    lookups.mockRestore();
  });

  it('still ends access at once: an account disabled during the request is signed out in what follows', async () => {
    const { cookie, id } = await signedIn('Ottoline');
    requestHeaders = new Headers({ cookie });
    expect((await getCurrentUser())?.name).toBe('Ottoline');
    setUserDisabled({ id, disabled: true, actorId: 'an-admin' });
    expect(await getCurrentUser()).toBeNull();
    await expect(authorize('editor')).rejects.toMatchObject({ code: 'unauthorized' });
    // …and in every request after it.
    requestHeaders = new Headers({ cookie });
    expect(await getCurrentUser()).toBeNull();
  });

  it('keeps each request’s own user', async () => {
    const [first, second] = [await signedIn('Wanjiru'), await signedIn('Søren')];
    requestHeaders = new Headers({ cookie: first.cookie });
    const a = requestHeaders;
    expect((await getCurrentUser())?.name).toBe('Wanjiru');
    requestHeaders = new Headers({ cookie: second.cookie });
    expect((await getCurrentUser())?.name).toBe('Søren');
    requestHeaders = a;
    expect((await getCurrentUser())?.name).toBe('Wanjiru');
  });
});
