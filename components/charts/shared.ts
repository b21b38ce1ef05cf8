/** Drawing size of every chart, in SVG units: drawn about 1:1 on a 360 px phone, at most 1.45× on wide screens (globals.css .chart). */
export const WIDTH = 360;
export const HEIGHT = 200;
export const MARGIN = { top: 10, right: 10, bottom: 30, left: 40 };

/**
 * A series of a chart: its label, and how its marks look. A fill pattern (besides colour) keeps
 * series apart in print, in greyscale and for readers who do not see the colours apart.
 */
export type Series = { key: string; label: string; className?: string; fill: string; pattern?: 'diagonal' | 'dots' | 'cross' };

/** At most `count` evenly spread values of a list, always the first, for axis ticks that do not overlap. */
export function spread<T>(values: readonly T[], count: number): T[] {
  const step = Math.max(1, Math.ceil(values.length / count));
  return values.filter((_, i) => i % step === 0);
}

// Made once per locale and kind: a chart labels hundreds of bars, and making a formatter costs far more than using it.
const labelFormats = new Map<string, Intl.DateTimeFormat>();

/** A day or month label for an axis, in the newsroom's locale (UTC, like every date on the site). */
export function bucketLabel(bucket: string, locale: string): string {
  const [y, m, d] = bucket.split('-').map(Number);
  const date = new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
  const key = `${d ? 'day' : 'month'} ${locale}`;
  let format = labelFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, d ? { day: 'numeric', month: 'short', timeZone: 'UTC' } : { month: 'short', year: '2-digit', timeZone: 'UTC' });
    labelFormats.set(key, format);
  }
  return format.format(date);
}

/** Axis ticks for counts: whole numbers only (a scale of 0 to 1 would offer 0.2, 0.4…). */
export const countTicks = (scale: { ticks: (count?: number) => number[] }, count = 4) => scale.ticks(count).filter(Number.isInteger);
