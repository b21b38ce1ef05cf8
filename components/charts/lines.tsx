import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scalePoint } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { formatNumber } from '@/lib/stats';
import { bucketLabel, HEIGHT, MARGIN, spread, WIDTH } from './shared';

export type Line = { key: string; label: string; dashed?: boolean; marker: 'circle' | 'square' };

type Props = {
  id: string;
  label: string;
  buckets: readonly string[];
  lines: readonly Line[];
  /** values[bucket index][line index]; null where there is nothing to measure. */
  values: readonly (readonly (number | null)[])[];
  locale: string;
};

/** Lines over time, told apart by dash and marker shape as well as by weight. */
export function Lines({ id, label, buckets, lines, values, locale }: Props) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...values.flat().filter((v): v is number => v !== null));
  const x = scalePoint<string>({ domain: [...buckets], range: [0, innerWidth], padding: 0.5 });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="chart" id={id}>
      <Group left={MARGIN.left} top={MARGIN.top}>
        {lines.map((line, j) => {
          const points = buckets.map((bucket, i) => ({ bucket, value: values[i]?.[j] ?? null }));
          return (
            <g key={line.key} className={`chart-line chart-line-${j}`}>
              <LinePath
                data={points}
                defined={(p) => p.value !== null}
                x={(p) => x(p.bucket) ?? 0}
                y={(p) => y(p.value ?? 0)}
                strokeWidth={j === 0 ? 2.5 : 1.75}
                strokeDasharray={line.dashed ? '5 3' : undefined}
                fill="none"
              />
              {points.map((p) =>
                p.value === null ? null : line.marker === 'circle' ? (
                  <circle key={p.bucket} cx={x(p.bucket)} cy={y(p.value)} r={3}>
                    <title>{`${bucketLabel(p.bucket, locale)}: ${line.label} ${formatNumber(p.value, locale)}`}</title>
                  </circle>
                ) : (
                  <rect key={p.bucket} x={(x(p.bucket) ?? 0) - 3} y={y(p.value) - 3} width={6} height={6}>
                    <title>{`${bucketLabel(p.bucket, locale)}: ${line.label} ${formatNumber(p.value, locale)}`}</title>
                  </rect>
                ),
              )}
            </g>
          );
        })}
        <AxisLeft scale={y} numTicks={4} tickFormat={(v) => formatNumber(Number(v), locale)} />
        <AxisBottom top={innerHeight} scale={x} tickValues={spread(buckets, 6)} tickFormat={(b) => bucketLabel(String(b), locale)} />
      </Group>
    </svg>
  );
}
