import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getPolicy, listPolicyHistory } from '@/db/queries/policies';
import { formatDate, isoDate } from '@/lib/format';
import { POLICY_INFO, isPolicyPage, policyHistoryPath, policyPath } from '@/lib/policies';
import { requirePageUser } from '@/lib/server/session';
import { PolicyForm } from './policy-form';

export const metadata: Metadata = { title: 'Policy page' };

type Props = { params: Promise<{ page: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditPolicyPage({ params, searchParams }: Props) {
  await requirePageUser('admin');
  const { page } = await params;
  if (!isPolicyPage(page)) notFound();
  const { saved } = await searchParams;
  const current = getPolicy({ page });
  const history = listPolicyHistory({ page });
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/edit/policies">All policy pages</Link>
      </p>
      <h1 className="text-2xl font-bold">{POLICY_INFO[page].title}</h1>
      {saved ? (
        <p role="status" className="max-w-lg rounded border border-green-700 p-2 text-sm">
          Published. Readers see this version now; the earlier one is kept in the history.
        </p>
      ) : null}
      <p className="muted text-sm">
        Public page: <Link href={policyPath(page)}>{policyPath(page)}</Link>
        {page === 'ratings' ? ' (the table of statuses below your text is drawn from the app’s own status list)' : ''}
      </p>
      <PolicyForm key={current.id} page={page} baseId={current.id} body={current.body} />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        <p className="muted text-sm">
          Readers see it too: <Link href={policyHistoryPath(page)}>{policyHistoryPath(page)}</Link>
        </p>
        <ol className="mt-2 space-y-1 text-sm">
          {history.map((v) => (
            <li key={v.id}>
              <time dateTime={isoDate(v.createdAt ?? 0)}>{formatDate(v.createdAt)}</time> · {v.author ?? 'Claimline (default text)'}
              {v.note ? ` · ${v.note}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
