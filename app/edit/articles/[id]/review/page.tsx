import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StatusBadge } from '@/components/status-badge';
import { DiffPartMark } from '@/components/diff-part';
import { listAnchorsNeedingReview, statementAfterAcceptedPassage } from '@/db/queries/anchor-review';
import { getArticleForRevision } from '@/db/queries/revisions';
import { plural } from '@/lib/format';
import { parseId } from '@/lib/params';
import { quoted } from '@/lib/quotes';
import { articleChangesPath, articlePath } from '@/lib/routes';
import { requirePageUser } from '@/lib/server/session';
import { ReviewForms } from './review-forms';
import { RESOLVED } from './schema';

export const metadata: Metadata = { title: 'Needs review' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[]; claim?: string | string[] }> };

export default async function ReviewPage({ params, searchParams }: Props) {
  await requirePageUser('editor');
  const id = parseId((await params).id);
  const article = id ? getArticleForRevision({ id }) : undefined;
  if (!article) notFound();
  const claims = listAnchorsNeedingReview({ articleId: article.id });
  const { anchored, fuzzy, orphaned, removed } = article.anchors;
  const { done, claim } = await searchParams;
  const resolved = typeof done === 'string' && Object.hasOwn(RESOLVED, done) ? RESOLVED[done as keyof typeof RESOLVED] : null;
  // After accepting a changed passage: does the claim's statement still say the old words?
  const claimId = done === 'accepted' && typeof claim === 'string' ? parseId(claim) : null;
  const accepted = claimId ? statementAfterAcceptedPassage({ claimId }) : undefined;
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
          {accepted && accepted.staleWords.length > 0 ? (
            <>
              {' '}
              <strong>
                Its statement still says <StaleWords words={accepted.staleWords} />:
              </strong>{' '}
              <Link href={statementEditor(accepted)}>update the statement</Link> ({quoted(accepted.statement)}).
            </>
          ) : null}
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
              {c.changes ? (
                <div className="mt-3">
                  <h3 className="text-sm font-semibold">What changed</h3>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 font-serif">
                    <dt className="font-sans text-sm">Before</dt>
                    <dd>
                      {c.changes.filter((p) => p.change !== 'added').map((part, i) => (
                        <DiffPartMark key={i} part={part} />
                      ))}
                    </dd>
                    <dt className="font-sans text-sm">Now</dt>
                    <dd>
                      {c.changes.filter((p) => p.change !== 'removed').map((part, i) => (
                        <DiffPartMark key={i} part={part} />
                      ))}
                    </dd>
                  </dl>
                  {c.changes.every((p) => p.change === 'same') ? (
                    <p className="muted mt-1 text-sm">The same words: only spacing or the text around them moved.</p>
                  ) : null}
                </div>
              ) : null}
              {c.staleWords.length > 0 ? (
                <p className="mt-3 rounded border border-amber-700 p-2 text-sm">
                  The claim’s statement still says <StaleWords words={c.staleWords} />, which the new passage no longer
                  does. After accepting, <Link href={statementEditor(c)}>update the statement</Link>.
                </p>
              ) : null}
              <ReviewForms
                claim={{ articleId: article.id, claimId: c.id, appearanceId: c.appearanceId, version: c.version }}
                proposal={c.proposal}
                published={c.published}
              />
            </section>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The claim editor, open on the claim, in the claim's own article. */
const statementEditor = (claim: { id: number; articleId: number }) => `/edit/articles/${claim.articleId}?claim=${claim.id}`;

/** Words of an old quote, quoted and joined: “April” and “2021”. */
function StaleWords({ words }: { words: string[] }) {
  return words.map((w, i) => (
    <span key={w}>
      {i > 0 ? (i === words.length - 1 ? ' and ' : ', ') : null}{quoted(w)}
    </span>
  ));
}
