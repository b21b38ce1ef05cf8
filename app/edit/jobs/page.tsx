import type { Metadata } from 'next';
import { ActionButton } from '@/components/forms/action-button';
import { getQueueOverview } from '@/db/queries/jobs';
import { formatDateTime, plural } from '@/lib/format';
import { describeJob } from '@/lib/jobs';
import { requirePageUser } from '@/lib/server/session';
import { retryJobAction } from './actions';

export const metadata: Metadata = { title: 'Jobs' };

type Row = ReturnType<typeof getQueueOverview>['queued'][number];

const size = (bytes: number) =>
  bytes < 1_000_000 ? `${Math.ceil(bytes / 1000).toLocaleString('en')} kB` : `${(bytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

function JobTable({ caption, rows, when, retry = false }: { caption: string; rows: Row[]; when: (row: Row) => Date | null; retry?: boolean }) {
  if (rows.length === 0) return null;
  return (
    <table className="mb-8 w-full text-left text-sm">
      <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b border-[var(--rule)]">
          <th className="py-2">Job</th>
          <th>Site</th>
          <th>When</th>
          <th>Attempts</th>
          <th>Last error</th>
          {retry ? <th>Action</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((job) => {
          const at = when(job);
          return (
            <tr key={job.id} className="border-b border-[var(--rule)] align-top">
              <td className="py-2">
                #{job.id} {describeJob(job.kind, job.payload)}
              </td>
              <td className="break-all">{job.host ?? '—'}</td>
              <td>{at ? <time dateTime={at.toISOString()}>{formatDateTime(at)}</time> : '—'}</td>
              <td>
                {job.attempts} of {job.maxAttempts}
              </td>
              <td className="max-w-xs break-words">{job.lastError ?? ''}</td>
              {retry ? (
                <td>
                  <ActionButton action={retryJobAction} fields={{ jobId: job.id }} label={`Retry job ${job.id}`}>
                    Retry
                  </ActionButton>
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export default async function JobsPage() {
  await requirePageUser('admin');
  const queue = getQueueOverview();
  const { snapshots } = queue;
  return (
    <div>
      <h1 className="mb-2 text-2xl font-bold">Jobs</h1>
      <p className="muted mb-6 max-w-2xl text-sm">
        Work the server does on its own: archiving sources when they are cited, checking that cited sources still answer, and looking for
        changes to articles imported from a web address. A failed attempt is tried again after one minute, then two, four and so on, at most six
        hours apart, until its attempts are used up. How often each is done, and how to change it: “Archived sources and watched articles” in
        docs/operations.md.
      </p>
      <dl className="panel mb-8 grid max-w-2xl grid-cols-2 gap-x-6 gap-y-1 rounded-lg p-4 text-sm sm:grid-cols-4">
        {(['running', 'queued', 'failed', 'done'] as const).map((state) => (
          <div key={state}>
            <dt className="muted capitalize">{state}</dt>
            <dd className="text-lg font-semibold">{(queue.counts[state] ?? 0).toLocaleString('en')}</dd>
          </div>
        ))}
        <div className="col-span-2 sm:col-span-4">
          <dt className="muted">Archived copies</dt>
          <dd>
            {plural(snapshots.count, 'copy', 'copies')} of {plural(snapshots.sources, 'source')}: {size(snapshots.bytes)} fetched, {size(snapshots.textBytes)} of text
            stored
          </dd>
        </div>
      </dl>
      {queue.counts.running || queue.counts.queued || queue.counts.failed || queue.counts.done ? null : <p className="mb-8">No jobs yet.</p>}
      <JobTable caption="Running now" rows={queue.running} when={(j) => j.leaseUntil} />
      <JobTable caption="Next" rows={queue.queued} when={(j) => j.runAt} retry />
      <JobTable caption="Failed" rows={queue.failed} when={(j) => j.finishedAt} retry />
      <JobTable caption="Done lately" rows={queue.done} when={(j) => j.finishedAt} />
      {queue.hosts.length > 0 ? (
        <table className="mb-8 w-full text-left text-sm">
          <caption className="mb-2 text-left text-lg font-semibold">Sites backed off</caption>
          <thead>
            <tr className="border-b border-[var(--rule)]">
              <th className="py-2">Site</th>
              <th>Failures in a row</th>
              <th>Not before</th>
              <th>Last error</th>
            </tr>
          </thead>
          <tbody>
            {queue.hosts.map((h) => (
              <tr key={h.host} className="border-b border-[var(--rule)]">
                <td className="py-2 break-all">{h.host}</td>
                <td>{h.failures}</td>
                <td>{h.backoffUntil ? formatDateTime(h.backoffUntil) : '—'}</td>
                <td>{h.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
