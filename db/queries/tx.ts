import 'server-only';
import { immediate, type Db } from '@/db';
import { claimEvents } from '@/db/schema';
import { changeCount, logWrite, readCounter } from './invalidations';
import type { EventKind } from '@/lib/events';
import { notePhase } from '@/lib/timing';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Runs `fn` in one BEGIN IMMEDIATE transaction: the write lock is taken up
 * front, so a read-then-write inside never fails with SQLITE_BUSY halfway.
 * The same transaction logs the write for the other server processes
 * (db/queries/invalidations.ts); `touches: 'nothing'` for bookkeeping no reader page shows.
 */
export function write<T>(fn: (tx: Tx) => T, touches: 'readers' | 'nothing' = 'readers'): T {
  // Timed for the bench (lib/timing.ts): waiting for the write lock, the work, the commit (with any WAL checkpoint).
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    notePhase(name, now - mark);
    mark = now;
  };
  const result = immediate((tx) => {
    lap('tx.lock');
    const before = changeCount();
    const counter = readCounter();
    const result = fn(tx);
    // A transaction that changed no row commits nothing another process could notice (a job poll that found nothing).
    if (changeCount() !== before) logWrite(tx, touches, counter);
    lap('tx.work');
    return result;
  });
  lap('tx.commit');
  return result;
}

/** Appends one entry to a claim's history; called inside the transaction of the change it records. */
export function recordEvent(
  tx: Tx,
  event: {
    claimId: number;
    actorId: string | null;
    kind: EventKind;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
    at?: Date;
  },
): void {
  tx.insert(claimEvents)
    .values({
      claimId: event.claimId,
      actorId: event.actorId,
      kind: event.kind,
      before: event.before ?? null,
      after: event.after ?? null,
      at: event.at ?? new Date(),
    })
    .run();
}

/** `base`, or `base-2`, `base-3`… : the first that `taken` says is free. */
export function freeSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
