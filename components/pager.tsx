import Link from 'next/link';
import type { PageWindow } from '@/lib/paging';

/** Page numbers around the current one, with the first and last always there; null marks a gap. */
function numbersAround(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return shown.flatMap((p, i) => (i > 0 && p - shown[i - 1]! > 1 ? [null, p] : [p]));
}

/**
 * Links to the other pages of a list: previous, numbers, next. Plain links (no script), each
 * with an address of its own; `rel` prev and next where the list is the page's main one.
 */
export function Pager({ window: w, href, label, rel = true }: { window: PageWindow; href: (page: number) => string; label: string; rel?: boolean }) {
  if (w.pages <= 1) return null;
  const link = 'inline-block min-w-11 rounded px-2 py-2 text-center';
  return (
    <nav aria-label={label} className="mt-6">
      <ul className="flex flex-wrap items-center gap-1">
        <li>
          {w.page > 1 ? (
            <Link href={href(w.page - 1)} rel={rel ? 'prev' : undefined} prefetch={false} className={link}>
              Previous
            </Link>
          ) : null}
        </li>
        {numbersAround(w.page, w.pages).map((p, i) =>
          p === null ? (
            <li key={`gap${i}`} aria-hidden="true" className="muted px-1">
              …
            </li>
          ) : (
            <li key={p}>
              {p === w.page ? (
                <span aria-current="page" className={`${link} font-bold`}>
                  <span className="sr-only">Page </span>
                  {p}
                </span>
              ) : (
                <Link href={href(p)} prefetch={false} className={link}>
                  <span className="sr-only">Page </span>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        <li>
          {w.page < w.pages ? (
            <Link href={href(w.page + 1)} rel={rel ? 'next' : undefined} prefetch={false} className={link}>
              Next
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}

/** Which items of a paged list this page shows, and in what order; nothing while the list fits one page. */
export function PagePosition({ window: w, order }: { window: PageWindow; order: string }) {
  if (w.pages <= 1) return null;
  return (
    <p className="muted -mt-2 mb-3 text-sm">
      {w.first}–{w.last} of {w.total}, {order} (page {w.page} of {w.pages})
    </p>
  );
}
