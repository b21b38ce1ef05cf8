import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { and, eq, gt, gte, inArray, isNotNull, lt, lte, or, sql } from 'drizzle-orm';
import { getDb, immediate, prepared, preparedQuery, writeLocked } from '@/db';
import { cacheTags, changeCounter, meta } from '@/db/schema';
import { write, type Tx } from './tx';

/**
 * The invalidation log (table cache_tags): how one server process learns exactly which cache
 * tags another process's writes touched. lib/server/cache.ts reads it when PRAGMA data_version
 * says another connection committed.
 *
 * Every write() logs in its own transaction, so no commit of the app goes unexplained:
 * - inside an action (`withWriteLog`, used by the action wrapper), a pending row: the action
 *   names its tags from the write's result, after the transaction; `settleWrites()` then
 *   replaces the pending rows with those tags. Other processes keep serving what they have
 *   until then (the edit is not done before the editor's answer), and treat a pending row
 *   older than PENDING_MS as "everything" (its process died in between);
 * - outside one (scripts, tests, the demo removal at setup), `*`: everything;
 * - a write that shows readers nothing (sign-in bookkeeping) names the tag `none`.
 *
 * Commits made without write() (the auth library's sessions, a script's own SQL) are told
 * apart by the change counter (db/change-counter.ts): the counted tables' triggers move
 * `counted`, every write() sets `logged` to it. Equal counts and no new row: nothing readers
 * see changed (a session, or PRAGMA data_version moving at a WAL checkpoint without a commit).
 */

/** The tag of a change to everything, and of writes readers never see. */
export const EVERYTHING = '*';
export const NOTHING = 'none';
const PENDING = 'pending:';
/** After this, a pending row's process is taken to have died before naming its tags. */
export const PENDING_MS = 10_000;

type Log = { origin: string; pending: string[]; count: number; context: AsyncLocalStorage<{ pending: string[] }> };
// On globalThis: the action wrapper and write() may sit in different bundles of one process.
const globalForLog = globalThis as unknown as { claimlineWriteLog?: Log };
const log = (): Log =>
  (globalForLog.claimlineWriteLog ??= { origin: randomUUID().slice(0, 12), pending: [], count: 0, context: new AsyncLocalStorage() });

/** This process's name in the log: its own rows describe what it already dropped. */
export const logOrigin = () => log().origin;

/** Runs an action's body: the writes it makes stay pending until settleWrites() names their tags. */
export function withWriteLog<T>(fn: () => Promise<T>): Promise<T> {
  return log().context.run({ pending: [] }, fn);
}

// What every write and every process's catching up with the log run, built once; on the
// connection, inside whichever transaction or snapshot it has open.
const logQueries = preparedQuery((db) => ({
  maxVersion: db.select({ max: sql<number | null>`max(${cacheTags.version})` }).from(cacheTags).prepare(),
  counter: db.select({ counted: changeCounter.counted, logged: changeCounter.logged }).from(changeCounter).where(eq(changeCounter.id, 1)).prepare(),
  counterLogged: db.update(changeCounter).set({ logged: sql`${changeCounter.counted}` }).where(eq(changeCounter.id, 1)).prepare(),
  since: db
    .select()
    .from(cacheTags)
    .where(or(gt(cacheTags.version, sql.placeholder('version')), and(gte(cacheTags.tag, PENDING), lt(cacheTags.tag, 'pending;'))))
    .prepare(),
  dropAbandoned: db
    .delete(cacheTags)
    .where(and(gte(cacheTags.tag, PENDING), lt(cacheTags.tag, sql.placeholder('before'))))
    .prepare(),
}));

const nextVersion = () => (logQueries().maxVersion.get()?.max ?? 0) + 1;

function upsert(tx: Tx, tags: readonly string[], version: number, origin = logOrigin()) {
  if (!tags.length) return;
  const due = tags.some(purgeable) && sharedCachesConfigured(tx) ? Date.now() : null;
  tx.insert(cacheTags)
    .values([...new Set(tags)].map((tag) => ({ tag, version, origin, purgeDue: purgeable(tag) ? due : null })))
    .onConflictDoUpdate({ target: cacheTags.tag, set: { version, origin, purgeDue: sql`excluded.purge_due` } })
    .run();
}

