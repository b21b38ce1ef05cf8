import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { CORS_HEADERS, etagFor, READER_CACHE_CONTROL } from './http';
import { invalidate, LAG_REFRESH_MS, tags } from './cache';
import { BUSY_LINGER_MS, BUSY_PER_SECOND, BUSY_WAITING, cachedPage, chooseEncoding, hotAnswer, hotMiss, isCachedApiList, LAG_UNDER_LOAD_MS, newNonce, notModified, PageStore, pageValidity, pageWithStatus, readerPageCaching, registerRenderTags, renderMissesWhen, renderNonce, singleFlight, storedPage, underLoad } from './page-cache';

let file: string;
beforeAll(() => {
  file = useFreshDatabase();
});
afterAll(() => removeDatabase(file));

const get = (path: string, headers: Record<string, string> = {}) =>
  readerPageCaching(new Request(`http://localhost${path}`, { headers }));

describe('reader page caching', () => {
  it('covers reader pages only', () => {
    for (const path of ['/', '/claims', '/claims/3', '/claims/3/some-slug', '/articles/a', '/parties/p', '/parties', '/about', '/about/ratings']) {
      expect(get(path), path).not.toBeNull();
    }
    for (const path of ['/edit', '/edit/articles/1', '/api/v1/claims', '/claims/3/badge.svg', '/feeds/claims.atom', '/claims/3/feed.atom']) {
      expect(get(path), path).toBeNull();
    }
    expect(get('/claims/3', { rsc: '1' })).toBeNull();
    expect(get('/claims/3', { cookie: '__Host-claimline.session_token=abc' })).toBeNull();
  });

  it('lets no shared cache keep a page Next renders past the page cache (it names no purge key)', () => {
    expect(get('/claims/3')!.headers['Cache-Control']).toBe('private, no-cache');
  });
});

const page = (bytes: number, pageTags: string[] | null = null) => storedPage('http://news.example/p', pageValidity(pageTags), Buffer.from('x'.repeat(bytes)), [])!;

describe('page store', () => {
  it('drops the least recently used page when full', () => {
    const store = new PageStore(2, 1000);
    store.set('a', page(10));
    store.set('b', page(10));
    expect(store.get('a')).toBeDefined(); // now b is the least recently used
    store.set('c', page(10));
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')).toBeDefined();
    expect(store.get('c')).toBeDefined();
  });

  it('keeps its total size under the byte bound and refuses a page larger than it', () => {
    const store = new PageStore(100, 100);
    for (const key of ['a', 'b', 'c']) store.set(key, page(40));
    expect(store.bytes).toBeLessThanOrEqual(100);
    expect(store.get('a')).toBeUndefined();
    store.set('huge', page(101));
    expect(store.get('huge')).toBeUndefined();
    expect(store.get('c')).toBeDefined();
    expect(store.bytes).toBe(80);
  });

  it('keeps a page while the tags it read are untouched, and drops it when one of them changes', () => {
    const store = new PageStore(10, 1000);
    store.set('claim 1', page(10, [tags.claim(1), tags.article(1)]));
    store.set('claim 2', page(10, [tags.claim(2), tags.article(2)]));
    store.set('home', page(10, [tags.lists]));
    invalidate([tags.claim(2), tags.article(2), tags.lists]);
    expect(store.get('claim 1')).toBeDefined();
    expect(store.get('claim 2')).toBeUndefined();
    expect(store.get('home')).toBeUndefined();
    expect(store.size).toBe(1);
    expect(store.bytes).toBe(10);
  });

  it('drops a page whose tags are unknown on any change', () => {
    const store = new PageStore(10, 1000);
    store.set('unknown', page(10, null));
    expect(store.get('unknown')).toBeDefined();
    invalidate([tags.claim(99)]);
    expect(store.get('unknown')).toBeUndefined();
  });

  it('never stores a page whose render started before a change to what it read', () => {
    const store = new PageStore(10, 1000);
    const rendering = page(10, [tags.claim(5)]);
    invalidate([tags.claim(5)]); // the edit lands while the page renders
    store.set('claim 5', rendering);
    expect(store.get('claim 5')).toBeUndefined();
    const unrelated = page(10, [tags.claim(6)]);
    invalidate([tags.claim(5)]);
    store.set('claim 6', unrelated);
    expect(store.get('claim 6')).toBeDefined();
  });

  it('drops every page when another connection writes to the database', () => {
    const store = new PageStore(10, 1000);
    store.set('claim 1', page(10, [tags.claim(1)]));
    const other = new Database(file);
    other.prepare("insert into meta (key, value) values ('page-cache-test', '1') on conflict(key) do update set value = value || '1'").run();
    other.close();
    expect(store.get('claim 1')).toBeUndefined();
  });
});

describe('conditional requests and encodings', () => {
  it('compares If-None-Match weakly, as RFC 9110 asks for', () => {
    expect(notModified('W/"abc"', 'W/"abc"')).toBe(true);
    expect(notModified('"abc"', 'W/"abc"')).toBe(true);
    expect(notModified(' "x" ,W/"abc"', 'W/"abc"')).toBe(true);
    expect(notModified('*', 'W/"abc"')).toBe(true);
    expect(notModified('"abcd"', 'W/"abc"')).toBe(false);
    expect(notModified('', 'W/"abc"')).toBe(false);
    expect(notModified(null, 'W/"abc"')).toBe(false);
  });

  it('picks brotli, then gzip, never one the request refuses or the page lacks', () => {
    const both = { identity: Buffer.from('x'), br: Buffer.from('b'), gzip: Buffer.from('g') };
    expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(chooseEncoding('GZIP', both)).toBe('gzip');
    expect(chooseEncoding('br;q=0, *;q=0.1', both)).toBe('gzip');
    expect(chooseEncoding('', both)).toBeNull();
    expect(chooseEncoding('br', { identity: Buffer.from('x') })).toBeNull();
  });
});

