import 'server-only';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { withWriteLog } from '@/db/queries/invalidations';
import { assertLease, claimJob, extendLeases, failJob, finishJob } from '@/db/queries/jobs';
import type { Tx } from '@/db/queries/tx';
import { write } from '@/db/queries/tx';
import type { Job } from '@/db/schema';
import { invalidate } from '../cache';
import { purgeWritten } from '../purge';

/** A failure the handler understands: `retry: false` when another attempt cannot help (a page that is gone). */
export class JobError extends Error {
  constructor(
    message: string,
    readonly retry = true,
  ) {
    super(message);
    this.name = 'JobError';
  }
}

export type JobContext = {
  job: Job;
  now: () => Date;
  /**
   * Writes the job's result and marks it done in one BEGIN IMMEDIATE transaction; returns
   * the cache tags the result touched. Called at most once, after every slow step (fetching)
   * is over, so a crash before it leaves nothing behind and the job simply runs again.
   */
  commit: (write: (tx: Tx) => readonly string[]) => void;
  /** Writes something while the job goes on (e.g. a failure before a retry), if the job is still this runner's. */
  record: (write: (tx: Tx) => readonly string[]) => void;
};

export type JobHandler<S extends z.ZodType = z.ZodType> = {
  schema: S;
  run: (payload: z.infer<S>, context: JobContext) => Promise<void>;
};

export type Handlers = Record<string, JobHandler>;

/** A handler typed by its payload schema, for a Handlers map (the runner parses every payload with the schema first). */
export function jobHandler<S extends z.ZodType>(handler: JobHandler<S>): JobHandler {
  return handler as unknown as JobHandler;
}

export type RunnerOptions = {
  handlers: Handlers;
  /** The clock: tests pass their own, so retries and schedules run without waiting. */
  now?: () => Date;
  /** How long a claimed job is held before another runner may take it (longer than any handler's fetch timeout). */
  leaseMs?: number;
  /** Jobs one process runs at once (each of a different host). */
  concurrency?: number;
  /** Work to queue on every tick (due link checks, due article watches). */
  schedule?: (now: Date) => void;
  log?: (line: string) => void;
};

export type Runner = ReturnType<typeof createRunner>;

/**
 * The job runner of one process. Several processes may each run one on the same database:
 * jobs are claimed under a lease inside BEGIN IMMEDIATE (db/queries/jobs.ts), so each job
 * runs in one place at a time, and its result commits together with "done".
 */
export function createRunner({ handlers, now = () => new Date(), leaseMs = 60_000, concurrency = 2, schedule, log = console.warn }: RunnerOptions) {
  const id = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const kinds = Object.keys(handlers);
  const active = new Set<Promise<void>>();
  const working = new Map<number, Job>();

  async function execute(job: Job): Promise<void> {
    const handler = handlers[job.kind]!;
    let committed = false;
    const touched: string[] = [];
    const context: JobContext = {
      job,
      now,
      commit: (fn) => {
        if (committed) throw new Error('A job commits its result once.');
        touched.push(
          ...write((tx) => {
            const result = fn(tx);
            finishJob(tx, job, now());
            return result;
          }),
        );
        committed = true;
      },
      record: (fn) => {
        touched.push(
          ...write((tx) => {
            assertLease(tx, job);
            return fn(tx);
          }),
        );
      },
    };
    try {
      const payload = handler.schema.safeParse(job.payload);
      if (!payload.success) throw new JobError(`Its payload is not valid: ${payload.error.message}`, false);
      await handler.run(payload.data, context);
      if (!committed) context.commit(() => []);
    } catch (error) {
      if (committed) {
        log(`Job ${job.id} (${job.kind}) failed after its result was saved: ${String(error)}`);
      } else {
        const message = error instanceof Error ? error.message : String(error);
        const state = failJob({ job, error: message, now: now(), retry: !(error instanceof JobError) || error.retry });
        log(`Job ${job.id} (${job.kind}) attempt ${job.attempts} failed${state === 'failed' ? ' for good' : ''}: ${message}`);
      }
    }
    // Settles the job's logged writes with their tags (or none) for the other processes.
    await purgeWritten(touched, invalidate(touched));
  }

  /** Queues scheduled work, then claims due jobs until the slots are full or nothing is due; returns them running. */
  function fill(): Promise<void>[] {
    schedule?.(now());
    const batch: Promise<void>[] = [];
    while (active.size < concurrency) {
      const job = claimJob({ runner: id, now: now(), leaseMs, kinds });
      if (!job) break;
      working.set(job.id, job);
      // Its writes stay pending in the invalidation log until execute() names their tags.
      const running = withWriteLog(() => execute(job))
        .catch((error: unknown) => log(`Job ${job.id} (${job.kind}) could not be recorded: ${String(error)}`))
        .finally(() => {
          active.delete(running);
          working.delete(job.id);
        });
      active.add(running);
      batch.push(running);
    }
    return batch;
  }

  /** One poll that waits for the jobs it started; resolves with how many. */
  async function tick(): Promise<number> {
    const batch = fill();
    await Promise.all(batch);
    return batch.length;
  }

  /** Runs every job due at `now()` (and those they make due), one tick after another: for tests and scripts. */
  async function runDue(maxTicks = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxTicks; i++) {
      const started = await tick();
      total += started;
      if (started === 0) break;
    }
    return total;
  }

  let timer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  /** Polls every `intervalMs`; the function returned polls at once (after a job was queued in this process). */
  function start(intervalMs: number) {
    const poll = () => {
      try {
        fill();
      } catch (error) {
        log(`The job runner could not poll: ${String(error)}`);
      }
    };
    timer = setInterval(poll, intervalMs);
    timer.unref();
    // A job runs as long as its fetch takes: its lease is renewed while this process lives, so only
    // a process that died (or hung for a whole lease) gives its jobs up.
    heartbeat = setInterval(() => {
      try {
        extendLeases({ held: [...working.values()], until: new Date(now().getTime() + leaseMs) });
      } catch (error) {
        log(`The job runner could not renew its leases: ${String(error)}`);
      }
    }, Math.max(100, leaseMs / 3));
    heartbeat.unref();
    return poll;
  }

  async function stop() {
    clearInterval(timer);
    clearInterval(heartbeat);
    await Promise.all(active);
  }

  return { id, tick, runDue, start, stop };
}
