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
 */
export function readStats(scope: StatsScope, period: Period, now = Date.now()): Record<StatsDatasetId, Dataset> {
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
  });
}

export const DASHBOARD_DATASETS = ['workload', 'overdue'] as const;
export type DashboardDatasetId = (typeof DASHBOARD_DATASETS)[number];
export const isDashboardDataset = (value: string): value is DashboardDatasetId => (DASHBOARD_DATASETS as readonly string[]).includes(value);

/**
 * The editors' dashboard: read fresh on every request (assignments and sign-offs change by the
 * minute, and only editors load it).
 */
export function readDashboard(period: Period) {
  return {
    workload: workload(countWorkload()),
    overdue: overdueOverTime(period, listOverdueIntervals({ period })),
    waiting: listWaitingForSignOff(),
  };
}
