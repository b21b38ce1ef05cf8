import { StackedBars } from '@/components/charts/stacked-bars';
import type { Series } from '@/components/charts/shared';
import { StatsCharts, buckets, numbers } from '@/components/stats-charts';
import { StatsFigure } from '@/components/stats-figure';
import { periodQuery, type Dataset, type Period } from '@/lib/stats';

const OVERDUE_SERIES: Series[] = [{ key: 'overdue', label: 'Overdue requests', fill: 'var(--reply-never)', pattern: 'cross' }];

/**
 * The part of the editors' dashboard whose figures may lag behind the latest save: overdue
 * replies over time and the six charts of everything the newsroom checked. The dashboard keeps
 * it as HTML per period and day (readEditorChartsHtml), since drawing it was most of a request.
 */
export function EditorKeptCharts({
  overdue,
  datasets,
  period,
  locale,
}: {
  overdue: Dataset;
  datasets: Parameters<typeof StatsCharts>[0]['datasets'];
  period: Period;
  locale: string;
}) {
  return (
    <>
      <div className="mt-12">
        <StatsFigure
          dataset={overdue}
          description="Requests for comment past their deadline with no answer recorded, counted at the end of each week."
          chart={<StackedBars id="overdue" label={overdue.title} buckets={buckets(overdue)} series={OVERDUE_SERIES} values={numbers(overdue, 1, 2)} locale={locale} />}
          legend={OVERDUE_SERIES}
          csvHref={`/edit/stats/overdue.csv?${periodQuery(period)}`}
          locale={locale}
        />
      </div>
      <h2 className="mt-12 mb-6 border-t border-[var(--rule)] pt-6 text-xl font-bold">Everything the newsroom checked</h2>
      <StatsCharts datasets={datasets} period={period} locale={locale} csvBase="/edit/stats" />
    </>
  );
}
