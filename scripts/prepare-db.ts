// Brings the database up to date before the server starts: migrations, then the
// first-run demo. Run by scripts/start.mjs with tsx --conditions=react-server.
import { databasePath, getDb } from '@/db';
import { seedDemoOnFirstRun } from '@/db/seed';

const file = databasePath();
getDb();
const seeded = seedDemoOnFirstRun();
console.log(`Database ready: ${file}${seeded ? ' (demo content loaded)' : ''}`);
