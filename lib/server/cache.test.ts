import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { behindSince, cached, cachedAsync, claimDetailTags, claimTags, contentVersion, invalidate, LAG_MAX_MS, LAG_REFRESH_MS, mark, tags } from './cache';

let file: string;
beforeAll(() => {
  file = useFreshDatabase();
});
afterAll(() => removeDatabase(file));

describe('reader cache', () => {
  it('reuses a value until one of its tags is invalidated', () => {
    let loads = 0;
    const load = () => cached('test:claim-7', [tags.claim(7), tags.lists], () => ++loads);
    expect(load()).toBe(1);
    expect(load()).toBe(1);
    invalidate([tags.claim(8)]);
    expect(load()).toBe(1);
    invalidate([tags.claim(7)]);
    expect(load()).toBe(2);
    invalidate([tags.lists]);
    expect(load()).toBe(3);
  });

  it('changes the content version on every invalidation', () => {
    const before = contentVersion();
    invalidate([tags.party(1)]);
    expect(contentVersion()).not.toBe(before);
  });

  it('lists the tags a claim change touches', () => {
    expect(claimTags({ id: 3, articleIds: [1, 2], partyIds: [5, null] })).toEqual([
      'claim:3',
      'article-claims:1',
      'article-claims:2',
      'party:5',
      'lists',
    ]);
  });

  it('lists the tags a response or source saved to a claim touches: no article, `lists` only when a party is shown or hidden', () => {
    expect(claimDetailTags({ id: 3, articleIds: [1], partyIds: [5, null] }, 'response')).toEqual(['claim:3', 'party:5', 'lists:updated', 'lists:responses']);
    expect(claimDetailTags({ id: 3, articleIds: [1], partyIds: [5], partiesShown: true }, 'response')).toEqual(['claim:3', 'party:5', 'lists:updated', 'lists:responses', 'lists']);
    expect(claimDetailTags({ id: 3, articleIds: [1], partyIds: [] }, 'source')).toEqual(['claim:3', 'lists:updated']);
  });
});

describe('tags computed from the cached value', () => {
  it('follows the tags the value names', () => {
    let loads = 0;
    const load = () => cached('test:derived', (v: { party: number }) => [tags.party(v.party)], () => ({ party: 4, n: ++loads }));
    expect(load().n).toBe(1);
    invalidate([tags.party(4)]);
    expect(load().n).toBe(2);
  });
});

