import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKED_ENV, checkDatabaseFile, DatabaseOpenError, openDatabase } from './open';
import { checkedToken, processIdentity } from './start-check.mjs';
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

  it('reads every page once per server start: a process skips quick_check only when its parent checked this file in this start', () => {
    const file = useDemoDatabase();
    // Damage the last page, a page of the claims' history that opening and migrating never read.
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xa5, bytes.length - pageSize);
    fs.writeFileSync(file, bytes);
    expectRefusedUntouched(file, /damaged/);
    expect(() => checkDatabaseFile(file)).toThrow(/damaged/);
    const parent = processIdentity(process.ppid);
    try {
      // What a reader or editor process gets from the process that started it, after that one checked this file.
      process.env[CHECKED_ENV] = `${parent}:${file}`;
      openDatabase(file).close();
      // The start's own check reads it through whatever the environment says.
      expect(() => checkDatabaseFile(file)).toThrow(/damaged/);
      // Anything else is checked: the file's path alone (what any process was given before, so a value
      // set by hand or left over in an environment skipped the check), a boolean, another file, the
      // value this process would give its own children, the parent's pid without its start time.
      const others = [file, '1', 'true', `${parent}:${file}.other`, `${parent}:${file} `, checkedToken(file)];
      if (parent.includes('@')) others.push(`${process.ppid}:${file}`);
      for (const value of others) {
        process.env[CHECKED_ENV] = value;
        expect(() => openDatabase(file), value).toThrow(/damaged/);
      }
    } finally {
      delete process.env[CHECKED_ENV];
    }
  });

  it('takes the check as made only in the processes the checking one started itself, not in theirs', () => {
    const file = path.join(os.tmpdir(), 'claimline checked (a “path”) ✓.db');
    const checker = JSON.stringify(pathToFileURL(path.join(__dirname, 'start-check.mjs')).href);
    // A child reports whether it may skip the check, then starts a child of its own with the same environment, which reports too.
    const script = `import(${checker}).then((m) => {
      console.log(m.checkedByParent(process.env.${CHECKED_ENV}, ${JSON.stringify(file)}));
      if (!process.env.GRANDCHILD) process.stdout.write(require('node:child_process').execFileSync(process.execPath, ['-e', process.argv[1]], { env: { ...process.env, GRANDCHILD: '1' } }));
    })`;
    const run = (value: string) =>
      execFileSync(process.execPath, ['-e', script, script], { env: { ...process.env, [CHECKED_ENV]: value }, encoding: 'utf8' }).trim().split('\n');
    expect(run(checkedToken(file))).toEqual(['true', 'false']);
    expect(run(file)).toEqual(['false', 'false']);
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
