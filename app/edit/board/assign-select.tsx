'use client';

import { useFormAction } from '@/components/forms/use-form-action';
import { assignAction } from '../_components/workflow-actions';

/** For admins: assign a claim to any active editor, or to nobody. */
export function AssignSelect({
  claimId,
  statement,
  assigneeId,
  editors,
}: {
  claimId: number;
  statement: string;
  assigneeId: string | null;
  editors: { id: string; name: string }[];
}) {
  const [state, assign, pending] = useFormAction(assignAction);
  const short = statement.length > 40 ? `${statement.slice(0, 40)}…` : statement;
  return (
    <form action={assign} className="flex min-w-0 flex-wrap items-center gap-1">
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="from" value={assigneeId ?? ''} />
      {/* Named with its claim: a table of "Assignee" selects and "Assign" buttons is a list of the same name to a screen reader. */}
      <select
        name="assigneeId"
        defaultValue={assigneeId ?? ''}
        aria-label={`Assignee: ${short}`}
        className="max-w-full min-w-0 rounded border border-[var(--rule)] bg-[var(--page-bg)]"
      >
        <option value="">Nobody</option>
        {editors.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="underline" aria-label={`Assign: ${short}`}>
        Assign
      </button>
      {!state.ok ? <span role="alert">{state.message}</span> : null}
    </form>
  );
}
