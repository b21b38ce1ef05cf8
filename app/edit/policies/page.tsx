import type { Metadata } from 'next';
import Link from 'next/link';
import { getPolicy } from '@/db/queries/policies';
import { formatDate } from '@/lib/format';
import { POLICY_INFO, POLICY_PAGES } from '@/lib/policies';
import { requirePageUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Policy pages' };

export default async function PoliciesPage() {
  await requirePageUser('admin');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Policy pages</h1>
      <p className="muted max-w-2xl">
        What readers and fact-checking assessors read about how the newsroom works. Each save publishes a new version and keeps the old ones.
      </p>
      <ul className="space-y-3">
        {POLICY_PAGES.map((page) => {
          const current = getPolicy({ page });
          return (
            <li key={page} className="panel max-w-2xl rounded-lg p-3">
              <Link href={`/edit/policies/${page}`} className="font-semibold">
                {POLICY_INFO[page].title}
              </Link>
              <p className="muted text-sm">
                {POLICY_INFO[page].summary} {current.createdAt ? `Last changed ${formatDate(current.createdAt)}.` : 'Default text.'}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
