import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { openDatabase } from './open';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const globalForDb = globalThis as unknown as { claimlineDb?: Db; claimlineStatements?: Database.Database };

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

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || './data/claimline.db');
}

export { schema };

/** Closes the process's connection (tests and scripts; the server keeps its connection open). */
export function closeDb(): void {
  globalForDb.claimlineDb?.$client.close();
  globalForDb.claimlineDb = undefined;
  globalForDb.claimlineStatements = undefined;
}
