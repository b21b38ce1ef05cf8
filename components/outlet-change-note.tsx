import Link from 'next/link';
import { formatDate, isoDate } from '@/lib/format';
import { articleChangesPath } from '@/lib/routes';

export type OutletChange = { detectedAt: Date; from: number; to: number | null };

/** "The outlet changed this article on <date>, after our check — see changes": a change its watch found, accepted by an editor. */
export function OutletChangeNote({ article, change }: { article: { slug: string }; change: OutletChange | null }) {
  if (!change?.to) return null;
  return (
    <p className="mt-2 text-sm font-semibold">
      The outlet changed this article on <time dateTime={isoDate(change.detectedAt)}>{formatDate(change.detectedAt)}</time>, after our check —{' '}
      <Link href={articleChangesPath(article, { from: change.from, to: change.to })}>see changes</Link>
    </p>
  );
}
