import { z } from 'zod';
import { STATUSES, STATUS_INFO, type Status } from './status';
import { PARTY_KINDS, PARTY_KIND_LABELS, type PartyKind, type Stance } from './vocabulary';

/**
 * Newsroom statistics without I/O: the period a page shows, its weekly and monthly buckets,
 * percentiles, and each chart's figures as one table (columns and rows) that the chart,
 * the page's data table and the CSV download all draw from, so they cannot disagree.
 */

const DAY = 86_400_000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Longest period a page shows: 260 weekly bars are already thinner than a line at 360 px. */
export const MAX_PERIOD_MONTHS = 60;
export const DEFAULT_PERIOD_MONTHS = 12;

export type Period = {
  /** First month shown, YYYY-MM. */
  from: string;
  /** Last month shown, YYYY-MM. */
  to: string;
  /** Start of `from` (inclusive) and of the month after `to` (exclusive), UTC milliseconds. */
  start: number;
  end: number;
};

export const monthStart = (month: string) => {
  const [, y, m] = MONTH.exec(month)!;
  return Date.UTC(Number(y), Number(m) - 1, 1);
};
export const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);
const addMonths = (month: string, n: number) => {
  const d = new Date(monthStart(month));
  d.setUTCMonth(d.getUTCMonth() + n);
  return monthOf(d.getTime());
};

const monthParam = z
  .string()
  .trim()
  .regex(MONTH, 'Give a month as YYYY-MM, e.g. 2026-03.')
  .refine((m) => Number(m.slice(0, 4)) >= 1970 && Number(m.slice(0, 4)) <= 9999, 'Give a year from 1970 to 9999.')
  .optional()
  .or(z.literal('').transform(() => undefined));

/** The period filter of the statistics pages (a plain GET form): two months, both optional. */
export const periodSchema = z
  .object({ from: monthParam, to: monthParam })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'The first month must not be after the last.', path: ['from'] })
  .refine((p) => !p.from || !p.to || monthsBetween(p.from, p.to) <= MAX_PERIOD_MONTHS, {
    message: `Choose at most ${MAX_PERIOD_MONTHS} months.`,
    path: ['from'],
  });

const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5)) + 1;

export type PeriodResult = { ok: true; period: Period } | { ok: false; period: Period; errors: Record<string, string> };

/**
 * The period asked for, or the last twelve months up to `now`. An invalid request gets the
 * default period and the reasons, so the page still shows figures beside the form's message.
 */
export function parsePeriod(params: URLSearchParams | Record<string, string | string[] | undefined>, now: number): PeriodResult {
  const get = (key: string) => {
    const v = params instanceof URLSearchParams ? params.get(key) : params[key];
    return Array.isArray(v) ? v[0] : (v ?? undefined);
  };
  const parsed = periodSchema.safeParse({ from: get('from') ?? undefined, to: get('to') ?? undefined });
  const fallback = (to = monthOf(now), from = addMonths(to, -(DEFAULT_PERIOD_MONTHS - 1))) => period(from, to);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'from')] ??= issue.message;
    return { ok: false, period: fallback(), errors };
  }
  const { from, to } = parsed.data;
  if (from && to) return { ok: true, period: period(from, to) };
  if (from) return { ok: true, period: period(from, minMonth(addMonths(from, DEFAULT_PERIOD_MONTHS - 1), addMonths(from, MAX_PERIOD_MONTHS - 1))) };
  return { ok: true, period: fallback(to) };
}
const minMonth = (a: string, b: string) => (a < b ? a : b);
const period = (from: string, to: string): Period => ({ from, to, start: monthStart(from), end: monthStart(addMonths(to, 1)) });

/** The query string of a period, for links (CSV downloads) that keep it. */
export const periodQuery = (p: Period) => `from=${p.from}&to=${p.to}`;

/** Every month of the period, YYYY-MM. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  for (let m = p.from; m <= p.to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The Monday (UTC) starting the week of a time, as milliseconds. 1 January 1970 was a Thursday. */
export function weekStart(ms: number): number {
  const days = Math.floor(ms / DAY);
  return (days - ((((days + 3) % 7) + 7) % 7)) * DAY;
}

