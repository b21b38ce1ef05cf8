import 'server-only';
import { and, asc, count, desc, eq, inArray, lte, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { fetchHosts, jobs, sourceSnapshots, type Job, type JobState } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { retryDelayMs } from '@/lib/jobs';
import { write, type Tx } from './tx';

export type NewJob = {
  kind: string;
  payload: Record<string, unknown>;
  /** Names the work: while a job with this key is queued or running, the same key is not queued again. */
  key?: string | null;
  /** The site the job fetches from: one job per host runs at a time. */
  host?: string | null;
  runAt: Date;
  maxAttempts?: number;
};

/** Queues a job inside the caller's transaction (so it commits with the change that asked for it); false when its key was already open. */
export function enqueueJob(tx: Tx, job: NewJob): boolean {
  const result = tx
    .insert(jobs)
    .values({
      kind: job.kind,
      payload: job.payload,
      key: job.key ?? null,
      host: job.host ?? null,
      runAt: job.runAt,
      maxAttempts: job.maxAttempts ?? 5,
      createdAt: job.runAt,
    })
    .onConflictDoNothing()
    .run();
  return result.changes > 0;
}

/** Queues a job in a transaction of its own. */
export function enqueue(job: NewJob): boolean {
  return write((tx) => enqueueJob(tx, job), 'nothing');
}

/**
 * Takes the next due job for `runner` until `now + leaseMs`, in one BEGIN IMMEDIATE
 * transaction, so of several processes polling at once exactly one gets it. A job whose
 * lease ran out (the process running it died) is due again; one that has used all its
 * attempts that way is marked failed instead. Jobs of a host that another job is fetching
 * from, or that is backed off, wait.
 */
export function claimJob({ runner, now, leaseMs, kinds }: { runner: string; now: Date; leaseMs: number; kinds: readonly string[] }): Job | undefined {
  const at = now.getTime();
  return write((tx) => {
    for (;;) {
      const job = tx
        .select()
        .from(jobs)
        .where(
          and(
            inArray(jobs.kind, [...kinds]),
            or(and(eq(jobs.state, 'queued'), lte(jobs.runAt, now)), and(eq(jobs.state, 'running'), lt(jobs.leaseUntil, now))),
            sql`(${jobs.host} is null or (
              not exists (select 1 from jobs busy where busy.host = ${jobs.host} and busy.state = 'running'
                          and busy.lease_until >= ${at} and busy.id <> ${jobs.id})
              and not exists (select 1 from fetch_hosts h where h.host = ${jobs.host} and h.backoff_until > ${at})))`,
          ),
        )
        .orderBy(asc(jobs.runAt), asc(jobs.id))
        .limit(1)
        .get();
      if (!job) return undefined;
      if (job.state === 'running' && job.attempts >= job.maxAttempts) {
        tx.update(jobs)
          .set({ state: 'failed', leasedBy: null, leaseUntil: null, finishedAt: now, lastError: 'The process running it stopped before it finished.' })
          .where(eq(jobs.id, job.id))
          .run();
        continue;
      }
      return tx
        .update(jobs)
        .set({ state: 'running', leasedBy: runner, leaseUntil: new Date(at + leaseMs), attempts: job.attempts + 1 })
        .where(eq(jobs.id, job.id))
        .returning()
        .get();
    }
  }, 'nothing');
}

/** The lease a claimed job is held by: its runner and attempt, so a runner whose lease was taken over cannot finish it. */
const held = (job: Pick<Job, 'id' | 'leasedBy' | 'attempts'>) =>
  and(eq(jobs.id, job.id), eq(jobs.state, 'running'), eq(jobs.leasedBy, job.leasedBy ?? ''), eq(jobs.attempts, job.attempts));

export class LeaseLostError extends Error {
  constructor(id: number) {
    super(`Job ${id} was taken over by another runner after its lease ran out; this run's work was rolled back.`);
    this.name = 'LeaseLostError';
  }
}

/**
 * Marks a claimed job done inside the transaction that writes its result: the result and
 * "done" commit together or not at all, so a job killed before the commit runs again and
 * one killed after it never does. Throws LeaseLostError (rolling the result back) when
 * another runner has claimed the job since.
 */
export function finishJob(tx: Tx, job: Job, now: Date): void {
  const done = tx.update(jobs).set({ state: 'done', leaseUntil: null, finishedAt: now }).where(held(job)).run();
  if (done.changes === 0) throw new LeaseLostError(job.id);
}

/** Keeps the leases of jobs this runner is still working on (a heartbeat); returns how many it still held. */
export function extendLeases({ held: running, until }: { held: Job[]; until: Date }): number {
  if (running.length === 0) return 0;
  return write((tx) => running.reduce((n, job) => n + tx.update(jobs).set({ leaseUntil: until }).where(held(job)).run().changes, 0), 'nothing');
}

/** Throws LeaseLostError unless the job is still held by the runner that claimed it. */
export function assertLease(tx: Tx, job: Job): void {
  if (!tx.select({ id: jobs.id }).from(jobs).where(held(job)).get()) throw new LeaseLostError(job.id);
}

/**
 * Records a failed attempt: queued again after an exponential backoff, or failed for good
 * once its attempts are used up or the error says retrying cannot help.
 */
export function failJob({ job, error, now, retry }: { job: Job; error: string; now: Date; retry: boolean }): JobState | null {
  return write((tx) => {
    const final = !retry || job.attempts >= job.maxAttempts;
    const values = final
      ? { state: 'failed' as const, finishedAt: now }
      : { state: 'queued' as const, runAt: new Date(now.getTime() + retryDelayMs(job.attempts)) };
    const changed = tx
      .update(jobs)
      .set({ ...values, lastError: error.slice(0, 2000), leasedBy: null, leaseUntil: null })
      .where(held(job))
      .run();
    return changed.changes > 0 ? values.state : null;
  }, 'nothing');
}

/** A failed (or waiting) job queued to run now with a fresh set of attempts. */
export function retryJob({ id, now }: { id: number; now: Date }): Job {
  return write((tx) => {
    const job = tx.select().from(jobs).where(eq(jobs.id, id)).get();
    if (!job) throw new AppError('not_found');
    if (job.state === 'running' || job.state === 'done') {
      throw new AppError('conflict', { message: job.state === 'running' ? 'This job is running now.' : 'This job has already finished.' });
    }
    if (job.state === 'failed' && job.key) {
      const open = tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(eq(jobs.key, job.key), inArray(jobs.state, ['queued', 'running'])))
        .get();
      if (open) throw new AppError('conflict', { message: 'The same work is already queued.' });
    }
    return tx.update(jobs).set({ state: 'queued', runAt: now, attempts: 0, finishedAt: null }).where(eq(jobs.id, id)).returning().get();
  });
}

