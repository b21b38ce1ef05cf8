import { describe, expect, it } from 'vitest';
import { MAX_PERIOD_MONTHS, monthsOf, nearestRank, parsePeriod, weekStart, weeksOf } from './stats';

const NOW = Date.UTC(2026, 10, 30, 9, 15);

describe('statistics period', () => {
  it('defaults to the last twelve months, this one included', () => {
    const r = parsePeriod({}, NOW);
    expect(r).toMatchObject({ ok: true, period: { from: '2025-12', to: '2026-11' } });
    expect(monthsOf(r.period)).toHaveLength(12);
    expect(r.period.end).toBe(Date.UTC(2026, 11, 1));
  });

  it('takes a period from a plain GET form, blanks and stray spaces included', () => {
    expect(parsePeriod(new URLSearchParams('from=+2024-02+&to=2024-04'), NOW).period).toMatchObject({ from: '2024-02', to: '2024-04' });
    expect(parsePeriod(new URLSearchParams('from=&to='), NOW)).toMatchObject({ ok: true, period: { from: '2025-12', to: '2026-11' } });
    expect(parsePeriod({ from: '2020-01' }, NOW).period).toMatchObject({ from: '2020-01', to: '2020-12' });
    expect(parsePeriod({ to: '2021-03' }, NOW).period).toMatchObject({ from: '2020-04', to: '2021-03' });
    // A repeated parameter: the first counts.
    expect(parsePeriod(new URLSearchParams('from=2024-01&from=2030-01&to=2024-02'), NOW).period.from).toBe('2024-01');
  });

  it.each([
    ['from=2024-13', 'from'],
    ['from=2024-1', 'from'],
    ['from=２０２４-０１', 'from'],
    ['to=2024-02-01', 'to'],
    ['from=0000-01', 'from'],
    ['from=2025-09&to=2025-01', 'from'],
    ['from=<script>&to=2025-01', 'from'],
    [`from=2000-01&to=2026-01`, 'from'],
  ])('refuses %s with a reason, and still has a period to show', (query, field) => {
    const r = parsePeriod(new URLSearchParams(query), NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[field]).toBeTruthy();
    expect(r.period).toMatchObject({ from: '2025-12', to: '2026-11' });
  });

  it(`allows up to ${MAX_PERIOD_MONTHS} months`, () => {
    expect(parsePeriod({ from: '2021-12', to: '2026-11' }, NOW).ok).toBe(true);
    expect(parsePeriod({ from: '2021-11', to: '2026-11' }, NOW).ok).toBe(false);
  });
});

describe('buckets and percentiles', () => {
  it('starts weeks on Monday, in UTC', () => {
    expect(new Date(weekStart(Date.UTC(2026, 10, 30, 23, 59))).toISOString()).toBe('2026-11-30T00:00:00.000Z'); // a Monday
    expect(new Date(weekStart(Date.UTC(2026, 10, 29, 12))).toISOString()).toBe('2026-11-23T00:00:00.000Z'); // a Sunday
    expect(new Date(weekStart(Date.UTC(1970, 0, 1))).toISOString()).toBe('1969-12-29T00:00:00.000Z');
    const weeks = weeksOf(parsePeriod({ from: '2026-02', to: '2026-02' }, NOW).period);
    expect(weeks[0]).toBe('2026-01-26');
    expect(weeks.at(-1)).toBe('2026-02-23');
  });

  it('takes the nearest-rank percentile: a value that occurred', () => {
    expect(nearestRank([], 0.5)).toBeNull();
    expect(nearestRank([7], 0.9)).toBe(7);
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
  });
});
