import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Copies a live database to `to` with SQLite's online backup API. All pages are
 * copied in one step inside one read transaction, so the copy is the database
 * as of one instant even while the server keeps writing (WAL readers never
 * block the writer). Written to a temporary name first: `to` is either the
 * old file or a complete copy, never half of one. Returns the copy's size.
 */
export async function backupDatabase({ from, to }: { from: string; to: string }): Promise<number> {
  const partial = `${to}.partial`;
  fs.rmSync(partial, { force: true });
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new Database(partial);
  try {
    // The copy inherits WAL mode; fold it into one self-contained file.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check(1)', { simple: true });
    if (check !== 'ok') throw new Error(`the backup failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  fs.renameSync(partial, to);
  return fs.statSync(to).size;
}