/** Every week touching the period, by its Monday (YYYY-MM-DD). */
export function weeksOf(p: Period): string[] {
  const out: string[] = [];
  for (let w = weekStart(p.start); w < p.end; w += 7 * DAY) out.push(new Date(w).toISOString().slice(0, 10));
  return out;
}

/** The nearest-rank percentile (0 < q <= 1) of sorted values: a value that occurred, never an interpolation. */
export function nearestRank(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

// ---- each chart as one table ----

export type Cell = string | number | null;
export type Column = { key: string; label: string; numeric?: boolean; unit?: 'days' };
export type Dataset = { id: string; title: string; columns: Column[]; rows: Cell[][] };

/** Statuses a verdict chart has columns for: every status but "unverified", which is not a check. */
export const CHECKED_STATUSES = STATUSES.filter((s) => s !== 'unverified');
const statusColumns: Column[] = CHECKED_STATUSES.map((s) => ({ key: s, label: STATUS_INFO[s].label, numeric: true }));

export type StatusCount = { bucket: string; status: Status; n: number };

/** Claims checked per week, by status: one row per week of the period, zeros included. */
export function checkedPerWeek(p: Period, counts: readonly StatusCount[]): Dataset {
  const byWeek = new Map(weeksOf(p).map((w) => [w, new Map<Status, number>()]));
  for (const c of counts) {
    const week = byWeek.get(c.bucket);
    if (week) week.set(c.status, (week.get(c.status) ?? 0) + c.n);
  }
  return {
    id: 'checked',
    title: 'Claims checked per week, by status',
    columns: [{ key: 'week', label: 'Week starting' }, ...statusColumns, { key: 'total', label: 'Total', numeric: true }],
    rows: [...byWeek].map(([week, m]) => {
      const cells = CHECKED_STATUSES.map((s) => m.get(s) ?? 0);
      return [week, ...cells, cells.reduce((a, b) => a + b, 0)];
    }),
  };
}

/** Checked claims whose verdict came in `month`, `tenths` tenths of a day after they first appeared. */
export type VerdictWait = { month: string; tenths: number; n: number };

/** The nearest-rank percentile (0 < q <= 1) of values given as counts of each value, sorted by value. */
export function nearestRankCounted(sorted: readonly { value: number; n: number }[], q: number): number | null {
  const total = sorted.reduce((sum, c) => sum + c.n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const c of sorted) {
    seen += c.n;
    if (seen >= rank) return c.value;
  }
  return null;
}

/** Time from a claim's first appearance to its verdict, per month of the verdict: median and 90th percentile in days. */
export function timeToVerdict(p: Period, waits: readonly VerdictWait[]): Dataset {
  const byMonth = new Map(monthsOf(p).map((m) => [m, [] as { value: number; n: number }[]]));
  for (const w of waits) byMonth.get(w.month)?.push({ value: w.tenths, n: w.n });
  const days = (tenths: number | null) => (tenths === null ? null : tenths / 10);
  return {
    id: 'time-to-verdict',
    title: 'Time from first appearance to verdict',
    columns: [
      { key: 'month', label: 'Month of verdict' },
      { key: 'claims', label: 'Verdicts', numeric: true },
      { key: 'median_days', label: 'Median (days)', numeric: true, unit: 'days' },
      { key: 'p90_days', label: '90th percentile (days)', numeric: true, unit: 'days' },
    ],
    rows: [...byMonth].map(([month, counts]) => {
      const sorted = counts.sort((a, b) => a.value - b.value);
      return [month, sorted.reduce((sum, c) => sum + c.n, 0), days(nearestRankCounted(sorted, 0.5)), days(nearestRankCounted(sorted, 0.9))];
    }),
  };
}

export type ReplyMonth = { month: string; sent: number; onTime: number; late: number; never: number; awaiting: number };
export const REPLY_OUTCOMES = [
  { key: 'onTime', label: 'Answered on time' },
  { key: 'late', label: 'Answered late' },
  { key: 'never', label: 'Never answered' },
  { key: 'awaiting', label: 'Still awaited' },
] as const;

/** Right of reply by month the request was sent: sent, answered on time, late, never, still awaited. */
export function rightOfReply(p: Period, months: readonly ReplyMonth[]): Dataset {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  return {
    id: 'replies',
    title: 'Right of reply: requests for comment by month sent',
    columns: [
      { key: 'month', label: 'Month sent' },
      { key: 'sent', label: 'Requests sent', numeric: true },
      ...REPLY_OUTCOMES.map((o) => ({ key: o.key, label: o.label, numeric: true })),
    ],
    rows: monthsOf(p).map((month) => {
      const m = byMonth.get(month);
      return [month, m?.sent ?? 0, m?.onTime ?? 0, m?.late ?? 0, m?.never ?? 0, m?.awaiting ?? 0];
    }),
  };
}

/** Corrections to published verdicts per month. */
export function correctionsPerMonth(p: Period, months: readonly { month: string; n: number }[]): Dataset {
  const byMonth = new Map(months.map((m) => [m.month, m.n]));
  return {
    id: 'corrections',
    title: 'Corrections per month',
    columns: [
      { key: 'month', label: 'Month' },
      { key: 'corrections', label: 'Corrections', numeric: true },
    ],
    rows: monthsOf(p).map((month) => [month, byMonth.get(month) ?? 0]),
  };
}

export const NO_CLAIMANT = 'No claimant recorded';
export const NO_OUTLET = 'No outlet recorded';
export const OTHER_OUTLETS = 'All other outlets';
/** Outlets shown by name; the rest are added up in one row. */
export const MAX_OUTLETS = 12;

/** Verdicts by the kind of party that made the claim, every kind listed (zeros included). */
export function verdictsByClaimantKind(counts: readonly { bucket: PartyKind | null; status: Status; n: number }[]): Dataset {
  const keys: (PartyKind | null)[] = [...PARTY_KINDS, null];
  return breakdown(
    'by-claimant',
    'Verdicts by kind of claimant',
    'Claimant',
    keys.map((k) => ({ key: k ?? '', label: k ? PARTY_KIND_LABELS[k] : NO_CLAIMANT })),
    counts.map((c) => ({ ...c, bucket: c.bucket ?? '' })),
  );
}

/** Verdicts by outlet: the outlets with the most verdicts, then every other outlet in one row. */
export function verdictsByOutlet(counts: readonly { bucket: string; status: Status; n: number }[]): Dataset {
  const totals = new Map<string, number>();
  for (const c of counts) totals.set(c.bucket, (totals.get(c.bucket) ?? 0) + c.n);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  const named = new Set(ranked.slice(0, ranked.length > MAX_OUTLETS ? MAX_OUTLETS - 1 : MAX_OUTLETS));
  const folded = counts.map((c) => ({ ...c, bucket: named.has(c.bucket) ? c.bucket : '\u0000other' }));
  const keys = [...ranked.filter((k) => named.has(k)).map((k) => ({ key: k, label: k || NO_OUTLET }))];
  if (named.size < ranked.length) keys.push({ key: '\u0000other', label: OTHER_OUTLETS });
  return breakdown('by-outlet', 'Verdicts by outlet', 'Outlet', keys, folded);
}

function breakdown(
  id: string,
  title: string,
  label: string,
  keys: { key: string; label: string }[],
  counts: readonly { bucket: string; status: Status; n: number }[],
): Dataset {
  const rows = new Map(keys.map((k) => [k.key, new Map<Status, number>()]));
  for (const c of counts) {
    const row = rows.get(c.bucket);
    if (row && c.status !== 'unverified') row.set(c.status, (row.get(c.status) ?? 0) + c.n);
  }
  return {
    id,
    title,
    columns: [{ key: 'group', label }, ...statusColumns, { key: 'total', label: 'Total', numeric: true }],
    rows: keys.map((k) => {
      const cells = CHECKED_STATUSES.map((s) => rows.get(k.key)!.get(s) ?? 0);
      return [k.label, ...cells, cells.reduce((a, b) => a + b, 0)];
    }),
  };
}

// One formatter per locale: making one costs far more than formatting with it, and a statistics
// page formats thousands of numbers (every bar's title, every table cell).
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the newsroom's readers write it (grouping, decimal sign), or a dash for none. */
export function formatNumber(value: number | null, locale: string): string {
  if (value === null) return '–';
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })));
  return format.format(value);
}

