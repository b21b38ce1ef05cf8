import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { duePurges, PENDING_MS, recordSharedCaches, setSharedCaches, withWriteLog } from '@/db/queries/invalidations';
import { write } from '@/db/queries/tx';
import { meta } from '@/db/schema';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { invalidate } from './cache';
import { SHARED_COPY_MAX_MS } from './http';
import { PURGE_GRACE_MS, purgeSharedCaches, purgeWritten, sweepPurges, UNTAGGED } from './purge';

describe('purging shared caches', () => {
  const received: { method?: string; url?: string; keys?: string }[] = [];
  let slowAnswered = false;
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      received.push({ method: req.method, url: req.url, keys: req.headers['xkey-purge'] as string });
      if (req.url === '/slow') {
        setTimeout(() => {
          slowAnswered = true;
          res.end('late');
        }, 300);
        return;
      }
      res.writeHead(req.url === '/refuses' ? 403 : 200).end('Purged 3');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('sends the touched tags, and the untagged pages, to every cache, and returns once all have answered', async () => {
    received.length = 0;
    slowAnswered = false;
    await purgeSharedCaches(['claim:12', 'article:3', 'lists', 'claim:12'], [`${base}/`, `${base}/slow`]);
    expect(slowAnswered).toBe(true);
    expect(received).toEqual([
      { method: 'PURGE', url: '/', keys: `claim:12 article:3 lists ${UNTAGGED}` },
      { method: 'PURGE', url: '/slow', keys: `claim:12 article:3 lists ${UNTAGGED}` },
    ]);
  });

  it('warns once about a cache that is down or refuses, never throws, and lets the save go on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const down = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise((resolve) => closed.close(resolve));
    for (let i = 0; i < 3; i++) await purgeSharedCaches(['claim:1'], [down, `${base}/refuses`]);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls.map(([message]) => String(message)).join('\n')).toMatch(/403/);
    warn.mockRestore();
  });

  it('does nothing without caches or tags', async () => {
    received.length = 0;
    await purgeSharedCaches([], [`${base}/`]);
    await purgeSharedCaches(['claim:1'], []);
    expect(received).toEqual([]);
  });
});