/** Whether shared caches hold pages a write of this tag changed: not for `none`, nor a pending row (its tags are not known yet). */
const purgeable = (tag: string) => tag !== NOTHING && !tag.startsWith(PENDING);

const SHARED_CACHES = 'shared_caches';
// On globalThis, as the log: the modules that write and lib/server/purge.ts may sit in different bundles of one process.
const globalForCaches = globalThis as unknown as { claimlineSharedCaches?: boolean };

/**
 * Tells this process whether the server purges shared caches (VARNISH_URL; lib/server/purge.ts):
 * its writes then owe them a purge (purge_due). Without any, a row marked due would stay so for
 * good, as no sweep runs to purge it or drop it.
 */
export function setSharedCaches(configured: boolean): void {
  globalForCaches.claimlineSharedCaches = configured;
}

/**
 * Whether a write owes shared caches a purge: what this process was told, else (a script writing
 * to the server's file, e.g. seed:synthetic) what the server recorded at its start.
 */
function sharedCachesConfigured(tx: Tx): boolean {
  return globalForCaches.claimlineSharedCaches ?? tx.select({ key: meta.key }).from(meta).where(eq(meta.key, SHARED_CACHES)).get() !== undefined;
}

/**
 * Records, at a server's start (in the one process that sweeps), whether it purges shared caches,
 * for the processes that write without knowing. Newly configured, everything is due once: a cache
 * that stood in front of the app before may hold pages no write purged; returns the version of
 * that `*` (0 otherwise). No longer configured, nothing stays due: no sweep would ever purge it or
 * drop it. Writes only when either changes.
 */
export function recordSharedCaches(configured: boolean): number {
  const recorded = getDb().select({ key: meta.key }).from(meta).where(eq(meta.key, SHARED_CACHES)).get() !== undefined;
  const owed = getDb().select({ tag: cacheTags.tag }).from(cacheTags).where(isNotNull(cacheTags.purgeDue)).limit(1).get() !== undefined;
  if (recorded === configured && (configured || !owed)) return 0;
  return write((tx) => {
    if (!configured) {
      tx.delete(meta).where(eq(meta.key, SHARED_CACHES)).run();
      tx.update(cacheTags).set({ purgeDue: null }).where(isNotNull(cacheTags.purgeDue)).run();
      return 0;
    }
    tx.insert(meta).values({ key: SHARED_CACHES, value: 'varnish' }).onConflictDoNothing().run();
    const version = nextVersion();
    upsert(tx, [EVERYTHING], version);
    tx.update(cacheTags).set({ purgeDue: Date.now() }).where(eq(cacheTags.tag, EVERYTHING)).run();
    return version;
  }, 'nothing');
}

/** The change counter, inside the connection's transaction or snapshot if one is open. */
export const readCounter = (): { counted: number; logged: number } => logQueries().counter.get() ?? { counted: 0, logged: 0 };

/**
 * A `*` that no process takes for its own: the writer that finds a commit nobody logged is not
 * the one that made it, and has to drop what it holds as every other process does. Its origin
 * names the change counter's `counted` up to which it explains the commits (`unlogged:1234`): a
 * process that started (or last dropped everything) when the counter stood there or later has
 * read all of them already and drops nothing for it. (A database loaded by a script, the bench's
 * among them, starts with such commits: each server process used to drop every page it held at
 * the first write after it started, and every claim page was rendered again under the spike.)
 */
const UNLOGGED_ORIGIN = 'unlogged';
const unloggedOrigin = (counted: number) => `${UNLOGGED_ORIGIN}:${counted}`;

/** For a `*` row of commits nobody logged, the count up to which it explains them; null for any other row. */
export function unloggedUpTo(origin: string): number | null {
  const match = /^unlogged:(\d+)$/.exec(origin);
  return match ? Number(match[1]) : null;
}

/**
 * Called by write() inside its transaction, after the change: the row that explains this commit
 * to other processes. `before` is the change counter when the transaction began: unequal counts
 * there are a commit made without the log since the last write(), which this one must not cover up.
 */
