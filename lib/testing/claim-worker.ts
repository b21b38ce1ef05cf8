// One of several processes claiming jobs from the same database at once (lib/server/jobs/runner.test.ts):
// claims and finishes jobs until none is left, then prints the ids it ran as JSON.
// Usage: DATABASE_PATH=… tsx --conditions=react-server lib/testing/claim-worker.ts <runner> <clock ms> <processes>
import fs from 'node:fs';
import path from 'node:path';
import { closeDb, getDb } from '@/db';
import { claimJob, finishJob } from '@/db/queries/jobs';
import { write } from '@/db/queries/tx';

const [runner = 'worker', clock = '0', processes = '1'] = process.argv.slice(2);
const now = new Date(Number(clock));
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

// Every process starts claiming once all have opened the database, so they race for the same rows.
const file = process.env.DATABASE_PATH!;
getDb();
fs.writeFileSync(`${file}.ready-${runner}`, '');
const ready = () => fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith(`${path.basename(file)}.ready-`)).length;
while (ready() < Number(processes)) pause(5);

const ran: number[] = [];
for (;;) {
  const job = claimJob({ runner, now, leaseMs: 60_000, kinds: ['count'] });
  if (!job) break;
  pause(3); // the work, while the others claim
  write((tx) => finishJob(tx, job, now));
  ran.push(job.id);
}
closeDb();
console.log(JSON.stringify(ran));
