import Link from 'next/link';
import { formatDate, isoDate } from '@/lib/format';
import { articleChangesPath } from '@/lib/routes';
import { OutletChangeNote, type OutletChange } from '@/components/outlet-change-note';

/** "Revised on <date> — see changes" when the article has more than one revision. */
export function RevisionNote({ article }: { article: { slug: string; revisions: { createdAt: Date }[]; outletChange?: OutletChange | null } }) {
  const latest = article.revisions.length > 1 ? article.revisions.at(-1) : undefined;
  if (!latest) return null;
  if (article.outletChange?.to) return <OutletChangeNote article={article} change={article.outletChange} />;
  return (
    <p className="muted mt-2 text-sm">
      Revised on <time dateTime={isoDate(latest.createdAt)}>{formatDate(latest.createdAt)}</time> —{' '}
      <Link href={articleChangesPath(article)}>see changes</Link>
    </p>
  );
}
