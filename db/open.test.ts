import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKED_ENV, checkDatabaseFile, DatabaseOpenError, openDatabase } from './open';
import { seedDemoOnFirstRun } from './seed';
import { closeDb } from './index';
import { removeDatabase, useFreshDatabase } from './testing';

const files: string[] = [];
afterEach(() => files.splice(0).forEach(removeDatabase));

function tempFile(): string {
  const file = path.join(os.tmpdir(), `claimline-open-${randomUUID()}.db`);
  files.push(file);
  return file;
}

/** A closed, migrated database with the demo content. */
function useDemoDatabase(): string {
  const file = useFreshDatabase();
  files.push(file);
  seedDemoOnFirstRun();
  closeDb();
  return file;
}

function expectRefusedUntouched(file: string, message: RegExp) {
  const before = fs.readFileSync(file);
  expect(() => openDatabase(file)).toThrow(DatabaseOpenError);
  expect(() => openDatabase(file)).toThrow(message);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  // A read-only look may leave SQLite's empty side files, never a write-ahead log with content.
  expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
}

describe('opening a database file', () => {
  it('refuses a file that is not SQLite and leaves it byte for byte as it was', () => {
    const file = tempFile();
    fs.writeFileSync(file, 'Quarterly notes: these are not the claims you are looking for.\n'.repeat(100));
    expectRefusedUntouched(file, /not an SQLite database.*The file was not changed/);
  });

  it('refuses a damaged database and leaves it untouched', () => {
    const file = useDemoDatabase();
    const bytes = fs.readFileSync(file);
    // Keep the header page, scribble over the rest (a half-copied or disk-damaged file).
    bytes.fill(0xa5, 4096);
    fs.writeFileSync(file, bytes);
    expectRefusedUntouched(file, /damaged/);
  });

  it('reads every page once per server start: the processes the first one starts skip quick_check, and only for the file it checked', () => {
    const file = useDemoDatabase();
    // Damage the last page, a page of the claims' history that opening and migrating never read.
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xa5, bytes.length - pageSize);
    fs.writeFileSync(file, bytes);
    expectRefusedUntouched(file, /damaged/);
    expect(() => checkDatabaseFile(file)).toThrow(/damaged/);
    try {
      process.env[CHECKED_ENV] = `${file}.other`;
      expect(() => openDatabase(file)).toThrow(/damaged/);
      process.env[CHECKED_ENV] = file;
      // What a reader or editor process does after the first process checked this file.
      openDatabase(file).close();
      // The start's own check reads it through whatever the environment says.
      expect(() => checkDatabaseFile(file)).toThrow(/damaged/);
    } finally {
      delete process.env[CHECKED_ENV];
    }
  });

  // A newer version adds migrations after ours; a diverging branch adds one between them.
  // The database keeps only each migration's journal time and SQL hash, so that is what the message names.
  it.each([
    ['written by a newer version', 1_900_000_000_000],
    ['written by a diverging branch', 1_795_683_700_000],
  ])('refuses a database %s: it names the migrations this version does not know', (_case, when) => {
    const file = useDemoDatabase();
    const sqlite = openDatabase(file);
    sqlite.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('0123456789abcdef0123', when);
    sqlite.close();
    const iso = new Date(when).toISOString().replace(/\./g, '\\.');
    expectRefusedUntouched(
      file,
      new RegExp(
        `the database has migrations this version does not know: from ${iso} \\(journal "when" ${when}, SQL hash 0123456789ab\\); ` +
          'it was written by a newer or different version of Claimline\\. The file was not changed\\.',
      ),
    );
  });

  it('refuses another application’s SQLite database', () => {
    const file = tempFile();
    const other = new Database(file);
    other.exec('create table notes (id integer primary key, text text)');
    other.close();
    expectRefusedUntouched(file, /another application/);
  });

  it('opens its own database again and keeps its content', () => {
    const file = useDemoDatabase();
    const sqlite = openDatabase(file);
    expect(sqlite.prepare('select count(*) from claims').pluck().get()).toBeGreaterThan(0);
    sqlite.close();
  });
});
