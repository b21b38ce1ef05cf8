import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { openDatabase } from './open';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const globalForDb = globalThis as unknown as { claimlineDb?: Db };

/**
 * The process's one connection, opened on first use (never at import: `next build`
 * imports this module and must not create or read a database).
 */
export function getDb(): Db {
  if (!globalForDb.claimlineDb) {
    const file = databasePath();
    fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
    globalForDb.claimlineDb = drizzle({ client: openDatabase(file), schema });
  }
  return globalForDb.claimlineDb;
}

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || './data/claimline.db');
}

export { schema };

/** Closes the process's connection (tests and scripts; the server keeps its connection open). */
export function closeDb(): void {
  globalForDb.claimlineDb?.$client.close();
  globalForDb.claimlineDb = undefined;
}