describe('purges that a crash or an outage left undone (on a real database)', () => {
  const received: string[][] = [];
  let answering = true;
  let cache: http.Server;
  let url: string;
  let file: string;
  const now = () => Date.now();
  beforeAll(async () => {
    cache = http.createServer((req, res) => {
      if (!answering) return void res.writeHead(503).end('Backend fetch failed');
      received.push(String(req.headers['xkey-purge']).split(' '));
      res.writeHead(200).end('Purged');
    });
    await new Promise<void>((resolve) => cache.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(cache.address() as AddressInfo).port}/`;
  });
  afterAll(() => cache.close());
  beforeEach(() => {
    file = useFreshDatabase();
    delete (globalThis as { claimlineCache?: unknown }).claimlineCache;
    received.length = 0;
    answering = true;
    // As in a server with VARNISH_URL set.
    setSharedCaches(true);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
    removeDatabase(file);
  });

  /** An editor's save as the action wrapper makes it: the write, then its tags in the log; the version they got. */
  const save = (note: string, tagList: string[]) =>
    withWriteLog(async () => {
      write((tx) => tx.insert(meta).values({ key: 'note', value: note }).onConflictDoUpdate({ target: meta.key, set: { value: note } }).run());
      return invalidate(tagList);
    });
  const due = () => duePurges({ loggedBy: Number.MAX_SAFE_INTEGER, notBefore: 0, limit: 100 }).map((row) => row.tag).sort();
  const later = (ms: number) => now() + ms;

  it('a save whose purge every cache answered owes nothing; one a cache did not answer stays due, and the sweep purges it once', async () => {
    await purgeWritten(['claim:7', 'lists'], await save('Stellungnahme „eingegangen“', ['claim:7', 'lists']), [url]);
    expect(received).toEqual([['claim:7', 'lists', UNTAGGED]]);
    expect(due()).toEqual([]);

    answering = false;
    await purgeWritten(['claim:8', 'party:2'], await save('رد الطرف على الادعاء', ['claim:8', 'party:2']), [url]);
    expect(due()).toEqual(['claim:8', 'party:2']);
    // Its own purge may still be on its way: a sweep leaves it alone for a moment.
    answering = true;
    expect(await sweepPurges({ urls: [url] })).toEqual({ purged: 0, dropped: 0, failed: 0 });
    expect(await sweepPurges({ now: later(PURGE_GRACE_MS), urls: [url] })).toEqual({ purged: 2, dropped: 0, failed: 0 });
    expect(received.at(-1)).toEqual(['claim:8', 'party:2', UNTAGGED]);
    expect(due()).toEqual([]);
    expect((await sweepPurges({ now: later(PURGE_GRACE_MS), urls: [url] })).purged).toBe(0);
  });

  it('a process killed between its commit and its purge leaves the tags due for the next process that starts', async () => {
    // The dead process named the tags, then died before the purge answered.
    await save('回复：数据有误 ✅', ['claim:12', 'article-claims:3', 'lists']);
    expect(due()).toEqual(['article-claims:3', 'claim:12', 'lists']);
    delete (globalThis as { claimlineCache?: unknown }).claimlineCache;
    expect(await sweepPurges({ now: later(PURGE_GRACE_MS), urls: [url] })).toMatchObject({ purged: 3, failed: 0 });
    expect(received.map((keys) => keys.sort())).toEqual([['article-claims:3', 'claim:12', 'lists', UNTAGGED]]);
    expect(due()).toEqual([]);
  });

  it('a tag written again after its purge was sent stays due for the newer write', async () => {
    const first = await save('first', ['claim:5']);
    await save('second', ['claim:5']);
    await purgeWritten(['claim:5'], first, [url]);
    expect(due()).toEqual(['claim:5']);
  });

  it('a write whose process died before naming its tags is purged as everything once its pending row has expired', async () => {
    // What an action leaves when it is killed between its write's commit and naming the tags.
    const dead = `pending:${now() - PENDING_MS - 1000}:deadbeef0000:1`;
    getDb().$client.prepare("INSERT INTO cache_tags (tag, version, origin) VALUES (?, 1, 'deadbeef0000')").run(dead);
    await purgeWritten(['claim:9'], await save('x', ['claim:9']), [url]);
    answering = false;
    await save('a purge that did not go through', ['claim:10']);
    answering = true;
    received.length = 0;
    // The first look at the caches takes the row in; the next gives up on it and logs `*`.
    await sweepPurges({ urls: [url] });
    await sweepPurges({ urls: [url] });
    await new Promise((resolve) => setImmediate(resolve));
    expect(due()).toEqual(['*', 'claim:10']);
    expect(await sweepPurges({ now: later(PURGE_GRACE_MS), urls: [url] })).toMatchObject({ purged: 2, failed: 0 });
    // One purge of everything covers the claim's too.
    expect(received).toEqual([['*', UNTAGGED]]);
    expect(due()).toEqual([]);
  });

  it('a cache that stays down is tried at every sweep until no copy from before the write can be left, then given up on', async () => {
    answering = false;
    await purgeWritten(['claim:4'], await save('x', ['claim:4']), [url]);
    expect(await sweepPurges({ now: later(PURGE_GRACE_MS), urls: [url] })).toEqual({ purged: 0, dropped: 0, failed: 1 });
    expect(await sweepPurges({ now: later(SHARED_COPY_MAX_MS - 1000), urls: [url] })).toEqual({ purged: 0, dropped: 0, failed: 1 });
    expect(due()).toEqual(['claim:4']);
    expect(await sweepPurges({ now: later(SHARED_COPY_MAX_MS + 1000), urls: [url] })).toEqual({ purged: 0, dropped: 1, failed: 0 });
    expect(due()).toEqual([]);
  });

  it('a sweep with nothing due leaves the write lock to the editors: it waits for no other writer', async () => {
    await purgeWritten(['claim:3'], await save('x', ['claim:3']), [url]);
    // Another process in the middle of a long write.
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = performance.now();
      expect(await sweepPurges({ now: later(SHARED_COPY_MAX_MS + PURGE_GRACE_MS), urls: [url] })).toEqual({ purged: 0, dropped: 0, failed: 0 });
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('owes no purge without shared caches: nothing stays due that no sweep would ever purge or drop', async () => {
    setSharedCaches(false);
    await save('Antwort der Partei', ['claim:2', 'lists']);
    expect(due()).toEqual([]);
  });

  it('a script writing beside the server owes purges when the server recorded shared caches at its start', async () => {
    // A process never told (seed:synthetic, a migration script): it reads what the server recorded.
    delete (globalThis as { claimlineSharedCaches?: boolean }).claimlineSharedCaches;
    await save('before any server started', ['claim:1']);
    expect(due()).toEqual([]);
    recordSharedCaches(true);
    // Newly configured: a cache that stood in front before may hold pages no write purged, so everything once.
    expect(due()).toEqual(['*']);
    await sweepPurges({ now: later(PURGE_GRACE_MS), urls: [url] });
    expect(received).toEqual([['*', UNTAGGED]]);
    await save('a script’s import', ['article:4']);
    expect(due()).toEqual(['article:4']);
    // The next start with the same caches records nothing new.
    const versions = () => getDb().$client.prepare('SELECT max(version) FROM cache_tags').pluck().get();
    const version = versions();
    recordSharedCaches(true);
    expect(versions()).toBe(version);
    expect(due()).toEqual(['article:4']);
    // A start without them: nothing stays due, and the script's next write owes nothing.
    recordSharedCaches(false);
    expect(due()).toEqual([]);
    await save('another import', ['article:5']);
    expect(due()).toEqual([]);
  });

  it('owes no purge for bookkeeping readers never see, and sweeps nothing without shared caches', async () => {
    await save('sign-in bookkeeping', []);
    expect(due()).toEqual([]);
    await save('x', ['claim:1']);
    expect(await sweepPurges({ now: later(PURGE_GRACE_MS), urls: [] })).toEqual({ purged: 0, dropped: 0, failed: 0 });
    expect(received).toEqual([]);
  });
});