describe('figures allowed to lag (the editors’ dashboard)', () => {
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it('gives the last value while a newer one is computed once in the background, and never one older than a minute', async () => {
    // Only the clock is faked: the background computation runs on the real event loop.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const start = Date.now();
      let loads = 0;
      const read = () => cached('test:lagging', [tags.lists], () => ++loads, { lag: true });
      expect(read()).toBe(1);
      // Saved again and again within the first seconds: still the first figures, nothing computed.
      invalidate([tags.lists]);
      vi.setSystemTime(start + LAG_REFRESH_MS - 1);
      expect([read(), read()]).toEqual([1, 1]);
      await nextTurn();
      expect(loads).toBe(1);
      // Later: the first figures once more, and one computation right after, whoever asks meanwhile.
      vi.setSystemTime(start + LAG_REFRESH_MS);
      expect([read(), read(), read()]).toEqual([1, 1, 1]);
      await nextTurn();
      expect(loads).toBe(2);
      expect(read()).toBe(2);
      // Unchanged since: kept, as any cached value.
      vi.setSystemTime(start + LAG_MAX_MS * 2);
      expect(read()).toBe(2);
      // Changed and older than LAG_MAX_MS: computed before it is given.
      invalidate([tags.lists]);
      expect(read()).toBe(3);
      // A value that may not lag is computed again at once.
      let strict = 0;
      const exact = () => cached('test:exact', [tags.lists], () => ++strict);
      expect(exact()).toBe(1);
      invalidate([tags.lists]);
      expect(exact()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('how far behind a page is', () => {
  it('counts from the first edit of what it read that it does not show, and knows nothing of edits over a minute old', () => {
    // A clock that moves only when the test moves it.
    let offset = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => offset);
    try {
      const since = mark();
      const page = [tags.claim(41), tags.article(9)];
      offset += 30_000;
      // Nothing it read has changed: not behind at all.
      invalidate([tags.claim(42)]);
      expect(behindSince(since, page)).toBeNull();
      const firstEdit = Date.now();
      invalidate([tags.article(9), tags.lists]);
      offset += 3_000;
      invalidate([tags.claim(41)]);
      // The article's edit is the first one it missed, however long ago the page was rendered.
      expect(behindSince(since, page)).toBe(firstEdit);
      // A page rendered after the article's edit missed only the claim's.
      const later = mark();
      offset += 1_000;
      const claimEdit = Date.now();
      invalidate([tags.claim(41)]);
      expect(behindSince(later, page)).toBe(claimEdit);
      // Tags not known (the page named none): only the render's start is known.
      expect(behindSince(since, null)).toBeNull();
      // Over a minute later the article's edit is forgotten: unknown, not younger.
      offset += LAG_MAX_MS + 1;
      invalidate([tags.article(9)]);
      expect(behindSince(since, page)).toBeNull();
      expect(behindSince(later, [tags.article(9)])).toBe(Date.now());
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('values made asynchronously (the editors’ charts, rendered over loopback)', () => {
  it('are made once for callers arriving together, kept until a tag moves, never kept when missing, and stale when a write comes while they are made', async () => {
    let loads = 0;
    let release = () => {};
    const slow = () =>
      cachedAsync('test:async', [tags.party(77)], async () => {
        const n = ++loads;
        await new Promise<void>((resolve) => (release = resolve));
        return `render ${n}`;
      });
    const together = [slow(), slow()];
    release();
    expect(await Promise.all(together)).toEqual(['render 1', 'render 1']);
    expect(await slow()).toBe('render 1');
    // A write while it renders: what it shows may be from before the write, so the next caller gets a new one.
    invalidate([tags.party(77)]);
    const during = slow();
    invalidate([tags.party(77)]);
    release();
    expect(await during).toBe('render 2');
    const after = slow();
    release();
    expect(await after).toBe('render 3');
    // Nothing to keep (the page could not be rendered): asked again next time.
    let misses = 0;
    const missing = () => cachedAsync('test:async-missing', [tags.lists], async () => (++misses, null));
    expect(await missing()).toBeNull();
    expect(await missing()).toBeNull();
    expect(misses).toBe(2);
  });
});

describe('writes from another connection', () => {
  /** Runs `sql` on a connection of its own, as a script or another server process would. */
  const elsewhere = (run: (other: Database.Database) => void) => {
    const other = new Database(file);
    try {
      run(other);
    } finally {
      other.close();
    }
  };

  it('drop the cache when they change what readers may see outside the log', () => {
    let loads = 0;
    const load = () => cached('test:outside', [tags.lists], () => ++loads);
    expect(load()).toBe(1);
    expect(load()).toBe(1);
    elsewhere((other) => other.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('typed-in-sqlite3', 'ça marche 👍'));
    expect(load()).toBe(2);
  });

  it('drop nothing when they touch only the auth library’s sessions, or when a checkpoint moves data_version without a commit', async () => {
    let loads = 0;
    const load = () => cached('test:sessions', [tags.lists], () => ++loads);
    expect(load()).toBe(1);
    const user = getDb().$client.prepare('SELECT id FROM users LIMIT 1').pluck().get() as string | undefined;
    elsewhere((other) => {
      const userId = user ?? 'no-user';
      if (!user) other.prepare("INSERT INTO users (id, name, email, created_at, updated_at) VALUES (?, 'Rédactrice', 'r@newsroom.example', 0, 0)").run(userId);
      // Counted (a user is a row readers may see): the next look drops everything once.
      load();
      other
        .prepare('INSERT INTO sessions (id, token, user_id, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)')
        .run('session-1', 'token-1', userId, Date.now() + 60_000);
    });
    // The process that noticed the unlogged commit logs it once it has answered (after this tick).
    await new Promise((resolve) => setImmediate(resolve));
    const settled = load();
    elsewhere((other) => {
      other.prepare('UPDATE sessions SET expires_at = expires_at + 1').run();
      other.prepare('DELETE FROM sessions').run();
    });
    expect(load()).toBe(settled);
    // Restarting the WAL rewrites its header: data_version moves in every other connection, though nothing was committed.
    const before = getDb().$client.pragma('data_version', { simple: true });
    elsewhere((other) => other.pragma('wal_checkpoint(TRUNCATE)'));
    expect(getDb().$client.pragma('data_version', { simple: true })).not.toBe(before);
    expect(load()).toBe(settled);
  });
});
