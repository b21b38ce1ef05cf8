import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db';
import { claimJob, enqueue, finishJob, getQueueOverview, LeaseLostError, retryJob } from '@/db/queries/jobs';
import { write } from '@/db/queries/tx';
import { fetchHosts, jobs, meta } from '@/db/schema';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { retryDelayMs } from '@/lib/jobs';
import { createRunner, JobError, jobHandler, type Handlers } from './runner';

let file: string;
let clock: number;
const now = () => new Date(clock);
const minutes = (n: number) => n * 60_000;
beforeEach(() => {
  file = useFreshDatabase();
  clock = Date.UTC(2026, 10, 30, 9, 0);
});
afterEach(() => removeDatabase(file));

const jobRow = (id: number) => getDb().select().from(jobs).where(eq(jobs.id, id)).get()!;
const allJobs = () => getDb().select().from(jobs).orderBy(jobs.id).all();
const quiet = () => {};

/** A handler that writes one row per run into `meta`, so a second run of the same job would show. */
const counting = (fail: (attempt: number) => Error | null = () => null): Handlers => ({
  count: jobHandler({
    schema: z.object({ name: z.string() }),
    async run({ name }, context) {
      const error = fail(context.job.attempts);
      if (error) throw error;
      context.commit((tx) => {
        tx.insert(meta).values({ key: `ran:${name}:${context.job.attempts}`, value: '1' }).run();
        return [];
      });
    },
  }),
});
const runs = () => getDb().select().from(meta).all().filter((r) => r.key.startsWith('ran:'));

