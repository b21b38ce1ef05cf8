import 'server-only';
import { randomUUID } from 'node:crypto';
import { cache } from 'react';
import {
  dataVersion,
  EVERYTHING,
  logOrigin,
  logUnexplained,
  logVersions,
  PENDING_MS,
  pendingAge,
  readLogSnapshot,
  settleWrites,
  unloggedUpTo,
} from '@/db/queries/invalidations';

/**
 * The reader cache and its one invalidation entry point.
 *
 * Reader data is memoised in this process, keyed by the tags it depends on;
 * every write calls `invalidate()` with the tags it touched, so the next
 * request recomputes. The cache lives in memory only (never in .next/cache):
 * each `npm start` or e2e run may open a different database file with the same
 * build, and nothing from one database may be served for another.
 *
 * `contentVersion()` changes on every invalidation and on every process start.
 * Writes made through another connection (a second app process, a script) do not
 * call this process's `invalidate()`; SQLite's `data_version` reveals that one was
 * committed, and the invalidation log (db/queries/invalidations.ts) says which tags
 * it touched: exactly those are dropped, or everything when the log does not explain
 * the commit.
 */

/** Tag names; a write passes every tag whose pages it changes. */
export const tags = {
  /** A claim's page, badge, feed and API detail. */
  claim: (id: number) => `claim:${id}`,
  /**
   * An article itself: its row (title, outlet, dates, address), its revisions and the outlet's
   * changes to it. What a claim page shows of its articles; the claims in it are articleClaims.
   */
  article: (id: number) => `article:${id}`,
  /**
   * Which claims an article has and what they show: every claim write passes it (claimTags), so
   * the article's page, annotations and overlay follow it, and a claim page (which shows none of
   * its siblings) does not.
   */
  articleClaims: (id: number) => `article-claims:${id}`,
  /** A party's page, feed and API detail. */
  party: (id: number) => `party:${id}`,
  /**
   * Everything that lists claims across articles: home, claims index, site feed, API lists,
   * statistics. Every write that changes a list passes it, except a response or source saved to
   * a claim (claimDetailTags), which changes only what the two tags below name, the claim's own
   * pages and, when a party starts or stops being shown, `lists` itself.
   */
  lists: 'lists',
  /** Lists that show responses (counts, stances, who responded): readers of them depend on `lists` too. */
  listResponses: 'lists:responses',
  /**
   * Lists sorted by when claims were last changed (claims.updated_at), which every response or
   * source save moves. A list that only shows that date depends on its claims' own tags instead.
   */
  listUpdates: 'lists:updated',
  /**
   * The home page's most disputed. Every write that passes `lists` changes it too; a response or
   * source saved to a claim passes this only when the list as shown changed (watchMostDisputed in
   * db/queries/reader-lists.ts), which it does not when the claim is neither on it nor enters it.
   */
  mostDisputed: 'lists:disputed',
  /** The policy pages (methodology, rating scale, corrections policy, contact) and their history. */
  policies: 'policies',
} as const;

type TaggedClaim = { id: number; articleIds?: number[]; partyIds?: (number | null)[] };

const partyTagsOf = (claim: TaggedClaim) => (claim.partyIds ?? []).filter((id): id is number => id !== null).map(tags.party);

/** The tags a change to one claim touches: its page, its articles' claims, its parties and every list. */
export function claimTags(claim: TaggedClaim): string[] {
  return [tags.claim(claim.id), ...(claim.articleIds ?? []).map(tags.articleClaims), ...partyTagsOf(claim), tags.lists];
}

/**
 * The tags a response or source saved to a claim touches (db/queries/sources.ts): the claim's own
 * pages and its parties', the lists sorted by last change, for a response the lists that show
 * responses, and the most disputed when the save changed it (`disputedChanged`). Not its articles: which claims they have is unchanged, and each claim shown on them
 * is followed by its own tag. Not `lists`, unless a party started or stopped being shown
 * (`partiesShown`: a party is public through its responses, visibility.ts).
 */
export function claimDetailTags(claim: TaggedClaim & { partiesShown?: boolean; disputedChanged?: boolean }, kind: 'response' | 'source'): string[] {
  return [
    tags.claim(claim.id),
    ...partyTagsOf(claim),
    tags.listUpdates,
    ...(kind === 'response' ? [tags.listResponses] : []),
    ...(claim.disputedChanged ? [tags.mostDisputed] : []),
    ...(claim.partiesShown ? [tags.lists] : []),
  ];
}

