import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb } from '@/db';
import { ensureChangeCounter } from '@/db/change-counter';
import { createArticle } from '@/db/queries/articles';
import { createClaimFromSelection } from '@/db/queries/annotator';
import { addResponse, attachSource } from '@/db/queries/sources';
import { createInvite } from '@/db/queries/users';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { citationTags, claimDetailTags, claimTags, tags } from '@/lib/server/cache';

// A newsroom upgrading from a version with one-time keys (migration 0020) but before 0021: its
// form_submissions rows hold each write's whole result (an article's body, a response's quote) and no
// hash of what was sent. 0021 must keep every key, trim each result to the ids its answer needs, and
// the upgraded app must answer a form sent again with such a key as the first save was answered.

// Until `upgraded`, the app's connection is opened with the migrations up to 0020 only.
const stage = vi.hoisted(() => ({ upgraded: false }));
const BEFORE_0021 = '0020_form_submissions';
vi.mock('@/db/open', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/db/open')>();
  return { ...real, openDatabase: (file: string) => (stage.upgraded ? real.openDatabase(file) : openUpTo(file, real.MIGRATIONS_FOLDER)) };
});

/** The database as a version that ended with migration 0020 left it (the app's pragmas, its change counter). */
function openUpTo(file: string, folder: string): Database.Database {
  const older = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === BEFORE_0021);
  expect(last).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.mkdirSync(path.join(older, 'meta'));
  fs.writeFileSync(path.join(older, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const { tag } of journal.entries) fs.copyFileSync(path.join(folder, `${tag}.sql`), path.join(older, `${tag}.sql`));
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  migrate(drizzle({ client: sqlite }), { migrationsFolder: older });
  ensureChangeCounter(sqlite);
  fs.rmSync(older, { recursive: true });
  return sqlite;
}

let requestHeaders = new Headers();
vi.mock('next/headers', () => ({ headers: async () => requestHeaders }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { to });
  },
}));
vi.mock('next/cache', () => ({ refresh: () => {} }));
// The tags each answer invalidates, as the action wrapper hands them on.
const invalidated: string[][] = [];
vi.mock('@/lib/server/cache', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/server/cache')>();
  return { ...real, invalidate: (tags: readonly string[]) => (invalidated.push([...tags]), real.invalidate(tags)) };
});

const { join } = await import('@/app/(auth)/actions');
const { getAuth } = await import('@/lib/server/auth');
const { saveResponseAction } = await import('@/app/edit/claims/[id]/_components/responses-actions');
const { saveSourceAction } = await import('@/app/edit/claims/[id]/_components/sources-actions');
const { createClaimAction } = await import('@/app/edit/articles/[id]/(annotate)/actions');
const { createArticleAction } = await import('@/app/edit/articles/new/actions');

const PASSWORD = 'a long and right password';
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const settle = async (pending: Promise<unknown>) => pending.then((state) => ({ state }), (error: { to?: string }) => ({ to: error.to ?? String(error) }));
const sql = () => getDb().$client;
const counts = () => Object.fromEntries(['articles', 'claims', 'responses', 'claim_sources', 'claim_events', 'parties', 'form_submissions'].map((t) => [t, sql().prepare(`SELECT count(*) FROM ${t}`).pluck().get()]));

