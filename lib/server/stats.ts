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
  type Dataset,
  type Period,
} from '@/lib/stats';
import { cached, tags } from './cache';

export const STATS_DATASETS = ['checked', 'time-to-verdict', 'replies', 'corrections', 'by-claimant', 'by-outlet'] as const;
export type StatsDatasetId = (typeof STATS_DATASETS)[number];

export const isStatsDataset = (value: string): value is StatsDatasetId => (STATS_DATASETS as readonly string[]).includes(value);

/**
 * Every chart of a statistics page for one period, computed together and kept until a claim,
 * response or article changes (every such write invalidates `lists`). The day is part of the
 * key: a request for comment whose deadline passes becomes "never answered" without a write.
 * The editors' version may lag behind the latest save like the public page does (`lag`, see
 * `cached`); the public page lags as a whole in the page cache, and its render counts afresh.
 */
export function readStats(scope: StatsScope, period: Period, now = Date.now(), options: { lag?: boolean } = {}): Record<StatsDatasetId, Dataset> {
  const day = new Date(now).toISOString().slice(0, 10);
  return cached(`stats:${scope}:${period.from}:${period.to}:${day}`, [tags.lists], () => {
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

export const DASHBOARD_DATASETS = ['workload', 'overdue'] as const;
export type DashboardDatasetId = (typeof DASHBOARD_DATASETS)[number];
export const isDashboardDataset = (value: string): value is DashboardDatasetId => (DASHBOARD_DATASETS as readonly string[]).includes(value);

/**
 * The editors' dashboard. Who has which claim and what waits for sign-off are read on every
 * request (partial indexes, about a millisecond): editors act on them, and must see the claim
 * they just sent for review. Overdue replies over time read every request for comment of the
 * period (tens of milliseconds on a big newsroom), so they are kept like the charts, per period
 * and day, and may lag behind the latest save as the charts do.
 */
export function readDashboard(period: Period, now = Date.now()) {
  const day = new Date(now).toISOString().slice(0, 10);
  return {
    workload: workload(countWorkload()),
    overdue: cached(`overdue:${period.from}:${period.to}:${day}`, [tags.lists], () => overdueOverTime(period, listOverdueIntervals({ period })), { lag: true }),
    waiting: listWaitingForSignOff(),
  };
}