/**
 * The tags a source saved to a claim touches (attachSource, updateClaimSource): that claim's, every
 * claim citing the source (they show its details), and for those whose "updated" date a change to
 * the shared details moved, their claimants' pages too, which list them by that date.
 */
export function citationTags(saved: { scope: TaggedClaim; citedBy: number[]; touched: TaggedClaim[] }): string[] {
  return [...claimDetailTags(saved.scope, 'source'), ...saved.citedBy.map(tags.claim), ...saved.touched.flatMap((other) => claimDetailTags(other, 'source'))];
}

/** The tags removing the demo touches: every demo article, claim and party page, and every list. */
export function demoRemovalTags(removed: { articleIds: number[]; claimIds: number[]; partyIds: number[]; keptPartyIds: number[] }): string[] {
  return [
    ...removed.articleIds.map(tags.article),
    ...removed.claimIds.map(tags.claim),
    ...[...removed.partyIds, ...removed.keptPartyIds].map(tags.party),
    tags.lists,
  ];
}

type Entry = { value: unknown; deps: [tag: string, version: number][]; at: number };
type State = {
  boot: string;
  /** Moves on every invalidation. */
  version: number;
  /** Moves when the whole cache is emptied (a change to everything, or one nobody logged). */
  epoch: number;
  dataVersion: number | undefined;
  /** Each tag's `version` when it was last invalidated (0: never in this process). */
  tagVersions: Map<string, number>;
  entries: Map<string, Entry>;
  /** How far this process has read the invalidation log (db/queries/invalidations.ts). */
  logVersion: number;
  /**
   * The change counter's `counted` when this process started or last dropped everything: every
   * commit counted up to it is in what it has read since, logged or not.
   */
  syncedCounted: number;
  /** Other processes' pending rows last seen, and those already given up on as "everything". */
  pending: Set<string>;
  expired: Set<string>;
  /** Keys of values allowed to lag (`cached(…, { lag: true })`) being computed again after this request. */
  refreshing: Set<string>;
  /** Values of `cachedAsync` being made, by key: callers arriving meanwhile share them. */
  flights: Map<string, Promise<unknown>>;
  /** When each tag changed, for the last LAG_MAX_MS (see behindSince). */
  changes: Map<string, Changes>;
  /** The last time this process found data_version where it was: another process's commit seen now came after it. */
  checkedAt: number;
};
/** A tag's changes, oldest first, and the newest version whose time is no longer known (older than LAG_MAX_MS). */
type Changes = { forgotten: number; list: [version: number, at: number][] };

// A bound on memory: entries are page-sized (a claim, an article with its text, a list page).
const MAX_ENTRIES = 2000;

// On globalThis: route bundles may each get their own copy of this module.
const globalForCache = globalThis as unknown as { claimlineCache?: State };
function state(): State {
  let s = globalForCache.claimlineCache;
  if (!s) {
    // Everything logged before this process's first look is already in what it will read.
    const start = readLogSnapshot(Number.MAX_SAFE_INTEGER);
    s = globalForCache.claimlineCache = {
      // Shared by the processes of one server (scripts/server.mjs sets it), so their ETags agree.
      boot: process.env.CLAIMLINE_BOOT || randomUUID().slice(0, 8),
      version: 0,
      epoch: 0,
      dataVersion: start.dataVersion,
      tagVersions: new Map(),
      entries: new Map(),
      logVersion: start.latest,
      syncedCounted: start.counter.counted,
      pending: new Set(start.rows.filter((row) => row.origin !== logOrigin()).map((row) => row.tag)),
      expired: new Set(),
      refreshing: new Set(),
      flights: new Map(),
      changes: new Map(),
      checkedAt: Date.now(),
    };
    return s;
  }
  const now = Date.now();
  // Changes only when another connection commits; this process's writes call invalidate().
  if (dataVersion() !== s.dataVersion) {
    readLog(s, true);
  } else if (s.pending.size && [...s.pending].some((tag) => !s.expired.has(tag) && (pendingAge(tag) ?? 0) > PENDING_MS)) {
    readLog(s, false);
  }
  s.checkedAt = now;
  return s;
}

