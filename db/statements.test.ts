import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb, prepared, preparedQuery, reusingStatements, STATEMENTS_KEPT } from './index';
import { claims, parties } from './schema';
import { seedDemoOnFirstRun } from './seed';
import { removeDatabase, useFreshDatabase } from './testing';

describe('statements reused by SQL text', () => {
  let raw: Database.Database;
  beforeEach(() => {
    raw = new Database(':memory:');
    raw.exec("create table t (id integer primary key, name text); insert into t (name) values ('Zoë “quoted”'), ('هيئة التحرير'), ('港口')");
  });
  afterEach(() => raw.close());

  it('prepares each SQL text once, and hands back plain rows whatever mode the last user left', () => {
    const spy = vi.spyOn(raw, 'prepare');
    const db = reusingStatements(raw);
    const text = 'select id, name from t order by id';
    expect(db.prepare(text).raw().all()).toEqual([[1, 'Zoë “quoted”'], [2, 'هيئة التحرير'], [3, '港口']]);
    expect(db.prepare(text).all()).toEqual([{ id: 1, name: 'Zoë “quoted”' }, { id: 2, name: 'هيئة التحرير' }, { id: 3, name: '港口' }]);
    expect(db.prepare(text).pluck().get()).toBe(1);
    expect(db.prepare(text).get()).toEqual({ id: 1, name: 'Zoë “quoted”' });
    expect(db.prepare(text).expand().get()).toEqual({ t: { id: 1, name: 'Zoë “quoted”' } });
    expect(db.prepare(text).get()).toEqual({ id: 1, name: 'Zoë “quoted”' });
    expect(spy).toHaveBeenCalledTimes(1);
    // Writes are statements too; a text that does not compile is never kept.
    db.prepare('insert into t (name) values (?)').run('🚋\u0007');
    db.prepare('insert into t (name) values (?)').run('');
    expect(() => db.prepare('select nope from t')).toThrow(/no such column/);
    expect(() => db.prepare('select nope from t')).toThrow(/no such column/);
    expect(spy).toHaveBeenCalledTimes(4);
    expect(db.prepare('select count(*) from t').pluck().get()).toBe(5);
  });

  it('never hands out a statement still busy iterating, and keeps at most STATEMENTS_KEPT texts', () => {
    const spy = vi.spyOn(raw, 'prepare');
    const db = reusingStatements(raw);
    const text = 'select name from t order by id';
    const names: string[] = [];
    for (const row of db.prepare(text).iterate() as Iterable<{ name: string }>) names.push(row.name, (db.prepare(text).get() as { name: string }).name);
    expect(names).toEqual(['Zoë “quoted”', 'Zoë “quoted”', 'هيئة التحرير', 'Zoë “quoted”', '港口', 'Zoë “quoted”']);
    // Once the iteration ended, the kept statement is handed out again.
    spy.mockClear();
    expect(db.prepare(text).all()).toHaveLength(3);
    expect(spy).not.toHaveBeenCalled();
    // Texts made from data (here a number in the SQL) push out the least recently used ones.
    for (let i = 0; i < STATEMENTS_KEPT + 10; i++) db.prepare(`select ${i} as n`).get();
    spy.mockClear();
    db.prepare(`select ${STATEMENTS_KEPT + 9} as n`).get();
    expect(spy).not.toHaveBeenCalled();
    db.prepare('select 0 as n').get();
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe('the app connection', () => {
  let file: string;
  beforeEach(() => {
    file = useFreshDatabase();
    seedDemoOnFirstRun();
  });
  afterEach(() => removeDatabase(file));

  it('prepares a Drizzle query once, whatever ran on the same statement between its runs', () => {
    const db = getDb();
    const first = db.select().from(claims).orderBy(claims.id).limit(1).get()!;
    const byId = () => db.select({ id: claims.id, statement: claims.statement }).from(claims).where(eq(claims.id, first.id));
    expect(byId().get()).toEqual({ id: first.id, statement: first.statement });
    const spy = vi.spyOn(db.$client, 'prepare');
    // Drizzle runs a query with fields on raw rows; the same text run by hand must still give objects.
    const { sql: text, params } = byId().toSQL();
    expect(prepared(text).all(...params)).toEqual([{ id: first.id, statement: first.statement }]);
    expect(byId().all()).toEqual([{ id: first.id, statement: first.statement }]);
    expect(prepared(text).pluck().get(...params)).toBe(first.id);
    expect(byId().get()).toEqual({ id: first.id, statement: first.statement });
    expect(db.all(sql`select id from claims where id = ${first.id}`)).toEqual([{ id: first.id }]);
    expect(db.all(sql`select id from claims where id = ${first.id}`)).toEqual([{ id: first.id }]);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('runs transactions on reused statements, a rolled-back one included', () => {
    const db = getDb();
    const name = () => db.select({ name: parties.name }).from(parties).where(eq(parties.id, 1)).get()?.name;
    const before = name();
    expect(() =>
      db.transaction((tx) => {
        tx.update(parties).set({ name: 'Harbour “Trust” 🚢' }).where(eq(parties.id, 1)).run();
        expect(tx.select({ name: parties.name }).from(parties).where(eq(parties.id, 1)).get()).toEqual({ name: 'Harbour “Trust” 🚢' });
        throw new Error('the editor cancelled');
      }, { behavior: 'immediate' }),
    ).toThrow('the editor cancelled');
    expect(name()).toBe(before);
    db.transaction((tx) => {
      tx.update(parties).set({ name: 'Harbour “Trust” 🚢' }).where(eq(parties.id, 1)).run();
    }, { behavior: 'immediate' });
    expect(name()).toBe('Harbour “Trust” 🚢');
    // Code that keeps a statement of its own prepares it on the plain connection.
    expect(Object.hasOwn(db.$client, 'prepare')).toBe(false);
  });

  it('builds a prepared query once per connection, runs it with each value, inside a transaction too, and never shares its statement', () => {
    const build = vi.fn((db: ReturnType<typeof getDb>) =>
      db.select({ id: parties.id, name: parties.name }).from(parties).where(eq(parties.id, sql.placeholder('id'))).prepare(),
    );
    const partyName = preparedQuery(build);
    const [first, second] = getDb().select({ id: parties.id, name: parties.name }).from(parties).orderBy(parties.id).limit(2).all();
    expect(partyName().get({ id: first!.id })).toEqual(first);
    expect(partyName().get({ id: second!.id })).toEqual(second);
    expect(partyName().get({ id: -1 })).toBeUndefined();
    // The same SQL text run through the shared statements, left in pluck mode, changes nothing for it.
    const { sql: text } = partyName().getQuery();
    expect(prepared(text).pluck().get(first!.id)).toBe(first!.id);
    expect(partyName().get({ id: first!.id })).toEqual(first);
    // It reads what the open transaction wrote, and the rollback is seen.
    expect(() =>
      getDb().transaction((tx) => {
        tx.update(parties).set({ name: 'Øresund “Ports” 🚢' }).where(eq(parties.id, first!.id)).run();
        expect(partyName().get({ id: first!.id })?.name).toBe('Øresund “Ports” 🚢');
        throw new Error('cancelled');
      }, { behavior: 'immediate' }),
    ).toThrow('cancelled');
    expect(partyName().get({ id: first!.id })).toEqual(first);
    expect(build).toHaveBeenCalledTimes(1);
    // A new connection (the file reopened) gets the query built again on it.
    closeDb();
    expect(partyName().get({ id: second!.id })).toEqual(second);
    expect(build).toHaveBeenCalledTimes(2);
  });
});
