import Link from 'next/link';
import { DemoLabel } from '@/components/demo-label';
import { StatusBadge } from '@/components/status-badge';
import { snippetParts } from '@/lib/claim-filters';
import { formatDate, isoDate } from '@/lib/format';
import { articlePath, claimPath, partyPath } from '@/lib/routes';
import type { Status } from '@/lib/status';

export type ClaimListItem = {
  id: number;
  slug: string;
  statement: string;
  status: Status;
  updatedAt: Date;
  articleSlug: string;
  articleTitle: string;
  partySlug?: string | null;
  partyName?: string | null;
  snippet?: string | null;
  demo?: boolean;
};

const snippetText = (snippet: string) => snippetParts(snippet).map((p) => p.text).join('');

/** A search snippet with its matched words marked (rendered as text, never as HTML). */
function Highlighted({ snippet }: { snippet: string }) {
  return snippetParts(snippet).map((part, i) =>
    part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
  );
}

/** Claims as a list of cards: status (word and icon), statement, who said it where, and the search match. */
export function ClaimList({ claims }: { claims: ClaimListItem[] }) {
  return (
    <ol className="space-y-4">
      {claims.map((c) => (
        <li key={c.id} className="panel rounded-lg p-4">
          <p className="flex flex-wrap items-start gap-3">
            <StatusBadge status={c.status} />
            {c.demo ? <DemoLabel /> : null}
            <Link href={claimPath(c)} className="flex-1 font-semibold">
              {c.snippet && snippetText(c.snippet) === c.statement ? <Highlighted snippet={c.snippet} /> : c.statement}
            </Link>
          </p>
          {c.snippet && snippetText(c.snippet) !== c.statement ? (
            <p className="mt-2 font-serif text-sm">
              <Highlighted snippet={c.snippet} />
            </p>
          ) : null}
          <p className="muted mt-2 text-sm">
            {c.partySlug && c.partyName ? (
              <>
                <Link href={partyPath({ slug: c.partySlug })}>{c.partyName}</Link> ·{' '}
              </>
            ) : null}
            in <Link href={articlePath({ slug: c.articleSlug })}>{c.articleTitle}</Link> · updated{' '}
            <time dateTime={isoDate(c.updatedAt)}>{formatDate(c.updatedAt)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
