// Brings the database up to date before the server starts: migrations, the
// first-run demo, and — while nobody has an account — a one-time setup link for
// the first admin. Run by scripts/start.mjs with tsx --conditions=react-server.
import fs from 'node:fs';
import { databasePath, getDb } from '@/db';
import { DatabaseOpenError } from '@/db/open';
import { createSetupInvite } from '@/db/queries/users';
import { seedDemoOnFirstRun } from '@/db/seed';
import { seedPolicies } from '@/db/queries/policies';

const file = databasePath();
try {
  getDb();
} catch (error) {
  if (!(error instanceof DatabaseOpenError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
}
// CLAIMLINE_DEMO=0 (or false, no, off): a new database starts with no demo content.
const demo = !/^(?:0|false|no|off)$/i.test(process.env.CLAIMLINE_DEMO?.trim() ?? '');
const seeded = seedDemoOnFirstRun(Date.now(), { demo });
// Policy pages start with default texts an admin rewrites; an older database gets them on its next start.
seedPolicies();
console.log(`Database ready: ${file}${seeded ? ' (demo content loaded; an admin can remove it)' : ''}`);

const token = createSetupInvite();
if (token) {
  const base = (process.env.APP_URL ?? `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, '');
  const link = `${base}/join/${token}`;
  console.log(`\n  No accounts yet. Create the first admin with this one-time link (valid 24 hours):\n  ${link}\n`);
  if (process.env.SETUP_LINK_FILE) fs.writeFileSync(process.env.SETUP_LINK_FILE, link);
}
