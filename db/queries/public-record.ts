import 'server-only';
import { eq } from 'drizzle-orm';
import { claims, parties, users } from '@/db/schema';
import { AppError, fieldError } from '@/lib/errors';
import type { EventKind } from '@/lib/events';
import { STATUS_INFO, type Status } from '@/lib/status';
import { normalizeLine, slugify } from '@/lib/text';
import { checkMove, WORKFLOW_LABELS, type WorkflowState } from '@/lib/workflow';
import { claimScope, type ClaimScope } from './claim-scope';
import { recordEvent, type Tx } from './tx';
import { signOffRequired } from './workflow';

/*
 * The public record: every change to what readers see of a claim (its verdict, its details, whether it
 * is published) goes through `changeClaim`, which applies the rules together:
 * - the form's version must be the claim's (a stale form or approval is refused with the current claim);
 * - a public verdict changes only with a correction note, and under sign-off only after a second editor,
 *   neither the proposer nor the verdict's author, approves the version they saw;
 * - publishing again with a verdict other than the one readers last saw is a correction;
 * - a direct change, an unpublish or "Request changes" clears a pending proposal, and the history says so;
 * - internal steps (moves, proposals, rejections) leave the public "updated" date alone.
 */

type ClaimRow = typeof claims.$inferSelect;
type Values = Partial<typeof claims.$inferInsert>;
type Event = { kind: EventKind; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null };

export type VerdictChange = {
  /** The columns to write: the new verdict, or the pending change awaiting a second editor. */
  values: Values;
  /** History entries, in order (a cleared proposal, then the change itself). */
  events: Event[];
  /** True when the change waits for a second editor's approval. */
  proposed: boolean;
  /** True when readers see the change now. */
  public: boolean;
};

const nameOf = (tx: Pick<Tx, 'select'>, id: string | null) =>
  id ? (tx.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? '') : '';

const noPending = { pendingStatus: null, pendingStatusNote: null, pendingCorrection: null, pendingBy: null, pendingAt: null } as const;

/** The verdict the editors are working on: the pending proposal when there is one. */
export function workingVerdict(claim: ClaimRow): { status: Status; statusNote: string } {
  return claim.pendingStatus !== null
    ? { status: claim.pendingStatus, statusNote: claim.pendingStatusNote ?? '' }
    : { status: claim.status, statusNote: claim.statusNote };
}

/** Whether the claim's verdict differs from the one readers last saw (false when it was never public). */
function differsFromPublic(claim: Pick<ClaimRow, 'status' | 'statusNote' | 'publicStatus' | 'publicStatusNote'>) {
  return claim.publicStatus !== null && (claim.status !== claim.publicStatus || claim.statusNote !== (claim.publicStatusNote ?? ''));
}

function clearedEvent(tx: Pick<Tx, 'select'>, claim: ClaimRow, reason: 'withdrawn' | 'superseded' | 'rejected' | 'unpublished' | 'claim_withdrawn'): Event {
  return {
    kind: 'proposal_cleared',
    before: { status: claim.pendingStatus, note: claim.pendingStatusNote ?? '', correction: claim.pendingCorrection ?? '', by: nameOf(tx, claim.pendingBy) },
    after: { reason },
  };
}

/** A withdrawn claim is the public record of a mistake: it is not edited or moved any more. */
export function refuseWithdrawn(claim: Pick<ClaimRow, 'withdrawnAt'>): void {
  if (claim.withdrawnAt) throw new AppError('invalid', { message: 'This claim was withdrawn and can no longer be changed.' });
}

/** Drops a pending proposal (when the claim is withdrawn): the columns to write and the history entry saying so. */
export function dropProposal(tx: Pick<Tx, 'select'>, claim: ClaimRow, reason: 'claim_withdrawn') {
  return claim.pendingStatus === null ? null : { values: noPending, event: clearedEvent(tx, claim, reason) };
}

const correctionRequired = () => fieldError('correction', 'This verdict is public: say in a correction note what changed and why.');

/**
 * The rule for changing a claim's verdict (status and status note), wherever the change comes from
 * (the claim editor, the revision review's retraction). Null when nothing changes. A draft's verdict
 * changes at once (a working note, kept out of the public history); on a claim that was public before,
 * one that differs from the public verdict needs the correction readers will get on publication. A
 * published verdict needs a correction note and, under sign-off, waits as a proposal (replacing any
 * earlier one) that a second editor approves; going back to the public verdict withdraws the proposal.
 * A change with no actor is the system's own and applies at once.
 */