describe('the job queue', () => {
  it('retries a failing job after one minute, then two, four… and gives up after its attempts with the last error kept', async () => {
    const runner = createRunner({ handlers: counting(() => new Error('The site answered 503')), now, log: quiet });
    enqueue({ kind: 'count', payload: { name: 'a' }, runAt: now(), maxAttempts: 4 });
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await runner.runDue()).toBe(1);
      const job = allJobs()[0]!;
      if (attempt < 4) {
        expect(job.state).toBe('queued');
        waits.push(job.runAt.getTime() - clock);
        // Not a moment early.
        clock = job.runAt.getTime() - 1;
        expect(await runner.runDue()).toBe(0);
        clock += 1;
      } else {
        expect(job).toMatchObject({ state: 'failed', attempts: 4, lastError: 'The site answered 503' });
      }
    }
    expect(waits).toEqual([minutes(1), minutes(2), minutes(4)]);
    expect(retryDelayMs(20)).toBe(6 * 60 * minutes(1));
    expect(runs()).toHaveLength(0);
  });

  it('does not retry an error the handler says another attempt cannot fix', async () => {
    const runner = createRunner({ handlers: counting(() => new JobError('The page is gone.', false)), now, log: quiet });
    enqueue({ kind: 'count', payload: { name: 'a' }, runAt: now() });
    await runner.runDue();
    expect(allJobs()[0]).toMatchObject({ state: 'failed', attempts: 1, lastError: 'The page is gone.' });
  });

  it('refuses a payload its handler does not accept, without running it', async () => {
    const runner = createRunner({ handlers: counting(), now, log: quiet });
    enqueue({ kind: 'count', payload: { name: 42 }, runAt: now() });
    await runner.runDue();
    expect(allJobs()[0]!.state).toBe('failed');
    expect(allJobs()[0]!.lastError).toMatch(/payload/);
    expect(runs()).toHaveLength(0);
  });

  it('queues one job per key while it is open, and again once it has finished', async () => {
    const runner = createRunner({ handlers: counting(), now, log: quiet });
    const job = { kind: 'count', payload: { name: 'a' }, key: 'count:a', runAt: now() };
    expect(enqueue(job)).toBe(true);
    expect(enqueue(job)).toBe(false);
    await runner.runDue();
    expect(enqueue(job)).toBe(true);
    expect(allJobs().map((j) => j.state)).toEqual(['done', 'queued']);
  });

  it('gives a job whose runner died to another runner once the lease runs out, and the first runner cannot finish it', async () => {
    enqueue({ kind: 'count', payload: { name: 'a' }, runAt: now() });
    const first = claimJob({ runner: 'killed', now: now(), leaseMs: minutes(1), kinds: ['count'] })!;
    expect(claimJob({ runner: 'other', now: now(), leaseMs: minutes(1), kinds: ['count'] })).toBeUndefined();
    clock += minutes(1) + 1;
    const runner = createRunner({ handlers: counting(), now, log: quiet });
    expect(await runner.runDue()).toBe(1);
    expect(jobRow(first.id)).toMatchObject({ state: 'done', attempts: 2 });
    // The first run comes back to life and tries to save its result: refused, rolled back.
    expect(() =>
      write((tx) => {
        tx.insert(meta).values({ key: 'ran:late', value: '1' }).run();
        finishJob(tx, first, now());
      }),
    ).toThrow(LeaseLostError);
    expect(runs().map((r) => r.key)).toEqual(['ran:a:2']);
  });

  it('fails a job for good when every attempt died with its process', () => {
    enqueue({ kind: 'count', payload: { name: 'a' }, runAt: now(), maxAttempts: 2 });
    for (let i = 0; i < 2; i++) {
      expect(claimJob({ runner: `dies-${i}`, now: now(), leaseMs: 1000, kinds: ['count'] })).toBeDefined();
      clock += 1001;
    }
    expect(claimJob({ runner: 'next', now: now(), leaseMs: 1000, kinds: ['count'] })).toBeUndefined();
    expect(allJobs()[0]).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/stopped/) });
  });

  it('runs one job per host at a time and none of a host that is backed off', () => {
    for (const name of ['a', 'b']) enqueue({ kind: 'count', payload: { name }, host: 'slow.example', runAt: now() });
    enqueue({ kind: 'count', payload: { name: 'c' }, host: 'other.example', runAt: now() });
    const claim = () => claimJob({ runner: 'r', now: now(), leaseMs: minutes(1), kinds: ['count'] })?.payload;
    expect([claim(), claim(), claim()]).toEqual([{ name: 'a' }, { name: 'c' }, undefined]);
    getDb().insert(fetchHosts).values({ host: 'later.example', failures: 3, backoffUntil: new Date(clock + minutes(10)) }).run();
    enqueue({ kind: 'count', payload: { name: 'd' }, host: 'later.example', runAt: now() });
    expect(claim()).toBeUndefined();
    clock += minutes(10) + 1;
    // The leases of 'a' and 'c' ran out meanwhile (their runner died): 'a' is due again first.
    expect(claim()).toEqual({ name: 'a' });
  });

  it('lets an admin retry a failed job, once, and says what the jobs page shows', async () => {
    let refusals = 1;
    const runner = createRunner({ handlers: counting(() => (refusals-- > 0 ? new JobError('Refused.', false) : null)), now, log: quiet });
    enqueue({ kind: 'count', payload: { name: 'a' }, key: 'count:a', runAt: now() });
    await runner.runDue();
    const failed = allJobs()[0]!;
    expect(getQueueOverview().failed.map((j) => j.lastError)).toEqual(['Refused.']);
    retryJob({ id: failed.id, now: now() });
    expect(() => retryJob({ id: failed.id, now: now() })).not.toThrow(); // queued again: still retryable, runs now
    await runner.runDue();
    expect(jobRow(failed.id).state).toBe('done');
    expect(() => retryJob({ id: failed.id, now: now() })).toThrow(/already finished/);
    expect(getQueueOverview()).toMatchObject({ counts: { done: 1 }, snapshots: { count: 0, bytes: 0 } });
  });

  it('gives every job to exactly one of several processes polling the same file at once', async () => {
    for (let i = 0; i < 90; i++) enqueue({ kind: 'count', payload: { name: `job ${i}` }, runAt: now() });
    const { closeDb } = await import('@/db');
    closeDb();
    const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const worker = path.join(__dirname, '..', '..', 'testing', 'claim-worker.ts');
    const claimed = await Promise.all(
      [0, 1, 2].map(async (n) => {
        const { stdout } = await promisify(execFile)(tsx, ['--conditions=react-server', worker, `worker-${n}`, String(clock)], {
          env: { ...process.env, DATABASE_PATH: file },
        });
        return JSON.parse(stdout) as number[];
      }),
    );
    const all = claimed.flat().sort((a, b) => a - b);
    expect(all).toEqual(allJobs().map((j) => j.id));
    expect(new Set(all).size).toBe(90);
    // They did race: more than one process got jobs.
    expect(claimed.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
    expect(allJobs().every((j) => j.state === 'done' && j.attempts === 1)).toBe(true);
    for (const n of [0, 1, 2]) fs.rmSync(`${file}.ready-worker-${n}`, { force: true });
  }, 60_000);
});
