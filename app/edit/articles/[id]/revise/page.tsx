import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getArticleForRevision } from '@/db/queries/revisions';
import { formatDate, plural } from '@/lib/format';
import { parseId } from '@/lib/params';
import { requirePageUser } from '@/lib/server/session';
import { WatchStatus } from '../outlet-change/watch-status';
import { RevisionForms } from './revision-form';

export const metadata: Metadata = { title: 'New revision' };

export default async function NewRevisionPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser('editor');
  const id = parseId((await params).id);
  const article = id ? getArticleForRevision({ id }) : undefined;
  if (!article) notFound();
  return (
    <div className="max-w-4xl">
      <p className="muted text-sm">
        <Link href={`/edit/articles/${article.id}`}>{article.title}</Link> · {plural(article.revisionCount, 'revision')}, latest{' '}
        {formatDate(article.revisedAt)}
      </p>
      <h1 className="mb-2 text-2xl font-bold">New revision</h1>
      <WatchStatus articleId={article.id} />
      <p className="mb-4 text-sm">
        When the outlet corrects or updates the article, record its new text here. The earlier text is kept. Every claim
        is found again in the new text: claims whose passage changed or disappeared are listed for review.
      </p>
      <RevisionForms articleId={article.id} revisionId={article.revisionId!} body={article.body} url={article.canonicalUrl} />
    </div>
  );
}
