import Link from 'next/link';
import { formatDate } from '@/lib/format';
import { externalHref, partyPath } from '@/lib/routes';
import { STANCE_LABELS, type Stance } from '@/lib/vocabulary';
import { PartyQuote } from '@/components/party-quote';

type Response = {
  id: number;
  stance: Stance | null;
  quote: string;
  respondedAt: Date | null;
  requestedAt: Date | null;
  deadlineAt: Date | null;
  partyName: string;
  partySlug: string;
  sourceUrl: string | null;
};

/** Party responses as a timeline, newest first, with open and lapsed requests for comment. */
export function ResponseList({ responses, now = new Date() }: { responses: Response[]; now?: Date }) {
  return (
    <section aria-labelledby="responses-heading">
      <h2 id="responses-heading" className="text-lg font-semibold">
        Responses
      </h2>
      {responses.length === 0 ? <p className="muted mt-2">No responses recorded.</p> : null}
      <ol className="mt-2 space-y-3">
        {responses.map((r) => {
          const party = <Link href={partyPath({ slug: r.partySlug })}>{r.partyName}</Link>;
          let line: React.ReactNode;
          if (r.stance && r.stance !== 'no_response') {
            line = (
              <>
                {party} <strong>{STANCE_LABELS[r.stance]}</strong>
              </>
            );
          } else if (r.stance === 'no_response' || (r.deadlineAt && r.deadlineAt < now)) {
            line = (
              <>
                {party} was asked for comment{r.deadlineAt ? `, no response by ${formatDate(r.deadlineAt)}` : ' and did not respond'}
              </>
            );
          } else {
            line = (
              <>
                {party} was asked for comment{r.deadlineAt ? `; reply expected by ${formatDate(r.deadlineAt)}` : ''}
              </>
            );
          }
          const date = r.respondedAt ?? r.requestedAt;
          return (
            <li key={r.id} className="border-l-2 border-[var(--rule)] pl-3">
              <p className="text-sm">
                {date ? <span className="muted">{formatDate(date)} · </span> : null}
                {line}
              </p>
              {r.quote ? <PartyQuote text={r.quote} /> : null}
              {externalHref(r.sourceUrl) ? (
                <a href={externalHref(r.sourceUrl)} rel="noopener noreferrer nofollow" className="text-sm">
                  Source of this response
                </a>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