export function logWrite(tx: Tx, touches: 'readers' | 'nothing', before: { counted: number; logged: number }): void {
  const version = nextVersion();
  logQueries().counterLogged.run();
  const action = log().context.getStore();
  if (touches === 'nothing') {
    upsert(tx, [NOTHING], version);
  } else if (!action) {
    if (process.env.CLAIMLINE_DEBUG_CACHE) console.warn(`[cache ${process.pid}] a write outside an action: ${new Error().stack}`);
    upsert(tx, [EVERYTHING], version);
  } else {
    const name = `${PENDING}${Date.now()}:${logOrigin()}:${++log().count}`;
    upsert(tx, [name], version);
    action.pending.push(name);
  }
  // Last, so that no row of this process's own takes its place. When this write is a `*` itself,
  // the row explains this write's own changes too: up to the count after it.
  if (before.counted !== before.logged) {
    const upTo = touches === 'readers' && !action ? readCounter().counted : before.counted;
    upsert(tx, [EVERYTHING], version, unloggedOrigin(upTo));
  }
}

/**
 * Records that `tags` changed, in one transaction: replacing the pending rows of the running
 * action's writes, if any. Returns the version given to the tags (0 when nothing was written).
 */
export function settleWrites(tags: readonly string[]): number {
  const pending = log().context.getStore()?.pending.splice(0) ?? [];
  if (!tags.length && !pending.length) return 0;
  return withoutSync(() => immediate(
    (tx) => {
      // Taken before the pending rows go: a version never comes back, or a process that had read
      // up to a deleted row's version would take the rows given that version for ones it had seen.
      const version = nextVersion();
      if (pending.length) tx.delete(cacheTags).where(inArray(cacheTags.tag, pending)).run();
      // Rows of processes that died long ago: every process has given up on them by now.
      logQueries().dropAbandoned.run({ before: `${PENDING}${Date.now() - 6 * PENDING_MS}` });
      // An action that names no tags still ends its pending rows: the `none` row says so.
      upsert(tx, tags.length ? tags : [NOTHING], version);
      return version;
    },
  ));
}

/**
 * Runs `fn`'s commit without waiting for the disk (synchronous = NORMAL: in WAL mode a power loss
 * may undo it, never corrupt the file), then sets the connection back. Only for the commit that
 * names a settled write's tags: it matters only to server processes running at the time, which a
 * power loss ends too, and a process started after it holds nothing to drop (it reads the pending
 * row left behind as everything). The write itself committed with synchronous = FULL. Saves a save
 * one flush of the WAL: 3 ms at the median on this machine, up to 16.
 */
function withoutSync<T>(fn: () => T): T {
  // Inside a transaction SQLite refuses to change it ("Safety level may not be changed inside a
  // transaction"), and the settle is then a savepoint of that transaction, committed with it.
  if (getDb().$client.inTransaction) return fn();
  const before = prepared('pragma synchronous').pluck().get() as number;
  prepared('pragma synchronous = normal').run();
  try {
    return fn();
  } finally {
    prepared(`pragma synchronous = ${before}`).run();
  }
}

/** After a failed action: its writes that committed touched unknown tags, so everything. */
export function abandonWrites(): void {
  if (log().context.getStore()?.pending.length) settleWrites([EVERYTHING]);
}

/** Rows this connection has inserted, updated or deleted since it opened (SQLite's total_changes()). */
export const changeCount = (): number => prepared('select total_changes()').pluck().get() as number;

export type LogRow = { tag: string; version: number; origin: string };

/** Rows written after `version`, and every pending row (to see them settle or time out). */
export function readLogSince(version: number): LogRow[] {
  return logQueries().since.all({ version });
}

/**
 * SQLite's count of other connections' commits as this connection sees it now: it moves
 * when another process (or a script) commits, never with this connection's own commits.
 */
export function dataVersion(): number {
  const client = getDb().$client;
  // Prepared once per connection: every page-cache hit asks, and pragma() prepares it again each time (about 5 µs against 25).
  let statement = dataVersionStatements.get(client);
  if (!statement) dataVersionStatements.set(client, (statement = client.prepare('pragma data_version').pluck()));
  return statement.get() as number;
}
const dataVersionStatements = new WeakMap<object, { get(): unknown }>();

/**
 * The log after `version`, the change counter and the data_version they go with, read in one
 * snapshot: a commit landing between two separate reads would be counted in one and not the
 * other.
 */
