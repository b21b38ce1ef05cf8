import { parse } from 'csv-parse/sync';
import { JSDOM } from 'jsdom';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatsFigure } from '@/components/stats-figure';
import { getDb } from '@/db';
import { deleteDraftClaim, withdrawClaim } from '@/db/queries/lifecycle';
import { addResponse, removeResponse, updateResponse } from '@/db/queries/sources';
import { recordEvent, write } from '@/db/queries/tx';
import { loadSynthetic } from '@/db/queries/synthetic';
import { seedDemoOnFirstRun } from '@/db/seed';
import { addUser, removeDatabase, useFreshDatabase } from '@/db/testing';
import { formatCell, MAX_OUTLETS, partyStatuses, NO_CLAIMANT, NO_OUTLET, OTHER_OUTLETS, parsePeriod, type Dataset } from '@/lib/stats';
import { STATUS_INFO } from '@/lib/status';
import { PARTY_KIND_LABELS } from '@/lib/vocabulary';
import { datasetCsv } from './export';
import { invalidate, tags } from './cache';
import { readPartyRecord } from './reader';
import { readDashboard, readStats, STATS_DATASETS } from './stats';

// Each chart's figures computed a second way, in SQL written apart from db/queries/stats.ts
// (from claim_events rather than claim_stats, with SQLite's date functions rather than integer
// arithmetic), on a seeded newsroom, and compared with what the page's table and the CSV show.

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const LOCALES = ['en-GB', 'de-DE'];
let file: string;

beforeAll(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun(NOW - 30 * DAY);
  loadSynthetic({ articles: 60, claims: 1500, seed: 11, now: NOW });
  const sqlite = getDb().$client;
  // Outlets as newsrooms type them: padded, right-to-left, a spreadsheet formula, quotes and commas.
  const outlets = ['  The Ledger  ', 'صحيفة المساء', '=HYPERLINK("https://evil.example","x")', 'Kurier, "Abend"', '', '東京新聞 📰'];
  const ids = sqlite.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[];
  ids.forEach((id, i) => sqlite.prepare('UPDATE articles SET outlet = ? WHERE id = ?').run(outlets[i % outlets.length], id));
  // Changes after the verdicts, straight to the tables (as a merge, a rename or another process
  // would make them): claim_stats' triggers must follow each, or the figures below disagree.
  sqlite.exec(`UPDATE parties SET kind = 'media' WHERE id IN (SELECT id FROM parties ORDER BY id LIMIT 3)`);
  sqlite.exec(`UPDATE claims SET status = 'false' WHERE id % 13 = 0`);
  sqlite.exec(`UPDATE claims SET status = 'unverified' WHERE id % 19 = 0`);
  sqlite.exec(`UPDATE claims SET published = 0 WHERE id % 17 = 0`);
  sqlite.exec(`UPDATE claims SET claimant_party_id = NULL WHERE id % 23 = 0`);
  sqlite.exec(`UPDATE articles SET published_at = NULL WHERE id % 5 = 0`);
  // Corrections (through the same event writer the app uses): the trigger keeps verdict times at the first verdict.
  const claims = sqlite.prepare("SELECT id FROM claims WHERE published = 1 AND status != 'unverified' ORDER BY id LIMIT 40").pluck().all() as number[];
  write((tx) =>
    claims.forEach((claimId, i) =>
      recordEvent(tx, { claimId, actorId: null, kind: 'corrected', before: { status: 'partly_true' }, after: { status: 'false', correction: 'Figures revised' }, at: new Date(NOW - (i * 17 + 3) * DAY) }),
    ),
  );
});
afterAll(() => removeDatabase(file));

const period = parsePeriod({ from: '2023-07', to: '2025-12' }, NOW).period;
const all = (sql: string, ...params: unknown[]) => getDb().$client.prepare(sql).all(...params) as Record<string, unknown>[];

