import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDb, getDb } from './index';
import { users } from './schema';

/** Points the app at a new, empty database file for a test; returns its path. */
export function useFreshDatabase(): string {
  closeDb();
  const file = path.join(os.tmpdir(), `claimline-test-${randomUUID()}.db`);
  process.env.DATABASE_PATH = file;
  return file;
}

export function removeDatabase(file: string): void {
  closeDb();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/** Rows in every table of the open database (search index included), by table name. */
export function rowCounts(): Record<string, number> {
  const db = getDb().$client;
  const names = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'
         AND name NOT LIKE 'claims_fts_%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(names.map((n) => [n, db.prepare(`SELECT count(*) FROM "${n}"`).pluck().get() as number]));
}

/** Adds a newsroom member to the test database; returns their id. */
export function addUser(name: string, role: 'admin' | 'editor' = 'editor'): string {
  const id = randomUUID();
  getDb().insert(users).values({ id, name, email: `${id}@newsroom.example`, role }).run();
  return id;
}
