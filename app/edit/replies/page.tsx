import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { DemoLabel } from '@/components/demo-label';
import { Pager } from '@/components/pager';
import { countOpenReplies, listOpenReplies } from '@/db/queries/board';
import { formatDate } from '@/lib/format';
import { pageHref, resolvePage } from '@/lib/paging';
import { requirePageUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Right of reply' };

const PATH = '/edit/replies';
// A newsroom with a hundred thousand claims has tens of thousands of open requests: one page of them.
const PAGE_SIZE = 50;

export default async function RepliesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('editor');
  const shown = resolvePage((await searchParams).page, countOpenReplies(), PAGE_SIZE);
  if (shown.redirect) redirect(pageHref(PATH, {}, 'page', shown.page));
  const replies = listOpenReplies({ limit: PAGE_SIZE, offset: shown.offset });
  return (
    <div>
      <h1 className="mb-2 text-2xl font-bold">Right of reply</h1>
      <p className="muted mb-4 text-sm">
        Open requests for comment, overdue first.
        {shown.pages > 1 ? ` ${shown.first}–${shown.last} of ${shown.total}.` : ''}
      </p>
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
      <Pager window={shown} label="Pages of requests" rel={false} href={(p) => pageHref(PATH, {}, 'page', p)} />
    </div>
  );
}
