import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PolicyText } from '@/components/policy-text';
import { formatDate, isoDate } from '@/lib/format';
import { POLICY_INFO, isPolicyPage, policyPath } from '@/lib/policies';
import { readPolicyHistory } from '@/lib/server/reader';

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await params;
  if (!isPolicyPage(page)) return {};
  return { title: `${POLICY_INFO[page].title}: earlier versions`, robots: { index: false } };
}

export default async function PolicyHistoryPage({ params }: Props) {
  await connection();
  const { page } = await params;
  if (!isPolicyPage(page)) notFound();
  const versions = readPolicyHistory(page);
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href={policyPath(page)}>{POLICY_INFO[page].title}</Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">Earlier versions</h1>
      <p className="muted mt-1 mb-6">Every version of this page since it was first published, newest first.</p>
      {versions.length === 0 ? <p>This page has not been changed.</p> : null}
      <ol className="space-y-4" aria-label="Versions">
        {versions.map((v, i) => (
          <li key={v.id} className="panel rounded-lg p-4">
            <details open={i === 0}>
              <summary className="cursor-pointer">
                <time dateTime={isoDate(v.createdAt ?? 0)}>{formatDate(v.createdAt)}</time>
                {i === 0 ? ' (current)' : ''}
                {v.note ? ` · ${v.note}` : ''}
              </summary>
              <div className="mt-3">
                <PolicyText markdown={v.body} />
              </div>
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
