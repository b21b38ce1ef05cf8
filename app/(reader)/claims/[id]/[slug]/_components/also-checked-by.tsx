import { formatDate, isoDate } from '@/lib/format';
import { externalHref } from '@/lib/routes';

type Review = { id: number; organisation: string; rating: string; reviewUrl: string; datePublished: Date | null };

/** Other fact-checkers' ratings of the same claim, as they published them: theirs, not ours. */
export function AlsoCheckedBy({ reviews }: { reviews: Review[] }) {
  if (reviews.length === 0) return null;
  return (
    <section aria-labelledby="also-checked-heading" className="mt-8">
      <h2 id="also-checked-heading" className="text-lg font-semibold">
        Other fact-checkers
      </h2>
      <ul className="mt-2 space-y-1">
        {reviews.map((r) => {
          const href = externalHref(r.reviewUrl);
          return (
            <li key={r.id}>
              Also checked by <strong>{r.organisation}</strong>: {href ? <a href={href} rel="noopener noreferrer nofollow">{r.rating}</a> : r.rating}
              {r.datePublished ? (
                <span className="muted">
                  {' '}
                  (<time dateTime={isoDate(r.datePublished)}>{formatDate(r.datePublished)}</time>)
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p className="muted mt-1 text-sm">Their ratings are their own and do not change this page’s status.</p>
    </section>
  );
}