describe('single flight', () => {
  it('runs the work once for callers that arrive while it runs, and again afterwards', async () => {
    const running = new Map<string, Promise<number>>();
    let runs = 0;
    const work = () => new Promise<number>((resolve) => setTimeout(() => resolve(++runs), 10));
    const calls = [singleFlight(running, 'k', work), singleFlight(running, 'k', work), singleFlight(running, 'other', work)];
    expect(calls.map((c) => c.leader)).toEqual([true, false, true]);
    const [a, b] = await Promise.all(calls.map((c) => c.promise));
    expect(a).toBe(b);
    expect(runs).toBe(2);
    expect(running.size).toBe(0);
    expect(singleFlight(running, 'k', work).leader).toBe(true);
  });
});

/**
 * The whole miss/hit cycle against a stand-in for `next start` on loopback: it
 * renders a page with the nonce the request's secret header names, as the real
 * proxy does, and counts renders.
 */
// What a redirect's answer carries instead of the page's document.
const MOVED_NOTE = '<!DOCTYPE html><title>Moved</title><p>Moved to <a href="/claims/308/new-slug">/claims/308/new-slug</a>.</p>';

// Enough text to be worth compressing, in several scripts.
const FILLER = `<p>${'Der Bürgermeister sagte, «die Brücke» werde 2027 fertig — 橋は来年完成 — الجسر سيكتمل '.repeat(40)}</p>`;

