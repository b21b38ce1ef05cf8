import type { Metadata } from 'next';
import Link from 'next/link';
import { DemoLabel } from '@/components/demo-label';
import { listOpenReplies } from '@/db/queries/board';
import { formatDate } from '@/lib/format';
import { requirePageUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Right of reply' };

export default async function RepliesPage() {
  await requirePageUser('editor');
  const replies = listOpenReplies();
  return (
    <div>
      <h1 className="mb-2 text-2xl font-bold">Right of reply</h1>
      <p className="muted mb-4 text-sm">Open requests for comment, overdue first.</p>
      {replies.length === 0 ? <p>No open requests.</p> : null}
      <ul className="space-y-2">
        {replies.map((r) => (
          <li key={r.responseId} className="panel rounded p-3">
            <p>
              {r.overdue ? <strong className="text-red-700 dark:text-red-300">Overdue · </strong> : null}
              <strong>{r.partyName}</strong>
              {r.requestedAt ? ` asked ${formatDate(r.requestedAt)}` : ''}
              {r.deadlineAt ? ` · reply due ${formatDate(r.deadlineAt)}` : ' · no deadline'}
            </p>
            <p className="text-sm">
              <Link href={`/edit/claims/${r.claimId}`}>{r.statement}</Link>
              {r.demo ? <DemoLabel className="ml-2" /> : null}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
