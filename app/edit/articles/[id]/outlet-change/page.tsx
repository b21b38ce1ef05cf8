import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/components/forms/action-button';
import { DiffView } from '@/components/diff-view';
import { getPendingRevision, listPendingRevisions } from '@/db/queries/watches';
import { formatDateTime, plural } from '@/lib/format';
import { parseId } from '@/lib/params';
import { diffRevisions, diffSummary, foldUnchanged } from '@/lib/revision-diff';
import { externalHref } from '@/lib/routes';
import { requirePageUser } from '@/lib/server/session';
import { acceptOutletChangeAction, dismissOutletChangeAction } from './actions';

export const metadata: Metadata = { title: 'Change by the outlet' };

/** The newest change the watch found on an article and not yet decided: its diff, the claims it moves, accept or dismiss. */
export default async function OutletChangePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser('editor');
  const articleId = parseId((await params).id);
  const newest = articleId ? listPendingRevisions({ articleId })[0] : undefined;
  const change = newest ? getPendingRevision({ id: newest.id }) : undefined;
  if (!change) notFound();
  const { pending, article, current, affected } = change;
  const diff = diffRevisions(current.body, pending.body);
  const summary = diffSummary(diff);
  const source = externalHref(pending.fetchedUrl);
  return (
    <div className="max-w-4xl">
      <p className="muted text-sm">
        <Link href={`/edit/articles/${article.id}`}>{article.title}</Link>
      </p>
      <h1 className="mb-2 text-2xl font-bold">The outlet changed this article</h1>
      <p className="mb-4">
        Found on <time dateTime={pending.detectedAt.toISOString()}>{formatDateTime(pending.detectedAt)}</time> at{' '}
        {source ? (
          <a href={source} rel="noopener noreferrer nofollow" className="break-all">
            {pending.fetchedUrl}
          </a>
        ) : (
          pending.fetchedUrl
        )}
        : {plural(summary.added, 'word')} added, {plural(summary.removed, 'word')} removed, compared with the text the claims were made on. Nothing
        changes until you accept it.
      </p>
      <section aria-labelledby="affected-heading" className="panel mb-6 rounded-lg p-4">
        <h2 id="affected-heading" className="font-semibold">
          Claims it would move
        </h2>
        {affected.length === 0 ? (
          <p className="mt-1 text-sm">None: every claim’s passage is unchanged.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {affected.map((c) => (
              <li key={c.id}>
                <Link href={`/edit/claims/${c.id}`}>{c.statement}</Link> —{' '}
                {c.outcome === 'lost' ? 'its passage is no longer in the text' : 'its passage was reworded'}: “{c.exact}”
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="mb-6 flex flex-wrap items-center gap-6">
        <ActionButton action={acceptOutletChangeAction} fields={{ pendingId: pending.id }} label="Accept the outlet’s change as a new revision">
          Accept as a new revision
        </ActionButton>
        <ActionButton action={dismissOutletChangeAction} fields={{ pendingId: pending.id }} label="Dismiss the outlet’s change">
          Dismiss
        </ActionButton>
      </div>
      <p className="muted mb-3 text-sm">
        <del className="line-through">Struck-through words</del> were removed by the outlet; <ins className="underline decoration-2">underlined words</ins>{' '}
        were added.
      </p>
      <DiffView items={foldUnchanged(diff)} />
    </div>
  );
}