export function readLogSnapshot(version: number): { dataVersion: number; rows: LogRow[]; latest: number; counter: { counted: number; logged: number } } {
  return getDb().$client.transaction(() => ({
    dataVersion: dataVersion(),
    rows: readLogSince(version),
    latest: nextVersion() - 1,
    counter: readCounter(),
  }))();
}

/** The pending row's age in ms, from its name; null if it is not a pending row. */
export function pendingAge(tag: string, now = Date.now()): number | null {
  if (!tag.startsWith(PENDING)) return null;
  return now - Number(tag.slice(PENDING.length).split(':')[0]);
}

/** The versions of these tags and of `*` as one string: equal in every process while none of them moves. */
export function logVersions(tags: readonly string[] | null): string {
  const query = getDb().select({ tag: cacheTags.tag, version: cacheTags.version }).from(cacheTags);
  if (!tags) return `latest=${nextVersion() - 1}`;
  const wanted = [...new Set([...tags, EVERYTHING])].sort();
  const rows = new Map(query.where(inArray(cacheTags.tag, wanted)).all().map((r) => [r.tag, r.version]));
  return wanted.map((tag) => `${tag}=${rows.get(tag) ?? 0}`).join(' ');
}

/**
 * Records as `*` the commits nobody logged that this process saw (a script's own SQL: the change
 * counter stood at `seen` while `logged` was behind it; null: none), or pending rows whose
 * processes died before naming their tags (`expired`), so every process and every ETag moves
 * with it. Once: the first process (or write()) to notice logs it and moves `logged` up to what
 * it saw, no further: a commit made since, which this process has not dropped, stays unlogged
 * for the next look.
 */
export function logUnexplained(seen: number | null, expired: readonly string[] = []): void {
  immediate(
    (tx) => {
      const version = nextVersion();
      const removed = expired.length ? tx.delete(cacheTags).where(inArray(cacheTags.tag, [...expired])).run().changes : 0;
      const behind = seen !== null && readCounter().logged < seen;
      if (behind) tx.update(changeCounter).set({ logged: seen }).where(eq(changeCounter.id, 1)).run();
      // Expired rows are changes of unknown extent: everything, for every process but this one.
      if (removed > 0) upsert(tx, [EVERYTHING], version);
      else if (behind) upsert(tx, [EVERYTHING], version, unloggedOrigin(seen));
    },
  );
}

export type DuePurge = { tag: string; version: number; due: number };

/**
 * Tags whose writes shared caches may not have been purged of yet, logged at or before `loggedBy`
 * (ms) and after `notBefore`: left by a process that died between its commit and its purge, or by a
 * cache that did not answer. Oldest first.
 */
export function duePurges({ loggedBy, notBefore, limit }: { loggedBy: number; notBefore: number; limit: number }): DuePurge[] {
  return getDb()
    .select({ tag: cacheTags.tag, version: cacheTags.version, due: sql<number>`${cacheTags.purgeDue}` })
    .from(cacheTags)
    .where(and(gt(cacheTags.purgeDue, notBefore), lte(cacheTags.purgeDue, loggedBy)))
    .orderBy(cacheTags.purgeDue)
    .limit(limit)
    .all();
}

/**
 * Records that shared caches were purged of these tags as of these versions. A tag written again
 * since (a higher version) stays due: its newer write has a purge of its own to be done.
 */
export function markPurged(rows: readonly { tag: string; version: number }[]): void {
  if (!rows.length) return;
  withoutSync(() =>
    immediate((tx) => {
      for (const row of rows) {
        tx.update(cacheTags).set({ purgeDue: null }).where(and(eq(cacheTags.tag, row.tag), eq(cacheTags.version, row.version))).run();
      }
    }),
  );
}

/**
 * Stops owing purges for writes logged before `before` (ms): no shared cache can still hold a page
 * from before them, since what it keeps expires by then (READER_CACHE_CONTROL's s-maxage plus
 * stale-while-revalidate). Returns how many were dropped.
 */
export function dropPurgesBefore(before: number): number {
  // Looked for first: the sweep runs every 2 s, and an UPDATE takes the write lock even when it changes no row.
  if (!getDb().select({ tag: cacheTags.tag }).from(cacheTags).where(lte(cacheTags.purgeDue, before)).limit(1).get()) return 0;
  return writeLocked(() => getDb().update(cacheTags).set({ purgeDue: null }).where(lte(cacheTags.purgeDue, before)).run().changes);
}
