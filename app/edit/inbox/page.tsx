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
  // The heading counts every item; past the first INBOX_LIMIT, a link leads to the rest.
  const section = (id: string, title: string, empty: string, items: React.ReactNode[], total: number, rest: { href: string; label: string }) => (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title} <span className="muted">({total})</span>
      </h2>
      {items.length ? <ul className="space-y-2">{items}</ul> : <p className="muted">{empty}</p>}
      {total > items.length ? (
        <p className="mt-2 text-sm">
          The first {items.length} of {total}. <Link href={rest.href}>{rest.label}</Link>
        </p>
      ) : null}
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
      {section('assigned', 'Assigned to you', 'Nothing assigned to you.', inbox.assigned.map(claimItem), inbox.assignedTotal, {
        href: '/edit/board?mine=1&view=table',
        label: 'All your claims on the board',
      })}
      {section('review', 'Waiting for your review', 'No verdicts waiting for you.', inbox.toReview.map(claimItem), inbox.toReviewTotal, {
        href: '/edit/board?state=ready_for_review&view=table',
        label: 'All claims ready for review on the board',
      })}
      {section(
        'overdue',
        'Replies past their deadline',
        'No overdue replies on your claims.',
        inbox.overdue.map((r) => (
          <li key={r.responseId}>
            <strong>{r.partyName}</strong> was due {formatDate(r.deadlineAt)} — <Link href={`/edit/claims/${r.claimId}`}>{r.statement}</Link>
          </li>
        )),
        inbox.overdueTotal,
        { href: '/edit/replies', label: 'Every open request, overdue first' },
      )}
    </div>
  );
}
