import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { startFixtureSite, type FixtureSite } from '@/lib/testing/fixture-site';
import { createRunner } from './runner';
import { handlers, scheduleDueWork } from '.';

/**
 * What the job tests share: a fixture site on loopback for the whole file, a fresh database per
 * test (with the demo when asked), and a clock the test moves by hand, read by the runner.
 */
export function jobsTestbed({ demo = false }: { demo?: boolean } = {}) {
  const bed = {
    site: undefined as unknown as FixtureSite,
    /** The test's database file. */
    file: '',
    clock: 0,
    /** What the runner logged: a job that fails logs a line. */
    logged: [] as string[],
    now: () => new Date(bed.clock),
    runner: () => createRunner({ handlers, now: bed.now, schedule: scheduleDueWork, log: (line) => bed.logged.push(line) }),
  };
  beforeAll(async () => {
    process.env.CLAIMLINE_FETCH_ALLOW_LOOPBACK = '1';
    bed.site = await startFixtureSite();
  });
  afterAll(() => bed.site.close());
  beforeEach(() => {
    bed.file = useFreshDatabase();
    if (demo) seedDemoOnFirstRun();
    bed.clock = Date.UTC(2026, 10, 30, 9, 0);
    bed.logged = [];
  });
  afterEach(() => removeDatabase(bed.file));
  return bed;
}