describe('cached pages', () => {
  let server: http.Server;
  let renders = 0;
  let genuine = 0;
  let recursed = 0;
  let listed = 0;
  beforeAll(async () => {
    server = http.createServer(async (req, res) => {
      renders++;
      const request = new Request(`http://127.0.0.1${req.url}`, { headers: req.headers as Record<string, string> });
      const nonce = renderNonce(request.headers);
      if (nonce) genuine++;
      // The render itself must not be answered from the cache (it would wait for itself).
      if (await cachedPage(request)) recursed++;
      // Claims 10 and 11 name the tags they read, as the reader layout does; the rest name none.
      const claim = /^\/claims\/(1[01])$/.exec(req.url ?? '')?.[1];
      if (claim) registerRenderTags(request.headers, new Set([tags.claim(Number(claim))]));
      setTimeout(() => {
        if (req.url?.startsWith('/api/v1/claims')) return answerApiList(request, res);
        if (req.url === '/claims/308') {
          // As Next sends a page's redirect: its whole document (the layout, scripts, the payload), about 14 KB.
          res.writeHead(308, { location: '/claims/308/new-slug', 'content-type': 'text/html; charset=utf-8' }).end(`<script nonce="${nonce}"></script>${FILLER}`);
          return;
        }
        if (req.url === '/claims/404' || req.url === '/claims/404/long') {
          res.writeHead(404, { 'content-type': 'text/html' }).end(`<script nonce="${nonce}"></script>missing${req.url.endsWith('long') ? FILLER : ''}`);
          return;
        }
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': `script-src 'nonce-${nonce}'`,
          link: `</_next/static/chunks/a.css>; rel=preload; as="style"; nonce="${nonce}"`,
          vary: 'rsc',
          'set-cookie': req.url === '/claims/7' ? 'a=b' : [],
        });
        res.end(`<script nonce="${nonce}">page ${req.url} for ${req.headers.host} — Ørnebakke ✓ 🚋</script>${FILLER}`);
      }, 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.PORT = String((server.address() as AddressInfo).port);
  });
  afterAll(() => {
    delete process.env.PORT;
    server.close();
  });

  /** A stand-in for the claims list's handler: JSON as lib/server/http.ts sends it, a 400 for a bad status. */
  function answerApiList(request: Request, res: http.ServerResponse) {
    const url = new URL(request.url);
    const status = url.searchParams.get('status');
    if (status === 'maybe') {
      res.writeHead(400, { 'content-type': 'application/json', 'cache-control': 'no-store', ...CORS_HEADERS });
      res.end(JSON.stringify({ error: { status: 400, message: 'Invalid query parameter: status.', fields: { status: 'Use one of …' } } }));
      return;
    }
    registerRenderTags(request.headers, new Set([tags.lists]));
    const body = JSON.stringify({ data: [{ statement: `Fares “fell” 📉 — ${status} رسوم 运费`, cursor: url.searchParams.get('cursor') }], listed: ++listed });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag: etagFor(body), 'cache-control': READER_CACHE_CONTROL, ...CORS_HEADERS });
    res.end(body + ' '.repeat(2000));
  }

  const fetchPage = async (path: string, host = 'news.example', extra: Record<string, string> = {}) => {
    const request = new Request(`http://${host}${path}`, { headers: { host, accept: 'text/html,application/xhtml+xml', ...extra } });
    const response = await cachedPage(request);
    if (!response) return null;
    const headers = Object.fromEntries(response.headers);
    const nonce = /'nonce-([0-9a-f]+)'/.exec(headers['content-security-policy'] ?? '')?.[1];
    const bytes = Buffer.from(await response.arrayBuffer());
    const decoded = headers['content-encoding'] === 'br' ? brotliDecompressSync(bytes) : headers['content-encoding'] === 'gzip' ? gunzipSync(bytes) : bytes;
    return { status: response.status, nonce, headers, state: headers['x-claimline-cache'], html: decoded.toString(), wireBytes: bytes.length };
  };

  it('renders a page once for concurrent readers, then serves the same bytes under the same policy each time', async () => {
    renders = 0;
    const first = await Promise.all([1, 2, 3].map(() => fetchPage('/claims/1')));
    expect(renders).toBe(1);
    expect(genuine).toBe(1);
    expect(recursed).toBe(0);
    expect(first.map((p) => p?.state).sort()).toEqual(['hit', 'hit', 'miss']);
    const again = await fetchPage('/claims/1');
    expect(renders).toBe(1);
    expect(again?.state).toBe('hit');
    const nonce = first[0]!.nonce;
    expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    for (const p of [...first, again]) {
      // The policy, the script and the Link header all name the one nonce the render was given.
      expect(p!.nonce).toBe(nonce);
      expect(p!.html).toBe(`<script nonce="${nonce}">page /claims/1 for news.example — Ørnebakke ✓ 🚋</script>${FILLER}`);
      expect(p!.headers.link).toContain(`nonce="${nonce}"`);
      expect(p!.headers.etag).toBe(first[0]!.headers.etag);
    }
    expect(first[0]!.headers.etag).toMatch(/^W\/"[\w-]{27}"$/);
  });

  it('names the tags a page read in the purge-key header, and "untagged" when it named none', async () => {
    expect((await fetchPage('/claims/10'))!.headers.xkey).toBe('claim:10');
    expect((await fetchPage('/claims/1'))!.headers.xkey).toBe('untagged');
  });

  it('keeps the ETag of a page through an edit elsewhere and a new render of the same versions, and changes it with an edit of the page', async () => {
    const first = (await fetchPage('/claims/10'))!;
    invalidate([tags.claim(11), tags.article(3)]);
    const afterOtherEdit = (await fetchPage('/claims/10', 'news.example', { 'if-none-match': first.headers.etag! }))!;
    expect(afterOtherEdit.status).toBe(304);
    // Evicted (or rendered by another process): another nonce, other bytes, the same page and ETag.
    (globalThis as unknown as { claimlinePages: { store: PageStore } }).claimlinePages.store = new PageStore(500, 64 * 1024 * 1024);
    const rendered = (await fetchPage('/claims/10'))!;
    expect(rendered.state).toBe('miss');
    expect(rendered.nonce).not.toBe(first.nonce);
    expect(rendered.headers.etag).toBe(first.headers.etag);
    invalidate([tags.claim(10)]);
    expect((await fetchPage('/claims/10', 'news.example', { 'if-none-match': first.headers.etag! }))!.status).toBe(200);
  });

  it('answers a revalidation with the stored page’s ETag with a 304 that changes nothing the kept body depends on', async () => {
    const full = (await fetchPage('/claims/1'))!;
    const etag = full.headers.etag!;
    for (const inm of [etag, etag.replace(/^W\//, ''), `"other", ${etag}`, '*']) {
      const revalidated = (await fetchPage('/claims/1', 'news.example', { 'if-none-match': inm }))!;
      expect(revalidated.status, inm).toBe(304);
      expect(revalidated.html).toBe('');
      // Exactly what a 304 should repeat, nothing more: no policy, no Link naming a nonce, no content type.
      expect(Object.keys(revalidated.headers).sort()).toEqual(['cache-control', 'etag', 'vary', 'x-claimline-cache']);
      expect(revalidated.headers.etag).toBe(etag);
    }
    expect((await fetchPage('/claims/1', 'news.example', { 'if-none-match': '"something-else"' }))!.status).toBe(200);
    // After an edit of what it shows, the old ETag gets the new page, under its own new nonce.
    invalidate([tags.claim(1)]);
    const after = (await fetchPage('/claims/1', 'news.example', { 'if-none-match': etag }))!;
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.nonce).not.toBe(full.nonce);
  });

  it('renders again after an edit', async () => {
    await fetchPage('/claims/2');
    renders = 0;
    invalidate([tags.claim(2)]);
    expect((await fetchPage('/claims/2'))?.state).toBe('miss');
    expect(renders).toBe(1);
  });

  it('renders again only the pages whose tags an edit touched, when the render named its tags', async () => {
    await fetchPage('/claims/10');
    await fetchPage('/claims/11');
    await fetchPage('/claims/1');
    renders = 0;
    invalidate([tags.claim(11)]);
    expect((await fetchPage('/claims/10'))?.state).toBe('hit');
    expect((await fetchPage('/claims/11'))?.state).toBe('miss');
    // No tags named: any edit counts.
    expect((await fetchPage('/claims/1'))?.state).toBe('miss');
    expect(renders).toBe(2);
  });

  it('gives a render an edit overtook to everyone who asked before the edit, stores none of it, and renders again for a reader after it', async () => {
    await fetchPage('/claims/11');
    invalidate([tags.claim(11)]);
    renders = 0;
    const asked = [1, 2, 3].map(() => fetchPage('/claims/11'));
    // The edit lands while the render runs (it takes 20 ms): what it read may be the old claim.
    await new Promise((resolve) => setTimeout(resolve, 5));
    invalidate([tags.claim(11)]);
    const answers = await Promise.all(asked);
    // One render for the three readers, never one each: every one of them asked before the edit.
    expect(renders).toBe(1);
    expect(answers.map((p) => p!.state)).toEqual(['pass', 'pass', 'pass']);
    expect(new Set(answers.map((p) => p!.html)).size).toBe(1);
    // Not kept: the next reader, after the edit, gets a render of its own.
    expect((await fetchPage('/claims/11'))!.state).toBe('miss');
    expect(renders).toBe(2);
  });

  it('lets no shared cache keep a render an edit overtook: it names no purge key, so no purge would reach it', async () => {
    const list = '/api/v1/claims?status=retracted&limit=3';
    const asked = fetchPage(list, 'news.example', { accept: 'application/json' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    invalidate([tags.lists]);
    const answer = (await asked)!;
    expect(answer.state).toBe('pass');
    expect(answer.headers.xkey).toBeUndefined();
    // The handler said public, s-maxage=60, stale-while-revalidate=600: a CDN would have kept the list from before the edit.
    expect(answer.headers['cache-control']).toBe('private, no-cache');
    expect(JSON.parse(answer.html).data[0].statement).toContain('Fares “fell”');
    expect((await fetchPage(list, 'news.example', { accept: 'application/json' }))!).toMatchObject({ state: 'miss', headers: { 'cache-control': READER_CACHE_CONTROL } });
  });

  it('keeps pages for different hosts apart (links follow the Host when APP_URL is unset)', async () => {
    const other = await fetchPage('/claims/1', 'evil.example');
    expect(other?.html).toContain('for evil.example');
    expect((await fetchPage('/claims/1'))?.html).toContain('for news.example');
  });

  it('passes a 404, a redirect or a response setting a cookie through and stores none', async () => {
    renders = 0;
    const missing = await fetchPage('/claims/404');
    expect(missing).toMatchObject({ status: 404, state: 'pass' });
    expect(missing?.html).toMatch(/^<script nonce="[0-9a-f]{32}"><\/script>missing$/);
    await fetchPage('/claims/404');
    await fetchPage('/claims/7');
    await fetchPage('/claims/7');
    expect(renders).toBe(4);
    const request = new Request('http://news.example/claims/308', { headers: { accept: 'text/html' } });
    const moved = await cachedPage(request);
    expect(moved?.status).toBe(308);
    expect(moved?.headers.get('location')).toBe('http://news.example/claims/308/new-slug');
    // A redirect needs its Location and a line linking there, not the render's document.
    expect(await moved?.text()).toBe(MOVED_NOTE);
  });

  it('sends a withdrawn claim’s 410 for its reader only: it is never stored, so it names no purge key', async () => {
    const gone = (await pageWithStatus(new Request('http://news.example/claims/9', { headers: { host: 'news.example', accept: 'text/html' } }), 410))!;
    expect(gone.status).toBe(410);
    expect(gone.headers.get('cache-control')).toBe('private, no-cache');
    expect(gone.headers.get('xkey')).toBeNull();
    expect(await gone.text()).toContain('Ørnebakke ✓ 🚋');
  });

  it('answers a search of several words before Next, however its query spells the space', async () => {
    // Next hands the proxy the address as URLSearchParams writes it; the hot path sees what the browser sent.
    const stored = (await fetchPage('/claims?q=bus+lanes+%E2%80%94+%C3%98rnebakke'))!;
    expect(stored.state).toBe('miss');
    for (const url of ['/claims?q=bus%20lanes%20%E2%80%94%20%C3%98rnebakke', '/claims?q=bus+lanes+%E2%80%94+%C3%98rnebakke']) {
      const hot = hotAnswer({ method: 'GET', url, headers: { host: 'news.example', accept: 'text/html' } });
      expect(hot?.headers).toContainEqual(['x-claimline-cache', 'hit']);
      expect(hot?.body?.toString()).toBe(stored.html);
    }
    // Another query is another page.
    expect(hotAnswer({ method: 'GET', url: '/claims?q=bus', headers: { host: 'news.example', accept: 'text/html' } })).toBeNull();
  });

  it('sends the statistics as stored while one render in the background brings them up to date, never older than a minute', async () => {
    const path = '/stats?from=2025-01&to=2025-12';
    const later = (ms: number) => vi.spyOn(Date, 'now').mockReturnValue(realNow() + ms);
    const realNow = Date.now.bind(Date);
    const first = (await fetchPage(path))!;
    expect(first.state).toBe('miss');
    renders = 0;
    // An edit: every save changes what the statistics count.
    invalidate([tags.lists]);
    const behind = (await fetchPage(path))!;
    expect(behind).toMatchObject({ state: 'stale', html: first.html, nonce: first.nonce });
    // The custom server's hot path sends it too, before Next.
    const hot = hotAnswer({ method: 'GET', url: path, headers: { host: 'news.example', accept: 'text/html' } })!;
    expect(hot.headers).toContainEqual(['x-claimline-cache', 'stale']);
    expect(hot.body?.toString()).toBe(first.html);
    expect(behind.headers['cache-control']).toBe('public, max-age=0, s-maxage=5');
    // Rendered a moment ago: no render yet, however many readers come.
    await Promise.all([1, 2, 3].map(() => fetchPage(path)));
    expect(renders).toBe(0);
    // Five seconds on: still answered at once, and one render starts for all of them.
    later(6_000);
    const states = await Promise.all([1, 2, 3].map(async () => (await fetchPage(path))!.state));
    expect(states).toEqual(['stale', 'stale', 'stale']);
    expect(hotAnswer({ method: 'GET', url: path, headers: { host: 'news.example', accept: 'text/html' } })!.headers).toContainEqual(['x-claimline-cache', 'stale']);
    await vi.waitFor(() => expect(renders).toBe(1));
    await vi.waitFor(async () => expect((await fetchPage(path))!.state).toBe('hit'));
    const fresh = (await fetchPage(path))!;
    expect(fresh.nonce).not.toBe(first.nonce);
    // A page that fell a minute behind is rendered before anyone gets it, as any other page.
    invalidate([tags.lists]);
    later(70_000);
    renders = 0;
    expect((await fetchPage(path))!.state).toBe('miss');
    expect(renders).toBe(1);
    vi.restoreAllMocks();
    // Any other page never lags.
    await fetchPage('/claims/2');
    invalidate([tags.claim(2), tags.lists]);
    expect((await fetchPage('/claims/2'))!.state).toBe('miss');
  });

  it('under a spike of readers, sends an edited article or list as it was while one render replaces it, but never the page of the claim an edit changed', async () => {
    const realNow = Date.now.bind(Date);
    let offset = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
    const reader = (url: string) => hotAnswer({ method: 'GET', url, headers: { host: 'news.example', accept: 'text/html' } });
    const spike = () => {
      // As many lookups as a busy second brings (hits of a page nothing changed).
      for (let i = 0; i < BUSY_PER_SECOND; i++) reader('/claims/10');
    };
    try {
      await fetchPage('/claims/10');
      const article = (await fetchPage('/articles/ferry-timetable'))!;
      const claim = (await fetchPage('/claims/3'))!;
      // A few readers: an edit's pages are rendered before they are sent, as always.
      invalidate([tags.claim(3)]);
      expect(underLoad()).toBe(false);
      renders = 0;
      expect((await fetchPage('/articles/ferry-timetable'))!.state).toBe('miss');
      expect(renders).toBe(1);

      offset += 2_000;
      spike();
      expect(underLoad()).toBe(true);
      invalidate([tags.claim(3)]);
      renders = 0;
      // The claim the edit names: rendered for the very next reader, spike or not.
      const claimAfter = (await fetchPage('/claims/3'))!;
      expect(claimAfter.state).toBe('miss');
      expect(claimAfter.nonce).not.toBe(claim.nonce);
      expect(reader('/claims/3')!.headers).toContainEqual(['x-claimline-cache', 'hit']);
      // Its page after an edit of something else it shows (its article, say) may lag like the article.
      invalidate([tags.article(7)]);
      expect((await fetchPage('/claims/3'))!).toMatchObject({ state: 'stale', html: claimAfter.html });
      // The article: the copy readers had, at once, from the hot path too; no render yet (rendered under 5 s ago).
      const behind = (await fetchPage('/articles/ferry-timetable'))!;
      expect(behind.state).toBe('stale');
      expect(behind.nonce).not.toBe(article.nonce);
      expect(behind.headers['cache-control']).toBe('public, max-age=0, s-maxage=5');
      expect(reader('/articles/ferry-timetable')!.headers).toContainEqual(['x-claimline-cache', 'stale']);
      expect(renders).toBe(1);
      // Five seconds after its render: one render in the background, however many readers ask meanwhile.
      offset += LAG_REFRESH_MS;
      spike();
      renders = 0;
      for (let i = 0; i < 5; i++) expect(reader('/articles/ferry-timetable')!.headers).toContainEqual(['x-claimline-cache', 'stale']);
      await vi.waitFor(() => expect(reader('/articles/ferry-timetable')!.headers).toContainEqual(['x-claimline-cache', 'hit']));
      expect(renders).toBe(1);
      // Never more than LAG_UNDER_LOAD_MS behind: then the reader waits for the render, as any other.
      invalidate([tags.claim(3)]);
      offset += LAG_UNDER_LOAD_MS + 1;
      spike();
      expect(reader('/articles/ferry-timetable')).toBeNull();
      expect((await fetchPage('/articles/ferry-timetable'))!.state).toBe('miss');
      // Still a spike a few seconds after its last busy second: renders that slow the process lower the
      // rate it is measured by, and must not turn the spike into a stream of renders (docs/performance.md).
      offset += 2_000;
      expect(underLoad()).toBe(true);
      invalidate([tags.claim(3)]);
      expect((await fetchPage('/articles/ferry-timetable'))!.state).toBe('stale');
      // The spike over: an edit's pages are rendered before they are sent again.
      offset += BUSY_LINGER_MS;
      expect(underLoad()).toBe(false);
      invalidate([tags.claim(3)]);
      expect((await fetchPage('/articles/ferry-timetable'))!.state).toBe('miss');
      // Renders falling behind are load too, whatever the rate: with readers waiting on eight renders,
      // the article edited meanwhile is sent as it was.
      offset += 2_000;
      const before = (await fetchPage('/articles/ferry-timetable'))!;
      invalidate([tags.claim(3)]);
      expect(underLoad()).toBe(false);
      // Asked for while quiet: not sent, but kept in case load comes before its render.
      expect(reader('/articles/ferry-timetable')).toBeNull();
      const waiting = Promise.all(Array.from({ length: BUSY_WAITING }, (_, i) => fetchPage(`/claims/${600 + i}`)));
      expect(underLoad()).toBe(true);
      expect((await fetchPage('/articles/ferry-timetable'))!).toMatchObject({ state: 'stale', html: before.html });
      expect((await waiting).map((p) => p!.state)).toEqual(Array(BUSY_WAITING).fill('miss'));
      expect(underLoad()).toBe(true);
      offset += BUSY_LINGER_MS;
      expect(underLoad()).toBe(false);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('counts a reader request the hot path passed on to the proxy once: a spike of misses is busy at BUSY_PER_SECOND, not half of it', async () => {
    const realNow = Date.now.bind(Date);
    // One second of the clock, however long the renders take.
    const second = (Math.floor(realNow() / 1000) + 3_600) * 1000;
    vi.spyOn(Date, 'now').mockImplementation(() => second + 500);
    let sent = 0;
    // Misses that are never kept (a 400 for a bad status, each its own query): the hot path looks each
    // up, then the proxy renders it. A few at a time, fewer than BUSY_WAITING, so only the rate counts.
    const misses = async (n: number) => {
      for (let done = 0; done < n; ) {
        const batch = Array.from({ length: Math.min(BUSY_WAITING - 1, n - done) }, async () => {
          const url = `/api/v1/claims?status=maybe&n=${++sent}`;
          const raw = { method: 'GET', url, headers: { host: 'news.example', accept: '*/*' } as Record<string, string | string[] | undefined> };
          expect(hotAnswer(raw)).toBeNull();
          const response = await cachedPage(new Request(`http://news.example${url}`, { headers: raw.headers as Record<string, string> }));
          expect(response!.status).toBe(400);
        });
        done += batch.length;
        await Promise.all(batch);
      }
    };
    try {
      expect(underLoad()).toBe(false);
      await misses(BUSY_PER_SECOND / 2 + 1);
      expect(underLoad()).toBe(false);
      // A client cannot name the mark itself to go uncounted.
      await cachedPage(new Request('http://news.example/api/v1/claims?status=maybe&forged', { headers: { host: 'news.example', 'x-claimline-counted': 'guessed' } }));
      await misses(BUSY_PER_SECOND / 2 - 3);
      expect(underLoad()).toBe(false);
      await misses(1);
      expect(underLoad()).toBe(true);
    } finally {
      vi.restoreAllMocks();
    }
  }, 30_000);

  it('under a spike, counts how far behind a page is from the first edit it does not show, not from its render', async () => {
    const realNow = Date.now.bind(Date);
    let offset = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
    const list = '/api/v1/claims?status=disputed&limit=9';
    const spike = () => {
      for (let i = 0; i < BUSY_PER_SECOND; i++) hotAnswer({ method: 'GET', url: '/claims/10', headers: { host: 'news.example', accept: 'text/html' } });
    };
    try {
      const rendered = (await fetchPage(list))!;
      expect(rendered.state).toBe('miss');
      // A minute later, in a spike, an edit of the lists: the list is a moment behind, not a minute.
      offset += 60_000;
      spike();
      invalidate([tags.lists]);
      renders = 0;
      const behind = (await fetchPage(list))!;
      expect(behind).toMatchObject({ state: 'stale', html: rendered.html });
      // Its render is over 5 s old: one render in the background replaces it.
      await vi.waitFor(() => expect(renders).toBe(1));
      // Had it not been replaced, it would be rendered before it is sent once the edit is 10 s old.
      invalidate([tags.lists]);
      offset += LAG_UNDER_LOAD_MS + 1;
      spike();
      expect((await fetchPage(list))!.state).toBe('miss');
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('answers a stored page without Next for a custom server, exactly as through the proxy, and nothing else', async () => {
    const viaProxy = (await fetchPage('/claims/10', 'news.example', { 'accept-encoding': 'gzip, br' }))!;
    const raw = (headers: Record<string, string>, url = '/claims/10', method = 'GET') =>
      hotAnswer({ method, url, headers: { host: 'news.example', accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip, br', ...headers } });
    const hot = raw({})!;
    expect(hot.status).toBe(200);
    expect(brotliDecompressSync(hot.body!).toString()).toBe(viaProxy.html);
    const headers = Object.fromEntries(hot.headers);
    for (const name of ['content-security-policy', 'etag', 'cache-control', 'vary', 'link', 'xkey', 'content-type']) {
      expect(headers[name], name).toBe(viaProxy.headers[name]);
    }
    // Through Next the HTML goes as rendered (Next compresses it); here, the copy compressed when stored.
    expect(viaProxy.headers['content-encoding']).toBeUndefined();
    expect(Number(headers['content-length'])).toBe(hot.body!.length);
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip;q=0.5', 'gzip'],
      ['*', 'br'],
      ['identity', undefined],
      ['br;q=0, gzip;q=0', undefined],
    ] as const) {
      const answer = raw({ 'accept-encoding': accept })!;
      const encoded = Object.fromEntries(answer.headers)['content-encoding'];
      expect(encoded, accept).toBe(encoding);
      const decoded = encoded === 'br' ? brotliDecompressSync(answer.body!) : encoded === 'gzip' ? gunzipSync(answer.body!) : answer.body!;
      expect(decoded.toString(), accept).toBe(viaProxy.html);
      if (encoding) expect(answer.body!.length, accept).toBeLessThan(Buffer.byteLength(viaProxy.html) / 2);
    }
    expect(hot.headers.filter(([name]) => name === 'etag')).toHaveLength(1);
    expect(raw({ 'if-none-match': headers.etag! })).toMatchObject({ status: 304, body: null });
    expect(raw({}, '/claims/10', 'HEAD')).toMatchObject({ status: 200, body: null });
    // Not for: signed-in people, router payloads, other methods, pages, hosts or queries.
    expect(raw({ cookie: 'theme=dark; better-auth.session_token=abc' })).toBeNull();
    expect(raw({ rsc: '1' })).toBeNull();
    expect(raw({ 'next-router-prefetch': '1' })).toBeNull();
    expect(raw({}, '/claims/10?_rsc=x1')).toBeNull();
    expect(raw({ accept: '*/*' })).toBeNull();
    expect(raw({}, '/claims/10', 'POST')).toBeNull();
    expect(raw({}, '/claims/10?page=2')).toBeNull();
    expect(raw({ host: 'other.example' })).toBeNull();
    expect(raw({}, '/edit/claims/10')).toBeNull();
    expect(raw({}, '/claims/10/badge.svg')).toBeNull();
    expect(raw({}, '//claims/10')).toBeNull();
    expect(raw({}, 'http://news.example/claims/10')).toBeNull();
    // Stale after an edit of what it shows: Next renders it again.
    invalidate([tags.claim(10)]);
    expect(raw({})).toBeNull();
  });

  it('renders a miss the hot path saw itself, once for everyone asking, and sends it as every later hit; leaves the rest to Next', async () => {
    const raw = (url: string, headers: Record<string, string> = {}) => ({
      method: 'GET',
      url,
      headers: { host: 'news.example', accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip, deflate, br, zstd', ...headers } as Record<string, string | string[] | undefined>,
    });
    const decode = (answer: { headers: [string, string][]; body: Buffer | null }) => {
      const encoding = answer.headers.find(([name]) => name === 'content-encoding')?.[1];
      return (encoding === 'br' ? brotliDecompressSync(answer.body!) : encoding === 'gzip' ? gunzipSync(answer.body!) : answer.body!).toString();
    };
    const state = (answer: { headers: [string, string][] } | null) => answer?.headers.find(([name]) => name === 'x-claimline-cache')?.[1];
    const missed = (url: string, headers: Record<string, string> = {}) => {
      const request = raw(url, headers);
      expect(hotAnswer(request)).toBeNull();
      return hotMiss(request);
    };
    // Until the proxy has said which misses it would have cached, every one goes to Next.
    expect(missed('/claims/40')).toBeNull();
    renderMissesWhen((request) => !new URL(request.url).pathname.startsWith('/claims/41'));
    renders = 0;
    const together = await Promise.all([missed('/claims/40'), missed('/claims/40'), missed('/claims/40', { 'accept-encoding': 'gzip' })]);
    expect(renders).toBe(1);
    expect(together.map(state).sort()).toEqual(['hit', 'hit', 'miss']);
    const hit = hotAnswer(raw('/claims/40'))!;
    expect(state(hit)).toBe('hit');
    // The answer a later hit gets, byte for byte and header for header, but for how it was answered.
    const [leader] = together.filter((answer) => state(answer) === 'miss');
    expect(leader!.body).toEqual(hit.body);
    expect(leader!.headers.filter(([name]) => name !== 'x-claimline-cache')).toEqual(hit.headers.filter(([name]) => name !== 'x-claimline-cache'));
    expect(decode(together[2]!)).toBe(decode(hit));
    expect(decode(hit)).toMatch(/^<script nonce="[0-9a-f]{32}">page \/claims\/40 for news\.example — Ørnebakke ✓ 🚋<\/script>/);
    // A hit, a request it was not asked about, or one the proxy would not cache: not rendered here.
    const request = raw('/claims/40');
    expect(hotAnswer(request)).not.toBeNull();
    expect(hotMiss(request)).toBeNull();
    expect(hotMiss(raw('/claims/42'))).toBeNull();
    expect(missed('/claims/41')).toBeNull();
    expect(missed('/edit/claims/43')).toBeNull();
    expect(renders).toBe(1);
    // A 404 and a redirect go as the render sent them, never stored; the 404 compressed as Next would.
    const missing = (await missed('/claims/404/long'))!;
    expect(missing).toMatchObject({ status: 404 });
    expect(state(missing)).toBe('pass');
    expect(missing.headers).toContainEqual(['content-encoding', 'gzip']);
    expect(missing.headers).toContainEqual(['vary', 'Accept-Encoding']);
    expect(decode(missing)).toBe(`${/^<script nonce="[0-9a-f]{32}"><\/script>/.exec(decode(missing))?.[0]}missing${FILLER}`);
    expect(missing.raw).toEqual(missing.headers.flat());
    // Too small to be worth it (Next's compression leaves it too), or not taken by the client: as rendered.
    for (const [url, accept] of [['/claims/404', 'gzip, br'], ['/claims/404/long', 'identity']]) {
      const plain = (await missed(url!, { 'accept-encoding': accept! }))!;
      expect(plain.headers.some(([name]) => name === 'content-encoding')).toBe(false);
      expect(decode(plain)).toMatch(/^<script nonce="[0-9a-f]{32}"><\/script>missing/);
    }
    const moved = (await missed('/claims/308', { 'accept-encoding': 'gzip' }))!;
    expect(moved.status).toBe(308);
    expect(moved.headers).toContainEqual(['location', '/claims/308/new-slug']);
    expect(moved.headers.some(([name]) => name === 'content-encoding')).toBe(false);
    expect(decode(moved)).toBe(MOVED_NOTE);
    expect(moved.headers).toContainEqual(['content-length', String(Buffer.byteLength(MOVED_NOTE))]);
    expect(renders).toBe(5);
    expect(hotAnswer(raw('/claims/404'))).toBeNull();
    // The filter reads the database (a withdrawn claim): should it throw, the request goes to Next,
    // which answers it (a 500 at worst); thrown in scripts/server.mjs's request handler it would end
    // the reader process and every request it was answering.
    renderMissesWhen(() => {
      throw new Error('SQLITE_IOERR: disk I/O error');
    });
    expect(() => missed('/claims/45')).not.toThrow();
    expect(missed('/claims/46')).toBeNull();
  });

  it('sends every hit of the same kind the very answer made for the first, with its headers listed once for writeHead', async () => {
    await fetchPage('/claims/11', 'news.example');
    const raw = (headers: Record<string, string> = {}, method = 'GET') =>
      hotAnswer({ method, url: '/claims/11', headers: { host: 'news.example', accept: 'text/html', 'accept-encoding': 'gzip, deflate, br, zstd', ...headers } })!;
    const first = raw();
    // A hit is a lookup: no headers are put together again for the same page, encoding and method.
    expect(raw()).toBe(first);
    expect(raw({ 'accept-encoding': 'br, gzip' })).toBe(first);
    // The flat list scripts/server.mjs writes is exactly the answer's headers.
    expect(first.raw).toEqual(first.headers.flat());
    const named = (answer: typeof first, name: string) => answer.headers.filter(([n]) => n === name).map(([, v]) => v);
    expect(named(first, 'content-encoding')).toEqual(['br']);
    // Other kinds are answers of their own: gzip, identity, HEAD (no body) and a revalidation (304, no policy).
    const gzip = raw({ 'accept-encoding': 'gzip' });
    expect(named(gzip, 'content-encoding')).toEqual(['gzip']);
    expect(gunzipSync(gzip.body!).toString()).toBe(brotliDecompressSync(first.body!).toString());
    expect(named(raw({ 'accept-encoding': 'identity' }), 'content-encoding')).toEqual([]);
    expect(raw({}, 'HEAD')).toMatchObject({ status: 200, body: null });
    expect(named(raw({}, 'HEAD'), 'content-length')).toEqual(named(first, 'content-length'));
    const revisit = raw({ 'if-none-match': named(first, 'etag')[0]! });
    expect(revisit.status).toBe(304);
    expect(named(revisit, 'content-security-policy')).toEqual([]);
    expect(revisit.raw).toEqual(revisit.headers.flat());
    // Many Accept-Encoding values (each read once, and only so many kept) never change what is chosen.
    const both = { identity: Buffer.from('x'), br: Buffer.from('b'), gzip: Buffer.from('g') };
    for (let i = 0; i < 200; i++) {
      expect(chooseEncoding(`gzip;q=0.${(i % 9) + 1}, x-${i}`, both)).toBe('gzip');
      expect(chooseEncoding(`br;q=0, gzip;q=0, x-${i}`, both)).toBeNull();
    }
    expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(raw()).toBe(first);
    // An edit renders the page again: its hits get the new page's answer, never the old one's.
    invalidate([tags.claim(11)]);
    await fetchPage('/claims/11', 'news.example');
    const after = raw();
    expect(after).not.toBe(first);
    expect(named(after, 'etag')).not.toEqual(named(first, 'etag'));
    expect(named(after, 'content-security-policy')).not.toEqual(named(first, 'content-security-policy'));
  });

  it('keeps a public API list per query with the handler’s ETag and CORS headers, never a 400, until an edit touches the lists', async () => {
    const api = (query: string, extra: Record<string, string> = {}) => fetchPage(`/api/v1/claims${query}`, 'news.example', { accept: 'application/json', 'accept-encoding': 'gzip, br', ...extra });
    renders = 0;
    const first = (await api('?status=false&limit=50'))!;
    expect(first).toMatchObject({ status: 200, state: 'miss' });
    const json = JSON.parse(first.html);
    expect(json.data[0].statement).toBe('Fares “fell” 📉 — false رسوم 运费');
    // The handler's own ETag (a hash of the JSON), its CORS and cache headers, and the lists' purge key.
    expect(first.headers.etag).toBe(etagFor(first.html.trimEnd()));
    expect(first.headers).toMatchObject({ 'access-control-allow-origin': '*', 'cache-control': READER_CACHE_CONTROL, 'content-type': 'application/json; charset=utf-8', xkey: 'lists' });
    const again = (await api('?status=false&limit=50'))!;
    expect(again).toMatchObject({ state: 'hit', html: first.html });
    // The query is the key: another cursor or filter is another answer.
    const next = (await api('?status=false&limit=50&cursor=WzEwXQ'))!;
    expect(next.state).toBe('miss');
    expect(JSON.parse(next.html).data[0].cursor).toBe('WzEwXQ');
    expect(JSON.parse((await api('?status=true&limit=50'))!.html).data[0].statement).toContain('— true');
    expect(renders).toBe(3);
    // Revalidated: a 304 a script on another site may read (CORS), with nothing else.
    const revalidated = (await api('?status=false&limit=50', { 'if-none-match': first.headers.etag! }))!;
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers['access-control-allow-origin']).toBe('*');
    expect(revalidated.headers['content-type']).toBeUndefined();
    // Before Next too, whatever the client accepts, compressed when stored.
    const hot = hotAnswer({ method: 'GET', url: '/api/v1/claims?status=false&limit=50', headers: { host: 'news.example', accept: '*/*', 'accept-encoding': 'br' } })!;
    expect(brotliDecompressSync(hot.body!).toString()).toBe(first.html);
    expect(Object.fromEntries(hot.headers)).toMatchObject({ etag: first.headers.etag, 'access-control-allow-origin': '*', 'content-encoding': 'br' });
    expect(hotAnswer({ method: 'GET', url: '/api/v1/claims?status=false&limit=50', headers: { host: 'news.example', cookie: 'better-auth.session_token=abc' } })).toBeNull();
    expect(hotAnswer({ method: 'GET', url: '/api/v1/claims?limit=50&status=false', headers: { host: 'news.example' } })).toBeNull();
    // A 400 is the handler's each time, never kept.
    renders = 0;
    for (let i = 0; i < 2; i++) {
      const refused = (await api('?status=maybe'))!;
      expect(refused).toMatchObject({ status: 400, state: 'pass' });
      expect(refused.headers['cache-control']).toBe('no-store');
      expect(hotAnswer({ method: 'GET', url: '/api/v1/claims?status=maybe', headers: { host: 'news.example' } })).toBeNull();
    }
    expect(renders).toBe(2);
    // An edit of one claim's page alone leaves the list; one that touches the lists drops it.
    invalidate([tags.claim(10)]);
    expect((await api('?status=false&limit=50'))!.state).toBe('hit');
    invalidate([tags.claim(10), tags.lists]);
    const edited = (await api('?status=false&limit=50', { 'if-none-match': first.headers.etag! }))!;
    expect(edited).toMatchObject({ status: 200, state: 'miss' });
    expect(JSON.parse(edited.html).listed).toBeGreaterThan(json.listed);
  });

  it('keeps only anonymous GETs and HEADs of the API’s lists', () => {
    const list = (path: string, init: RequestInit = {}) => isCachedApiList(new Request(`http://news.example${path}`, init));
    for (const path of ['/api/v1/claims', '/api/v1/claims?q=fares&cursor=abc', '/api/v1/articles?limit=5', '/api/v1/parties']) expect(list(path), path).toBe(true);
    expect(list('/api/v1/claims', { method: 'HEAD' })).toBe(true);
    for (const path of ['/api/v1/claims/3', '/api/v1/export/claims.json', '/api/v1/openapi.json', '/api/v1/page-claims?article=a', '/api/health']) expect(list(path), path).toBe(false);
    expect(list('/api/v1/claims', { method: 'POST' })).toBe(false);
    expect(list('/api/v1/claims', { headers: { cookie: '__Secure-better-auth.session_token=abc' } })).toBe(false);
  });

  it('leaves a client-side navigation’s fetch (no text/html in Accept) to the ordinary render', async () => {
    await fetchPage('/claims/1');
    const request = new Request('http://news.example/claims/1', { headers: { host: 'news.example', accept: '*/*' } });
    expect(await cachedPage(request)).toBeNull();
  });

  it('ignores a render header without this process’s secret', async () => {
    const forged = new Request('http://news.example/claims/1', { headers: { 'x-claimline-render': `${'0'.repeat(32)} ${newNonce()}` } });
    expect(renderNonce(forged.headers)).toBeNull();
    expect(renderNonce(new Request('http://news.example/claims/1').headers)).toBeNull();
  });
});
