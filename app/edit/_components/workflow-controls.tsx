'use client';

import { useFormAction } from '@/components/forms/use-form-action';
import { movesFor, type WorkflowState } from '@/lib/workflow';
import { assignAction, moveAction } from './workflow-actions';

export type WorkflowClaim = {
  id: number;
  statement: string;
  workflow: WorkflowState;
  assigneeId: string | null;
  /** The version shown: a move (an approval above all) is of what the editor saw, refused if it changed since. */
  version: number;
  verdictSetBy: string | null;
  pendingBy: string | null;
  published: boolean;
};

type Props = { claim: WorkflowClaim; me: string; signOffRequired: boolean };

/** Buttons that move a claim through the workflow and take or drop it; only moves this editor may make are offered. */
export function WorkflowControls({ claim, me, signOffRequired }: Props) {
  const [moved, move, moving] = useFormAction(moveAction);
  const [assigned, assign, assigning] = useFormAction(assignAction);
  const error = !moved.ok ? moved.message : !assigned.ok ? assigned.message : '';
  const { id: claimId, statement, assigneeId } = claim;
  const short = statement.length > 40 ? `${statement.slice(0, 40)}…` : statement;
  const moves = movesFor(claim.workflow, { ...claim, actorId: me, signOffRequired });
  return (
    <div className="mt-2 flex flex-wrap gap-2 text-sm">
      {moves.map((m) => (
        <form key={m.to} action={move}>
          <input type="hidden" name="claimId" value={claimId} />
          <input type="hidden" name="to" value={m.to} />
          <input type="hidden" name="version" value={claim.version} />
          <button type="submit" disabled={moving} className="rounded border border-[var(--rule)] px-2 py-1" aria-label={`${m.label}: ${short}`}>
            {m.label}
          </button>
        </form>
      ))}
      {claim.workflow === 'ready_for_review' && !moves.some((m) => m.to === 'published') ? (
        <p className="muted w-full text-xs">Waiting for another editor’s approval.</p>
      ) : null}
      {assigneeId === null || assigneeId === me ? (
        <form action={assign}>
          <input type="hidden" name="claimId" value={claimId} />
          <input type="hidden" name="assigneeId" value={assigneeId === me ? '' : me} />
          <input type="hidden" name="from" value={assigneeId ?? ''} />
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
