import Link from 'next/link';
import { HorizontalBars } from '@/components/charts/horizontal-bars';
import type { Series } from '@/components/charts/shared';
import { StatsFigure } from '@/components/stats-figure';
import { StatusBadge } from '@/components/status-badge';
import { formatDate, isoDate } from '@/lib/format';
import { claimPath } from '@/lib/routes';
import { formatNumber, msToDays, partyStatuses, REPLY_OUTCOMES, type ReplyMonth } from '@/lib/stats';
import { STATUSES, STATUS_INFO, type Status } from '@/lib/status';
import { STANCE_LABELS, type Stance } from '@/lib/vocabulary';

type Response = { id: number; stance: Stance | null; respondedAt: Date | null; claimId: number; claimSlug: string; statement: string; status: Status };

/** A party's record as counted over all its published claims (readPartyRecord). */
export type PartyRecord = {
  statuses: { status: Status; n: number }[];
  replies: Omit<ReplyMonth, 'month'> & { medianMs: number | null };
  disputes: Response[];
  confirmations: Response[];
};

/**
 * A party's record in counts, worded neutrally: what it claimed and how the claims were rated,
 * how it answered requests for comment, and its latest disputes and confirmations. No ranking,
 * no comparison with other parties.
 */
export function PartyScorecard({ name, record, locale }: { name: string; record: PartyRecord; locale: string }) {
  const byStatus = partyStatuses(record.statuses);
  const count = (s: Status) => record.statuses.find((c) => c.status === s)?.n ?? 0;
  const shown = STATUSES.filter((s) => count(s) > 0);
  const total = shown.reduce((sum, s) => sum + count(s), 0);
  const series: Series[] = shown.map((s) => ({ key: s, label: STATUS_INFO[s].label, className: `status-${s}`, fill: 'var(--st-chart)' }));
  const { replies } = record;
  const medianDays = msToDays(replies.medianMs);
  const n = (v: number) => formatNumber(v, locale);
  return (
    <section aria-labelledby="scorecard-heading" className="panel mt-8 rounded-lg p-4">
      <h2 id="scorecard-heading" className="text-lg font-semibold">
        Record in numbers
      </h2>
      <p className="muted mt-1 text-sm">Counts from the published claims and requests for comment on this site. They describe {name}’s record here; they do not compare or rank anyone.</p>

      <div className="mt-4">
        {shown.length === 0 ? (
          <p>No published claims by {name}.</p>
        ) : (
          <StatsFigure
            dataset={byStatus}
            description={`${n(total)} published ${total === 1 ? 'claim' : 'claims'} made by ${name}, by status.`}
            chart={
              <HorizontalBars
                id="party-statuses"
                label={byStatus.title}
                groups={shown.map((s) => STATUS_INFO[s].label)}
                series={series}
                values={shown.map((s, i) => shown.map((_, j) => (i === j ? count(s) : 0)))}
                locale={locale}
              />
            }
            legend={series}
            locale={locale}
          />
        )}
      </div>

      <h3 className="mt-6 font-semibold">Requests for comment</h3>
      {replies.sent === 0 ? (
        <p className="mt-1 text-sm">We have not asked {name} for comment on a published claim.</p>
      ) : (
        <>
          <p className="mt-1 text-sm">
            We asked {name} for comment {n(replies.sent)} {replies.sent === 1 ? 'time' : 'times'}
            {medianDays !== null ? `; half of the answers came within ${n(medianDays)} days of the request` : ''}.
          </p>
          <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
            {REPLY_OUTCOMES.map((o) => (
              <div key={o.key}>
                <dt className="muted">{o.label}</dt>
                <dd className="text-lg font-semibold">{n(replies[o.key])}</dd>
              </div>
            ))}
          </dl>
        </>
      )}

      <div className="mt-6 grid gap-6 sm:grid-cols-2">
        {[
          { title: 'Latest disputes', list: record.disputes, none: 'No dispute recorded.' },
          { title: 'Latest confirmations', list: record.confirmations, none: 'No confirmation recorded.' },
        ].map(({ title, list, none }) => (
          <div key={title}>
            <h3 className="font-semibold">{title}</h3>
            {list.length === 0 ? <p className="muted mt-1 text-sm">{none}</p> : null}
            <ul className="mt-1 space-y-2 text-sm">
              {list.map((r) => (
                <li key={r.id}>
                  {r.respondedAt ? <time dateTime={isoDate(r.respondedAt)}>{formatDate(r.respondedAt)}</time> : null} {STANCE_LABELS[r.stance!]}:{' '}
                  <Link href={claimPath({ id: r.claimId, slug: r.claimSlug })}>{r.statement}</Link> <StatusBadge status={r.status} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