/**
 * Another connection committed (`committed`), or a pending row may have expired: reads the
 * invalidation log from where this process stopped and drops exactly what the other
 * processes' rows name. A commit the log does not describe (the change counter says a counted
 * table changed outside write(): a script's own SQL), or a pending row whose process died
 * before naming its tags, drops everything, and is logged as `*` so every process's ETags move
 * too. A move of data_version with no new row and even counts (a sign-in's session, a WAL
 * checkpoint) drops nothing.
 */
function readLog(s: State, committed: boolean): void {
  const changed: string[] = [];
  let everything = false;
  const pending = new Set<string>();
  const expired: string[] = [];
  const seenFrom = s.logVersion;
  const snapshot = readLogSnapshot(s.logVersion);
  s.dataVersion = snapshot.dataVersion;
  for (const row of snapshot.rows) {
    s.logVersion = Math.max(s.logVersion, row.version);
    // This process's own rows describe its own commits, which it dropped when it made them. A row
    // of another process's that this one's own write replaced (one row per tag) was committed
    // before that write, so what it names was dropped then too.
    if (row.origin === logOrigin()) continue;
    const age = pendingAge(row.tag);
    if (age !== null) {
      pending.add(row.tag);
      // Its process died before naming the tags: any of them may have changed.
      if (age > PENDING_MS && !s.expired.has(row.tag)) {
        s.expired.add(row.tag);
        expired.push(row.tag);
        everything = true;
      }
    } else if (row.version > seenFrom) {
      if (row.tag !== EVERYTHING) changed.push(row.tag);
      // Commits nobody logged that this process had already read (made before it started) change nothing here.
      else if ((unloggedUpTo(row.origin) ?? Infinity) > s.syncedCounted) everything = true;
    }
  }
  // A pending row that is gone was settled: its tags, if any, came in as new rows above.
  s.pending = pending;
  for (const tag of s.expired) if (!pending.has(tag)) s.expired.delete(tag);
  const unlogged = committed && snapshot.counter.counted !== snapshot.counter.logged && snapshot.counter.counted > s.syncedCounted;
  if (unlogged || expired.length) {
    everything = true;
    // After this request: a write, which may wait for another process's transaction.
    setImmediate(() => {
      try {
        logUnexplained(unlogged ? snapshot.counter.counted : null, expired);
      } catch (error) {
        console.warn(`Could not log a change made outside the app: ${error instanceof Error ? error.message : error}`);
      }
    });
  }
  if (process.env.CLAIMLINE_DEBUG_CACHE) {
    const why = unlogged ? 'a commit nobody logged' : expired.length ? `expired ${expired}` : everything ? 'a * row' : changed.length ? `tags ${changed}` : 'nothing readers see';
    console.warn(`[cache ${process.pid}] ${committed ? 'data_version moved' : 'pending check'}: ${why} ${JSON.stringify(snapshot.rows.filter((row) => row.version > seenFrom || pendingAge(row.tag) !== null))}`);
  }
  if (everything) {
    s.syncedCounted = snapshot.counter.counted;
    s.entries.clear();
    s.version += 1;
    s.epoch += 1;
  } else if (changed.length) {
    s.version += 1;
    // The commit came after this process last found nothing new: the earliest it can have been.
    for (const tag of changed) setTagVersion(s, tag, s.checkedAt);
  }
}

/** Moves a tag to the current version, noting when (for behindSince), and forgets changes older than LAG_MAX_MS. */
function setTagVersion(s: State, tag: string, at: number): void {
  const changes = s.changes.get(tag) ?? { forgotten: tagVersion(s, tag), list: [] };
  changes.list.push([s.version, at]);
  s.changes.set(tag, changes);
  s.tagVersions.set(tag, s.version);
  forget(changes, at);
  // Now and then, tags that have not changed for a while: a tag with no record counts as changed long ago.
  if (++changesNoted % 1000 === 0) {
    for (const [name, other] of s.changes) if (forget(other, at)) s.changes.delete(name);
  }
}
let changesNoted = 0;

