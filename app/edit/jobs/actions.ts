'use server';

import { retryJob } from '@/db/queries/jobs';
import { action } from '@/lib/server/action';
import { wakeJobRunner } from '@/lib/server/jobs';
import { retryJobSchema } from './schema';

export const retryJobAction = action({
  role: 'admin',
  schema: retryJobSchema,
  run: ({ jobId }) => {
    const job = retryJob({ id: jobId, now: new Date() });
    wakeJobRunner();
    return job;
  },
  refresh: true,
  message: 'Queued to run now.',
});
