import { count, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from './index';
import { articles, claimEvents, claims, parties } from './schema';
import { seedDemoOnFirstRun } from './seed';
import { removeDatabase, useFreshDatabase } from './testing';
import { updateClaim } from './queries/claims';

let file: string;
beforeEach(() => {
  file = useFreshDatabase();
});
afterEach(() => removeDatabase(file));

const total = (table: typeof articles | typeof claims | typeof claimEvents | typeof parties) =>
  getDb().select({ n: count() }).from(table).get()!.n;

describe('first-run demo', () => {
  it('seeds an empty database once: two articles, about ten claims, every status used', () => {
    expect(seedDemoOnFirstRun()).toBe(true);
    expect(total(articles)).toBe(2);
    expect(total(claims)).toBeGreaterThanOrEqual(10);
    const statuses = getDb().selectDistinct({ s: claims.status }).from(claims).all().map((r) => r.s);
    expect(statuses.sort()).toEqual(['confirmed', 'disputed', 'false', 'partly_true', 'retracted', 'unverified']);
    // Every claim has its history.
    const withoutEvents = getDb().all(sql`select id from claims where id not in (select claim_id from claim_events)`);
    expect(withoutEvents).toEqual([]);
  });

  it('never seeds again, even after a restart or after its articles were removed', () => {
    seedDemoOnFirstRun();
    const before = { a: total(articles), c: total(claims), e: total(claimEvents), p: total(parties) };
    // A restart: a new connection to the same file.
    closeDb();
    expect(seedDemoOnFirstRun()).toBe(false);
    expect({ a: total(articles), c: total(claims), e: total(claimEvents), p: total(parties) }).toEqual(before);
  });

  it('leaves a database that already has content alone', () => {
    getDb().run(sql`insert into articles (slug, title, outlet, author, created_at, updated_at) values ('mine', 'Mine', '', '', 0, 0)`);
    expect(seedDemoOnFirstRun()).toBe(false);
    expect(total(articles)).toBe(1);
  });
});

describe('writes and their history', () => {
  it('records an event per change and refuses a stale version with a conflict', () => {
    seedDemoOnFirstRun();
    const claim = getDb().select().from(claims).limit(1).get()!;
    const events = total(claimEvents);
    const updated = updateClaim({
      id: claim.id,
      version: claim.version,
      patch: { status: 'false', statusNote: 'New evidence', correction: 'A new report contradicts the claim.' },
      actorId: null,
    });
    expect(updated.version).toBe(claim.version + 1);
    expect(total(claimEvents)).toBe(events + 1);
    expect(() =>
      updateClaim({ id: claim.id, version: claim.version, patch: { statement: 'Other' }, actorId: null }),
    ).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(total(claimEvents)).toBe(events + 1);
  });

  it('keeps claim events append-only in the database itself', () => {
    seedDemoOnFirstRun();
    const raw = getDb().$client;
    // As if the newsroom had written them: the demo's own history may go when the demo is removed (db/queries/demo.ts).
    raw.exec('update articles set demo = 0');
    expect(() => raw.exec(`update claim_events set kind = 'x'`)).toThrow(/append-only/);
    expect(() => raw.exec(`delete from claim_events`)).toThrow(/append-only/);
  });

  it('keeps the search index in step with claims, parties and article titles', () => {
    seedDemoOnFirstRun();
    const search = (q: string) =>
      getDb().all<{ rowid: number }>(sql`select rowid from claims_fts where claims_fts match ${q}`).map((r) => r.rowid);
    const hits = search('ridership');
    expect(hits.length).toBe(1);
    getDb().run(sql`update parties set name = 'Quuxville Transit' where slug = 'zoe-marchetti'`);
    expect(search('quuxville')).toContain(hits[0]);
    getDb().run(sql`update articles set title = 'Zebrafish' where id = 1`);
    expect(search('zebrafish').length).toBeGreaterThan(0);
  });
});
