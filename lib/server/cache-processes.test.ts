import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { getClaimForEditor } from '@/db/queries/annotator';
import { updateClaim } from '@/db/queries/claims';
import { PENDING_MS, readLogSince, withWriteLog } from '@/db/queries/invalidations';
import { createInvite } from '@/db/queries/users';
import { claims } from '@/db/schema';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { cached, claimTags, invalidate, tagVersions, tags } from './cache';
import { readClaim, readHome, readMostDisputed, readStatusChanges } from './reader';
import { pageValidity, PageStore, storedPage } from './page-cache';

// Two server processes on one SQLite file: this test's process reads and caches, a second
// process (scripts/cache-writer.ts, its own connection) writes as an action there would.
const root = path.resolve(__dirname, '..', '..');
let file: string;
process.env.CLAIMLINE_BOOT = 'cache-processes-test';

function otherProcess(...args: string[]) {
  return promisify(execFile)(path.join(root, 'node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/cache-writer.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: file },
  }).then(({ stdout }) => stdout.trim());
}

let a: number;
let b: number;
beforeAll(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
  // Two claims of different articles: a save of one touches nothing the other's pages read.
  const all = getDb().select({ id: claims.id, articleId: claims.articleId }).from(claims).orderBy(claims.id).all();
  a = all[0]!.id;
  b = all.find((c) => c.articleId !== all[0]!.articleId)!.id;
});
afterAll(() => removeDatabase(file));

/** A reader in this process: the claim's note, cached under its tag, counting the loads. */
let readers = 0;
function reader(id: number) {
  let loads = 0;
  const key = `processes:${id}:${++readers}`;
  const read = () => cached(key, [tags.claim(id)], () => ({ note: getClaimForEditor({ id })!.statusNote, load: ++loads }));
  return read;
}
const page = (id: number) => storedPage(`page ${id}`, pageValidity([tags.claim(id)]), Buffer.from(`claim ${id}`), [])!;

