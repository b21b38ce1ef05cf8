import 'server-only';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { claimSources, claims, jobs, sourceChecks, sourceSnapshots, sources, type SourceCheckState } from '@/db/schema';
import { hostOf, isFetchableUrl, JOB_KINDS } from '@/lib/jobs';
import { AppError } from '@/lib/errors';
import { enqueueJob } from './jobs';
import { write, type Tx } from './tx';

export const SNAPSHOT_JOB = JOB_KINDS.snapshot;
export const CHECK_JOB = JOB_KINDS.check;
const snapshotKey = (sourceId: number) => `snapshot:source:${sourceId}`;

/** Queues a snapshot of a source (nothing when one is already queued or running for it). */
export function queueSnapshot(tx: Tx, { sourceId, url, now }: { sourceId: number; url: string; now: Date }): boolean {
  if (!isFetchableUrl(url)) return false;
  return enqueueJob(tx, { kind: SNAPSHOT_JOB, payload: { sourceId }, key: snapshotKey(sourceId), host: hostOf(url), runAt: now });
}

/** Queues a snapshot of a source that has none yet: called when a claim starts citing it. */
export function queueFirstSnapshot(tx: Tx, source: { id: number; url: string }, now: Date): void {
  const has = tx.select({ id: sourceSnapshots.id }).from(sourceSnapshots).where(eq(sourceSnapshots.sourceId, source.id)).limit(1).get();
  if (!has) queueSnapshot(tx, { sourceId: source.id, url: source.url, now });
}

/** An editor's "Archive again": queues a new snapshot of a source the claim cites; false when one is already queued. */
export function requestSnapshot({ claimId, sourceId, now }: { claimId: number; sourceId: number; now: Date }): boolean {
  return write((tx) => {
    const cited = tx
      .select({ url: sources.url })
      .from(claimSources)
      .innerJoin(sources, eq(sources.id, claimSources.sourceId))
      .where(and(eq(claimSources.claimId, claimId), eq(claimSources.sourceId, sourceId)))
      .get();
    if (!cited) throw new AppError('not_found');
    if (!isFetchableUrl(cited.url)) {
      throw new AppError('invalid', { message: 'Claimline does not fetch this address: its name is reserved for examples and tests.' });
    }
    return queueSnapshot(tx, { sourceId, url: cited.url, now });
  });
}

export function getSourceAddress({ id }: { id: number }) {
  return getDb().select({ id: sources.id, url: sources.url }).from(sources).where(eq(sources.id, id)).get();
}

/** The claims citing a source: their pages show its archived copy and state. */
export function citingClaimIds(tx: Tx, sourceId: number): number[] {
  return tx
    .select({ id: claimSources.claimId })
    .from(claimSources)
    .where(eq(claimSources.sourceId, sourceId))
    .all()
    .map((r) => r.id);
}

export type SnapshotInput = {
  sourceId: number;
  fetchedAt: Date;
  finalUrl: string;
  httpStatus: number;
  contentType: string;
  title: string;
  text: string;
  textTruncated: boolean;
  sha256: string;
  size: number;
};

export function insertSnapshot(tx: Tx, snapshot: SnapshotInput) {
  return tx.insert(sourceSnapshots).values(snapshot).returning({ id: sourceSnapshots.id }).get();
}

export type CheckInput = {
  sourceId: number;
  state: SourceCheckState;
  detail: string;
  checkedAt: Date;
  nextCheckAt: Date;
  finalUrl?: string | null;
  httpStatus?: number | null;
  etag?: string | null;
  lastModified?: string | null;
  /** A failed check: counted, so the next one waits longer. */
  failed?: boolean;
};

