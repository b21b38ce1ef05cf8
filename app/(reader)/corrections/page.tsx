import type { Metadata } from 'next';
import Link from 'next/link';
import { DemoLabel } from '@/components/demo-label';
import { connection } from 'next/server';
import { StatusBadge } from '@/components/status-badge';
import { listCorrections } from '@/db/queries/corrections';
import { describeEvent, eventNote } from '@/lib/events';
import { formatDate, isoDate } from '@/lib/format';
import { claimPath } from '@/lib/routes';
import { cached, tags } from '@/lib/server/cache';

export const metadata: Metadata = {
  title: 'Corrections',
  description: 'Every change to a published verdict, with the date and the reason.',
};

export default async function CorrectionsPage() {
  await connection();
  const corrections = cached('corrections', [tags.lists], () => listCorrections());
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">Corrections</h1>
      <p className="muted mt-1 mb-6">When we change a verdict after publishing it, the change and its reason are listed here.</p>
      {corrections.length === 0 ? <p>No published verdict has been corrected.</p> : null}
      <ol className="space-y-4">
        {corrections.map((c) => (
          <li key={c.id} className="panel rounded-lg p-4">
            <p className="muted text-sm">
              <time dateTime={isoDate(c.at)}>{formatDate(c.at)}</time> · {c.articleTitle}
              {c.demo ? <DemoLabel className="ml-2" /> : null}
            </p>
            <p className="mt-1 font-semibold">
              <Link href={claimPath(c)}>{c.statement}</Link>
            </p>
            <p className="mt-1 text-sm">
              {describeEvent('corrected', c.before, c.after)} · now <StatusBadge status={c.status} />
            </p>
            {eventNote('corrected', c.after) ? <p className="mt-2">{eventNote('corrected', c.after)}</p> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
