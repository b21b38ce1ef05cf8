'use client';

import { useActionState } from 'react';
import { movesFrom, type WorkflowState } from '@/lib/workflow';
import { assignAction, moveAction } from './workflow-actions';

type Props = {
  claimId: number;
  statement: string;
  workflow: WorkflowState;
  assigneeId: string | null;
  me: string;
};

/** Buttons that move a claim through the workflow and take or drop it; errors are announced. */
export function WorkflowControls({ claimId, statement, workflow, assigneeId, me }: Props) {
  const [moved, move, moving] = useActionState(moveAction, { ok: true });
  const [assigned, assign, assigning] = useActionState(assignAction, { ok: true });
  const error = !moved.ok ? moved.message : !assigned.ok ? assigned.message : '';
  const short = statement.length > 40 ? `${statement.slice(0, 40)}…` : statement;
  return (
    <div className="mt-2 flex flex-wrap gap-2 text-sm">
      {movesFrom(workflow).map((m) => (
        <form key={m.to} action={move}>
          <input type="hidden" name="claimId" value={claimId} />
          <input type="hidden" name="to" value={m.to} />
          <button type="submit" disabled={moving} className="rounded border border-[var(--rule)] px-2 py-1" aria-label={`${m.label}: ${short}`}>
            {m.label}
          </button>
        </form>
      ))}
      {assigneeId === null || assigneeId === me ? (
        <form action={assign}>
          <input type="hidden" name="claimId" value={claimId} />
          <input type="hidden" name="assigneeId" value={assigneeId === me ? '' : me} />
          <button type="submit" disabled={assigning} className="rounded border border-[var(--rule)] px-2 py-1" aria-label={`${assigneeId === me ? 'Drop' : 'Take'}: ${short}`}>
            {assigneeId === me ? 'Drop' : 'Take'}
          </button>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="w-full text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
