import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StatusBadge } from '@/components/status-badge';
import { listAnchorsNeedingReview } from '@/db/queries/anchor-review';
import { getArticleForRevision } from '@/db/queries/revisions';
import { plural } from '@/lib/format';
import { parseId } from '@/lib/params';
import { articleChangesPath, articlePath } from '@/lib/routes';
import { requirePageUser } from '@/lib/server/session';
import { ReviewForms } from './review-forms';
import { RESOLVED } from './schema';

export const metadata: Metadata = { title: 'Needs review' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> };

export default async function ReviewPage({ params, searchParams }: Props) {
  await requirePageUser('editor');
  const id = parseId((await params).id);
  const article = id ? getArticleForRevision({ id }) : undefined;
  if (!article) notFound();
  const claims = listAnchorsNeedingReview({ articleId: article.id });
  const { anchored, fuzzy, orphaned, removed } = article.anchors;
  const { done } = await searchParams;
  const resolved = typeof done === 'string' && Object.hasOwn(RESOLVED, done) ? RESOLVED[done as keyof typeof RESOLVED] : null;
  return (
    <div>
      <p className="muted text-sm">
        <Link href={`/edit/articles/${article.id}`}>{article.title}</Link> · <Link href={articlePath(article)}>public page</Link>
        {article.revisionCount > 1 ? (
          <>
            {' '}
            · <Link href={articleChangesPath(article)}>what changed</Link>
          </>
        ) : null}{' '}
        · <Link href={`/edit/articles/${article.id}/revise`}>new revision</Link>
      </p>
      <h1 className="mb-2 text-2xl font-bold">Needs review</h1>
      {resolved ? (
        <p role="status" className="mb-4 rounded border border-green-700 p-2 text-sm">
          {resolved}
        </p>
      ) : null}
      <p role="status" className="mb-6">
        {plural(anchored, 'claim')} found in the current text · {fuzzy} with a changed passage · {orphaned} with a lost
        passage{removed ? ` · ${removed} marked as removed` : ''}
      </p>
      {claims.length === 0 ? <p className="muted">Nothing to review: every claim is anchored in the current text.</p> : null}
      <ul className="space-y-6">
        {claims.map((c) => (
          <li key={`${c.id}-${c.appearanceId ?? ''}`}>
            <section aria-labelledby={`review-${c.id}-${c.appearanceId ?? ''}`} className="panel rounded-lg p-4">
              <h2 id={`review-${c.id}-${c.appearanceId ?? ''}`} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
                <StatusBadge status={c.status} /> {c.statement}
              </h2>
              {c.appearanceId ? (
                <p className="muted text-sm">A claim first recorded in another article, repeated in this one.</p>
              ) : null}
              <p className="mt-1 text-sm font-semibold text-amber-800 dark:text-amber-300">
                {c.anchorState === 'fuzzy'
                  ? `Passage changed (match ${Math.round((c.score ?? 0) * 100)}%)`
                  : 'Passage not found in the new text'}
              </p>
              <div className="mt-3 grid gap-4 md:grid-cols-2">
                <div>
                  <h3 className="text-sm font-semibold">Recorded quote</h3>
                  <blockquote className="mt-1 border-l-4 border-[var(--rule)] pl-3 font-serif">{c.oldQuote}</blockquote>
                </div>
                <div>
                  <h3 className="text-sm font-semibold">{c.anchorState === 'fuzzy' ? 'Proposed passage in the new text' : 'Last known passage (old text)'}</h3>
                  <p className="mt-1 border-l-4 border-[var(--rule)] pl-3 font-serif">
                    {c.context.clippedStart ? '…' : ''}
                    {c.context.before}
                    <mark>{c.context.exact}</mark>
                    {c.context.after}
                    {c.context.clippedEnd ? '…' : ''}
                  </p>
                </div>
              </div>
              <ReviewForms
                claim={{ articleId: article.id, claimId: c.id, appearanceId: c.appearanceId, version: c.version }}
                proposed={c.anchorState === 'fuzzy'}
                published={c.published}
              />
            </section>
          </li>
        ))}
      </ul>
    </div>
  );
}
