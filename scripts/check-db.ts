// The database checks of a server start, made once by scripts/server.mjs's first process before it
// starts the others (db/open.ts, CHECKED_ENV): prints the absolute path of the file it checked,
// or the reason it refuses it on stderr and exits 1. Writes nothing.
import { databasePath } from '@/db';
import { checkDatabaseFile, DatabaseOpenError } from '@/db/open';

const file = databasePath();
try {
  checkDatabaseFile(file);
} catch (error) {
  if (!(error instanceof DatabaseOpenError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
}
console.log(file);
