import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { readCounter } from '@/db/queries/invalidations';
import { createInvite, getUserByEmail, listOpenInvites } from '@/db/queries/users';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, useFreshDatabase } from '@/db/testing';

// Joining, signing in and out, and an admin's changes to accounts, as a shared cache sees them: a write
// logged as `*` (everything) is purged from Varnish as everything, so every reader page starts cold.
// These name the tags they change, or none, and the next reader request through the cache finds what
// a change removed.

// One request's headers at a time (the signed-in person's cookie), as next/headers hands them out.
let requestHeaders = new Headers();
vi.mock('next/headers', () => ({ headers: async () => requestHeaders }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { to });
  },
}));
vi.mock('next/cache', () => ({ refresh: () => {} }));

/** The shared cache: the keys of each PURGE it gets. */
const purged: string[][] = [];
const cache = http.createServer((req, res) => {
  purged.push(String(req.headers['xkey-purge']).split(' '));
  res.writeHead(200).end('Purged');
});
await new Promise<void>((resolve) => cache.listen(0, '127.0.0.1', resolve));
process.env.VARNISH_URL = `http://127.0.0.1:${(cache.address() as AddressInfo).port}/`;

const { join, signIn, signOut } = await import('./actions');
const { getAuth } = await import('@/lib/server/auth');
const { inviteAction, revokeInviteAction, setDisabledAction, signOffAction } = await import('@/app/edit/users/actions');

const PASSWORD = 'a long and right password';
let file: string;
beforeAll(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
});
afterAll(async () => {
  removeDatabase(file);
  delete process.env.VARNISH_URL;
  await new Promise((resolve) => cache.close(resolve));
});
beforeEach(() => {
  purged.length = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
/** What a redirecting action ended with: where it sent the browser, or its state. */
const settle = async (pending: Promise<unknown>) => pending.then((state) => ({ state }), (error: { to?: string }) => ({ to: error.to ?? String(error) }));

/** The invalidation log's rows written since `version`, and whether the change counter explains every commit. */
function logSince(version: number) {
  const rows = getDb().$client.prepare('SELECT tag, purge_due IS NOT NULL AS due FROM cache_tags WHERE version > ? ORDER BY tag').all(version) as { tag: string; due: number }[];
  const counter = readCounter();
  return { tags: rows.map((row) => row.tag), unlogged: counter.counted - counter.logged };
}
const latest = () => getDb().$client.prepare('SELECT coalesce(max(version), 0) FROM cache_tags').pluck().get() as number;

/** Signs in as a browser would; afterwards every request carries the session cookie. */
async function signInAs(email: string) {
  requestHeaders = new Headers({ host: 'newsroom.example' });
  expect(await settle(signIn(undefined, form({ email, password: PASSWORD })))).toEqual({ to: '/edit' });
  // The cookie that sign-in set (the auth library sets it through Next, which a test has no request for).
  const answer = await getAuth().api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true });
  const cookie = answer.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  requestHeaders = new Headers({ host: 'newsroom.example', cookie });
}