/** Drops the changes older than LAG_MAX_MS; true when none is left. */
function forget(changes: Changes, now: number): boolean {
  while (changes.list.length && now - changes.list[0]![1] > LAG_MAX_MS) changes.forgotten = changes.list.shift()![0];
  return changes.list.length === 0;
}

/**
 * When the first change a page rendered after `since` did not see was made (the content it shows
 * was current until then): the earliest change, after `since`, of one of the tags it read. Null
 * when that is not known (its tags unknown, everything dropped since, a change older than
 * LAG_MAX_MS, or none seen by this process yet), and then only the render's start is known.
 */
export function behindSince(since: Mark, tagList: readonly string[] | null): number | null {
  const s = state();
  if (!tagList || since.epoch !== `${s.boot}.${s.epoch}`) return null;
  let first = Infinity;
  for (const tag of tagList) {
    if (tagVersion(s, tag) <= since.version) continue;
    const changes = s.changes.get(tag);
    const missed = changes && changes.forgotten <= since.version ? changes.list.find(([version]) => version > since.version) : undefined;
    if (!missed) return null;
    first = Math.min(first, missed[1]);
  }
  return first === Infinity ? null : first;
}

const tagVersion = (s: State, tag: string) => s.tagVersions.get(tag) ?? 0;

/**
 * How far behind the latest edit a value (or page) allowed to lag may be: one computed again in
 * the background at most every LAG_REFRESH_MS, and one older than LAG_MAX_MS computed before it
 * is used, as any other. The statistics pages (lib/server/page-cache.ts) and the editors'
 * dashboard's figures (lib/server/stats.ts) lag by these.
 */
export const LAG_REFRESH_MS = 5_000;
export const LAG_MAX_MS = 60_000;

/**
 * `load()`'s result, reused until one of its tags is invalidated. `dependsOn`
 * may be a function of the result (e.g. the claim's article and parties). `load`
 * is synchronous (better-sqlite3), so no write can slip in between.
 *
 * With `lag`, a value whose tags were invalidated is still returned while it is younger than
 * LAG_MAX_MS, and computed again right after this request (at most once every LAG_REFRESH_MS):
 * for figures every save changes, which would otherwise be computed again after every save.
 */
export function cached<T>(key: string, dependsOn: readonly string[] | ((value: T) => string[]), load: () => T, options: { lag?: boolean } = {}): T {
  const s = state();
  const hit = usable(s, key, options.lag, () => {
    if (s.refreshing.has(key)) return;
    s.refreshing.add(key);
    setImmediate(() => {
      try {
        store(s, key, dependsOn, load);
      } catch (error) {
        console.warn(`Could not compute ${key} again: ${error instanceof Error ? error.message : error}`);
      } finally {
        s.refreshing.delete(key);
      }
    });
  });
  if (hit) {
    recordRead(hit.deps.map(([tag]) => tag));
    return hit.value as T;
  }
  const value = store(s, key, dependsOn, load);
  recordRead(s.entries.get(key)!.deps.map(([tag]) => tag));
  return value;
}

/**
 * `cached` for a value made asynchronously (a render over loopback): the same tags, keys and lag.
 * The tags' versions are taken before `load` starts, so a write while it runs leaves the value
 * stale; callers arriving meanwhile share its promise. A null result is given but not kept.
 */
export async function cachedAsync<T>(key: string, dependsOn: readonly string[], load: () => Promise<T | null>, options: { lag?: boolean } = {}): Promise<T | null> {
  const s = state();
  const hit = usable(s, key, options.lag, () => {
    makeAsync(s, key, dependsOn, load).catch((error: unknown) => console.warn(`Could not compute ${key} again: ${error instanceof Error ? error.message : error}`));
  });
  recordRead(dependsOn);
  return hit ? (hit.value as T) : makeAsync(s, key, dependsOn, load);
}

/**
 * The entry kept under `key` if it may be used: its tags unchanged (then it becomes the most
 * recently used), or with `lag` younger than LAG_MAX_MS, when `refresh` is called once it is
 * LAG_REFRESH_MS old to compute it again after this request.
 */
