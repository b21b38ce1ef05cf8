import { HorizontalBars } from '@/components/charts/horizontal-bars';
import { Lines, type Line } from '@/components/charts/lines';
import type { Series } from '@/components/charts/shared';
import { StackedBars } from '@/components/charts/stacked-bars';
import { StatsFigure } from '@/components/stats-figure';
import { CHECKED_STATUSES, periodQuery, REPLY_OUTCOMES, type Dataset, type Period } from '@/lib/stats';
import { STATUS_INFO } from '@/lib/status';

type Datasets = Record<'checked' | 'time-to-verdict' | 'replies' | 'corrections' | 'by-claimant' | 'by-outlet', Dataset>;

const STATUS_SERIES: Series[] = CHECKED_STATUSES.map((s) => ({ key: s, label: STATUS_INFO[s].label, className: `status-${s}`, fill: 'var(--st-chart)' }));
const REPLY_SERIES: Series[] = [
  { ...REPLY_OUTCOMES[0], fill: 'var(--reply-on-time)' },
  { ...REPLY_OUTCOMES[1], fill: 'var(--reply-late)', pattern: 'diagonal' },
  { ...REPLY_OUTCOMES[2], fill: 'var(--reply-never)', pattern: 'cross' },
  { ...REPLY_OUTCOMES[3], fill: 'var(--reply-awaiting)', pattern: 'dots' },
];
const CORRECTION_SERIES: Series[] = [{ key: 'corrections', label: 'Corrections', fill: 'var(--page-fg)' }];
const WAIT_LINES: Line[] = [
  { key: 'median', label: 'Median', marker: 'circle' },
  { key: 'p90', label: '90th percentile', dashed: true, marker: 'square' },
];

/** Columns 1..n of each row as numbers (column 0 is the bucket or group). */
/** Each row's numbers in columns `from` to `to` (exclusive), a gap counted as 0. */
export const numbers = (d: Dataset, from: number, to: number) => d.rows.map((r) => r.slice(from, to).map((v) => (typeof v === 'number' ? v : 0)));

/** Each row's first column as the chart's bucket or group name. */
export const buckets = (d: Dataset) => d.rows.map((r) => String(r[0]));

/** Every chart of a statistics page, public or the editors' version. */
export function StatsCharts({ datasets, period, locale, csvBase }: { datasets: Datasets; period: Period; locale: string; csvBase: string }) {
  const csv = (id: string) => `${csvBase}/${id}.csv?${periodQuery(period)}`;
  const n = CHECKED_STATUSES.length;
  const { checked, replies, corrections } = datasets;
  const waits = datasets['time-to-verdict'];
  const claimant = datasets['by-claimant'];
  const outlet = datasets['by-outlet'];
  return (
    <div className="space-y-12">
      <StatsFigure
        dataset={checked}
        description="Claims given a verdict, counted in the week readers first saw one, by their status now. Claims still unverified are not counted."
        chart={<StackedBars id="checked" label={checked.title} buckets={buckets(checked)} series={STATUS_SERIES} values={numbers(checked, 1, 1 + n)} locale={locale} />}
        legend={STATUS_SERIES}
        csvHref={csv('checked')}
        locale={locale}
      />
      <StatsFigure
        dataset={waits}
        description="Days from a claim’s first appearance (its article’s date, or when we recorded it if that was earlier) to its first published verdict. The median is the middle claim; nine in ten claims took at most the 90th percentile."
        chart={
          <Lines
            id="time-to-verdict"
            label={waits.title}
            buckets={buckets(waits)}
            lines={WAIT_LINES}
            values={waits.rows.map((r) => [r[2] as number | null, r[3] as number | null])}
            locale={locale}
          />
        }
        legend={WAIT_LINES.map((l) => ({ key: l.key, label: l.label, mark: <LineMark line={l} /> }))}
        csvHref={csv('time-to-verdict')}
        locale={locale}
      />
      <StatsFigure
        dataset={replies}
        description="Requests for comment sent to the parties concerned, by month sent, and what became of them. An answer counts as on time when it came by the deadline we gave."
        chart={<StackedBars id="replies" label={replies.title} buckets={buckets(replies)} series={REPLY_SERIES} values={numbers(replies, 2, 6)} locale={locale} />}
        legend={REPLY_SERIES}
        csvHref={csv('replies')}
        locale={locale}
      />
      <StatsFigure
        dataset={corrections}
        description="Changes to a verdict after it was published, each listed with its reason on the corrections page."
        chart={<StackedBars id="corrections" label={corrections.title} buckets={buckets(corrections)} series={CORRECTION_SERIES} values={numbers(corrections, 1, 2)} locale={locale} />}
        legend={CORRECTION_SERIES}
        csvHref={csv('corrections')}
        locale={locale}
      />
      <StatsFigure
        dataset={claimant}
        description="Verdicts in this period by the kind of party that made the claim: counts, so the balance of what we check is visible. They do not rank anyone."
        chart={<HorizontalBars id="by-claimant" label={claimant.title} groups={buckets(claimant)} series={STATUS_SERIES} values={numbers(claimant, 1, 1 + n)} locale={locale} />}
        legend={STATUS_SERIES}
        csvHref={csv('by-claimant')}
        locale={locale}
      />
      <StatsFigure
        dataset={outlet}
        description="Verdicts in this period by the outlet whose article carried the claim."
        chart={<HorizontalBars id="by-outlet" label={outlet.title} groups={buckets(outlet)} series={STATUS_SERIES} values={numbers(outlet, 1, 1 + n)} locale={locale} />}
        legend={STATUS_SERIES}
        csvHref={csv('by-outlet')}
        locale={locale}
      />
    </div>
  );
}

function LineMark({ line }: { line: Line }) {
  return (
    <svg aria-hidden="true" width="28" height="12" viewBox="0 0 28 12" className="chart-legend-line">
      <line x1="1" y1="6" x2="27" y2="6" strokeWidth={line.dashed ? 1.75 : 2.5} strokeDasharray={line.dashed ? '5 3' : undefined} />
      {line.marker === 'circle' ? <circle cx="14" cy="6" r="3" /> : <rect x="11" y="3" width="6" height="6" />}
    </svg>
  );
}