describe('a write in another server process', () => {
  it('drops exactly the data and pages whose tags it touched, and this process reads the new value', async () => {
    const readA = reader(a);
    const readB = reader(b);
    const store = new PageStore(10, 10_000);
    store.set('a', page(a));
    store.set('b', page(b));
    expect(readA().load).toBe(1);
    expect(readB().load).toBe(1);

    await otherProcess('save', String(a), 'Checked again with the port’s own figures — “forty” was a typo 🙈');
    const after = readA();
    expect(after.load).toBe(2);
    expect(after.note).toBe('Checked again with the port’s own figures — “forty” was a typo 🙈');
    expect(readB().load).toBe(1);
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')).toBeDefined();
  }, 30_000);

  it('a response saved there drops its claim’s page and the lists of responses here, not the claim pages beside it or the other lists', async () => {
    const published = getDb().$client
      .prepare('SELECT c.id AS id, c.article_id AS articleId, c.claimant_party_id AS partyId FROM claims c WHERE c.published = 1 AND c.claimant_party_id IS NOT NULL AND (SELECT count(*) FROM claims s WHERE s.article_id = c.article_id AND s.published = 1) > 1 ORDER BY c.id')
      .all() as { id: number; articleId: number; partyId: number }[];
    const edited = published[0]!;
    const sibling = published.find((c) => c.articleId === edited.articleId && c.id !== edited.id)!;
    const before = { edited: readClaim(edited.id), sibling: readClaim(sibling.id), home: readHome(), changes: readStatusChanges(8), disputed: readMostDisputed() };
    const store = new PageStore(10, 100_000);
    // The pages as their renders record them: a claim page reads its claim and its article; the article's page also which claims it has.
    store.set('sibling', storedPage('sibling', pageValidity([tags.claim(sibling.id), tags.article(sibling.articleId)]), Buffer.from('sibling'), [])!);
    store.set('article', storedPage('article', pageValidity([tags.article(edited.articleId), tags.articleClaims(edited.articleId), tags.claim(edited.id)]), Buffer.from('article'), [])!);
    // As the home page's render records them (readHome, readStatusChanges, readMostDisputed).
    const home = () => storedPage('home', pageValidity([tags.lists, tags.mostDisputed]), Buffer.from('home'), [])!;
    store.set('home', home());

    await otherProcess('respond', String(edited.id), String(edited.partyId), '“Die Zahl stimmt nicht” — لا، هذا غير صحيح 🙅');
    const after = { edited: readClaim(edited.id), sibling: readClaim(sibling.id), home: readHome(), changes: readStatusChanges(8), disputed: readMostDisputed() };
    expect(after.edited).not.toBe(before.edited);
    expect(after.edited!.responses.map((r) => r.quote)).toContain('“Die Zahl stimmt nicht” — لا، هذا غير صحيح 🙅');
    expect(after.disputed).not.toBe(before.disputed);
    expect(after.disputed.map((c) => c.id)).toContain(edited.id);
    expect(after.sibling).toBe(before.sibling);
    expect(after.home).toBe(before.home);
    expect(after.changes).toBe(before.changes);
    expect(store.get('sibling')).toBeDefined();
    expect(store.get('article')).toBeUndefined();
    expect(store.get('home')).toBeUndefined();

    // A response there to a claim neither on the most disputed nor entering it keeps the home page here.
    const shown = new Set(after.disputed.map((c) => c.id));
    const quiet = published.find((c) => !shown.has(c.id) && c.id !== edited.id)!;
    const claimBefore = readClaim(quiet.id);
    store.set('home', home());
    await otherProcess('respond', String(quiet.id), String(quiet.partyId), 'Wir stimmen zu — 同意します.', 'confirms');
    expect(readClaim(quiet.id)).not.toBe(claimBefore);
    expect(readMostDisputed()).toBe(after.disputed);
    expect(store.get('home')).toBeDefined();
  }, 30_000);

  it('gives a page the same ETag versions in both processes, and moves them with an edit of the page only', async () => {
    const mine = tagVersions([tags.claim(a), tags.claim(b)]);
    expect(await otherProcess('etag', tags.claim(a), tags.claim(b))).toBe(mine);
    await otherProcess('save', String(b), 'مراجعة: الرقم الصحيح أربعون');
    expect(tagVersions([tags.claim(a)])).toBe(await otherProcess('etag', tags.claim(a)));
    expect(tagVersions([tags.claim(a), tags.claim(b)])).not.toBe(mine);
  }, 30_000);

  it('drops nothing for bookkeeping no reader page shows (a sign-in attempt)', async () => {
    const readA = reader(a);
    readA();
    await otherProcess('sign-in');
    expect(readA().load).toBe(1);
  }, 30_000);

  it('drops nothing when someone joins the newsroom: a new account shows on no reader page', async () => {
    const readA = reader(a);
    const store = new PageStore(10, 10_000);
    store.set('a', page(a));
    readA();
    const { token } = createInvite({ role: 'editor', createdBy: null, ttlMs: 60_000 });
    readA();
    await otherProcess('join', token);
    expect(readA().load).toBe(1);
    expect(store.get('a')).toBeDefined();
    // The account was made: the join did write, and said it touched nothing readers see.
    expect(getDb().$client.prepare("select count(*) from users where email like 'mira.%'").pluck().get()).toBe(1);
  }, 30_000);

  it('drops nothing when an admin turns sign-off off and on: a newsroom setting shows on no reader page', async () => {
    const readA = reader(a);
    const store = new PageStore(10, 10_000);
    store.set('a', page(a));
    readA();
    const etag = tagVersions([tags.claim(a)]);
    for (const setting of ['off', 'on']) {
      await otherProcess('sign-off', setting);
      expect(readA().load).toBe(1);
      expect(store.get('a')).toBeDefined();
      expect(tagVersions([tags.claim(a)])).toBe(etag);
    }
    // The setting was written.
    expect(getDb().$client.prepare("select value from meta where key = 'sign_off_required'").pluck().get()).toBe('true');
  }, 30_000);

  it('drops everything for a commit nobody logged (a script’s own SQL)', async () => {
    const readA = reader(a);
    const readB = reader(b);
    readA();
    readB();
    const other = new Database(file);
    other.prepare('update claims set status_note = ? where id = ?').run('Changed by hand in sqlite3', b);
    other.close();
    expect(readA().load).toBe(2);
    expect(readB().note).toBe('Changed by hand in sqlite3');
  });

  it('drops everything for a commit nobody logged, also when a logged write lands after it before this process looks', async () => {
    const readA = reader(a);
    const readB = reader(b);
    readA();
    readB();
    const other = new Database(file);
    other.prepare('update claims set status_note = ? where id = ?').run('Typed into sqlite3 by hand\u00a0— “unlogged”', b);
    other.close();
    await otherProcess('save', String(a), 'Saved after the hand edit');
    expect(readB().note).toBe('Typed into sqlite3 by hand\u00a0— “unlogged”');
    expect(readA().note).toBe('Saved after the hand edit');
  }, 30_000);

  it('drops nothing for commits nobody logged that were made before this process started, when a later write logs them', async () => {
    await new Promise((resolve) => setImmediate(resolve));
    const script = new Database(file);
    script.prepare('update claims set status_note = ? where id = ?').run('Loaded by a script before the server started', b);
    script.close();
    // This process starting now (its reader cache made afresh): the script's change is in what it reads.
    delete (globalThis as { claimlineCache?: unknown }).claimlineCache;
    const readA = reader(a);
    const readB = reader(b);
    expect(readB().note).toBe('Loaded by a script before the server started');
    readA();
    await otherProcess('save', String(b), 'The first save after the start');
    // The save logs the script's commit as everything, for the processes that started before it: not this one.
    expect(readA().load).toBe(1);
    expect(readB().note).toBe('The first save after the start');
    expect(readLogSince(0).find((row) => row.tag === '*')?.origin).toMatch(/^unlogged:\d+$/);
  }, 30_000);

  it('drops only the saved claim when this process saves it again after another process did', async () => {
    await new Promise((resolve) => setImmediate(resolve));
    const readA = reader(a);
    const readB = reader(b);
    readA();
    readB();
    await otherProcess('save', String(a), 'First save, in the other process');
    // Before this process looks: its own save of the same claim takes over every row the other one wrote.
    const claim = getClaimForEditor({ id: a })!;
    await withWriteLog(async () => {
      updateClaim({ id: a, version: claim.version, patch: { statusNote: 'Second save, in this one', correction: 'Correction: second save' }, actorId: null });
      invalidate(claimTags({ id: a, articleIds: [claim.articleId] }));
    });
    expect(readA().note).toBe('Second save, in this one');
    expect(readB().load).toBe(1);
  }, 30_000);

  it('keeps serving while the writing action has yet to name its tags, and drops everything once its process is gone too long', async () => {
    const readA = reader(a);
    const readB = reader(b);
    readA();
    readB();
    await otherProcess('die', String(a), '一个没有说完的编辑');
    // The commit is there; its tags may still come: nothing is dropped yet.
    expect(readB().load).toBe(1);
    const etag = tagVersions([tags.claim(a)]);
    vi.useFakeTimers({ now: Date.now() + PENDING_MS + 1000, toFake: ['Date'] });
    try {
      expect(readB().load).toBe(2);
      expect(readA().note).toBe('一个没有说完的编辑');
    } finally {
      vi.useRealTimers();
    }
    // Given up on as "everything" in the log too: ETags move in every process, and the row is gone.
    await new Promise((resolve) => setImmediate(resolve));
    expect(tagVersions([tags.claim(a)])).not.toBe(etag);
    expect(readLogSince(0).some((row) => row.tag.startsWith('pending:'))).toBe(false);
  }, 30_000);
});