/** A cell as the page's data table shows it: numbers in the reader's locale, text as it is. */
export function formatCell(value: Cell, column: Column, locale: string): string {
  if (column.numeric) return formatNumber(typeof value === 'number' ? value : null, locale);
  return value === null ? '–' : String(value);
}

// ---- the editors' dashboard ----

/** How many of the sorted values are below `x`. */
function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const WORKLOAD_STATES = [
  { key: 'draft', label: 'Draft' },
  { key: 'in_progress', label: 'In progress' },
  { key: 'ready_for_review', label: 'Ready for review' },
  { key: 'published', label: 'Change waiting for sign-off' },
] as const;
export const UNASSIGNED = 'Not assigned';

/** Open claims per editor and workflow state (editors by name, "not assigned" last). */
export function workload(rows: readonly { editor: string | null; workflow: string; n: number }[]): Dataset {
  const byEditor = new Map<string | null, Map<string, number>>();
  for (const r of rows) {
    const m = byEditor.get(r.editor) ?? new Map<string, number>();
    m.set(r.workflow, (m.get(r.workflow) ?? 0) + r.n);
    byEditor.set(r.editor, m);
  }
  const editors = [...byEditor.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  return {
    id: 'workload',
    title: 'Open claims per editor, by workflow state',
    columns: [{ key: 'editor', label: 'Editor' }, ...WORKLOAD_STATES.map((s) => ({ key: s.key, label: s.label, numeric: true })), { key: 'total', label: 'Total', numeric: true }],
    rows: editors.map((e) => {
      const cells = WORKLOAD_STATES.map((s) => byEditor.get(e)!.get(s.key) ?? 0);
      return [e ?? UNASSIGNED, ...cells, cells.reduce((a, b) => a + b, 0)];
    }),
  };
}

/**
 * Requests for comment overdue at the end of each week of the period (open past their deadline
 * then). The week still running is counted as of `now`, not its end: a deadline later this week
 * has not passed yet. Weeks that have not begun are left out, as nobody knows their end.
 */
export function overdueOverTime(p: Period, intervals: readonly { from: number; until: number | null }[], now: number): Dataset {
  const weeks = weeksOf(p).filter((week) => Date.parse(`${week}T00:00:00Z`) <= now);
  const starts = intervals.map((i) => i.from).sort((a, b) => a - b);
  const answered = intervals.flatMap((i) => (i.until === null ? [] : [i.until])).sort((a, b) => a - b);
  return {
    id: 'overdue',
    title: 'Overdue replies at the end of each week',
    columns: [
      { key: 'week', label: 'Week starting' },
      { key: 'overdue', label: 'Overdue requests', numeric: true },
    ],
    // Overdue at a moment: became overdue before it, less those answered before it (an answer
    // always comes after the deadline it is overdue from). Sorted once: a five-year page has 260
    // weeks and tens of thousands of requests.
    rows: weeks.map((week) => {
      const at = Math.min(Date.parse(`${week}T00:00:00Z`) + 7 * DAY, now);
      return [week, countBelow(starts, at) - countBelow(answered, at)];
    }),
  };
}

// ---- party scorecards ----

/** The stances the scorecard lists as a party's latest disputes and confirmations. */
export const DISPUTING_STANCES = ['disputes', 'denies'] as const satisfies readonly Stance[];
export const CONFIRMING_STANCES = ['confirms', 'partly_confirms'] as const satisfies readonly Stance[];

/** A party's claims by status (statuses it has claims in, in vocabulary order). */
export function partyStatuses(counts: readonly { status: Status; n: number }[]): Dataset {
  const byStatus = new Map(counts.filter((c) => c.n > 0).map((c) => [c.status, c.n]));
  return {
    id: 'party-statuses',
    title: 'Their claims by status',
    columns: [
      { key: 'status', label: 'Status' },
      { key: 'claims', label: 'Claims', numeric: true },
    ],
    rows: STATUSES.filter((s) => byStatus.has(s)).map((s) => [STATUS_INFO[s].label, byStatus.get(s)!]),
  };
}

/** Milliseconds as days to one decimal, as the statistics show waits. */
export const msToDays = (ms: number | null) => (ms === null ? null : Math.round((ms / DAY) * 10) / 10);
