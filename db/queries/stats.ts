import 'server-only';
import { getDb } from '@/db';
import type { Period, ReplyMonth, StatusCount } from '@/lib/stats';
import type { Status } from '@/lib/status';
import type { PartyKind } from '@/lib/vocabulary';

/**
 * The figures behind the statistics pages. `public` counts what readers can see (published
 * claims); `newsroom` counts every claim, drafts included, for the editors' version.
 * Verdict times come from claim_stats, which a trigger keeps in step with claim_events.
 */
export type StatsScope = 'public' | 'newsroom';

const DAY = 86_400_000;
const visible = (scope: StatsScope, alias = 'c') => (scope === 'public' ? `${alias}.published = 1` : `${alias}.withdrawn_at IS NULL`);
// The same on claim_stats, the summary the verdict charts read (columns copied from the claim).
const counted = (scope: StatsScope) => `${scope === 'public' ? 's.published = 1' : 's.withdrawn = 0'} AND s.status != 'unverified'`;

// Prepared once per connection and SQL text: the pages run the same few statements many times.
const statements = new WeakMap<object, Map<string, import('better-sqlite3').Statement>>();
function prepared(sql: string) {
  const sqlite = getDb().$client;
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}

/** Checked claims (current status other than unverified) by the Monday of the week readers first saw a verdict. */
export function countCheckedByWeek({ period, scope }: { period: Period; scope: StatsScope }): StatusCount[] {
  const rows = prepared(
    `SELECT (s.verdict_at / ${DAY}) - (((s.verdict_at / ${DAY}) + 3) % 7) AS day, s.status AS status, count(*) AS n
     FROM claim_stats s
     WHERE s.verdict_at >= ? AND s.verdict_at < ? AND ${counted(scope)}
     GROUP BY day, s.status`,
  ).all(period.start, period.end) as { day: number; status: Status; n: number }[];
  return rows.map((r) => ({ bucket: new Date(r.day * DAY).toISOString().slice(0, 10), status: r.status, n: r.n }));
}

/**
 * For each checked claim with its verdict in the period: the month of the verdict and the time
 * since the claim first appeared (its article's date, or when it was recorded if that is earlier
 * or unknown; never below zero).
 */
export function listVerdictWaits({ period, scope }: { period: Period; scope: StatsScope }): { month: string; ms: number }[] {
  return prepared(
    `SELECT strftime('%Y-%m', s.verdict_at / 1000, 'unixepoch') AS month,
            max(0, s.verdict_at - s.first_seen_at) AS ms
     FROM claim_stats s
     WHERE s.verdict_at >= ? AND s.verdict_at < ? AND ${counted(scope)}`,
  ).all(period.start, period.end) as { month: string; ms: number }[];
}

/**
 * Requests for comment by month sent. Answered: any stance but "did not respond"; on time when it
 * came by the deadline (or either date is unknown). Never: no answer and the deadline passed.
 */
export function countRepliesByMonth({ period, scope, now }: { period: Period; scope: StatsScope; now: number }): ReplyMonth[] {
  return prepared(
    `SELECT strftime('%Y-%m', r.requested_at / 1000, 'unixepoch') AS month,
            count(*) AS sent,
            sum(${ANSWERED} AND (r.responded_at IS NULL OR r.deadline_at IS NULL OR r.responded_at <= r.deadline_at)) AS onTime,
            sum(${ANSWERED} AND r.responded_at > r.deadline_at) AS late,
            sum(NOT ${ANSWERED} AND (r.stance = 'no_response' OR r.deadline_at < @now)) AS never,
            sum(NOT ${ANSWERED} AND r.stance IS NULL AND (r.deadline_at IS NULL OR r.deadline_at >= @now)) AS awaiting
     FROM responses r JOIN claims c ON c.id = r.claim_id
     WHERE r.requested_at >= @start AND r.requested_at < @end AND ${visible(scope)}
     GROUP BY month`,
  ).all({ start: period.start, end: period.end, now }) as ReplyMonth[];
}
const ANSWERED = `(r.stance IS NOT NULL AND r.stance != 'no_response')`;

