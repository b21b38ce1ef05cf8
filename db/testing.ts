import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDb } from './index';

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