export function verdictChange(
  tx: Pick<Tx, 'select'>,
  current: ClaimRow,
  change: { status: Status; statusNote: string; correction?: string; actorId: string | null; at?: Date },
): VerdictChange | null {
  const { status, actorId } = change;
  const statusNote = change.statusNote.trim();
  const correction = change.correction?.trim() ?? '';
  const working = workingVerdict(current);
  const before = { status: current.status, note: current.statusNote };
  if (status === working.status && statusNote === working.statusNote) {
    // Same verdict; on an unpublished claim the editor may still reword the correction it will carry.
    if (!current.published && correction && current.pendingCorrection !== null && correction !== current.pendingCorrection) {
      return { values: { pendingCorrection: correction }, events: [], proposed: false, public: false };
    }
    return null;
  }
  if (!current.published) {
    const next = { ...current, status, statusNote };
    let pendingCorrection: string | null = null;
    if (differsFromPublic(next)) {
      pendingCorrection = correction || current.pendingCorrection || '';
      if (!pendingCorrection) {
        throw fieldError('correction', 'Readers saw another verdict before: say in a correction note what changed and why.');
      }
    }
    return {
      values: { status, statusNote, verdictSetBy: actorId, pendingCorrection },
      events: [{ kind: 'verdict_drafted', before, after: { status, note: statusNote } }],
      proposed: false,
      public: false,
    };
  }
  const reviewDone = current.workflow === 'ready_for_review' ? { workflow: 'published' as const } : {};
  if (status === current.status && statusNote === current.statusNote) {
    // Back to what readers see: the pending proposal is withdrawn.
    return { values: { ...noPending, ...reviewDone }, events: [clearedEvent(tx, current, 'withdrawn')], proposed: false, public: false };
  }
  if (!correction) throw correctionRequired();
  const after = { status, note: statusNote, correction };
  if (signOffRequired(tx) && actorId !== null) {
    const replaces = current.pendingStatus !== null ? { replaces: { status: current.pendingStatus, by: nameOf(tx, current.pendingBy) } } : {};
    return {
      values: { pendingStatus: status, pendingStatusNote: statusNote, pendingCorrection: correction, pendingBy: actorId, pendingAt: change.at ?? new Date(), workflow: 'ready_for_review' },
      events: [{ kind: 'verdict_proposed', before: { ...before, ...replaces }, after }],
      proposed: true,
      public: false,
    };
  }
  return {
    values: { status, statusNote, verdictSetBy: actorId, publicStatus: status, publicStatusNote: statusNote, ...noPending, ...reviewDone },
    events: [
      ...(current.pendingStatus !== null ? [clearedEvent(tx, current, 'superseded')] : []),
      { kind: 'corrected', before, after: { ...after, verdictBy: nameOf(tx, actorId) } },
    ],
    proposed: false,
    public: true,
  };
}

export type ClaimChange = {
  id: number;
  /** The version of the claim the person saw; a stale one is refused with the current claim. */
  version: number;
  actorId: string | null;
  at?: Date;
  /** The verdict as the form has it; missing parts keep the working verdict. */
  verdict?: { status?: Status; statusNote?: string; correction?: string };
  fields?: { statement?: string; claimantPartyId?: number | null };
  /** Readers should see the claim (true) or not (false). Under sign-off a request to publish is sent for review. */
  published?: boolean;
  /** "Save and ask for review": a draft or a claim in progress goes to review in the same step. */
  review?: boolean;
  /** A workflow move (the board's and the claim panel's buttons); moving to published is an approval. */
  move?: { to: WorkflowState; note?: string };
};

export type ClaimChangeResult = ClaimRow & {
  scope: ClaimScope;
  /** The verdict change waits for a second editor. */
  proposed: boolean;
  /** The save asked for review (itself, or because publishing needs a second editor). */
  sentForReview: boolean;
};

/** A claimant must be a party that exists: one merged away while the form was open is refused beside the field. */
export function checkClaimant(tx: Pick<Tx, 'select'>, partyId: number | null | undefined) {
  if (partyId != null && !tx.select({ id: parties.id }).from(parties).where(eq(parties.id, partyId)).get()) {
    throw fieldError('claimantPartyId', 'That party no longer exists. Choose a party from the list.');
  }
}