function usable(s: State, key: string, lag: boolean | undefined, refresh: () => void): Entry | undefined {
  const hit = s.entries.get(key);
  if (!hit) return undefined;
  if (hit.deps.every(([tag, version]) => tagVersion(s, tag) === version)) {
    // Least recently used goes first when the cache is full: move a hit to the end.
    s.entries.delete(key);
    s.entries.set(key, hit);
    return hit;
  }
  const age = Date.now() - hit.at;
  if (!lag || age >= LAG_MAX_MS) return undefined;
  if (age >= LAG_REFRESH_MS) refresh();
  return hit;
}

function makeAsync<T>(s: State, key: string, dependsOn: readonly string[], load: () => Promise<T | null>): Promise<T | null> {
  const running = s.flights.get(key);
  if (running) return running as Promise<T | null>;
  const at = Date.now();
  const deps = dependsOn.map((tag): [string, number] => [tag, tagVersion(s, tag)]);
  const made = load()
    .then((value) => {
      if (value !== null) keep(s, key, { value, deps, at });
      return value;
    })
    .finally(() => s.flights.delete(key));
  s.flights.set(key, made);
  return made;
}

function store<T>(s: State, key: string, dependsOn: readonly string[] | ((value: T) => string[]), load: () => T): T {
  const at = Date.now();
  const value = load();
  const tagList = typeof dependsOn === 'function' ? dependsOn(value) : dependsOn;
  keep(s, key, { value, deps: tagList.map((tag): [string, number] => [tag, tagVersion(s, tag)]), at });
  return value;
}

/** Stores an entry as the most recently used, dropping the least recently used past MAX_ENTRIES. */
function keep(s: State, key: string, entry: Entry): void {
  s.entries.delete(key);
  s.entries.set(key, entry);
  if (s.entries.size > MAX_ENTRIES) {
    const oldest = s.entries.keys().next().value;
    if (oldest !== undefined) s.entries.delete(oldest);
  }
}

/**
 * Call after every write: whatever depends on these tags is recomputed on the next request,
 * in this process and (through the invalidation log, which settles the action's pending
 * writes) in every other process on the same file. Returns the log version the tags were given
 * (0: nothing logged), for purgeWritten().
 */
export function invalidate(changed: readonly string[]): number {
  invalidateHere(changed);
  return settleWrites(changed);
}

/** Invalidates in this process only: for what only this process holds (a failed render it must not keep). */
export function invalidateHere(changed: readonly string[]): void {
  const s = state();
  s.version += 1;
  const now = Date.now();
  for (const tag of changed) setTagVersion(s, tag, now);
}

/** Changes whenever any reader content may have changed (any invalidation, any restart). */
export function contentVersion(): string {
  const s = state();
  return `${s.boot}.${s.version}`;
}

/**
 * The tags the current server render has read (through `cached()` or `recordRead()`): one set per
 * request, by React's request-scoped `cache`; outside a render each call is a new, unused set.
 * Not on globalThis: the proxy's copy of this module may be bundled with a React whose
 * `cache` keeps nothing. A render whose layout and page saw different sets would hand the page
 * cache an empty one, which it treats as "depends on everything".
 */
export const renderTags = cache(() => new Set<string>());

/** Records that the current render shows data depending on these tags (for data read without `cached()`). */
export function recordRead(tagList: readonly string[]): void {
  const seen = renderTags();
  for (const tag of tagList) seen.add(tag);
}

/**
 * The versions of these tags (of everything, when null) in the invalidation log as one string,
 * equal in every process of this server for as long as none of them is invalidated: what a
 * reader page's ETag is made from, so a revalidation answered by another process is a 304 too.
 */
export function tagVersions(tagList: readonly string[] | null): string {
  return `${state().boot} ${logVersions(tagList)}`;
}

/** A point in this process's cache history, taken before a page renders. */
export type Mark = { epoch: string; version: number };

export function mark(): Mark {
  const s = state();
  return { epoch: `${s.boot}.${s.epoch}`, version: s.version };
}

/**
 * Whether what a page rendered after `since` read is unchanged: none of its tags was
 * invalidated since then, or, when its tags are unknown (null), nothing was.
 */
export function unchangedSince(since: Mark, tagList: readonly string[] | null): boolean {
  const s = state();
  if (since.epoch !== `${s.boot}.${s.epoch}`) return false;
  return tagList ? tagList.every((tag) => tagVersion(s, tag) <= since.version) : s.version === since.version;
}
