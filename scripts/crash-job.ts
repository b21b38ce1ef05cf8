// The crash test's view of one snapshot job (scripts/crash-test.ts), run beside the server.
//   DATABASE_PATH=… tsx --conditions=react-server scripts/crash-job.ts cite <url>
//     cites <url> on the first claim (which queues its snapshot) and prints {"sourceId": n}
//   DATABASE_PATH=… tsx --conditions=react-server scripts/crash-job.ts status <sourceId>
//     prints the source's snapshots and its snapshot job as JSON
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/db';
import { attachSource } from '@/db/queries/sources';
import { claims, jobs, sourceSnapshots } from '@/db/schema';

const [command, argument = ''] = process.argv.slice(2);
const db = getDb();
if (command === 'cite') {
  const claim = db.select({ id: claims.id }).from(claims).orderBy(claims.id).limit(1).get();
  if (!claim) throw new Error('the database has no claim to cite a source on');
  const { source } = attachSource({ claimId: claim.id, source: { url: argument, title: 'Slow source' }, relation: 'context', actorId: null });
  console.log(JSON.stringify({ sourceId: source.id }));
} else if (command === 'status') {
  const sourceId = Number(argument);
  const snapshots = db.select({ id: sourceSnapshots.id, size: sourceSnapshots.size }).from(sourceSnapshots).where(eq(sourceSnapshots.sourceId, sourceId)).all();
  const job = db
    .select({ state: jobs.state, attempts: jobs.attempts, lastError: jobs.lastError })
    .from(jobs)
    .where(eq(jobs.key, `snapshot:source:${sourceId}`))
    .get();
  console.log(JSON.stringify({ snapshots, job }));
} else {
  throw new Error(`unknown command ${command}`);
}
closeDb();