/** Records how the source's address answered; returns the state it had before (undefined: never checked). */
export function recordCheck(tx: Tx, check: CheckInput): SourceCheckState | undefined {
  const old = tx.select().from(sourceChecks).where(eq(sourceChecks.sourceId, check.sourceId)).get();
  const values = {
    state: check.state,
    detail: check.detail.slice(0, 500),
    checkedAt: check.checkedAt,
    nextCheckAt: check.nextCheckAt,
    finalUrl: check.finalUrl ?? null,
    httpStatus: check.httpStatus ?? null,
    // A 304 or a failure carries no validators: keep the last ones.
    etag: check.etag ?? old?.etag ?? null,
    lastModified: check.lastModified ?? old?.lastModified ?? null,
    failures: check.failed ? (old?.failures ?? 0) + 1 : 0,
  };
  tx.insert(sourceChecks)
    .values({ sourceId: check.sourceId, ...values })
    .onConflictDoUpdate({ target: sourceChecks.sourceId, set: values })
    .run();
  return old?.state;
}

export function getSourceCheck({ sourceId }: { sourceId: number }) {
  return getDb().select().from(sourceChecks).where(eq(sourceChecks.sourceId, sourceId)).get();
}

/** The newest stored copy of a source: what readers are shown, and what a link check compares the page with. */
export function latestSnapshot({ sourceId }: { sourceId: number }) {
  return getDb()
    .select({ sha256: sourceSnapshots.sha256, text: sourceSnapshots.text, contentType: sourceSnapshots.contentType })
    .from(sourceSnapshots)
    .where(eq(sourceSnapshots.sourceId, sourceId))
    .orderBy(desc(sourceSnapshots.id))
    .limit(1)
    .get();
}

/**
 * Queues a link check for every cited source whose check is due (at most `limit`); several
 * processes may do this at once, as a check already queued is not queued again.
 */
export function queueDueChecks({ now, limit = 100 }: { now: Date; limit?: number }): number {
  const due = getDb()
    .select({ sourceId: sourceChecks.sourceId, url: sources.url })
    .from(sourceChecks)
    .innerJoin(sources, eq(sources.id, sourceChecks.sourceId))
    .where(
      and(
        lte(sourceChecks.nextCheckAt, now),
        sql`exists (select 1 from ${claimSources} where ${claimSources.sourceId} = ${sourceChecks.sourceId})`,
        sql`not exists (select 1 from ${jobs} where ${jobs.key} in ('check:source:' || ${sourceChecks.sourceId}, 'snapshot:source:' || ${sourceChecks.sourceId})
                          and ${jobs.state} in ('queued', 'running'))`,
      ),
    )
    .orderBy(asc(sourceChecks.nextCheckAt))
    .limit(limit)
    .all();
  if (due.length === 0) return 0;
  return write((tx) =>
    due.filter((d) =>
      enqueueJob(tx, { kind: CHECK_JOB, payload: { sourceId: d.sourceId }, key: `check:source:${d.sourceId}`, host: hostOf(d.url), runAt: now }),
    ).length,
    'nothing',
  );
}

/** Cited sources whose address no longer answers as it did: gone, moved, changed or unreachable, with the claims citing them. */
export function listSourcesNeedingAttention({ claimId, limit = 100 }: { claimId?: number; limit?: number } = {}) {
  const db = getDb();
  const rows = db
    .select({
      id: sources.id,
      url: sources.url,
      title: sources.title,
      state: sourceChecks.state,
      detail: sourceChecks.detail,
      checkedAt: sourceChecks.checkedAt,
    })
    .from(sourceChecks)
    .innerJoin(sources, eq(sources.id, sourceChecks.sourceId))
    .where(
      and(
        inArray(sourceChecks.state, ['moved', 'changed', 'gone', 'unreachable']),
        claimId === undefined
          ? sql`exists (select 1 from ${claimSources} where ${claimSources.sourceId} = ${sources.id})`
          : sql`exists (select 1 from ${claimSources} where ${claimSources.sourceId} = ${sources.id} and ${claimSources.claimId} = ${claimId})`,
      ),
    )
    .orderBy(desc(sourceChecks.checkedAt))
    .limit(limit)
    .all();
  if (rows.length === 0) return [];
  const citing = db
    .select({ sourceId: claimSources.sourceId, claimId: claims.id, statement: claims.statement })
    .from(claimSources)
    .innerJoin(claims, eq(claims.id, claimSources.claimId))
    .where(inArray(claimSources.sourceId, rows.map((r) => r.id)))
    .all();
  return rows.map((r) => ({ ...r, claims: citing.filter((c) => c.sourceId === r.id) }));
}