describe('account changes and shared caches', () => {
  it('the first admin starting without the demo purges the demo’s pages, not everything', async () => {
    const { token } = createInvite({ role: 'admin', createdBy: null, ttlMs: 60_000 });
    const demoClaims = getDb().$client.prepare('SELECT count(*) FROM claims').pluck().get() as number;
    expect(demoClaims).toBeGreaterThan(0);
    const before = latest();
    requestHeaders = new Headers({ host: 'newsroom.example' });
    const joined = await settle(join(undefined, form({ token, name: 'Ngozi Ádébáyọ̀', email: ' ngozi@courier.example ', password: PASSWORD, confirm: PASSWORD, demo: 'remove' })));
    expect(joined).toEqual({ to: '/edit' });
    expect(getDb().$client.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);
    const { tags, unlogged } = logSince(before);
    expect(tags).not.toContain('*');
    expect(tags).toContain('lists');
    expect(tags.filter((tag) => tag.startsWith('claim:'))).toHaveLength(demoClaims);
    expect(unlogged).toBe(0);
    // Purged before the admin's answer, by name, so the next reader request through the cache has the empty newsroom.
    expect(purged.flat()).toEqual(expect.arrayContaining(tags.filter((tag) => tag !== 'none')));
    expect(purged.flat()).not.toContain('*');
  }, 30_000);

  it('an editor joining, signing in and out, and an admin inviting, disabling and re-enabling accounts purge nothing', async () => {
    await signInAs('ngozi@courier.example');
    const before = latest();
    const invited = await settle(inviteAction(undefined, form({ role: 'editor', email: 'lars@courier.example', days: '3' })));
    const link = (invited as { state: { data: { link: string } } }).state.data.link;
    expect(link).toMatch(/^http:\/\/newsroom\.example\/join\//);
    expect(await settle(signOffAction(undefined, form({ required: 'true' })))).toMatchObject({ state: { ok: true } });

    requestHeaders = new Headers({ host: 'newsroom.example' });
    const token = link.split('/').at(-1)!;
    expect(await settle(join(undefined, form({ token, name: 'Lars Ødegård', email: 'lars@courier.example', password: PASSWORD, confirm: PASSWORD })))).toEqual({ to: '/edit' });
    await signInAs('lars@courier.example');
    await settle(signOut());

    await signInAs('ngozi@courier.example');
    const lars = getUserByEmail({ email: 'lars@courier.example' })!.id;
    for (const disabled of ['true', 'false']) {
      expect(await settle(setDisabledAction(undefined, form({ userId: lars, disabled })))).toMatchObject({ state: { ok: true } });
    }
    const { tags, unlogged } = logSince(before);
    expect(tags.filter((tag) => tag !== 'none')).toEqual([]);
    expect(unlogged).toBe(0);
    expect(purged).toEqual([]);
  }, 60_000);

  it('an admin withdraws an invitation: its link stops working at once, a stale second press says why, and nothing is purged', async () => {
    await signInAs('ngozi@courier.example');
    const before = latest();
    const invited = await settle(inviteAction(undefined, form({ role: 'editor', email: 'wrong.person@elsewhere.example', days: '7' })));
    const token = (invited as { state: { data: { link: string } } }).state.data.link.split('/').at(-1)!;
    const kept = createInvite({ role: 'editor', email: null, createdBy: null, ttlMs: 60_000 });
    const invite = listOpenInvites().find((open) => open.email === 'wrong.person@elsewhere.example')!;
    expect(invite).toMatchObject({ role: 'editor', createdBy: 'Ngozi Ádébáyọ̀' });

    // Two tabs of the People page pressing Withdraw at once: one withdraws it, the other is told it already was.
    const presses = await Promise.all([0, 1].map(() => revokeInviteAction(undefined, form({ inviteId: String(invite.id) }))));
    expect(presses.map((state) => state.ok).sort()).toEqual([false, true]);
    expect(presses.find((state) => !state.ok)?.message).toMatch(/already expired or been withdrawn/);
    expect(listOpenInvites().map((open) => open.id)).not.toContain(invite.id);
    expect(listOpenInvites().map((open) => open.id)).toContain(kept.invite.id);

    requestHeaders = new Headers({ host: 'newsroom.example' });
    const joined = await settle(join(undefined, form({ token, name: 'Wrong Person', email: 'wrong.person@elsewhere.example', password: PASSWORD, confirm: PASSWORD })));
    expect(joined).toMatchObject({ state: { ok: false, message: expect.stringMatching(/expired or was already used/) } });
    expect(getUserByEmail({ email: 'wrong.person@elsewhere.example' })).toBeUndefined();

    // A used link cannot be withdrawn: the account is what to disable.
    expect(await settle(join(undefined, form({ token: kept.token, name: 'Aiko 佐藤', email: 'aiko@courier.example', password: PASSWORD, confirm: PASSWORD })))).toEqual({ to: '/edit' });
    await signInAs('ngozi@courier.example');
    expect(await revokeInviteAction(undefined, form({ inviteId: String(kept.invite.id) }))).toMatchObject({ ok: false, message: expect.stringMatching(/already used/) });
    // Not an id at all, and an editor trying: refused.
    expect(await revokeInviteAction(undefined, form({ inviteId: '1; drop table invites' }))).toMatchObject({ ok: false });
    await signInAs('aiko@courier.example');
    const other = createInvite({ role: 'admin', email: null, createdBy: null, ttlMs: 60_000 });
    expect(await settle(revokeInviteAction(undefined, form({ inviteId: String(other.invite.id) })))).not.toMatchObject({ state: { ok: true } });
    expect(listOpenInvites().map((open) => open.id)).toContain(other.invite.id);

    const { tags, unlogged } = logSince(before);
    expect(tags.filter((tag) => tag !== 'none')).toEqual([]);
    expect(unlogged).toBe(0);
    expect(purged).toEqual([]);
  }, 60_000);
});
