import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { claims, meta, users } from '@/db/schema';
import { AppError, fieldError } from '@/lib/errors';
import { checkMove, type WorkflowState } from '@/lib/workflow';
import { refuseWithdrawn } from './claims';
import { recordEvent, write, type Tx } from './tx';
import { claimScope } from './claim-scope';

const SIGN_OFF_KEY = 'sign_off_required';

/** Whether a verdict needs a second editor's approval before readers see it (on unless an admin turned it off). */
export function signOffRequired(tx: Pick<Tx, 'select'> = getDb()): boolean {
  return tx.select().from(meta).where(eq(meta.key, SIGN_OFF_KEY)).get()?.value !== 'false';
}

export function setSignOffRequired({ required }: { required: boolean }): void {
  getDb()
    .insert(meta)
    .values({ key: SIGN_OFF_KEY, value: String(required) })
    .onConflictDoUpdate({ target: meta.key, set: { value: String(required) } })
    .run();
}

const nameOf = (tx: Tx, id: string | null) =>
  id ? (tx.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? '') : '';

/**
 * Moves a claim through the workflow (lib/workflow.ts decides what is allowed).
 * Approving publishes the claim, or applies a pending change to a published
 * verdict as a correction; the approver is named in the claim's history.
 */
export function moveClaim(input: { id: number; to: WorkflowState; actorId: string; note?: string; at?: Date }) {
  return write((tx) => {
    const claim = tx.select().from(claims).where(eq(claims.id, input.id)).get();
    if (!claim) throw new AppError('not_found');
    refuseWithdrawn(claim);
    const check = checkMove(claim.workflow, input.to, {
      actorId: input.actorId,
      verdictSetBy: claim.verdictSetBy,
      signOffRequired: signOffRequired(tx),
    });
    if (!check.ok) throw new AppError('invalid', { message: check.reason });
    const at = input.at ?? new Date();
    const event = { claimId: claim.id, actorId: input.actorId, at };
    const approving = input.to === 'published';
    const pending = approving && claim.pendingStatus !== null;
    const updated = tx
      .update(claims)
      .set({
        workflow: input.to,
        published: approving ? true : claim.published,
        ...(pending ? { status: claim.pendingStatus!, statusNote: claim.pendingStatusNote ?? '' } : {}),
        pendingStatus: approving ? null : claim.pendingStatus,
        pendingStatusNote: approving ? null : claim.pendingStatusNote,
        pendingCorrection: approving ? null : claim.pendingCorrection,
        version: claim.version + 1,
        updatedAt: at,
      })
      .where(eq(claims.id, claim.id))
      .returning()
      .get();
    recordEvent(tx, {
      ...event,
      kind: 'workflow_changed',
      before: { state: claim.workflow },
      after: { state: input.to, note: input.note?.trim() ?? '' },
    });
    if (pending) {
      recordEvent(tx, {
        ...event,
        kind: 'corrected',
        before: { status: claim.status, note: claim.statusNote },
        after: {
          status: claim.pendingStatus,
          note: claim.pendingStatusNote ?? '',
          correction: claim.pendingCorrection ?? '',
          verdictBy: nameOf(tx, claim.verdictSetBy),
          approvedBy: nameOf(tx, input.actorId),
        },
      });
    } else if (approving && !claim.published) {
      recordEvent(tx, {
        ...event,
        kind: 'published',
        after: { verdictBy: nameOf(tx, claim.verdictSetBy), approvedBy: nameOf(tx, input.actorId) },
      });
    }
    // Every page showing the claim: a draft linked into other articles appears there once published.
    return { ...updated, scope: claimScope(tx, claim.id) };
  });
}

/** Assigns a claim to an editor (or nobody). Editors may take or drop a claim themselves; admins assign anyone. */
export function assignClaim(input: { id: number; assigneeId: string | null; actor: { id: string; role: 'admin' | 'editor' } }) {
  return write((tx) => {
    const claim = tx.select().from(claims).where(eq(claims.id, input.id)).get();
    if (!claim) throw new AppError('not_found');
    const self = input.assigneeId === input.actor.id || (input.assigneeId === null && claim.assigneeId === input.actor.id);
    if (input.actor.role !== 'admin' && !self) {
      throw new AppError('forbidden', { message: 'Only an admin can assign a claim to someone else.' });
    }
    if (input.assigneeId) {
      const assignee = tx.select().from(users).where(eq(users.id, input.assigneeId)).get();
      if (!assignee || assignee.disabledAt) throw fieldError('assigneeId', 'Choose an active editor.');
    }
    tx.update(claims).set({ assigneeId: input.assigneeId }).where(eq(claims.id, claim.id)).run();
    recordEvent(tx, {
      claimId: claim.id,
      actorId: input.actor.id,
      kind: 'assigned',
      before: { assignee: nameOf(tx, claim.assigneeId) },
      after: { assignee: nameOf(tx, input.assigneeId) },
    });
  });
}