// ---- readers ----

/** For each of these sources: when its newest stored copy was made, and how its address answered last. */
export function sourceEvidence({ sourceIds }: { sourceIds: number[] }) {
  const found = new Map<
    number,
    {
      archivedAt: Date | null;
      state: SourceCheckState | null;
      checkedAt: Date | null;
      detail: string;
      /** A copy is to be made (a snapshot job is open), and how many of its attempts failed so far. */
      copying: { failed: number; tries: number } | null;
    }
  >();
  if (sourceIds.length === 0) return found;
  const db = getDb();
  const copies = db
    .select({ sourceId: sourceSnapshots.sourceId, at: sql<number>`max(${sourceSnapshots.fetchedAt})` })
    .from(sourceSnapshots)
    .where(inArray(sourceSnapshots.sourceId, sourceIds))
    .groupBy(sourceSnapshots.sourceId)
    .all();
  const checks = db
    .select({ sourceId: sourceChecks.sourceId, state: sourceChecks.state, checkedAt: sourceChecks.checkedAt, detail: sourceChecks.detail })
    .from(sourceChecks)
    .where(inArray(sourceChecks.sourceId, sourceIds))
    .all();
  const open = new Map(
    db
      .select({ key: jobs.key, attempts: jobs.attempts, state: jobs.state, maxAttempts: jobs.maxAttempts })
      .from(jobs)
      .where(and(inArray(jobs.key, sourceIds.map(snapshotKey)), inArray(jobs.state, ['queued', 'running'])))
      .all()
      // A running job has counted the attempt it is making.
      .map((j) => [j.key, { failed: j.attempts - (j.state === 'running' ? 1 : 0), tries: j.maxAttempts }]),
  );
  for (const id of sourceIds) {
    found.set(id, { archivedAt: null, state: null, checkedAt: null, detail: '', copying: open.get(snapshotKey(id)) ?? null });
  }
  for (const c of copies) found.get(c.sourceId)!.archivedAt = new Date(c.at);
  for (const c of checks) Object.assign(found.get(c.sourceId)!, { state: c.state, checkedAt: c.checkedAt, detail: c.detail });
  return found;
}

/** One stored copy of a source, with its source; undefined when the snapshot is not of that source. */
export function getSnapshot({ sourceId, snapshotId }: { sourceId: number; snapshotId?: number }) {
  const db = getDb();
  const snapshot = db
    .select()
    .from(sourceSnapshots)
    .where(and(eq(sourceSnapshots.sourceId, sourceId), snapshotId ? eq(sourceSnapshots.id, snapshotId) : undefined))
    .orderBy(desc(sourceSnapshots.id))
    .limit(1)
    .get();
  if (!snapshot) return undefined;
  const source = db.select().from(sources).where(eq(sources.id, sourceId)).get()!;
  return { snapshot, source };
}

/**
 * The newest stored copy of a source with the claim citing it and its excerpt, whatever the
 * claim's state: the caller decides who may see it (readers a published claim's, editors any).
 * Undefined when the claim does not cite the source or no copy was made.
 */
export function getCitedSnapshot({ claimId, sourceId }: { claimId: number; sourceId: number }) {
  const cited = getDb()
    .select({ claimId: claims.id, slug: claims.slug, statement: claims.statement, title: sources.title, url: sources.url, excerpt: claimSources.excerpt })
    .from(claimSources)
    .innerJoin(claims, eq(claims.id, claimSources.claimId))
    .innerJoin(sources, eq(sources.id, claimSources.sourceId))
    .where(and(eq(claimSources.claimId, claimId), eq(claimSources.sourceId, sourceId)))
    .get();
  const copy = cited ? getSnapshot({ sourceId }) : undefined;
  if (!cited || !copy) return undefined;
  return {
    claim: { id: cited.claimId, slug: cited.slug, statement: cited.statement },
    cited: { title: cited.title, url: cited.url, excerpt: cited.excerpt },
    snapshot: copy.snapshot,
  };
}