let file: string;
let userId: string;
beforeAll(async () => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
  const { token } = createInvite({ role: 'editor', createdBy: null, ttlMs: 60_000 });
  requestHeaders = new Headers({ host: 'newsroom.example' });
  expect(await settle(join(undefined, form({ token, name: 'Aigerim Сәрсенова', email: 'aigerim@courier.example', password: PASSWORD, confirm: PASSWORD })))).toEqual({ to: '/edit' });
  const answer = await getAuth().api.signInEmail({ body: { email: 'aigerim@courier.example', password: PASSWORD }, returnHeaders: true });
  requestHeaders = new Headers({ host: 'newsroom.example', cookie: answer.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ') });
  userId = sql().prepare("SELECT id FROM users WHERE email = 'aigerim@courier.example'").pluck().get() as string;
}, 30_000);
afterAll(() => removeDatabase(file));

describe('migration 0021 on a newsroom’s form_submissions from before it', () => {
  // What each create form posted, and what the version before 0021 stored for it: its write's whole result.
  const key = { article: crypto.randomUUID(), claim: crypto.randomUUID(), response: crypto.randomUUID(), source: crypto.randomUUID() };
  const body = 'The harbour authority said the new quay will open in March — في مارس. Dredging ends in winter — 冬天.\n\nThe ferry operator doubts it 🚢.';
  const exact = 'the new quay will open in March';
  const quote = '“We never gave a date,” the authority’s spokesperson said — 从未 «أبداً» 🚧';
  const sent = {} as Record<keyof typeof key, Record<string, string>>;
  const first = {} as { article: ReturnType<typeof createArticle>; claim: ReturnType<typeof createClaimFromSelection>; response: ReturnType<typeof addResponse>; source: ReturnType<typeof attachSource> };

  it('before 0021: rows of every form kind, with whole results', () => {
    expect(sql().prepare("SELECT count(*) FROM pragma_table_info('form_submissions') WHERE name = 'input_hash'").pluck().get()).toBe(0);
    const store = (form: keyof typeof key, result: unknown) =>
      sql().prepare('INSERT INTO form_submissions (key, form, actor_id, result, created_at) VALUES (?, ?, ?, ?, ?)').run(key[form], form, userId, JSON.stringify(result), Date.now());
    sent.article = { formKey: key.article, mode: 'text', intent: 'create', title: 'New quay “by March” — رصيف 码头', text: body };
    first.article = createArticle({ title: sent.article.title!, body, actorId: userId });
    store('article', first.article);
    const start = first.article.body.indexOf(exact);
    sent.claim = { formKey: key.claim, articleId: String(first.article.id), start: String(start), end: String(start + exact.length), exact, statement: '', claimantPartyId: '', newPartyName: 'Harbour Authority — هيئة', newPartyKind: 'government' };
    first.claim = createClaimFromSelection({ articleId: first.article.id, start, end: start + exact.length, exact, newParty: { name: 'Harbour Authority — هيئة', kind: 'government' }, actorId: userId });
    store('claim', first.claim);
    const claimId = String(first.claim.id);
    sent.response = { formKey: key.response, claimId, partyId: String(first.claim.claimantPartyId), newPartyName: '', stance: 'disputes', quote, respondedAt: '2026-11-20', sourceUrl: '', requestedAt: '', deadlineAt: '', responseId: '', version: '' };
    first.response = addResponse({ claimId: first.claim.id, partyId: first.claim.claimantPartyId, stance: 'disputes', quote, respondedAt: new Date('2026-11-20T00:00:00Z'), actorId: userId });
    store('response', first.response);
    sent.source = { formKey: key.source, claimId, url: 'https://harbour.example/quay-“2027”', title: 'Quay timetable — 时间表', relation: 'contradicts', publisher: '', publishedAt: '', archivedUrl: '', excerpt: 'Opening: autumn 2027', note: '', sourceId: '', version: '' };
    const input = { claimId: first.claim.id, source: { url: sent.source.url!, title: sent.source.title! }, relation: 'contradicts' as const, excerpt: 'Opening: autumn 2027', actorId: userId };
    first.source = attachSource(input);
    store('source', first.source);
    const results = sql().prepare('SELECT result FROM form_submissions').pluck().all() as string[];
    expect(results.join('\n')).toContain('Dredging ends in winter');
    expect(results.join('\n')).toContain('We never gave a date');
  });

  it('after 0021: every key kept, for its form and editor, with only the ids its answer needs and no hash', () => {
    // The upgrade is a new start of the app: a new connection, and the auth library made again on it.
    closeDb();
    delete (globalThis as { claimlineAuth?: unknown }).claimlineAuth;
    stage.upgraded = true;
    const rows = sql().prepare('SELECT key, form, actor_id AS actorId, result, input_hash AS inputHash FROM form_submissions ORDER BY form').all() as { key: string; form: keyof typeof key; actorId: string; result: string; inputHash: string | null }[];
    expect(rows.map((r) => [r.form, r.key, r.actorId, r.inputHash])).toEqual(
      (['article', 'claim', 'response', 'source'] as const).map((form) => [form, key[form], userId, null]),
    );
    const result = Object.fromEntries(rows.map((r) => [r.form, JSON.parse(r.result) as unknown]));
    // Objects and lists stay JSON (not strings holding JSON), so the answers' cache tags come out right.
    expect(result).toEqual({
      article: { id: first.article.id },
      claim: { id: first.claim.id, articleId: first.article.id, claimantPartyId: first.claim.claimantPartyId },
      response: { scope: first.response.scope },
      source: { scope: first.source.scope, citedBy: first.source.citedBy, touched: first.source.touched },
    });
    const stored = rows.map((r) => r.result).join('\n');
    for (const text of ['Dredging', 'never gave a date', 'Quay timetable', 'quay will open']) expect(stored).not.toContain(text);
  });

  it('a form sent again with a key from before 0021 is answered as its first save was, and saves nothing twice', async () => {
    const before = counts();
    invalidated.length = 0;
    expect(await settle(createArticleAction(undefined, form(sent.article)))).toEqual({ to: `/edit/articles/${first.article.id}` });
    expect(await settle(createClaimAction(undefined, form(sent.claim)))).toEqual({ to: `/edit/articles/${first.article.id}?claim=${first.claim.id}` });
    expect(await saveResponseAction(undefined, form(sent.response))).toEqual({ ok: true, message: 'Response saved.' });
    expect(await saveSourceAction(undefined, form(sent.source))).toEqual({ ok: true, message: 'Source saved.' });
    expect(counts()).toEqual(before);
    // The tags the first save's answer invalidated, from the trimmed result.
    expect(invalidated).toEqual([
      [tags.lists],
      claimTags({ id: first.claim.id, articleIds: [first.article.id], partyIds: [first.claim.claimantPartyId!] }),
      claimDetailTags(first.response.scope, 'response'),
      citationTags(first.source),
    ]);
    // Stored without a hash, the key takes the same form with other words as the same submit (as before 0021):
    // answered with the first save, nothing saved.
    expect(await saveResponseAction(undefined, form({ ...sent.response, quote: 'Another quote' }))).toEqual({ ok: true, message: 'Response saved.' });
    expect(counts()).toEqual(before);
    // A new form's key saves, and keeps its hash.
    const fresh = crypto.randomUUID();
    expect(await saveResponseAction(undefined, form({ ...sent.response, formKey: fresh, quote: 'A second answer — 第二' }))).toMatchObject({ ok: true });
    expect(sql().prepare('SELECT input_hash FROM form_submissions WHERE key = ?').pluck().get(fresh)).toMatch(/^[0-9a-f]{64}$/);
  });
});
