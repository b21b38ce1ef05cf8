import Link from 'next/link';
import type { listSourcesNeedingAttention } from '@/db/queries/snapshots';
import { SOURCE_CHECK_LABELS } from '@/lib/evidence';
import { formatDateTime, plural } from '@/lib/format';
import { externalHref } from '@/lib/routes';

type Props = { sources: ReturnType<typeof listSourcesNeedingAttention>; showClaims?: boolean };

/**
 * Cited sources whose address no longer answers as it did when cited (link checks,
 * lib/server/jobs/check.ts), on the workspace and on a claim's editor page.
 */
export function SourcesNeedingAttention({ sources, showClaims = true }: Props) {
  if (sources.length === 0) return null;
  // On a claim's editor page it sits inside the Sources region: a note there, not a region of its own.
  const Wrapper = showClaims ? 'section' : 'div';
  return (
    <Wrapper
      aria-labelledby={showClaims ? 'attention-heading' : undefined}
      role={showClaims ? undefined : 'note'}
      className="panel mb-6 rounded-lg border-l-4 border-l-amber-600 p-4"
    >
      {showClaims ? (
        <h2 id="attention-heading" className="font-semibold">
          Sources needing attention ({sources.length})
        </h2>
      ) : (
        <p className="font-semibold">
          {sources.length === 1 ? 'A source needs attention' : `${sources.length} sources need attention`}
        </p>
      )}
      <ul className="mt-2 space-y-2 text-sm">
        {sources.map((s) => (
          <li key={s.id}>
            <strong>{SOURCE_CHECK_LABELS[s.state]}:</strong>{' '}
            {externalHref(s.url) ? (
              <a href={externalHref(s.url)} rel="noopener noreferrer nofollow">
                {s.title}
              </a>
            ) : (
              s.title
            )}
            {s.detail ? ` — ${s.detail}` : ''} <span className="muted">(checked {formatDateTime(s.checkedAt)})</span>
            {showClaims ? (
              <span className="block">
                Cited by {plural(s.claims.length, 'claim')}:{' '}
                {s.claims.slice(0, 5).map((c, i) => (
                  <span key={c.claimId}>
                    {i > 0 ? ' · ' : ''}
                    <Link href={`/edit/claims/${c.claimId}`}>{c.statement}</Link>
                  </span>
                ))}
                {s.claims.length > 5 ? ` and ${s.claims.length - 5} more` : ''}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </Wrapper>
  );
}
