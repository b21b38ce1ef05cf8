import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { sourceAddress } from '../lib/page-url';
import { ensureChangeCounter } from './change-counter';
import { CHECKED_ENV, checkedByParent } from './start-check.mjs';

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** A database file Claimline refuses to start on; the message says why and what to do. */
export class DatabaseOpenError extends Error {
  constructor(file: string, problem: string, advice: string) {
    super(`Claimline cannot open ${file}: ${problem} The file was not changed. ${advice}`);
    this.name = 'DatabaseOpenError';
  }
}

/**
 * CHECKED_ENV names the database file that passed the full check in this start of the server and the
 * process that made it (db/start-check.mjs), set by that process for the processes it starts:
 * scripts/start.mjs after prepare-db, or scripts/server.mjs's first process (scripts/check-db.ts).
 * They skip quick_check, which reads every page (1.6 s on a newsroom of a hundred thousand claims),
 * and keep the rest; any other process makes it.
 */
export { CHECKED_ENV };

/** How long any statement waits for a lock another process holds (writes: writeLocked in db/index.ts). */
export const BUSY_TIMEOUT_MS = 5000;

/** Opens a SQLite file with Claimline's settings and brings its schema up to date. */
export function openDatabase(file: string): Database.Database {
  // Checked read-only first: setting WAL or migrating would write to a file we should not touch.
  if (fs.existsSync(file) && fs.statSync(file).size > 0) checkExistingFile(file, !checkedByParent(process.env[CHECKED_ENV], file));
  const sqlite = new Database(file);
  // WAL lets readers run beside the one writer; FULL makes an acknowledged commit survive power loss.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Another process (a backup, a script) may hold the write lock briefly: wait rather than fail.
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // 64 MiB of page cache instead of SQLite's 2 MiB: searches sorted by date and filtered lists read
  // many index pages, and with the default cache they go back to the file for each (the search
  // bench halved with it). One connection per process, so this is the process's whole cost.
  sqlite.pragma('cache_size = -65536');
  // Migration 0022 stores source addresses as the app does from then on.
  sqlite.function('claimline_source_address', { deterministic: true }, (url: unknown) => (typeof url === 'string' ? sourceAddress(url) : url));
  migrate(drizzle({ client: sqlite }), { migrationsFolder: MIGRATIONS_FOLDER });
  ensureChangeCounter(sqlite);
  return sqlite;
}

/** The checks openDatabase makes before it writes, quick_check included, without opening the file for writing. */
export function checkDatabaseFile(file: string): void {
  if (fs.existsSync(file) && fs.statSync(file).size > 0) checkExistingFile(file, true);
}

function checkExistingFile(file: string, quickCheck: boolean): void {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const notDatabase = () =>
    new DatabaseOpenError(
      file,
      'it is not an SQLite database, or it is damaged.',
      'Set DATABASE_PATH to Claimline’s database, or restore a backup (see “Backup and restore” in docs/operations.md).',
    );
  if (!header.equals(SQLITE_HEADER)) throw notDatabase();

  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    // quick_check reads every page: a damaged file fails here rather than halfway through a request.
    // Once per start of the server (CHECKED_ENV): its other processes open the same file after it.
    if (quickCheck && sqlite.pragma('quick_check(1)', { simple: true }) !== 'ok') throw notDatabase();
    const tables = sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .pluck()
      .all() as string[];
    if (tables.length === 0) return;
    if (!tables.includes('__drizzle_migrations')) {
      throw new DatabaseOpenError(
        file,
        'it is an SQLite database of another application.',
        'Set DATABASE_PATH to Claimline’s database or to a new file.',
      );
    }
    const applied = sqlite.prepare('select created_at as at, hash from __drizzle_migrations order by created_at').all() as {
      at: string | number;
      hash: string;
    }[];
    const known = new Set(readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.folderMillis));
    const unknown = applied.filter((m) => !known.has(Number(m.at)));
    if (unknown.length > 0) {
      throw new DatabaseOpenError(
        file,
        `the database has migrations this version does not know: ${unknown.map(describeMigration).join(', ')}; it was written by a newer or different version of Claimline.`,
        'Run the version that wrote it, or restore a backup made with this one.',
      );
    }
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    // SQLITE_NOTADB, SQLITE_CORRUPT and friends: the header looked right, the rest is not.
    throw notDatabase();
  } finally {
    sqlite?.close();
  }
}

/**
 * An applied migration as the database records it: the time drizzle-kit generated it (its
 * "when" in db/migrations/meta/_journal.json, which names its file) and the hash of its SQL.
 */
function describeMigration(m: { at: string | number; hash: string }): string {
  const millis = Number(m.at);
  const hash = `SQL hash ${String(m.hash).slice(0, 12)}`;
  return Number.isFinite(new Date(millis).getTime())
    ? `from ${new Date(millis).toISOString()} (journal "when" ${millis}, ${hash})`
    : `from an unreadable time ${String(m.at)} (${hash})`;
}
