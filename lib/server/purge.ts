import 'server-only';
import { dropPurgesBefore, duePurges, EVERYTHING, markPurged, recordSharedCaches, setSharedCaches } from '@/db/queries/invalidations';
import { contentVersion } from './cache';
import { env } from './env';
import { SHARED_COPY_MAX_MS } from './http';

/**
 * Purging shared caches (Varnish with the xkey module, deploy/varnish/) by cache tag. Every
 * reader page the page cache serves names its tags in the purge-key header
 * (lib/server/page-cache.ts); a write purges the tags it touched at every VARNISH_URL before
 * the editor's response returns, so the next reader request through the shared cache gets
 * the new page while the others stay cached.
 *
 * The purge is durable: the invalidation log (db/queries/invalidations.ts) marks each logged tag
 * as due until every cache has answered its purge. A process that died between its commit and its
 * purge, or a cache that did not answer, leaves rows due; the sweep (startPurgeSweeper, run where
 * the background jobs run) purges them again until they are done or no cache can hold a page from
 * before them any more.
 */

// This process's writes owe shared caches a purge only when there are some to purge.
setSharedCaches(env.VARNISH_URL.length > 0);

/** The purge key of pages whose render named no tags: they depend on everything, so every purge includes it. */
export const UNTAGGED = 'untagged';

const PURGE_TIMEOUT_MS = 2000;
/** A write's own purge (its action's or job's) is left alone this long before a sweep takes it over. */
export const PURGE_GRACE_MS = 5_000;
const SWEEP_MS = 2_000;
/** The longest a sweep waits after failed ones (doubling from SWEEP_MS). */
const SWEEP_BACKOFF_MAX_MS = 60_000;
/** Tags read per sweep, and named per PURGE (an xkey-purge header of a few KB at most). */
const SWEEP_BATCH = 1000;
const KEYS_PER_PURGE = 100;

// One warning per cache until it answers again: a cache that is down must not flood the log.
const failing = new Set<string>();

/**
 * Purges these tags (and UNTAGGED) at every VARNISH_URL; resolves when all have answered or timed
 * out: true when every cache purged them.
 */
export async function purgeSharedCaches(tags: readonly string[], urls: readonly string[] = env.VARNISH_URL): Promise<boolean> {
  if (!urls.length || !tags.length) return true;
  const keys = [...new Set([...tags, UNTAGGED])].join(' ');
  const answers = await Promise.all(
    urls.map(async (url) => {
      try {
        const response = await fetch(url, { method: 'PURGE', headers: { 'xkey-purge': keys }, signal: AbortSignal.timeout(PURGE_TIMEOUT_MS) });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        failing.delete(url);
        return true;
      } catch (error) {
        if (!failing.has(url)) console.warn(`Purging ${keys} at ${url} failed: ${error instanceof Error ? error.message : error}. It is tried again in the background.`);
        failing.add(url);
        return false;
      }
    }),
  );
  return answers.every(Boolean);
}

/**
 * A write's purge, after invalidate() logged its tags at `version`: purges them and records that
 * it did. What it could not purge stays due for the sweep. Never throws: the write is done.
 */
export async function purgeWritten(tags: readonly string[], version: number, urls: readonly string[] = env.VARNISH_URL): Promise<void> {
  if (!urls.length || !tags.length || !version) return;
  if (!(await purgeSharedCaches(tags, urls))) return;
  recordPurged([...new Set(tags)].map((tag) => ({ tag, version })));
}

function recordPurged(rows: { tag: string; version: number }[]): void {
  try {
    markPurged(rows);
  } catch (error) {
    // Left due: the sweep purges them once more, which costs a shared cache one miss per page.
    console.warn(`Could not record a purge of shared caches: ${error instanceof Error ? error.message : error}`);
  }
}

export type Sweep = { purged: number; dropped: number; failed: number };

/**
 * Purges what writes left due: logged at least PURGE_GRACE_MS ago (a write's own purge may still be
 * on its way) and less than SHARED_COPY_MAX_MS ago. Older ones are dropped: every copy a shared
 * cache may still serve was fetched after them. A due `*` (a change of unknown extent) purges
 * everything, which covers every other row read with it.
 */
export async function sweepPurges({ now = Date.now(), urls = env.VARNISH_URL }: { now?: number; urls?: readonly string[] } = {}): Promise<Sweep> {
  const done: Sweep = { purged: 0, dropped: 0, failed: 0 };
  if (!urls.length) return done;
  // Looking at the caches gives up on pending rows of processes that died between their write and
  // naming its tags (after PENDING_MS) and logs them as `*`, due at a later sweep.
  contentVersion();
  done.dropped = dropPurgesBefore(now - SHARED_COPY_MAX_MS);
  if (done.dropped) console.warn(`${done.dropped} purges of shared caches were still due after ${SHARED_COPY_MAX_MS / 60_000} minutes; dropped, as no cache can hold a page from before them.`);
  const due = duePurges({ loggedBy: now - PURGE_GRACE_MS, notBefore: now - SHARED_COPY_MAX_MS, limit: SWEEP_BATCH });
  const batches = due.some((row) => row.tag === EVERYTHING) ? [{ keys: [EVERYTHING], rows: due }] : chunks(due, KEYS_PER_PURGE).map((rows) => ({ keys: rows.map((row) => row.tag), rows }));
  for (const batch of batches) {
    if (await purgeSharedCaches(batch.keys, urls)) {
      recordPurged(batch.rows);
      done.purged += batch.rows.length;
    } else {
      done.failed += batch.rows.length;
    }
  }
  return done;
}

const chunks = <T>(list: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

const globalForSweep = globalThis as unknown as { claimlinePurgeSweep?: NodeJS.Timeout };

/**
 * Sweeps due purges now (a process that starts after a crash finds what the dead one left) and
 * every SWEEP_MS, waiting twice as long after each failed sweep, up to SWEEP_BACKOFF_MAX_MS.
 * Started in exactly one process of the server (instrumentation.ts; scripts/server.mjs says which
 * with CLAIMLINE_PURGE_SWEEP: the editor process when there is one), which first records whether
 * there are shared caches to purge at all (recordSharedCaches), also when there are none.
 */
export function startPurgeSweeper(intervalMs = SWEEP_MS): void {
  if (globalForSweep.claimlinePurgeSweep) return;
  let first: Promise<void> = Promise.resolve();
  try {
    const everything = recordSharedCaches(env.VARNISH_URL.length > 0);
    // Caches newly configured are purged of everything at once, not after the sweep's grace.
    if (everything) first = purgeWritten([EVERYTHING], everything);
  } catch (error) {
    console.warn(`Could not record whether shared caches are purged: ${error instanceof Error ? error.message : error}`);
  }
  if (!env.VARNISH_URL.length) return;
  let failures = 0;
  let waitUntil = 0;
  let running = false;
  const sweep = async () => {
    if (running || Date.now() < waitUntil) return;
    running = true;
    try {
      const { failed } = await sweepPurges();
      failures = failed ? failures + 1 : 0;
      waitUntil = failures ? Date.now() + Math.min(SWEEP_BACKOFF_MAX_MS, intervalMs * 2 ** failures) : 0;
    } catch (error) {
      console.warn(`Could not sweep due purges of shared caches: ${error instanceof Error ? error.message : error}`);
    } finally {
      running = false;
    }
  };
  void first.then(sweep);
  globalForSweep.claimlinePurgeSweep = setInterval(() => void sweep(), intervalMs);
  globalForSweep.claimlinePurgeSweep.unref();
}