// ---- hosts ----

/** A failed fetch from `host`: its jobs wait one minute, doubling with each failure in a row, up to six hours. */
export function recordHostFailure(tx: Tx, { host, error, now }: { host: string; error: string; now: Date }): void {
  const row = tx.select().from(fetchHosts).where(eq(fetchHosts.host, host)).get();
  const failures = (row?.failures ?? 0) + 1;
  const values = { failures, backoffUntil: new Date(now.getTime() + retryDelayMs(failures)), lastError: error.slice(0, 500) };
  tx.insert(fetchHosts).values({ host, ...values }).onConflictDoUpdate({ target: fetchHosts.host, set: values }).run();
}

/** A fetch from `host` that got an answer: no more backoff. */
export function recordHostSuccess(tx: Tx, host: string): void {
  tx.delete(fetchHosts).where(eq(fetchHosts.host, host)).run();
}

/** Whether `host` is backed off: its failures in a row, until when, and the last error; undefined when it is not. */
export function getHostBackoff(host: string) {
  return getDb().select().from(fetchHosts).where(eq(fetchHosts.host, host)).get();
}

// ---- the jobs page ----

const JOB_COLUMNS = {
  id: jobs.id,
  kind: jobs.kind,
  payload: jobs.payload,
  host: jobs.host,
  state: jobs.state,
  runAt: jobs.runAt,
  attempts: jobs.attempts,
  maxAttempts: jobs.maxAttempts,
  lastError: jobs.lastError,
  leaseUntil: jobs.leaseUntil,
  finishedAt: jobs.finishedAt,
};

/** What the jobs page shows: what runs now and next, what failed and why, what finished lately, and totals. */
export function getQueueOverview({ limit = 50 }: { limit?: number } = {}) {
  const db = getDb();
  const counts = Object.fromEntries(
    db.select({ state: jobs.state, n: count() }).from(jobs).groupBy(jobs.state).all().map((r) => [r.state, r.n]),
  ) as Partial<Record<JobState, number>>;
  const list = (state: JobState, order: 'next' | 'latest') =>
    db
      .select(JOB_COLUMNS)
      .from(jobs)
      .where(eq(jobs.state, state))
      .orderBy(...(order === 'next' ? [asc(jobs.runAt), asc(jobs.id)] : [desc(jobs.finishedAt), desc(jobs.id)]))
      .limit(limit)
      .all();
  const snapshots = db
    .select({
      count: count(),
      bytes: sql<number>`coalesce(sum(${sourceSnapshots.size}), 0)`,
      textBytes: sql<number>`coalesce(sum(length(cast(${sourceSnapshots.text} as blob))), 0)`,
      sources: sql<number>`count(distinct ${sourceSnapshots.sourceId})`,
    })
    .from(sourceSnapshots)
    .get()!;
  const hosts = db.select().from(fetchHosts).orderBy(desc(fetchHosts.backoffUntil)).limit(limit).all();
  return {
    counts,
    running: list('running', 'next'),
    queued: list('queued', 'next'),
    failed: list('failed', 'latest'),
    done: list('done', 'latest'),
    snapshots,
    hosts,
  };
}
