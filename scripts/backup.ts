// `npm run backup -- <file>`: an online, consistent copy of the database at DATABASE_PATH,
// safe to run while the server is serving and writing. Restore: see docs/operations.md.
import path from 'node:path';
import { backupDatabase } from '@/db/backup';
import { databasePath } from '@/db';

const target = process.argv[2];
if (!target) {
  console.error('Usage: npm run backup -- <backup file>');
  process.exit(2);
}
const from = databasePath();
const to = path.resolve(target);
if (to === from) {
  console.error('The backup file must not be the database itself.');
  process.exit(2);
}
const started = performance.now();
backupDatabase({ from, to })
  .then((bytes) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Backed up ${from} to ${to} (${(bytes / 1e6).toFixed(1)} MB, integrity ok) in ${seconds} s`);
  })
  .catch((error: unknown) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
