import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { claims, meta, users } from '@/db/schema';
import { AppError, fieldError } from '@/lib/errors';
import type { WorkflowState } from '@/lib/workflow';
import { recordEvent, write, type Tx } from './tx';
import { changeClaim } from './public-record';

const SIGN_OFF_KEY = 'sign_off_required';

/** Whether a verdict needs a second editor's approval before readers see it (on unless an admin turned it off). */
export function signOffRequired(tx: Pick<Tx, 'select'> = getDb()): boolean {
  return tx.select().from(meta).where(eq(meta.key, SIGN_OFF_KEY)).get()?.value !== 'false';
}

/**
 * A newsroom setting no reader page shows: logged as touching nothing readers see, so no server
 * process drops a page for it (written outside write(), it was a commit nobody logged, which every
 * process takes as a change to everything).
 */
export function setSignOffRequired({ required }: { required: boolean }): void {
  write(
    (tx) =>
      tx
        .insert(meta)
        .values({ key: SIGN_OFF_KEY, value: String(required) })
        .onConflictDoUpdate({ target: meta.key, set: { value: String(required) } })
        .run(),
    'nothing',
  );
}

const nameOf = (tx: Tx, id: string | null) =>
  id ? (tx.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? '') : '';

/**
 * Moves a claim through the workflow (lib/workflow.ts decides what is allowed) if it is still at the
 * `version` the person saw. Approving publishes the claim, or applies a pending change to a published
 * verdict as a correction; "Request changes" rejects a pending change. The rules are changeClaim's.
 */
export function moveClaim(input: { id: number; to: WorkflowState; actorId: string; version: number; note?: string; at?: Date }) {
  return write((tx) =>
    changeClaim(tx, { id: input.id, version: input.version, actorId: input.actorId, at: input.at, move: { to: input.to, note: input.note } }),
  );
}

/** Assigns a claim to an editor (or nobody). Editors may take or drop a claim themselves; admins assign anyone. */
export function assignClaim(input: {
  id: number;
  assigneeId: string | null;
  /** The assignee the person saw (null: nobody), when the form says: a change made since is not overwritten. */
  from?: string | null;
  actor: { id: string; role: 'admin' | 'editor' };
}) {
  return write((tx) => {
    const claim = tx.select().from(claims).where(eq(claims.id, input.id)).get();
    if (!claim) throw new AppError('not_found');
    // Already so (a second press, another tab): nothing to record.
    if (claim.assigneeId === input.assigneeId) return;
    // A board opened before someone else took the claim still offers "Take": taking it then
    // would silently take it from them. A claim dropped since is nobody's, and taken as asked.
    if (input.from !== undefined && claim.assigneeId !== null && claim.assigneeId !== input.from) {
      const now = claim.assigneeId === input.actor.id ? 'you' : nameOf(tx, claim.assigneeId) || 'another editor';
      throw new AppError('conflict', { message: `Since this page was loaded the claim was assigned to ${now}: reload to see who has it.` });
    }
    const self = input.assigneeId === input.actor.id || (input.assigneeId === null && claim.assigneeId === input.actor.id);
    if (input.actor.role !== 'admin' && !self) {
      throw new AppError('forbidden', { message: 'Only an admin can assign a claim to someone else.' });
    }
    if (input.assigneeId) {
      const assignee = tx.select().from(users).where(eq(users.id, input.assigneeId)).get();
      if (!assignee || assignee.disabledAt) throw fieldError('assigneeId', 'Choose an active editor.');
    }
    // Internal: no new version (an open claim form stays valid) and no new public "updated" date.
    tx.update(claims).set({ assigneeId: input.assigneeId, updatedAt: claim.updatedAt }).where(eq(claims.id, claim.id)).run();
    recordEvent(tx, {
      claimId: claim.id,
      actorId: input.actor.id,
      kind: 'assigned',
      before: { assignee: nameOf(tx, claim.assigneeId) },
      after: { assignee: nameOf(tx, input.assigneeId) },
    });
  });
}
