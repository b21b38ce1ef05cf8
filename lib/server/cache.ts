import 'server-only';
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db';

/**
 * The reader cache and its one invalidation entry point.
 *
 * Reader data is memoised in this process, keyed by the tags it depends on;
 * every write calls `invalidate()` with the tags it touched, so the next
 * request recomputes. The cache lives in memory only (never in .next/cache):
 * each `npm start` or e2e run may open a different database file with the same
 * build, and nothing from one database may be served for another.
 *
 * `contentVersion()` changes on every invalidation and on every process start;
 * reader pages use it as their ETag, so a CDN or browser revalidates after an edit.
 * Writes made through another connection (a script, a second app process) do
 * not call `invalidate()`; SQLite's `data_version` reveals them, and the whole
 * cache is dropped when it moves.
 */

/** Tag names; a write passes every tag whose pages it changes. */
export const tags = {
  /** A claim's page, badge, feed and API detail. */
  claim: (id: number) => `claim:${id}`,
  /** An article's page, feed and API detail. */
  article: (id: number) => `article:${id}`,
  /** A party's page, feed and API detail. */
  party: (id: number) => `party:${id}`,
  /** Everything that lists claims across articles: home, claims index, site feed, API lists, exports. */
  lists: 'lists',
} as const;

/** The tags a change to one claim touches: its page, its articles, its parties and every list. */
export function claimTags(claim: { id: number; articleIds?: number[]; partyIds?: (number | null)[] }): string[] {
  return [
    tags.claim(claim.id),
    ...(claim.articleIds ?? []).map(tags.article),
    ...(claim.partyIds ?? []).filter((id): id is number => id !== null).map(tags.party),
    tags.lists,
  ];
}

type Entry = { value: unknown; deps: [tag: string, version: number][] };
type State = {
  boot: string;
  version: number;
  dataVersion: number | undefined;
  tagVersions: Map<string, number>;
  entries: Map<string, Entry>;
};

// A bound on memory: entries are page-sized (a claim, an article with its text, a list page).
const MAX_ENTRIES = 2000;

// On globalThis: route bundles may each get their own copy of this module.
const globalForCache = globalThis as unknown as { claimlineCache?: State };
function state(): State {
  globalForCache.claimlineCache ??= {
    boot: randomUUID().slice(0, 8),
    version: 0,
    dataVersion: undefined,
    tagVersions: new Map(),
    entries: new Map(),
  };
  const s = globalForCache.claimlineCache;
  // Changes only when another connection commits; this process's writes call invalidate().
  const dataVersion = getDb().$client.pragma('data_version', { simple: true }) as number;
  if (dataVersion !== s.dataVersion) {
    s.dataVersion = dataVersion;
    s.entries.clear();
    s.version += 1;
  }
  return s;
}

const tagVersion = (s: State, tag: string) => s.tagVersions.get(tag) ?? 0;

/**
 * `load()`'s result, reused until one of its tags is invalidated. `dependsOn`
 * may be a function of the result (e.g. the claim's article and parties). `load`
 * is synchronous (better-sqlite3), so no write can slip in between.
 */
export function cached<T>(key: string, dependsOn: readonly string[] | ((value: T) => string[]), load: () => T): T {
  const s = state();
  const hit = s.entries.get(key);
  if (hit && hit.deps.every(([tag, version]) => tagVersion(s, tag) === version)) {
    // Least recently used goes first when the cache is full: move a hit to the end.
    s.entries.delete(key);
    s.entries.set(key, hit);
    return hit.value as T;
  }
  const value = load();
  const tagList = typeof dependsOn === 'function' ? dependsOn(value) : dependsOn;
  const deps = tagList.map((tag): [string, number] => [tag, tagVersion(s, tag)]);
  s.entries.delete(key);
  s.entries.set(key, { value, deps });
  if (s.entries.size > MAX_ENTRIES) {
    const oldest = s.entries.keys().next().value;
    if (oldest !== undefined) s.entries.delete(oldest);
  }
  return value;
}

/** Call after every write: whatever depends on these tags is recomputed on the next request. */
export function invalidate(changed: readonly string[]): void {
  const s = state();
  for (const tag of changed) s.tagVersions.set(tag, tagVersion(s, tag) + 1);
  s.version += 1;
}

/** Changes whenever any reader content may have changed (any invalidation, any restart). */
export function contentVersion(): string {
  const s = state();
  return `${s.boot}.${s.version}`;
}
