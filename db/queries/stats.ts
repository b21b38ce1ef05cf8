import 'server-only';
import { prepared } from '@/db';
import type { STATS_VERDICT_DIMENSIONS } from '@/db/schema';
import { monthOf, type Period, type ReplyMonth, type StatusCount, type VerdictWait } from '@/lib/stats';
import type { Status } from '@/lib/status';
import type { PartyKind, Stance } from '@/lib/vocabulary';

/**
 * The figures behind the statistics pages. `public` counts what readers can see (published
 * claims); `newsroom` counts every claim, drafts included, for the editors' version.
 * Verdict times come from claim_stats, which a trigger keeps in step with claim_events.
 */
export type StatsScope = 'public' | 'newsroom';

const DAY = 86_400_000;
type StatsVerdictDimension = (typeof STATS_VERDICT_DIMENSIONS)[number];
const visible = (scope: StatsScope, alias = 'c') => (scope === 'public' ? `${alias}.published = 1` : `${alias}.withdrawn_at IS NULL`);

/**
 * One dimension of stats_verdict_counts (the verdicts of claim_stats counted by month, kept by
 * triggers) over the period, counted in scope and added up by the columns a chart groups by.
 */
type VerdictCount = { month: number; bucket: number; label: string; status: Status; n: number };
function verdictCounts<K extends Exclude<keyof VerdictCount, 'n'>>(
  dim: StatsVerdictDimension,
  by: readonly K[],
  { period, scope }: { period: Period; scope: StatsScope },
): Pick<VerdictCount, K | 'n'>[] {
  const columns = by.map((c) => `v.${c}`).join(', ');
  return prepared(
    `SELECT ${by.map((c) => `v.${c} AS ${c}`).join(', ')}, sum(v.n) AS n
     FROM stats_verdict_counts v
     WHERE v.dim = ? AND v.month >= ? AND v.month < ? AND ${scope === 'public' ? 'v.published = 1' : 'v.withdrawn = 0'} AND v.status != 'unverified'
     GROUP BY ${columns} HAVING sum(v.n) > 0`,
  ).all(dim, period.start, period.end) as never;
}

/** Checked claims (current status other than unverified) by the Monday of the week readers first saw a verdict. */
export function countCheckedByWeek(args: { period: Period; scope: StatsScope }): StatusCount[] {
  return verdictCounts('week', ['bucket', 'status'], args).map((r) => ({ bucket: new Date(r.bucket * DAY).toISOString().slice(0, 10), status: r.status, n: r.n }));
}

/**
 * Checked claims with their verdict in the period, by the month of the verdict and the time since
 * the claim first appeared (its article's date, or when it was recorded if that is earlier or
 * unknown; never below zero), in tenths of a day.
 */
export function countVerdictWaits(args: { period: Period; scope: StatsScope }): VerdictWait[] {
  return verdictCounts('wait', ['month', 'bucket'], args).map((r) => ({ month: monthOf(r.month), tenths: r.bucket, n: r.n }));
}

/**
 * Requests for comment by month sent. Answered: any stance but "did not respond"; on time when it
 * came by the deadline (or either date is unknown). Never: no answer and the deadline passed.
 * Those with an answer recorded are counted in stats_reply_counts (kept by triggers, by the rules
 * of REPLY_OUTCOMES below); those still open are counted here, against `now`.
 */