/** Corrections to published verdicts per month (the public corrections log, counted). */
export function countCorrectionsByMonth({ period, scope }: { period: Period; scope: StatsScope }): { month: string; n: number }[] {
  return prepared(
    `SELECT strftime('%Y-%m', e.at / 1000, 'unixepoch') AS month, count(*) AS n
     FROM claim_events e JOIN claims c ON c.id = e.claim_id
     WHERE e.kind = 'corrected' AND e.at >= ? AND e.at < ? AND ${visible(scope)}
     GROUP BY month`,
  ).all(period.start, period.end) as { month: string; n: number }[];
}

/** Checked claims with their verdict in the period, by the kind of party that made them (null: no claimant). */
export function countVerdictsByClaimantKind({ period, scope }: { period: Period; scope: StatsScope }) {
  return prepared(
    `SELECT s.claimant_kind AS bucket, s.status AS status, count(*) AS n
     FROM claim_stats s
     WHERE s.verdict_at >= ? AND s.verdict_at < ? AND ${counted(scope)}
     GROUP BY s.claimant_kind, s.status`,
  ).all(period.start, period.end) as { bucket: PartyKind | null; status: Status; n: number }[];
}

/** Checked claims with their verdict in the period, by the outlet of the article they were found in. */
export function countVerdictsByOutlet({ period, scope }: { period: Period; scope: StatsScope }) {
  return prepared(
    `SELECT s.outlet AS bucket, s.status AS status, count(*) AS n
     FROM claim_stats s
     WHERE s.verdict_at >= ? AND s.verdict_at < ? AND ${counted(scope)}
     GROUP BY s.outlet, s.status`,
  ).all(period.start, period.end) as { bucket: string; status: Status; n: number }[];
}

// ---- the editors' dashboard (internal figures) ----

/** Claims not yet published (nor withdrawn) by who is assigned (null: nobody) and workflow state. */
export function countWorkload(): { editor: string | null; workflow: string; n: number }[] {
  return prepared(
    `SELECT u.name AS editor, c.workflow AS workflow, count(*) AS n
     FROM claims c LEFT JOIN users u ON u.id = c.assignee_id
     WHERE c.withdrawn_at IS NULL AND (c.workflow != 'published' OR c.pending_status IS NOT NULL)
     GROUP BY c.assignee_id, c.workflow`,
  ).all() as { editor: string | null; workflow: string; n: number }[];
}

/**
 * Requests for comment that were overdue at some time in the period: from their deadline until
 * an answer was recorded (null: still open). A "did not respond" entry closes one too.
 */
export function listOverdueIntervals({ period }: { period: Period }): { from: number; until: number | null }[] {
  return prepared(
    `SELECT r.deadline_at AS "from", CASE WHEN r.stance IS NULL THEN NULL ELSE coalesce(r.responded_at, r.updated_at) END AS until
     FROM responses r JOIN claims c ON c.id = r.claim_id
     WHERE r.requested_at IS NOT NULL AND r.deadline_at < @end AND c.withdrawn_at IS NULL
       AND (r.stance IS NULL OR coalesce(r.responded_at, r.updated_at) > r.deadline_at)
       AND (r.stance IS NULL OR coalesce(r.responded_at, r.updated_at) >= @start)`,
  ).all({ start: period.start, end: period.end }) as { from: number; until: number | null }[];
}

/** Claims waiting for a second editor's sign-off (a first verdict or a change to a published one), longest first. */
export function listWaitingForSignOff({ limit = 20 }: { limit?: number } = {}) {
  const sqlite = getDb().$client;
  const rows = prepared(
    `SELECT c.id, c.slug, c.statement, c.article_id AS articleId, coalesce(c.pending_at, c.updated_at) AS since, u.name AS proposer
     FROM claims c LEFT JOIN users u ON u.id = coalesce(c.pending_by, c.verdict_set_by)
     WHERE c.withdrawn_at IS NULL AND (c.workflow = 'ready_for_review' OR c.pending_status IS NOT NULL)
     ORDER BY since, c.id LIMIT ?`,
  ).all(limit) as { id: number; slug: string; statement: string; articleId: number; since: number; proposer: string | null }[];
  const total = sqlite
    .prepare(`SELECT count(*) FROM claims WHERE withdrawn_at IS NULL AND (workflow = 'ready_for_review' OR pending_status IS NOT NULL)`)
    .pluck()
    .get() as number;
  return { rows, total };
}
