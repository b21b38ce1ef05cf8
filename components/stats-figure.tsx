import { StatusBadge } from '@/components/status-badge';
import { formatCell, type Dataset } from '@/lib/stats';
import { isStatus } from '@/lib/status';
import { Swatch } from './charts/patterns';
import type { Series } from './charts/shared';

type Props = {
  dataset: Dataset;
  /** One or two sentences: what is counted and how. */
  description: string;
  chart: React.ReactNode;
  /** The series in the chart's own order, for the legend (statuses show their badge). */
  legend: readonly Series[] | readonly { key: string; label: string; mark: React.ReactNode }[];
  /** Where the figures download as CSV (statistics pages; a party's scorecard has none). */
  csvHref?: string;
  locale: string;
};

/**
 * One chart of a statistics page: heading, what it counts, the chart, its legend, the same
 * figures as a table (the chart's accessible alternative, folded), and a CSV download.
 */
export function StatsFigure({ dataset, description, chart, legend, csvHref, locale }: Props) {
  const headingId = `${dataset.id}-heading`;
  const empty = dataset.rows.every((row) => dataset.columns.every((c, i) => !c.numeric || !row[i]));
  return (
    <section aria-labelledby={headingId} className="stats-figure">
      <h2 id={headingId} className="text-lg font-semibold">
        {dataset.title}
      </h2>
      <p className="muted mt-1 text-sm">{description}</p>
      {empty ? <p className="mt-2 text-sm">Nothing to count in this period.</p> : null}
      <div className="mt-3">{chart}</div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Legend">
        {legend.map((item) => (
          <li key={item.key} className="flex items-center gap-1.5">
            {isStatus(item.key) && !('mark' in item) ? (
              <>
                <Swatch chartId={dataset.id} series={item} />
                <StatusBadge status={item.key} />
              </>
            ) : (
              <>
                {'mark' in item ? item.mark : <Swatch chartId={dataset.id} series={item} />}
                {item.label}
              </>
            )}
          </li>
        ))}
      </ul>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-semibold">Table of the figures</summary>
        {/* Focusable, so a keyboard can scroll a table wider than a phone. */}
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={`${dataset.title}: table`}>
          <table className="data-table" data-dataset={dataset.id}>
            <caption className="sr-only">{dataset.title}</caption>
            <thead>
              <tr>
                {dataset.columns.map((c) => (
                  <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {dataset.rows.map((row, i) => (
                <tr key={i}>
                  {dataset.columns.map((c, j) =>
                    j === 0 ? (
                      <th key={c.key} scope="row" className="font-normal">
                        {formatCell(row[j] ?? null, c, locale)}
                      </th>
                    ) : (
                      <td key={c.key} className={c.numeric ? 'num' : undefined}>
                        {formatCell(row[j] ?? null, c, locale)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {csvHref ? (
        <p className="mt-2 text-sm">
          <a href={csvHref} download>
            Download these figures (CSV)
          </a>
        </p>
      ) : null}
    </section>
  );
}
