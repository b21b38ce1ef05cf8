import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterSelect, filterControlClass } from '@/components/forms/filter-select';
import { DemoLabel } from '@/components/demo-label';
import { CellLabel, stacked } from '@/components/stacked-table';
import { StatusBadge } from '@/components/status-badge';
import { BOARD_LIMIT, listBoardClaims } from '@/db/queries/board';
import { listArticleOptions } from '@/db/queries/editor';
import { listParties } from '@/db/queries/parties';
import { listUsers } from '@/db/queries/users';
import { signOffRequired } from '@/db/queries/workflow';
import { formatDate } from '@/lib/format';
import { requirePageUser } from '@/lib/server/session';
import { STATUSES, STATUS_INFO } from '@/lib/status';
import { WORKFLOW_LABELS, WORKFLOW_STATES } from '@/lib/workflow';
import { AssignSelect } from './assign-select';
import { WorkflowControls } from '../_components/workflow-controls';
import { boardCursor, boardFilterSchema, cursorValue } from './schema';

export const metadata: Metadata = { title: 'Review board' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BoardPage({ searchParams }: Props) {
  const me = await requirePageUser('editor');
  const raw = await searchParams;
  const f = boardFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const assigneeId = f.mine ? me.id : f.assignee;
  const { rows, total, offset } = listBoardClaims(
    { assigneeId, articleId: f.article, status: f.status, workflow: f.state, partyId: f.party, olderThanDays: f.age },
    { cursor: boardCursor(f) },
  );
  const editors = listUsers().filter((u) => !u.disabledAt);
  const signOff = signOffRequired();
  // The board's address with these filters, and the view or page changed.
  const keep = (change: Partial<typeof f>) => {
    const params = new URLSearchParams(Object.entries({ ...f, ...change }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
    return `/edit/board?${params}`;
  };
  const paged = total > rows.length;
  const newer = offset > 0 && rows.length ? { href: keep({ after: undefined, before: cursorValue(rows[0]!) }), count: Math.min(BOARD_LIMIT, offset) } : null;
  const left = total - offset - rows.length;
  const older = left > 0 && rows.length ? { href: keep({ before: undefined, after: cursorValue(rows.at(-1)!) }), count: Math.min(BOARD_LIMIT, left) } : null;
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Review board</h1>
        <p className="text-sm">
          {f.view === 'board' ? <Link href={keep({ view: 'table' })}>Show as table</Link> : <Link href={keep({ view: 'board' })}>Show as board</Link>}
        </p>
      </div>
      <p className="muted mb-4 text-sm">
        {signOff ? 'A second editor must approve every verdict before it is published.' : 'Verdicts are published without a second approval.'}
      </p>
      <form method="get" className="panel mb-6 flex flex-wrap items-end gap-3 rounded-lg p-3 text-sm" aria-label="Filter claims">
        <input type="hidden" name="view" value={f.view} />
        <label className="flex items-center gap-1">
          <input type="checkbox" name="mine" value="1" defaultChecked={Boolean(f.mine)} /> My claims
        </label>
        <FilterSelect
          label="Assignee"
          name="assignee"
          value={f.assignee}
          any="Anyone"
          options={[{ value: 'none', label: 'Unassigned' }, ...editors.map((u) => ({ value: u.id, label: u.name }))]}
        />
        <FilterSelect
          label="Article"
          name="article"
          value={f.article}
          any="Any"
          options={listArticleOptions().map((a) => ({ value: a.id, label: a.title.slice(0, 50) }))}
        />
        <FilterSelect label="Status" name="status" value={f.status} any="Any" options={STATUSES.map((s) => ({ value: s, label: STATUS_INFO[s].label }))} />
        <FilterSelect label="State" name="state" value={f.state} any="Any" options={WORKFLOW_STATES.map((s) => ({ value: s, label: WORKFLOW_LABELS[s] }))} />
        <FilterSelect label="Claimant" name="party" value={f.party} any="Any" options={listParties().map((p) => ({ value: p.id, label: p.name }))} />
        <div className="w-40">
          <label htmlFor="age" className="font-semibold">
            Untouched for (days)
          </label>
          <input id="age" type="number" name="age" min={1} defaultValue={f.age ?? ''} className={filterControlClass} />
        </div>
        <button type="submit" className="rounded border border-[var(--rule)] px-3 py-1 font-semibold">
          Filter
        </button>
      </form>
      {paged ? (
        <>
          <p role="status" className="mb-1 text-sm">
            Claims {(offset + 1).toLocaleString('en')}–{(offset + rows.length).toLocaleString('en')} of {total.toLocaleString('en')}, most recently changed
            first{f.view === 'board' ? '; the counts in the columns are of this page' : ''}.
          </p>
          {/* Above the claims too: from the filters, a keyboard reaches it without passing each claim's buttons. */}
          <BoardPager label="Pages of the board" first={offset > 0 ? keep({ after: undefined, before: undefined }) : null} newer={newer} older={older} />
        </>
      ) : null}

      {f.view === 'board' ? (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-4">
          {WORKFLOW_STATES.map((state) => {
            const column = rows.filter((r) => r.workflow === state);
            return (
              <section key={state} aria-labelledby={`col-${state}`} className="panel rounded-lg p-3">
                <h2 id={`col-${state}`} className="mb-2 font-semibold">
                  {WORKFLOW_LABELS[state]} <span className="muted">({column.length})</span>
                </h2>
                <ul className="space-y-3">
                  {column.map((c) => (
                    <li key={c.id} className="rounded border border-[var(--rule)] bg-[var(--page-bg)] p-2">
                      <StatusBadge status={c.status} />
                      {c.demo ? <DemoLabel className="ml-1" /> : null}
                      {c.pendingStatus ? <span className="ml-1 text-xs">→ {STATUS_INFO[c.pendingStatus].label} (pending)</span> : null}
                      <p className="mt-1 text-sm">
                        <Link href={`/edit/claims/${c.id}`}>{c.statement}</Link>
                      </p>
                      <p className="muted text-xs">
                        {c.assigneeName ? `Assigned to ${c.assigneeName}` : 'Unassigned'} · {formatDate(c.updatedAt)}
                      </p>
                      <WorkflowControls claim={c} me={me.id} signOffRequired={signOff} />
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      ) : (
        <table className={stacked.table}>
          <caption className="sr-only">Claims</caption>
          <thead className={stacked.thead}>
            <tr className="border-b border-[var(--rule)]">
              <th className="py-2">Claim</th>
              <th>Article</th>
              <th>Status</th>
              <th>State</th>
              <th>Claimant</th>
              <th>Assignee</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody className={stacked.tbody}>
            {rows.map((c) => (
              <tr key={c.id} className={stacked.row}>
                <td className={stacked.first}>
                  <Link href={`/edit/claims/${c.id}`}>{c.statement}</Link>
                  <WorkflowControls claim={c} me={me.id} signOffRequired={signOff} />
                </td>
                <td className={stacked.cell}>
                  <CellLabel>Article</CellLabel>
                  {c.articleTitle}
                  {c.demo ? <DemoLabel className="ml-1" /> : null}
                </td>
                <td className={stacked.cell}>
                  <CellLabel>Status</CellLabel>
                  <StatusBadge status={c.status} />
                </td>
                <td className={stacked.cell}>
                  <CellLabel>State</CellLabel>
                  {WORKFLOW_LABELS[c.workflow]}
                </td>
                <td className={stacked.cell}>
                  <CellLabel>Claimant</CellLabel>
                  {c.partyName ?? '—'}
                </td>
                <td className={stacked.cell}>
                  <CellLabel>Assignee</CellLabel>
                  {me.role === 'admin' ? (
                    <AssignSelect
                      // Drawn again when the assignee changes (a save, another editor): the select shows who has the claim now.
                      key={c.assigneeId ?? ''}
                      claimId={c.id}
                      statement={c.statement}
                      assigneeId={c.assigneeId}
                      editors={editors.map((u) => ({ id: u.id, name: u.name }))}
                    />
                  ) : (
                    (c.assigneeName ?? '—')
                  )}
                </td>
                <td className={stacked.cell}>
                  <CellLabel>Updated</CellLabel>
                  {formatDate(c.updatedAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {paged ? <BoardPager label="Pages of the board, again" first={offset > 0 ? keep({ after: undefined, before: undefined }) : null} newer={newer} older={older} /> : null}
    </div>
  );
}

const pageLink = 'inline-block min-w-11 rounded px-2 py-2 font-semibold';

type PageLink = { href: string; count: number } | null;

/** The board's pages: the first, the newer claims before this page and the older ones after it, as plain links. */
function BoardPager({ label, first, newer, older }: { label: string; first: string | null; newer: PageLink; older: PageLink }) {
  return (
    <nav aria-label={label} className="mb-4 mt-2">
      <ul className="flex flex-wrap items-center gap-3 text-sm">
        {first ? (
          <li>
            <Link href={first} prefetch={false} className={pageLink}>
              Most recent
            </Link>
          </li>
        ) : null}
        {newer ? (
          <li>
            <Link href={newer.href} rel="prev" prefetch={false} className={pageLink}>
              Previous {newer.count}
            </Link>
          </li>
        ) : null}
        {older ? (
          <li>
            <Link href={older.href} rel="next" prefetch={false} className={pageLink}>
              Next {older.count}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
