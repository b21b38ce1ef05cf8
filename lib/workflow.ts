/**
 * The newsroom workflow of a claim, beside its status (the verdict): who is
 * working on it and whether it has been checked by a second person. The only
 * place that knows the states and which moves between them are allowed.
 */
export const WORKFLOW_STATES = ['draft', 'in_progress', 'ready_for_review', 'published'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const WORKFLOW_LABELS: Record<WorkflowState, string> = {
  draft: 'Draft',
  in_progress: 'In progress',
  ready_for_review: 'Ready for review',
  published: 'Published',
};

export type Move = { from: WorkflowState; to: WorkflowState; label: string };

/** Every allowed move; anything not listed is refused. */
export const MOVES: readonly Move[] = [
  { from: 'draft', to: 'in_progress', label: 'Start checking' },
  { from: 'in_progress', to: 'draft', label: 'Back to draft' },
  { from: 'in_progress', to: 'ready_for_review', label: 'Ask for review' },
  { from: 'ready_for_review', to: 'in_progress', label: 'Request changes' },
  { from: 'ready_for_review', to: 'published', label: 'Approve and publish' },
  { from: 'published', to: 'in_progress', label: 'Reopen' },
];

export type MoveContext = {
  /** Who wants to make the move. */
  actorId: string;
  /** Who set the claim's current verdict (status); null when nobody (or the system) has. */
  verdictSetBy: string | null;
  /** Who proposed the pending change to a published verdict; null when none waits. */
  pendingBy?: string | null;
  /** Readers see the claim. */
  published?: boolean;
  /** The newsroom requires a second person to approve a verdict. */
  signOffRequired: boolean;
};

export type MoveCheck = { ok: true; move: Move } | { ok: false; reason: string };

/**
 * Who wrote the verdict an approval would make public: the proposer of a
 * pending change, else the author of the current verdict.
 */
export function verdictAuthor(context: Pick<MoveContext, 'verdictSetBy' | 'pendingBy'>): string | null {
  return context.pendingBy ?? context.verdictSetBy;
}

/** Whether a claim may move from one state to another, and why not. */
export function checkMove(from: WorkflowState, to: WorkflowState, context: MoveContext): MoveCheck {
  const move = MOVES.find((m) => m.from === from && m.to === to);
  if (!move) {
    return { ok: false, reason: `A claim cannot go from “${WORKFLOW_LABELS[from]}” to “${WORKFLOW_LABELS[to]}”.` };
  }
  // Under sign-off the approver is a second person: neither the proposer nor the verdict's author.
  if (to === 'published' && context.signOffRequired && verdictAuthor(context) === context.actorId) {
    return { ok: false, reason: 'A different editor must approve the verdict you set.' };
  }
  if (to === 'draft' && context.published) {
    return { ok: false, reason: 'Readers can see this claim: unpublish it in the claim editor before it goes back to draft.' };
  }
  return { ok: true, move };
}

/** Every move out of a state, refused ones included (the state machine's table). */
export function movesFrom(state: WorkflowState): Move[] {
  return MOVES.filter((m) => m.from === state);
}

/** The moves to offer as buttons: only those `checkMove` would allow this person, so no button is refused. */
export function movesFor(state: WorkflowState, context: MoveContext): Move[] {
  return movesFrom(state).filter((m) => checkMove(state, m.to, context).ok);
}

export function isWorkflowState(value: unknown): value is WorkflowState {
  return typeof value === 'string' && (WORKFLOW_STATES as readonly string[]).includes(value);
}