/** Each claim readers see with a verdict, and when readers first saw one, straight from the history. */
const FIRST_VERDICTS = `
  WITH first AS (
    SELECT e.claim_id, min(e.at) AS at FROM claim_events e
    WHERE coalesce(json_extract(e.after, '$.status'), 'unverified') <> 'unverified'
      AND (e.kind IN ('published', 'status_changed', 'corrected') OR (e.kind = 'created' AND json_extract(e.after, '$.published') = 1))
    GROUP BY e.claim_id)
  SELECT c.id, c.status, c.created_at, first.at, a.published_at AS article_at, trim(a.outlet) AS outlet, p.kind AS kind
  FROM first JOIN claims c ON c.id = first.claim_id JOIN articles a ON a.id = c.article_id LEFT JOIN parties p ON p.id = c.claimant_party_id
  WHERE c.published = 1 AND c.status <> 'unverified' AND first.at >= ${period.start} AND first.at < ${period.end}`;

function expected(id: (typeof STATS_DATASETS)[number]): (string | number | null)[][] {
  switch (id) {
    case 'checked':
      return pivot(
        all(`SELECT date(at / 1000, 'unixepoch', '-6 days', 'weekday 1') AS b, status, count(*) AS n FROM (${FIRST_VERDICTS}) GROUP BY b, status`),
      );
    case 'time-to-verdict':
      return all(`
        WITH waits AS (
          SELECT strftime('%Y-%m', at / 1000, 'unixepoch') AS month,
                 CASE WHEN article_at IS NOT NULL AND article_at < created_at THEN at - article_at ELSE at - created_at END AS wait
          FROM (${FIRST_VERDICTS})),
        ranked AS (
          SELECT month, CASE WHEN wait < 0 THEN 0 ELSE wait END AS wait,
                 row_number() OVER (PARTITION BY month ORDER BY CASE WHEN wait < 0 THEN 0 ELSE wait END) AS rn,
                 count(*) OVER (PARTITION BY month) AS cnt
          FROM waits)
        SELECT month, max(cnt) AS n,
               max(CASE WHEN rn = (cnt + 1) / 2 THEN wait END) AS median,
               max(CASE WHEN rn = (9 * cnt + 9) / 10 THEN wait END) AS p90
        FROM ranked GROUP BY month`).map((r) => [r.month as string, r.n as number, days(r.median), days(r.p90)]);
    case 'replies':
      return all(
        `SELECT strftime('%Y-%m', r.requested_at / 1000, 'unixepoch') AS month, count(*) AS sent,
           count(CASE WHEN r.stance NOT IN ('no_response') AND NOT (r.responded_at > r.deadline_at) THEN 1 END) AS on_time,
           count(CASE WHEN r.stance NOT IN ('no_response') AND r.responded_at > r.deadline_at THEN 1 END) AS late,
           count(CASE WHEN r.stance = 'no_response' OR (r.stance IS NULL AND r.deadline_at < ?) THEN 1 END) AS never,
           count(CASE WHEN r.stance IS NULL AND NOT (r.deadline_at < ?) THEN 1 END) AS awaiting
         FROM responses r JOIN claims c ON c.id = r.claim_id
         WHERE c.published = 1 AND r.requested_at >= ? AND r.requested_at < ? GROUP BY month`,
        NOW, NOW, period.start, period.end,
      ).map((r) => [r.month, r.sent, r.on_time, r.late, r.never, r.awaiting] as (string | number)[]);
    case 'corrections':
      return all(
        `SELECT strftime('%Y-%m', e.at / 1000, 'unixepoch') AS month, count(*) AS n FROM claim_events e JOIN claims c ON c.id = e.claim_id
         WHERE e.kind = 'corrected' AND c.published = 1 AND e.at >= ? AND e.at < ? GROUP BY month`,
        period.start, period.end,
      ).map((r) => [r.month as string, r.n as number]);
    case 'by-claimant':
      return pivot(all(`SELECT kind AS b, status, count(*) AS n FROM (${FIRST_VERDICTS}) GROUP BY kind, status`)).map((row) => [
        row[0] === null ? NO_CLAIMANT : PARTY_KIND_LABELS[row[0] as keyof typeof PARTY_KIND_LABELS],
        ...row.slice(1),
      ]);
    case 'by-outlet':
      return pivot(all(`SELECT outlet AS b, status, count(*) AS n FROM (${FIRST_VERDICTS}) GROUP BY outlet, status`)).map((row) => [row[0] === '' ? NO_OUTLET : (row[0] ?? null), ...row.slice(1)]);
  }
}
const days = (ms: unknown) => (typeof ms === 'number' ? Math.round((ms / DAY) * 10) / 10 : null);
const STATUS_ORDER = Object.keys(STATUS_INFO).filter((s) => s !== 'unverified');
function pivot(rows: Record<string, unknown>[]): (string | number | null)[][] {
  const groups = new Map<unknown, number[]>();
  for (const r of rows) {
    const cells = groups.get(r.b) ?? STATUS_ORDER.map(() => 0);
    cells[STATUS_ORDER.indexOf(r.status as string)]! += r.n as number;
    groups.set(r.b, cells);
  }
  return [...groups].map(([b, cells]) => [b as string | null, ...cells, cells.reduce((x, y) => x + y, 0)]);
}

