import { PatternCircles, PatternLines } from '@visx/pattern';
import type { Series } from './shared';

/** The fill of a series' marks: its colour, or its colour under its pattern. */
export const fillOf = (chartId: string, s: Series) => (s.pattern ? `url(#${chartId}-${s.key})` : s.fill);

/** SVG pattern definitions for the series that have one (the marks of the legend use them too). */
export function SeriesPatterns({ chartId, series }: { chartId: string; series: readonly Series[] }) {
  return (
    <defs>
      {series.map((s) => {
        const id = `${chartId}-${s.key}`;
        if (s.pattern === 'dots') return <PatternCircles key={id} id={id} width={5} height={5} radius={1.3} fill="var(--page-bg)" background={s.fill} />;
        if (s.pattern === 'diagonal' || s.pattern === 'cross')
          return (
            <PatternLines
              key={id}
              id={id}
              width={6}
              height={6}
              stroke="var(--page-bg)"
              strokeWidth={1.5}
              background={s.fill}
              orientation={s.pattern === 'cross' ? ['diagonal', 'diagonalRightToLeft'] : ['diagonal']}
            />
          );
        return null;
      })}
    </defs>
  );
}

/** A legend mark: a small square drawn like the series. */
export function Swatch({ chartId, series }: { chartId: string; series: Series }) {
  return (
    <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14" className={`inline-block shrink-0 ${series.className ?? ''}`}>
      <SeriesPatterns chartId={`${chartId}-legend`} series={[series]} />
      <rect x="0.5" y="0.5" width="13" height="13" style={{ fill: fillOf(`${chartId}-legend`, series) }} stroke="var(--page-fg)" strokeWidth="1" />
    </svg>
  );
}

/** One rectangle of a stacked bar, in its series' fill, titled with its label and number. */
export function BarMark({ box, fill, className, title }: { box: { x: number; y: number; width: number; height: number }; fill: string; className?: string; title: string }) {
  return (
    <rect x={box.x} y={box.y} width={box.width} height={box.height} className={`chart-mark ${className ?? ''}`} style={{ fill }}>
      <title>{title}</title>
    </rect>
  );
}
