import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { BUSY_TIMEOUT_MS, openDatabase } from './open';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const globalForDb = globalThis as unknown as { claimlineDb?: Db; claimlineStatements?: Database.Database; claimlineOwnStatements?: Db };

/**
 * The process's one connection, opened on first use (never at import: `next build`
 * imports this module and must not create or read a database).
 */
export function getDb(): Db {
  if (!globalForDb.claimlineDb) {
    const file = databasePath();
    fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
    const client = openDatabase(file);
    const statements = reusingStatements(client);
    const db = drizzle({ client: statements, schema });
    // Code that prepares a statement and keeps it (the data_version check) gets the plain connection:
    // a statement of the shared set may be handed to someone else and its mode changed.
    db.$client = client;
    globalForDb.claimlineStatements = statements;
    globalForDb.claimlineOwnStatements = drizzle({ client, schema });
    globalForDb.claimlineDb = db;
  }
  return globalForDb.claimlineDb;
}

/** A statement for `sql` from the connection's reused ones (reusingStatements): run it now, do not keep it. */
export function prepared(sql: string): Database.Statement {
  getDb();
  return globalForDb.claimlineStatements!.prepare(sql);
}

/** Distinct SQL texts a connection keeps prepared: the app's queries are a few hundred shapes. */
export const STATEMENTS_KEPT = 256;

/**
 * The connection as Drizzle sees it: prepare() hands back the statement already prepared for the
 * same SQL text, where Drizzle would prepare every query again each time it runs (about 20 on an
 * editor's claim page). Safe because a statement's SQL and settings are all it carries between
 * runs: one still busy (iterate() not finished) is never handed out, a new one is instead; raw,
 * pluck and expand are modes a statement keeps, so a reused one is set back to plain rows (Drizzle
 * asks for raw rows each time it wants them). The least recently used text is dropped past
 * STATEMENTS_KEPT, so texts made from data (an IN list's length) cannot grow it without bound.
 */
export function reusingStatements(client: Database.Database): Database.Database {
  const kept = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    const known = kept.get(source);
    if (known && !known.busy) {
      kept.delete(source);
      kept.set(source, known);
      if (known.reader) known.raw(false).pluck(false).expand(false);
      return known;
    }
    const statement = client.prepare(source);
    if (!known) {
      kept.set(source, statement);
      if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
    }
    return statement;
  };
  return Object.create(client, { prepare: { value: prepare } }) as Database.Database;
}

/**
 * A query Drizzle builds once per connection, for the hot paths (a save, an editor's page, a reader
 * page's render): `build` writes it with `sql.placeholder()` where its values go and ends with
 * `.prepare()`; each call runs that with the values, e.g. `claimById().get({ id })`. Drizzle
 * otherwise turns the query into its SQL text again on every run (about 0.1–0.4 ms a query:
 * docs/performance.md). A placeholder is bound as given (not through the column's encoder): pass
 * what the column stores (a Date column's number). The statement is the query's own, on the plain
 * connection: one from the shared reused set could be handed to another caller and its mode changed.
 */
export function preparedQuery<Q>(build: (db: Db) => Q): () => Q {
  let made: { client: Database.Database; query: Q } | undefined;
  return () => {
    const client = getDb().$client;
    if (made?.client !== client) made = { client, query: build(globalForDb.claimlineOwnStatements!) };
    return made.query;
  };
}

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || './data/claimline.db');
}

export { schema };

/** Closes the process's connection (tests and scripts; the server keeps its connection open). */
export function closeDb(): void {
  globalForDb.claimlineDb?.$client.close();
  globalForDb.claimlineDb = undefined;
  globalForDb.claimlineStatements = undefined;
  globalForDb.claimlineOwnStatements = undefined;
}

/** How long a write waits for the write lock in all, in turns of LOCK_TURN_MS (writeLocked). */
export const WRITE_LOCK_WAIT_MS = 10_000;
const LOCK_TURN_MS = 20;

/**
 * Runs `transaction` (one that begins with BEGIN IMMEDIATE) once the write lock is free. SQLite's
 * busy handler polls a lock held by another process at growing intervals, 100 ms apart after the
 * first third of a second, so a process that writes in a loop takes the lock again long before a
 * waiting one wakes: in db/concurrency.test.ts on a loaded machine one of three writers never
 * waited over 0.13 s while the others waited 1.2 to 3.5 s, and past busy_timeout a save failed with
 * SQLITE_BUSY. Here the wait is made of short turns of SQLite's handler, whose first polls are 1 to
 * 10 ms apart, begun again until the lock is taken or WRITE_LOCK_WAIT_MS have passed. A
 * transaction holding the write lock is never busy, so SQLITE_BUSY means BEGIN did not get it and
 * nothing ran.
 */
export function writeLocked<T>(transaction: () => T): T {
  const client = getDb().$client;
  // Inside an open transaction the lock is held already (the inner one is a savepoint).
  if (client.inTransaction) return transaction();
  const deadline = performance.now() + WRITE_LOCK_WAIT_MS;
  prepared(`pragma busy_timeout = ${LOCK_TURN_MS}`).get();
  try {
    for (;;) {
      try {
        return transaction();
      } catch (error) {
        if (!String((error as { code?: string }).code).startsWith('SQLITE_BUSY') || client.inTransaction || performance.now() > deadline) throw error;
      }
    }
  } finally {
    prepared(`pragma busy_timeout = ${BUSY_TIMEOUT_MS}`).get();
  }
}

/** `fn` in one BEGIN IMMEDIATE transaction, begun once the write lock is free (writeLocked). */
export function immediate<T>(fn: (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => T): T {
  return writeLocked(() => getDb().transaction(fn, { behavior: 'immediate' }));
}
