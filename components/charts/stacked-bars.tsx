import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { BarStack } from '@visx/shape';
import { formatNumber } from '@/lib/stats';
import { BarMark, fillOf, SeriesPatterns } from './patterns';
import { bucketLabel, countTicks, HEIGHT, MARGIN, spread, WIDTH, type Series } from './shared';

type Props = {
  id: string;
  label: string;
  /** One bar per bucket (a week's Monday or a month), in order. */
  buckets: readonly string[];
  series: readonly Series[];
  /** values[bucket index][series index] */
  values: readonly (readonly number[])[];
  locale: string;
};

/** Vertical bars over time, each split into its series from the bottom up in legend order. */
export function StackedBars({ id, label, buckets, series, values, locale }: Props) {
  const data = buckets.map((bucket, i) => ({ bucket, ...Object.fromEntries(series.map((s, j) => [s.key, values[i]?.[j] ?? 0])) }) as Record<string, number | string>);
  const max = Math.max(1, ...values.map((row) => row.reduce((a, b) => a + b, 0)));
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleBand<string>({ domain: [...buckets], range: [0, innerWidth], padding: buckets.length > 30 ? 0.1 : 0.25 });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="chart">
      <SeriesPatterns chartId={id} series={series} />
      <Group left={MARGIN.left} top={MARGIN.top}>
        <BarStack<Record<string, number | string>, string>
          data={data}
          keys={series.map((s) => s.key)}
          x={(d) => d.bucket as string}
          xScale={x}
          yScale={y}
          color={(key) => fillOf(id, series.find((s) => s.key === key)!)}
        >
          {(stacks) =>
            stacks.flatMap((stack, j) =>
              stack.bars
                .filter((bar) => bar.height > 0)
                .map((bar) => (
                  <BarMark
                    key={`${stack.key}-${bar.index}`}
                    box={bar}
                    fill={bar.color}
                    className={series[j]?.className}
                    title={`${bucketLabel(buckets[bar.index]!, locale)}: ${series[j]?.label} ${formatNumber(values[bar.index]?.[j] ?? 0, locale)}`}
                  />
                )),
            )
          }
        </BarStack>
        <AxisLeft scale={y} tickValues={countTicks(y)} tickFormat={(v) => formatNumber(Number(v), locale)} />
        <AxisBottom top={innerHeight} scale={x} tickValues={spread(buckets, 6)} tickFormat={(b) => bucketLabel(String(b), locale)} />
      </Group>
    </svg>
  );
}