/** The data table as a reader's browser gets it: every row's cells as text. */
function tableCells(dataset: Dataset, locale: string): string[][] {
  const html = renderToStaticMarkup(createElement(StatsFigure, { dataset, description: '', chart: null, legend: [], csvHref: '/x.csv', locale }));
  const table = JSDOM.fragment(html).querySelector(`table[data-dataset="${dataset.id}"]`)!;
  return [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent ?? ''));
}

/** Each of `want` (rows counted apart) is a row of the chart's table (in every locale) and of its CSV, which have no other rows than the dataset's. */
function expectShownInTableAndCsv(dataset: Dataset, want: readonly (string | number | null)[][]) {
  for (const row of want) expect(dataset.rows).toContainEqual(row);
  for (const locale of LOCALES) {
    const shown = tableCells(dataset, locale);
    expect(shown).toHaveLength(dataset.rows.length);
    for (const row of want) expect(shown).toContainEqual(row.map((v, i) => formatCell(v, dataset.columns[i]!, locale)));
  }
  const csv = parse(datasetCsv(dataset), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  expect(csv).toHaveLength(dataset.rows.length);
  const keys = dataset.columns.map((c) => c.key);
  for (const row of want) {
    const asCsv = Object.fromEntries(keys.map((k, i) => [k, row[i] === null ? '' : String(row[i])]));
    // A cell a spreadsheet would run as a formula is written with an apostrophe before it.
    if (String(row[0]).startsWith('=')) asCsv[keys[0]!] = `'${row[0]}`;
    expect(csv).toContainEqual(asCsv);
  }
}

// Generous: on a loaded 2-core machine the first test pays for computing every chart and rendering two locales.
describe('statistics: the page’s table and CSV agree with SQL written apart', { timeout: 30_000 }, () => {
  const datasets = () => readStats('public', period, NOW);

  it('has figures to compare (the seed is not empty)', () => {
    const d = datasets();
    expect(d.checked.rows.reduce((n, r) => n + (r.at(-1) as number), 0)).toBeGreaterThan(300);
    expect(d.replies.rows.some((r) => (r[5] as number) > 0 || (r[4] as number) > 0)).toBe(true);
    expect(d.corrections.rows.reduce((n, r) => n + (r[1] as number), 0)).toBeGreaterThan(20);
  });

  for (const id of STATS_DATASETS) {
    it(`${id}: every non-empty row matches, in the table (${LOCALES.join(', ')}) and in the CSV`, () => {
      const dataset = datasets()[id];
      const want = expected(id);
      // Rows with figures, keyed by their first cell; empty weeks and months are zeros on the page.
      const numeric = dataset.columns.map((c) => c.numeric);
      const nonEmpty = dataset.rows.filter((r) => r.some((v, i) => numeric[i] && v));
      const sortKey = (r: readonly unknown[]) => String(r[0]);
      if (id === 'by-outlet' && want.length > MAX_OUTLETS) throw new Error('the seed has more outlets than the chart names');
      if (id !== 'by-claimant') expect([...nonEmpty].sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual([...want].sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
      else expect(nonEmpty.map(sortKey).sort()).toEqual(want.map(sortKey).sort());
      expectShownInTableAndCsv(dataset, want);
    });
  }

  it('writes numbers in the newsroom’s locale on the page, and plainly in the CSV', () => {
    const dataset: Dataset = { id: 'x', title: 'x', columns: [{ key: 'month', label: 'Month' }, { key: 'n', label: 'N', numeric: true }], rows: [['2025-01', 12345.5]] };
    expect(tableCells(dataset, 'en-GB')).toEqual([['2025-01', '12,345.5']]);
    expect(tableCells(dataset, 'de-DE')).toEqual([['2025-01', '12.345,5']]);
    expect(datasetCsv(dataset)).toBe('month,n\n2025-01,12345.5\n');
  });

  it('folds outlets past the first dozen into one row, so the chart keeps its size', () => {
    const sqlite = getDb().$client;
    const ids = sqlite.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[];
    ids.forEach((id, i) => sqlite.prepare('UPDATE articles SET outlet = ? WHERE id = ?').run(`Outlet ${i % 20}`, id));
    // As the article form's save does: the statistics are read again after it.
    invalidate([tags.lists]);
    const outlet = readStats('public', period, NOW)['by-outlet'];
    expect(outlet.rows).toHaveLength(MAX_OUTLETS);
    expect(outlet.rows.at(-1)![0]).toBe(OTHER_OUTLETS);
    const total = (d: Dataset) => d.rows.reduce((n, r) => n + (r.at(-1) as number), 0);
    expect(total(outlet)).toBe(total(readStats('public', period, NOW)['by-claimant']));
  });
});

describe('party scorecards agree with SQL written apart', { timeout: 30_000 }, () => {
  it('counts every party’s claims by status, its requests for comment by outcome, and the median wait for an answer', () => {
    const parties = all('SELECT id FROM parties ORDER BY id').map((r) => r.id as number);
    expect(parties.length).toBeGreaterThan(10);
    let compared = 0;
    let medians = 0;
    for (const partyId of parties) {
      const record = readPartyRecord(partyId, NOW);
      const statuses = partyStatuses(record.statuses);
      const wantStatuses = all('SELECT status, count(*) AS n FROM claims WHERE claimant_party_id = ? AND published = 1 GROUP BY status', partyId);
      expect(statuses.rows.map(([label, n]) => `${label}=${n}`).sort()).toEqual(wantStatuses.map((r) => `${STATUS_INFO[r.status as keyof typeof STATUS_INFO].label}=${r.n}`).sort());
      // The table readers get shows the same.
      if (statuses.rows.length) expect(tableCells(statuses, 'en-GB')).toEqual(statuses.rows.map((r) => [String(r[0]), String(r[1])]));

      const { medianMs, ...replies } = record.replies;
      const [want] = all(
        `SELECT count(*) AS sent,
           count(CASE WHEN stance <> 'no_response' AND NOT (responded_at > deadline_at) THEN 1 END) AS onTime,
           count(CASE WHEN stance <> 'no_response' AND responded_at > deadline_at THEN 1 END) AS late,
           count(CASE WHEN stance = 'no_response' OR (stance IS NULL AND deadline_at < ?) THEN 1 END) AS never,
           count(CASE WHEN stance IS NULL AND NOT (deadline_at < ?) THEN 1 END) AS awaiting
         FROM responses r JOIN claims c ON c.id = r.claim_id WHERE r.party_id = ? AND c.published = 1 AND r.requested_at IS NOT NULL`,
        NOW, NOW, partyId,
      );
      expect(replies).toEqual(want);
      // The median by sorting in JavaScript what the SQL above calls answered.
      const waits = all(
        `SELECT responded_at - requested_at AS ms FROM responses r JOIN claims c ON c.id = r.claim_id
         WHERE r.party_id = ? AND c.published = 1 AND r.requested_at IS NOT NULL AND r.responded_at IS NOT NULL AND stance <> 'no_response'`,
        partyId,
      ).map((r) => Math.max(0, r.ms as number)).sort((x, y) => x - y);
      expect(medianMs).toBe(waits.length ? waits[Math.ceil(waits.length / 2) - 1] : null);
      compared += replies.sent;
      if (waits.length > 2) medians++;
    }
    expect(compared).toBeGreaterThan(100);
    expect(medians).toBeGreaterThan(3);
  });
});

describe('the editors’ dashboard agrees with SQL written apart', { timeout: 30_000 }, () => {
  it('counts open claims per editor and state, overdue requests per week, and the sign-off queue', () => {
    const sqlite = getDb().$client;
    const [ana, ben] = ['Ana Ruiz', 'Ben Okoro'].map((name) => addUser(name));
    sqlite.prepare(`UPDATE claims SET assignee_id = ?, workflow = 'in_progress' WHERE published = 0 AND id % 3 = 0`).run(ana);
    sqlite.prepare(`UPDATE claims SET assignee_id = ?, workflow = 'ready_for_review' WHERE published = 0 AND id % 3 = 1`).run(ben);
    sqlite.prepare(`UPDATE claims SET pending_status = 'false', pending_by = ?, pending_at = ? WHERE published = 1 AND id % 29 = 0`).run(ana, NOW - 5 * DAY);
    const { workload, overdue, waiting } = readDashboard(period, NOW);

    const want = all(`SELECT coalesce(u.name, 'Not assigned') AS editor, c.workflow AS workflow, count(*) AS n FROM claims c LEFT JOIN users u ON u.id = c.assignee_id
      WHERE c.withdrawn_at IS NULL AND (c.workflow <> 'published' OR c.pending_status IS NOT NULL) GROUP BY 1, 2`);
    const states = workload.columns.slice(1, -1).map((c) => c.key);
    const editors = [...new Set(want.map((w) => w.editor as string))];
    const wantRows = editors.map((editor) => {
      const cells = states.map((state) => (want.find((w) => w.editor === editor && w.workflow === state)?.n as number | undefined) ?? 0);
      return [editor, ...cells, cells.reduce((a, b) => a + b, 0)];
    });
    expect(workload.rows.map((r) => r[0])).toEqual(['Ana Ruiz', 'Ben Okoro', 'Not assigned']);
    expect(workload.rows).toHaveLength(wantRows.length);
    expectShownInTableAndCsv(workload, wantRows);

    const overdueRows = overdue.rows.map(([week]) => {
      const end = Date.parse(`${week}T00:00:00Z`) + 7 * DAY;
      const [{ expected }] = all(
        `SELECT count(*) AS expected FROM responses r JOIN claims c ON c.id = r.claim_id
         WHERE c.withdrawn_at IS NULL AND r.requested_at IS NOT NULL AND r.deadline_at < ?
           AND (r.stance IS NULL OR coalesce(r.responded_at, r.updated_at) >= ?)`,
        end, end,
      ) as [{ expected: number }];
      return [week as string, expected] as [string, number];
    });
    expect(overdueRows.some((r) => r[1] > 0)).toBe(true);
    expectShownInTableAndCsv(overdue, overdueRows);

    const queue = all(`SELECT count(*) AS n FROM claims WHERE withdrawn_at IS NULL AND (workflow = 'ready_for_review' OR pending_status IS NOT NULL)`)[0]!.n;
    expect(waiting.total).toBe(queue);
    expect(waiting.rows.map((r) => r.since)).toEqual([...waiting.rows.map((r) => r.since)].sort((a, b) => a - b));
  });
});

describe('overdue replies in the week still running', { timeout: 30_000 }, () => {
  it('counts a request overdue once its deadline has passed as of now, not at the week’s end; weeks not begun have no figure', () => {
    // NOW is a Thursday, 00:00 UTC: its week (from Monday 29 December 2025) ends four days later.
    const thisWeek = '2025-12-29';
    const now = NOW + 9 * 3_600_000;
    const asked = all(`SELECT c.id AS claimId FROM claims c WHERE c.withdrawn_at IS NULL ORDER BY c.id LIMIT 5`) as { claimId: number }[];
    const party = all('SELECT id FROM parties ORDER BY id DESC LIMIT 1')[0]!.id as number;
    const ask = (claimId: number, deadlineAt: number) =>
      addResponse({ claimId, partyId: party, stance: null, requestedAt: new Date(NOW - 6 * DAY), deadlineAt: new Date(deadlineAt), actorId: null });
    // Due on Saturday and Sunday of this week (not passed), this morning at 08:00 (passed an hour ago), and tonight (not yet).
    ask(asked[0]!.claimId, NOW + 2 * DAY);
    ask(asked[1]!.claimId, NOW + 4 * DAY - 1);
    ask(asked[2]!.claimId, NOW + 8 * 3_600_000);
    ask(asked[3]!.claimId, NOW + 20 * 3_600_000);
    const current = parsePeriod({ from: '2025-11', to: '2026-01' }, now).period;
    const { overdue } = readDashboard(current, now);

    // Overdue as of a moment (a week's end, or now if sooner): deadline before it, and no answer yet then; SQLite's date arithmetic.
    const overdueAt = (week: string, cap: number) =>
      all(
        `WITH m AS (SELECT min(CAST(strftime('%s', ?, '+7 days') AS INTEGER) * 1000, ?) AS at)
         SELECT count(*) AS n FROM responses r JOIN claims c ON c.id = r.claim_id, m
         WHERE c.withdrawn_at IS NULL AND r.requested_at IS NOT NULL AND r.deadline_at < m.at
           AND (r.stance IS NULL OR coalesce(r.responded_at, r.updated_at) >= m.at)`,
        week, cap,
      )[0]!.n as number;
    const shown = new Map(overdue.rows.map(([week, n]) => [week as string, n as number]));
    // Of the four, only this morning's counts so far; at the week's end all four would.
    expect(overdueAt(thisWeek, Number.MAX_SAFE_INTEGER) - overdueAt(thisWeek, now)).toBeGreaterThanOrEqual(3);
    expect(shown.get(thisWeek)).toBe(overdueAt(thisWeek, now));
    expect(shown.get(thisWeek)).toBeGreaterThan(0);
    expect([...shown.keys()].at(-1)).toBe(thisWeek); // the weeks after it have not begun
    expectShownInTableAndCsv(overdue, [...shown.keys()].map((week) => [week, overdueAt(week, now)]));

    // Later the same day, with nothing written: tonight's deadline (20:00) has passed and counts, though the morning's figure was kept.
    const tonight = NOW + 21 * 3_600_000;
    const later = new Map(readDashboard(current, tonight).overdue.rows.map(([week, n]) => [week as string, n as number]));
    expect(later.get(thisWeek)).toBe(overdueAt(thisWeek, tonight));
    expect(later.get(thisWeek)).toBe(shown.get(thisWeek)! + 1);
    // Between two deadlines the kept figure is used again: it is the very same object.
    expect(readDashboard(current, tonight + 60_000).overdue).toBe(readDashboard(current, tonight).overdue);
    // A request whose deadline passed an hour ago, saved now: the CSV (no lag) counts it at once; the page may lag a few seconds.
    const lagging = readDashboard(current, tonight, { lag: true }).overdue;
    ask(asked[4]!.claimId, tonight - 3_600_000);
    invalidate([tags.lists]); // as the response's action does
    expect(readDashboard(current, tonight, { lag: true }).overdue).toBe(lagging);
    const fresh = new Map(readDashboard(current, tonight).overdue.rows.map(([week, n]) => [week as string, n as number]));
    expect(fresh.get(thisWeek)).toBe(later.get(thisWeek)! + 1);
  });
});

describe('the summary tables follow every write', { timeout: 30_000 }, () => {
  // What the triggers keep, counted again from scratch.
  const verdictsNow = () =>
    all(`SELECT dim, month, bucket, label, published, withdrawn, status, n FROM stats_verdict_counts ORDER BY 1, 2, 3, 4, 5, 6, 7`);
  const verdictsRecounted = () =>
    all(`SELECT dim, date(verdict_at / 1000, 'unixepoch', 'start of month') AS m, b AS bucket, l AS label, published, withdrawn, status, count(*) AS n FROM (
           SELECT 'week' AS dim, (verdict_at / ${DAY}) - (((verdict_at / ${DAY}) + 3) % 7) AS b, '' AS l, * FROM claim_stats
           UNION ALL SELECT 'wait', CAST(round(max(0, verdict_at - first_seen_at) / 8640000.0 + 0.0000001) AS INTEGER), '', * FROM claim_stats
           UNION ALL SELECT 'kind', 0, coalesce(claimant_kind, ''), * FROM claim_stats
           UNION ALL SELECT 'outlet', 0, outlet, * FROM claim_stats)
         GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`).map(({ m, ...r }) => ({ ...r, month: Date.parse(`${m as string}T00:00:00Z`) }));
  const repliesNow = () => all(`SELECT month, published, withdrawn, outcome, n FROM stats_reply_counts ORDER BY 1, 2, 3, 4`);
  const repliesRecounted = () =>
    all(`SELECT date(r.requested_at / 1000, 'unixepoch', 'start of month') AS m, c.published AS published, c.withdrawn_at IS NOT NULL AS withdrawn,
           CASE WHEN r.stance = 'no_response' THEN 'never' WHEN r.stance IS NOT NULL AND r.responded_at > r.deadline_at THEN 'late' ELSE 'onTime' END AS outcome, count(*) AS n
         FROM responses r JOIN claims c ON c.id = r.claim_id WHERE r.requested_at IS NOT NULL AND r.stance IS NOT NULL
         GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`).map(({ m, ...r }) => ({ month: Date.parse(`${m as string}T00:00:00Z`), ...r }));
  const sameAsRecounted = () => {
    const key = (r: Record<string, unknown>) => ['dim', 'month', 'bucket', 'label', 'published', 'withdrawn', 'status', 'n'].map((k) => r[k]);
    expect(verdictsNow().map(key)).toEqual(verdictsRecounted().map(key));
    expect(repliesNow()).toEqual(repliesRecounted());
  };

  it('after answers changed, removed and added, claims withdrawn, deleted, unpublished, and articles re-dated', () => {
    sameAsRecounted();
    const sqlite = getDb().$client;
    const asked = all(`SELECT r.id, r.claim_id AS claimId, r.version FROM responses r JOIN claims c ON c.id = r.claim_id
                       WHERE r.requested_at IS NOT NULL AND c.withdrawn_at IS NULL ORDER BY r.id LIMIT 12`) as { id: number; claimId: number; version: number }[];
    const party = all('SELECT id FROM parties ORDER BY id LIMIT 1')[0]!.id as number;
    // Through the app's writers: an open request answered late, an answer taken back, one removed, one added.
    asked.slice(0, 4).forEach((r, i) =>
      updateResponse({ id: r.id, claimId: r.claimId, version: r.version, partyId: party, actorId: null,
        stance: i % 2 ? null : 'disputes', requestedAt: new Date(NOW - 90 * DAY), deadlineAt: new Date(NOW - 80 * DAY), respondedAt: i % 2 ? null : new Date(NOW - (70 - i) * DAY) }),
    );
    removeResponse({ claimId: asked[4]!.claimId, id: asked[4]!.id, actorId: null });
    addResponse({ claimId: asked[5]!.claimId, partyId: party, stance: 'no_response', requestedAt: new Date(NOW - 40 * DAY), deadlineAt: new Date(NOW - 33 * DAY), actorId: null });
    // Claims withdrawn (through the app), unpublished and deleted (straight to the tables, as a script would).
    const seen = all(`SELECT id, version FROM claims WHERE published = 1 AND withdrawn_at IS NULL AND id IN (SELECT claim_id FROM responses WHERE stance IS NOT NULL) ORDER BY id DESC LIMIT 3`) as { id: number; version: number }[];
    withdrawClaim({ id: seen[0]!.id, version: seen[0]!.version, note: 'Quoted the wrong speaker.', actorId: null });
    sqlite.prepare('UPDATE claims SET published = 0 WHERE id = ?').run(seen[1]!.id);
    // A draft readers never saw, with answers recorded, deleted as the app does.
    const draft = all(`SELECT id FROM claims c WHERE published = 0 AND NOT EXISTS (SELECT 1 FROM claim_events e WHERE e.claim_id = c.id AND e.kind IN ('published', 'status_changed', 'corrected'))
                       AND EXISTS (SELECT 1 FROM responses r WHERE r.claim_id = c.id AND r.stance IS NOT NULL AND r.requested_at IS NOT NULL) LIMIT 1`)[0]!.id as number;
    const before = repliesNow().reduce((n, r) => n + (r.n as number), 0);
    deleteDraftClaim({ id: draft });
    expect(repliesNow().reduce((n, r) => n + (r.n as number), 0)).toBeLessThan(before);
    sqlite.exec(`UPDATE articles SET published_at = published_at - 3 * ${DAY} WHERE id % 4 = 1`);
    sqlite.exec(`UPDATE articles SET outlet = outlet || ' ' WHERE id % 4 = 2`);
    sameAsRecounted();
  });
});