/** The one function every change to a claim's public record goes through (see the top of this file). */
export function changeClaim(tx: Tx, input: ClaimChange): ClaimChangeResult {
  const current = tx.select().from(claims).where(eq(claims.id, input.id)).get();
  if (!current) throw new AppError('not_found');
  refuseWithdrawn(current);
  if (current.version !== input.version) {
    // A move (an approval above all) is of what the editor saw: say what it is now.
    const working = workingVerdict(current);
    const message = input.move
      ? `This claim changed after you opened it: it is now ${STATUS_INFO[working.status].label} (“${working.statusNote || 'no note'}”), ${WORKFLOW_LABELS[current.workflow].toLowerCase()}. Look at it again, then decide.`
      : undefined;
    throw new AppError('conflict', { detail: current, message });
  }
  const at = input.at ?? new Date();
  const { actorId } = input;
  const signOff = signOffRequired(tx);
  let next: ClaimRow = { ...current };
  const events: Event[] = [];
  const set = (values: Values) => {
    next = { ...next, ...values } as ClaimRow;
  };
  // Readers see something new (moves the public "updated" date); a draft's own edits move it too.
  let publicChange = false;
  let draftEdit = false;
  let proposed = false;
  let sentForReview = false;

  const clearPending = (reason: 'rejected' | 'unpublished') => {
    if (next.pendingStatus === null) return;
    events.push(clearedEvent(tx, next, reason));
    set(noPending);
  };
  const publish = (approverId: string | null) => {
    const names = { verdictBy: nameOf(tx, next.verdictSetBy), approvedBy: nameOf(tx, approverId) };
    const correction = differsFromPublic(next) ? (next.pendingCorrection ?? '').trim() : null;
    if (correction === '') throw fieldError('correction', 'Readers saw another verdict before: say in a correction note what changed and why.');
    events.push({ kind: 'published', after: { status: next.status, note: next.statusNote, ...names } });
    if (correction !== null) {
      events.push({
        kind: 'corrected',
        before: { status: next.publicStatus, note: next.publicStatusNote ?? '' },
        after: { status: next.status, note: next.statusNote, correction, ...names },
      });
    }
    set({ published: true, workflow: 'published', publicStatus: next.status, publicStatusNote: next.statusNote, pendingCorrection: null });
    publicChange = true;
  };

  // Unpublishing comes first: a verdict changed in the same save is then the draft's, never a
  // proposal the unpublish would drop.
  if (input.published === false && current.published) {
    clearPending('unpublished');
    events.push({ kind: 'unpublished' });
    set({ published: false, workflow: 'in_progress' });
    publicChange = true;
  }

  if (input.verdict) {
    const working = workingVerdict(next);
    const verdict = verdictChange(tx, next, {
      status: input.verdict.status ?? working.status,
      statusNote: input.verdict.statusNote ?? working.statusNote,
      correction: input.verdict.correction,
      actorId,
      at,
    });
    if (verdict) {
      set(verdict.values);
      events.push(...verdict.events);
      proposed = verdict.proposed;
      publicChange ||= verdict.public;
      draftEdit ||= !next.published && verdict.events.length > 0;
    }
  }

  if (input.fields) {
    const statement = input.fields.statement !== undefined ? normalizeLine(input.fields.statement) : next.statement;
    const claimantPartyId = input.fields.claimantPartyId !== undefined ? input.fields.claimantPartyId : next.claimantPartyId;
    if (claimantPartyId !== current.claimantPartyId) checkClaimant(tx, claimantPartyId);
    if (statement !== current.statement || claimantPartyId !== current.claimantPartyId) {
      events.push({
        kind: 'edited',
        before: { statement: current.statement, claimantPartyId: current.claimantPartyId },
        after: { statement, claimantPartyId },
      });
      set({ statement, slug: slugify(statement), claimantPartyId });
      if (next.published) publicChange = true;
      else draftEdit = true;
    }
  }

  if (input.published === true && !current.published) {
    // Saving never throws the edit away: under sign-off it goes to a second editor instead.
    if (signOff && actorId !== null) sentForReview = true;
    else publish(null);
  }

  if (input.review && (next.workflow === 'draft' || next.workflow === 'in_progress')) sentForReview = true;
  if (sentForReview && next.workflow !== 'ready_for_review' && next.workflow !== 'published') {
    events.push({ kind: 'workflow_changed', before: { state: next.workflow }, after: { state: 'ready_for_review', note: '' } });
    set({ workflow: 'ready_for_review' });
  }

  if (input.move) {
    const { to } = input.move;
    if (actorId === null) throw new AppError('forbidden');
    const check = checkMove(next.workflow, to, {
      actorId,
      verdictSetBy: next.verdictSetBy,
      pendingBy: next.pendingBy,
      published: next.published,
      signOffRequired: signOff,
    });
    if (!check.ok) throw new AppError('invalid', { message: check.reason });
    events.push({ kind: 'workflow_changed', before: { state: next.workflow }, after: { state: to, note: input.move.note?.trim() ?? '' } });
    if (to === 'published') {
      if (next.pendingStatus !== null) {
        const names = { verdictBy: nameOf(tx, next.pendingBy), approvedBy: nameOf(tx, actorId) };
        events.push({
          kind: 'corrected',
          before: { status: next.status, note: next.statusNote },
          after: { status: next.pendingStatus, note: next.pendingStatusNote ?? '', correction: next.pendingCorrection ?? '', ...names },
        });
        const status = next.pendingStatus;
        const statusNote = next.pendingStatusNote ?? '';
        set({ status, statusNote, verdictSetBy: next.pendingBy, publicStatus: status, publicStatusNote: statusNote, ...noPending });
        publicChange = true;
      }
      if (!next.published) publish(actorId);
    } else if (next.workflow === 'ready_for_review') {
      clearPending('rejected');
    }
    set({ workflow: to });
  }

  const updated = tx
    .update(claims)
    .set({ ...next, id: undefined, createdAt: undefined, version: current.version + 1, updatedAt: publicChange || draftEdit ? at : current.updatedAt })
    .where(eq(claims.id, current.id))
    .returning()
    .get();
  for (const event of events) recordEvent(tx, { claimId: current.id, actorId, at, ...event });
  return { ...updated, scope: claimScope(tx, current.id), proposed, sentForReview };
}
