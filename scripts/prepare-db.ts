// Brings the database up to date before the server starts: migrations, then the
// first-run demo. Run by scripts/start.mjs with tsx --conditions=react-server.
import { databasePath, getDb } from '@/db';
import { DatabaseOpenError } from '@/db/open';
import { seedDemoOnFirstRun } from '@/db/seed';

const file = databasePath();
try {
  getDb();
} catch (error) {
  if (!(error instanceof DatabaseOpenError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
}
const seeded = seedDemoOnFirstRun();
console.log(`Database ready: ${file}${seeded ? ' (demo content loaded)' : ''}`);
