'use client';

import { useActionState } from 'react';
import { assignAction } from '../_components/workflow-actions';

/** For admins: assign a claim to any active editor, or to nobody. */
export function AssignSelect({ claimId, assigneeId, editors }: { claimId: number; assigneeId: string | null; editors: { id: string; name: string }[] }) {
  const [state, assign, pending] = useActionState(assignAction, { ok: true });
  return (
    <form action={assign} className="flex gap-1">
      <input type="hidden" name="claimId" value={claimId} />
      <select name="assigneeId" defaultValue={assigneeId ?? ''} aria-label="Assignee" className="rounded border border-[var(--rule)] bg-[var(--page-bg)]">
        <option value="">Nobody</option>
        {editors.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="underline">
        Assign
      </button>
      {!state.ok ? <span role="alert">{state.message}</span> : null}
    </form>
  );
}
