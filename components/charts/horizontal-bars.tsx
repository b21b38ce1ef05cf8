import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { BarStackHorizontal } from '@visx/shape';
import { Text } from '@visx/text';
import { formatNumber } from '@/lib/stats';
import { BarMark, fillOf, SeriesPatterns } from './patterns';
import { countTicks, WIDTH, type Series } from './shared';

type Props = {
  id: string;
  label: string;
  /** One bar per group (a kind of claimant, an outlet), top to bottom. */
  groups: readonly string[];
  series: readonly Series[];
  /** values[group index][series index] */
  values: readonly (readonly number[])[];
  locale: string;
};

const ROW = 30;
// About what fits across the drawing; the full name is in the table and in each bar's title.
const MAX_LABEL = 52;
const shortLabel = (label: string) => {
  const chars = [...label];
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('').trimEnd()}…` : label;
};
const MARGIN = { top: 4, right: 40, bottom: 26, left: 8 };

/** One bar per group, its label above it (long outlet names need the whole width at 360 px), split into its series. */
export function HorizontalBars({ id, label, groups, series, values, locale }: Props) {
  const height = MARGIN.top + MARGIN.bottom + groups.length * ROW;
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const totals = values.map((row) => row.reduce((a, b) => a + b, 0));
  const data = groups.map((group, i) => ({ group, ...Object.fromEntries(series.map((s, j) => [s.key, values[i]?.[j] ?? 0])) }) as Record<string, number | string>);
  const x = scaleLinear<number>({ domain: [0, Math.max(1, ...totals)], range: [0, innerWidth], nice: true });
  const y = scaleBand<string>({ domain: [...groups], range: [0, groups.length * ROW], paddingInner: 0 });
  const barTop = 14;
  const barHeight = ROW - barTop - 4;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label} className="chart">
      <SeriesPatterns chartId={id} series={series} />
      <Group left={MARGIN.left} top={MARGIN.top}>
        {groups.map((group, i) => (
          <g key={group}>
            <Text x={0} y={(y(group) ?? 0) + 11} className="chart-label">
              {shortLabel(group)}
            </Text>
            <Text x={x(totals[i] ?? 0) + 4} y={(y(group) ?? 0) + barTop + barHeight - 3} className="chart-value">
              {formatNumber(totals[i] ?? 0, locale)}
            </Text>
          </g>
        ))}
        <BarStackHorizontal<Record<string, number | string>, string>
          data={data}
          keys={series.map((s) => s.key)}
          y={(d) => d.group as string}
          xScale={x}
          yScale={y}
          color={(key) => fillOf(id, series.find((s) => s.key === key)!)}
        >
          {(stacks) =>
            stacks.flatMap((stack, j) =>
              stack.bars
                .filter((bar) => bar.width > 0)
                .map((bar) => (
                  <BarMark
                    key={`${stack.key}-${bar.index}`}
                    box={{ x: bar.x, y: bar.y + barTop, width: bar.width, height: barHeight }}
                    fill={bar.color}
                    className={series[j]?.className}
                    title={`${groups[bar.index]}: ${series[j]?.label} ${formatNumber(values[bar.index]?.[j] ?? 0, locale)}`}
                  />
                )),
            )
          }
        </BarStackHorizontal>
        <AxisBottom top={groups.length * ROW} scale={x} tickValues={countTicks(x)} tickFormat={(v) => formatNumber(Number(v), locale)} />
      </Group>
    </svg>
  );
}
