import 'server-only';
import {
  countCheckedByWeek,
  countCorrectionsByMonth,
  countRepliesByMonth,
  countVerdictsByClaimantKind,
  countVerdictsByOutlet,
  countWorkload,
  listOverdueIntervals,
  countVerdictWaits,
  listWaitingForSignOff,
  nextOpenDeadline,
  type StatsScope,
} from '@/db/queries/stats';
import {
  checkedPerWeek,
  correctionsPerMonth,
  overdueOverTime,
  workload,
  rightOfReply,
  timeToVerdict,
  verdictsByClaimantKind,
  verdictsByOutlet,
  periodQuery,
  type Dataset,
  type Period,
} from '@/lib/stats';
import { cached, cachedAsync, tags } from './cache';
import { renderOwnPage } from './page-cache';

export const STATS_DATASETS = ['checked', 'time-to-verdict', 'replies', 'corrections', 'by-claimant', 'by-outlet'] as const;
export type StatsDatasetId = (typeof STATS_DATASETS)[number];

export const isStatsDataset = (value: string): value is StatsDatasetId => (STATS_DATASETS as readonly string[]).includes(value);

/**
 * Every chart of a statistics page for one period, computed together and kept until a claim,
 * response or article changes (every such write invalidates `lists`, or `lists:responses` for a
 * response saved to a claim: the charts count replies, never when a claim last changed). The day is part of the
 * key: a request for comment whose deadline passes becomes "never answered" without a write.
 * The editors' version may lag behind the latest save like the public page does (`lag`, see
 * `cached`); the public page lags as a whole in the page cache, and its render counts afresh.
 */
export function readStats(scope: StatsScope, period: Period, now = Date.now(), options: { lag?: boolean } = {}): Record<StatsDatasetId, Dataset> {
  const day = new Date(now).toISOString().slice(0, 10);
  return cached(`stats:${scope}:${period.from}:${period.to}:${day}`, [tags.lists, tags.listResponses], () => {
    const args = { period, scope };
    return {
      checked: checkedPerWeek(period, countCheckedByWeek(args)),
      'time-to-verdict': timeToVerdict(period, countVerdictWaits(args)),
      replies: rightOfReply(period, countRepliesByMonth({ ...args, now })),
      corrections: correctionsPerMonth(period, countCorrectionsByMonth(args)),
      'by-claimant': verdictsByClaimantKind(countVerdictsByClaimantKind(args)),
      'by-outlet': verdictsByOutlet(countVerdictsByOutlet(args)),
    };
  }, options);
}

// The markers around the editors' charts in their internal page (app/internal/editor-charts):
// React escapes any such text in the figures, so only these elements can match.
export const FRAGMENT_START = 'editor-charts-start';
export const FRAGMENT_END = 'editor-charts-end';
const marker = (name: string) => `<template data-fragment="${name}"></template>`;

/**
 * The editors' overdue chart and six charts of everything the newsroom checked, rendered once per
 * period and moment (overdueMoment) as HTML and kept under `lists` and `lists:responses`, allowed to lag like the figures they draw: their render, not
 * their figures, was most of the dashboard's time (performance.md). Server components cannot
 * make HTML themselves, so the page cache's own loopback render makes it. Null when that cannot
 * be had (development): the page then renders the charts itself.
 */
export function readEditorChartsHtml(period: Period, now = Date.now()): Promise<string | null> {
  return cachedAsync(
    `editor-charts:${period.from}:${period.to}:${overdueMoment(now)}`,
    [tags.lists, tags.listResponses],
    async () => {
      const html = await renderOwnPage(`/internal/editor-charts?${periodQuery(period)}`);
      const start = html?.indexOf(marker(FRAGMENT_START)) ?? -1;
      const end = html?.indexOf(marker(FRAGMENT_END)) ?? -1;
      return html && start >= 0 && end > start ? html.slice(start + marker(FRAGMENT_START).length, end) : null;
    },
    { lag: true },
  );
}

export const DASHBOARD_DATASETS = ['workload', 'overdue'] as const;
export type DashboardDatasetId = (typeof DASHBOARD_DATASETS)[number];
export const isDashboardDataset = (value: string): value is DashboardDatasetId => (DASHBOARD_DATASETS as readonly string[]).includes(value);

/**
 * What the overdue figures as of `now` are kept for, besides the period: the day (a new week
 * begins on one) and the next deadline still to pass. The figure for the running week changes
 * when a deadline passes, with no write to drop it, so a quiet newsroom would otherwise see the
 * morning's count all day.
 */
function overdueMoment(now: number): string {
  return `${new Date(now).toISOString().slice(0, 10)}:${nextOpenDeadline(now) ?? 'none'}`;
}

/**
 * The editors' dashboard. Who has which claim and what waits for sign-off are read on every
 * request (partial indexes, about a millisecond): editors act on them, and must see the claim
 * they just sent for review. Overdue replies over time read every request for comment of the
 * period (tens of milliseconds on a big newsroom), so they are kept like the charts, per period
 * and moment (overdueMoment), and with `lag` may lag behind the latest save as the charts do.
 */
export function readDashboard(period: Period, now = Date.now(), options: { lag?: boolean } = {}) {
  return {
    workload: workload(countWorkload()),
    overdue: cached(`overdue:${period.from}:${period.to}:${overdueMoment(now)}`, [tags.lists, tags.listResponses], () => overdueOverTime(period, listOverdueIntervals({ period }), now), options),
    waiting: listWaitingForSignOff(),
  };
}