export function countRepliesByMonth({ period, scope, now }: { period: Period; scope: StatsScope; now: number }): ReplyMonth[] {
  const rows = prepared(
    `SELECT month, sum(sent) AS sent, sum(onTime) AS onTime, sum(late) AS late, sum(never) AS never, sum(awaiting) AS awaiting FROM (
       SELECT s.month AS month, sum(s.n) AS sent, sum(iif(s.outcome = 'onTime', s.n, 0)) AS onTime, sum(iif(s.outcome = 'late', s.n, 0)) AS late,
              sum(iif(s.outcome = 'never', s.n, 0)) AS never, 0 AS awaiting
       FROM stats_reply_counts s
       WHERE s.month >= @start AND s.month < @end AND ${scope === 'public' ? 's.published = 1' : 's.withdrawn = 0'}
       GROUP BY s.month
       UNION ALL
       SELECT CAST(strftime('%s', r.requested_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000, count(*), 0, 0,
              coalesce(sum(r.deadline_at < @now), 0), coalesce(sum(r.deadline_at IS NULL OR r.deadline_at >= @now), 0)
       FROM responses r JOIN claims c ON c.id = r.claim_id
       WHERE r.stance IS NULL AND r.requested_at IS NOT NULL AND r.requested_at >= @start AND r.requested_at < @end AND ${visible(scope)}
       GROUP BY 1)
     GROUP BY month HAVING sum(sent) > 0`,
  ).all({ start: period.start, end: period.end, now }) as (Omit<ReplyMonth, 'month'> & { month: number })[];
  return rows.map((r) => ({ ...r, month: monthOf(r.month) }));
}
const ANSWERED = `(r.stance IS NOT NULL AND r.stance != 'no_response')`;
// What became of requests for comment (r, with @now). The triggers of stats_reply_counts
// (migration 0014) sort answered requests by the same rules; lib/server/stats.test.ts checks both.
const REPLY_OUTCOMES = `count(*) AS sent,
  coalesce(sum(${ANSWERED} AND (r.responded_at IS NULL OR r.deadline_at IS NULL OR r.responded_at <= r.deadline_at)), 0) AS onTime,
  coalesce(sum(${ANSWERED} AND r.responded_at > r.deadline_at), 0) AS late,
  coalesce(sum(NOT ${ANSWERED} AND (r.stance = 'no_response' OR r.deadline_at < @now)), 0) AS never,
  coalesce(sum(NOT ${ANSWERED} AND r.stance IS NULL AND (r.deadline_at IS NULL OR r.deadline_at >= @now)), 0) AS awaiting`;

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
export function countVerdictsByClaimantKind(args: { period: Period; scope: StatsScope }) {
  return verdictCounts('kind', ['label', 'status'], args).map((r) => ({ bucket: (r.label || null) as PartyKind | null, status: r.status, n: r.n }));
}

/** Checked claims with their verdict in the period, by the outlet of the article they were found in. */
export function countVerdictsByOutlet(args: { period: Period; scope: StatsScope }) {
  return verdictCounts('outlet', ['label', 'status'], args).map((r) => ({ bucket: r.label, status: r.status, n: r.n }));
}

// ---- the editors' dashboard (internal figures) ----

// The very terms of the partial indexes claims_open_idx and claims_sign_off_idx, so the dashboard reads those alone.
const OPEN = `c.withdrawn_at IS NULL AND (c.workflow != 'published' OR c.pending_status IS NOT NULL)`;
const SIGN_OFF = `c.withdrawn_at IS NULL AND (c.workflow = 'ready_for_review' OR c.pending_status IS NOT NULL)`;

/** Claims not yet published (nor withdrawn) by who is assigned (null: nobody) and workflow state. */
export function countWorkload(): { editor: string | null; workflow: string; n: number }[] {
  return prepared(
    `SELECT u.name AS editor, c.workflow AS workflow, count(*) AS n
     FROM claims c LEFT JOIN users u ON u.id = c.assignee_id
     WHERE ${OPEN}
     GROUP BY c.assignee_id, c.workflow`,
  ).all() as { editor: string | null; workflow: string; n: number }[];
}

/**
 * Requests for comment that were overdue at some time in the period: from their deadline until
 * an answer was recorded (null: still open). A "did not respond" entry closes one too.
 */
export function listOverdueIntervals({ period }: { period: Period }): { from: number; until: number | null }[] {
  // Still open, then answered after the deadline: each part reads a partial index of its own.
  return prepared(
    `SELECT r.deadline_at AS "from", NULL AS until
     FROM responses r JOIN claims c ON c.id = r.claim_id
     WHERE r.stance IS NULL AND r.requested_at IS NOT NULL AND r.deadline_at < @end AND c.withdrawn_at IS NULL
     UNION ALL
     SELECT r.deadline_at, coalesce(r.responded_at, r.updated_at)
     FROM responses r JOIN claims c ON c.id = r.claim_id
     WHERE r.stance IS NOT NULL AND r.requested_at IS NOT NULL AND coalesce(r.responded_at, r.updated_at) > r.deadline_at
       AND coalesce(r.responded_at, r.updated_at) >= @start AND r.deadline_at < @end AND c.withdrawn_at IS NULL`,
  ).all({ start: period.start, end: period.end }) as { from: number; until: number | null }[];
}

