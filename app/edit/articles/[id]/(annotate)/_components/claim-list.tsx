'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { StatusBadge } from '@/components/status-badge';
import { ANCHOR_STATE_LABELS, type AnchorState } from '@/lib/anchor';
import { plural } from '@/lib/format';
import type { Status } from '@/lib/status';

export type ListedClaim = {
  id: number;
  number: number;
  statement: string;
  status: Status;
  published: boolean;
  withdrawn: boolean;
  own: boolean;
  anchorState: AnchorState;
};

/**
 * Every claim of the article in text order. It sits in the layout, so opening
 * a claim (a change of search params) does not send the list again; the open
 * claim is marked from the URL in the browser.
 */
export function ClaimList({ articleId, claims }: { articleId: number; claims: ListedClaim[] }) {
  const selectedId = Number(useSearchParams().get('claim'));
  return (
    <section aria-labelledby="claims-heading">
      <h2 id="claims-heading" className="mb-2 text-lg font-semibold">
        {plural(claims.length, 'claim')} in this article
      </h2>
      <ol className="space-y-2">
        {claims.map((c) => (
          <li key={`${c.id}-${c.own}`} className="flex items-start gap-2 text-sm">
            <span className="font-bold">{c.number}.</span>
            <StatusBadge status={c.status} />
            <Link
              href={`/edit/articles/${articleId}?claim=${c.id}`}
              scroll={false}
              // Two hundred links would each be prefetched as they scroll by; a click fetches the panel anyway.
              prefetch={false}
              aria-current={c.id === selectedId ? 'true' : undefined}
              className={c.id === selectedId ? 'font-semibold' : ''}
            >
              {c.statement}
            </Link>
            <span className="muted">
              {c.withdrawn ? '(withdrawn)' : c.published ? '' : '(draft)'}
              {c.own ? '' : ' (also in another article)'}
              {c.anchorState !== 'anchored' ? ` (${ANCHOR_STATE_LABELS[c.anchorState]})` : ''}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
