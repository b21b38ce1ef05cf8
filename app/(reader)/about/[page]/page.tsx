import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PolicyText } from '@/components/policy-text';
import { PolicyNav } from '@/components/policy-nav';
import { RatingScale } from '@/components/rating-scale';
import { formatDate, isoDate } from '@/lib/format';
import { POLICY_INFO, isPolicyPage, policyHistoryPath } from '@/lib/policies';
import { readPolicy } from '@/lib/server/reader';

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await params;
  if (!isPolicyPage(page)) return {};
  return { title: POLICY_INFO[page].title, description: POLICY_INFO[page].summary };
}

export default async function PolicyPage({ params }: Props) {
  await connection();
  const { page } = await params;
  if (!isPolicyPage(page)) notFound();
  const policy = readPolicy(page);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">{POLICY_INFO[page].title}</h1>
      {policy.createdAt ? (
        <p className="muted mt-1 text-sm">
          Last changed <time dateTime={isoDate(policy.createdAt)}>{formatDate(policy.createdAt)}</time> ·{' '}
          <Link href={policyHistoryPath(page)}>Earlier versions</Link>
        </p>
      ) : null}
      <div className="mt-6">
        <PolicyText markdown={policy.body} />
      </div>
      {page === 'ratings' ? (
        <section aria-labelledby="scale-heading" className="mt-8">
          <h2 id="scale-heading" className="mb-3 text-lg font-semibold">
            The scale
          </h2>
          <RatingScale />
        </section>
      ) : null}
      <PolicyNav current={page} />
    </div>
  );
}
