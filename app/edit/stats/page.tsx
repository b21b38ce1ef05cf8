import type { Metadata } from 'next';
import Link from 'next/link';
import { HorizontalBars } from '@/components/charts/horizontal-bars';
import type { Series } from '@/components/charts/shared';
import { PeriodForm } from '@/components/period-form';
import { EditorKeptCharts } from '@/components/editor-kept-charts';
import { buckets, numbers } from '@/components/stats-charts';
import { StatsFigure } from '@/components/stats-figure';
import { formatDate, isoDate } from '@/lib/format';
import { claimPath } from '@/lib/routes';
import { formatNumber, parsePeriod, periodQuery, WORKLOAD_STATES } from '@/lib/stats';
import { env } from '@/lib/server/env';
import { requirePageUser } from '@/lib/server/session';
import { readDashboard, readEditorChartsHtml, readStats } from '@/lib/server/stats';

export const metadata: Metadata = { title: 'Statistics' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const WORKLOAD_SERIES: Series[] = [
  { ...WORKLOAD_STATES[0], fill: 'var(--reply-awaiting)', pattern: 'dots' },
  { ...WORKLOAD_STATES[1], fill: 'var(--reply-late)', pattern: 'diagonal' },
  { ...WORKLOAD_STATES[2], fill: 'var(--reply-on-time)' },
  { ...WORKLOAD_STATES[3], fill: 'var(--reply-never)', pattern: 'cross' },
];
const DAY = 86_400_000;

export default async function EditorStatsPage({ searchParams }: Props) {
  await requirePageUser('editor');
  const now = new Date().getTime();
  const parsed = parsePeriod(await searchParams, now);
  const { period } = parsed;
  const locale = env.NEWSROOM_LOCALE;
  const chartsHtml = await readEditorChartsHtml(period, now);
  const { workload, overdue, waiting } = readDashboard(period, now, { lag: true });
  const csv = (id: string) => `/edit/stats/${id}.csv?${periodQuery(period)}`;
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold">Statistics</h1>
      <p className="muted mt-1 mb-4">
        The newsroom’s own figures: drafts and unpublished claims count here. Readers see the published ones on <Link href={`/stats?${periodQuery(period)}`}>/stats</Link>.
      </p>
      <PeriodForm period={period} errors={parsed.ok ? undefined : parsed.errors} action="/edit/stats" />

      <div className="mt-8 space-y-12">
        <section aria-labelledby="sign-off-heading">
          <h2 id="sign-off-heading" className="text-lg font-semibold">
            Waiting for sign-off ({formatNumber(waiting.total, locale)})
          </h2>
          <p className="muted mt-1 text-sm">Verdicts and changes to published verdicts that a second editor has not approved yet, longest wait first.</p>
          {waiting.rows.length === 0 ? (
            <p className="mt-2">Nothing is waiting.</p>
          ) : (
            <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Waiting for sign-off: table">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Claim</th>
                    <th scope="col">Proposed by</th>
                    <th scope="col">Since</th>
                    <th scope="col" className="num">
                      Days waiting
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {waiting.rows.map((c) => (
                    <tr key={c.id}>
                      <th scope="row" className="font-normal">
                        <Link href={`/edit/articles/${c.articleId}?claim=${c.id}`}>{c.statement}</Link>
                        <span className="sr-only"> ({claimPath(c)})</span>
                      </th>
                      <td>{c.proposer ?? '—'}</td>
                      <td>
                        <time dateTime={isoDate(c.since)}>{formatDate(c.since)}</time>
                      </td>
                      <td className="num">{formatNumber(Math.floor((now - c.since) / DAY), locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <StatsFigure
          dataset={workload}
          description="Claims not yet published, and published claims with a change waiting, by who is assigned and where they are in the workflow. Now, whatever the period."
          chart={<HorizontalBars id="workload" label={workload.title} groups={buckets(workload)} series={WORKLOAD_SERIES} values={numbers(workload, 1, 5)} locale={locale} />}
          legend={WORKLOAD_SERIES}
          csvHref={csv('workload')}
          locale={locale}
        />
      </div>
      {chartsHtml === null ? (
        <EditorKeptCharts overdue={overdue} datasets={readStats('newsroom', period, now, { lag: true })} period={period} locale={locale} />
      ) : (
        // The same figures as rendered by React for this period (readEditorChartsHtml), its escaping included: no one's raw HTML.
        <div dangerouslySetInnerHTML={{ __html: chartsHtml }} />
      )}
    </div>
  );
}
