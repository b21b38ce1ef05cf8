import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

/** Opens a SQLite file with Claimline's settings and brings its schema up to date. */
export function openDatabase(file: string): Database.Database {
  const sqlite = new Database(file);
  // WAL lets readers run beside the one writer; FULL makes an acknowledged commit survive power loss.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Another process (a backup, a script) may hold the write lock briefly: wait rather than fail.
  sqlite.pragma('busy_timeout = 5000');
  migrate(drizzle({ client: sqlite }), { migrationsFolder: MIGRATIONS_FOLDER });
  return sqlite;
}
