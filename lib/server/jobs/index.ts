import 'server-only';
import { queueDueChecks } from '@/db/queries/snapshots';
import { queueDueWatches } from '@/db/queries/watches';
import { CHECK_HANDLERS } from './check';
import { createRunner, type Handlers } from './runner';
import { SNAPSHOT_HANDLERS } from './snapshot';
import { WATCH_HANDLERS } from './watch';

/** Every kind of job and its handler. */
export const handlers: Handlers = { ...SNAPSHOT_HANDLERS, ...CHECK_HANDLERS, ...WATCH_HANDLERS };

/** Queues the scheduled work that is due: link checks of cited sources and fetches of watched articles. */
export function scheduleDueWork(now: Date): void {
  queueDueChecks({ now });
  queueDueWatches({ now });
}

const globalForJobs = globalThis as unknown as { claimlineJobsWake?: () => void };

/**
 * Starts this process's job runner (instrumentation.ts, once per server process). Every
 * process of a multi-process server runs one; the leases keep each job to one of them.
 */
export function startJobRunner(): void {
  if (globalForJobs.claimlineJobsWake) return;
  const pollMs = Number(process.env.CLAIMLINE_JOB_POLL_MS) || 2000;
  const leaseMs = Number(process.env.CLAIMLINE_JOB_LEASE_MS) || 30_000;
  const runner = createRunner({ handlers, leaseMs, schedule: scheduleDueWork });
  globalForJobs.claimlineJobsWake = runner.start(pollMs);
}

/** Looks for due jobs now rather than at the next poll: after an editor's action queued one. */
export function wakeJobRunner(): void {
  globalForJobs.claimlineJobsWake?.();
}