/**
 * The first deadline after `now` of a request for comment still open: until then the overdue
 * figures as of now stay what they are, without any write (null: none to come).
 */
export function nextOpenDeadline(now: number): number | null {
  return prepared(`SELECT min(deadline_at) FROM responses WHERE deadline_at > ? AND stance IS NULL AND requested_at IS NOT NULL`)
    .pluck()
    .get(now) as number | null;
}

/** Claims waiting for a second editor's sign-off (a first verdict or a change to a published one), longest first. */
export function listWaitingForSignOff({ limit = 20 }: { limit?: number } = {}) {
  const rows = prepared(
    `SELECT c.id, c.slug, c.statement, c.article_id AS articleId, coalesce(c.pending_at, c.updated_at) AS since, u.name AS proposer
     FROM claims c LEFT JOIN users u ON u.id = coalesce(c.pending_by, c.verdict_set_by)
     WHERE ${SIGN_OFF}
     ORDER BY since, c.id LIMIT ?`,
  ).all(limit) as { id: number; slug: string; statement: string; articleId: number; since: number; proposer: string | null }[];
  const total = prepared(`SELECT count(*) FROM claims c WHERE ${SIGN_OFF}`)
    .pluck()
    .get() as number;
  return { rows, total };
}

// ---- party scorecards (over all of a party's published claims, whatever page of them is listed) ----

/** A party's published claims by status. */
export function countPartyStatuses({ partyId }: { partyId: number }): { status: Status; n: number }[] {
  return prepared(`SELECT c.status AS status, count(*) AS n FROM claims c WHERE c.claimant_party_id = ? AND c.published = 1 GROUP BY c.status`).all(
    partyId,
  ) as { status: Status; n: number }[];
}

/**
 * How a party answered our requests for comment on published claims, by the statistics' rules, with
 * the nearest-rank median time an answer took (null: none answered).
 */
export function countPartyReplies({ partyId, now }: { partyId: number; now: number }): Omit<ReplyMonth, 'month'> & { medianMs: number | null } {
  const args = { partyId, now };
  const asked = `FROM responses r JOIN claims c ON c.id = r.claim_id WHERE r.party_id = @partyId AND c.published = 1 AND r.requested_at IS NOT NULL`;
  const counts = prepared(`SELECT ${REPLY_OUTCOMES} ${asked}`).get(args) as Omit<ReplyMonth, 'month'>;
  const medianMs = prepared(
    `WITH waits AS (SELECT max(0, r.responded_at - r.requested_at) AS ms ${asked} AND ${ANSWERED} AND r.responded_at IS NOT NULL)
     SELECT ms FROM waits ORDER BY ms LIMIT 1 OFFSET (SELECT max(0, (count(*) + 1) / 2 - 1) FROM waits)`,
  )
    .pluck()
    .get({ partyId }) as number | undefined;
  return { ...counts, medianMs: medianMs ?? null };
}

/** A party's responses on published claims by the stance readers are shown (a lapsed request counts as no response). */
export function countPartyStances({ partyId, now }: { partyId: number; now: number }): { stance: Stance | 'awaiting'; n: number }[] {
  return prepared(
    `SELECT CASE WHEN r.stance IS NOT NULL THEN r.stance WHEN r.deadline_at < @now THEN 'no_response' ELSE 'awaiting' END AS stance, count(*) AS n
     FROM responses r JOIN claims c ON c.id = r.claim_id WHERE r.party_id = @partyId AND c.published = 1
     GROUP BY 1`,
  ).all({ partyId, now }) as { stance: Stance | 'awaiting'; n: number }[];
}
