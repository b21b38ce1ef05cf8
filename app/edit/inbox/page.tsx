import type { Metadata } from 'next';
import Link from 'next/link';
import { DemoLabel } from '@/components/demo-label';
import { StatusBadge } from '@/components/status-badge';
import { inboxFor } from '@/db/queries/board';
import { formatDate } from '@/lib/format';
import { requirePageUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Inbox' };

export default async function InboxPage() {
  const me = await requirePageUser('editor');
  const inbox = inboxFor({ userId: me.id });
  const section = (id: string, title: string, empty: string, items: React.ReactNode[]) => (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title} <span className="muted">({items.length})</span>
      </h2>
      {items.length ? <ul className="space-y-2">{items}</ul> : <p className="muted">{empty}</p>}
    </section>
  );
  const claimItem = (c: (typeof inbox.assigned)[number]) => (
    <li key={c.id}>
      <StatusBadge status={c.status} /> <Link href={`/edit/claims/${c.id}`}>{c.statement}</Link>
      <span className="muted text-sm"> · {c.articleTitle}</span>
      {c.demo ? <DemoLabel className="ml-2" /> : null}
    </li>
  );
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">Inbox</h1>
      {section('assigned', 'Assigned to you', 'Nothing assigned to you.', inbox.assigned.map(claimItem))}
      {section('review', 'Waiting for your review', 'No verdicts waiting for you.', inbox.toReview.map(claimItem))}
      {section(
        'overdue',
        'Replies past their deadline',
        'No overdue replies on your claims.',
        inbox.overdue.map((r) => (
          <li key={r.responseId}>
            <strong>{r.partyName}</strong> was due {formatDate(r.deadlineAt)} — <Link href={`/edit/claims/${r.claimId}`}>{r.statement}</Link>
          </li>
        )),
      )}
    </div>
  );
}
