import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { behindSince, LAG_MAX_MS, LAG_REFRESH_MS, mark, tags, tagVersions, unchangedSince, type Mark } from './cache';
import { env } from './env';
import { READER_CACHE_CONTROL } from './http';
import { UNTAGGED } from './purge';
import { siteUrlFrom } from './site';
import { SESSION_COOKIE } from '../session-cookie.mjs';
import { escapeMarkup } from '../text';

/**
 * HTTP caching for reader pages (HTML), all of it decided in proxy.ts before anything renders.
 *
 * 1. Cache-Control for a CDN on every reader page the cache answers for anonymous readers, with
 *    the purge key (xkey) that lets a write purge it; a page that goes out past the cache (below)
 *    names no key, so it says `private, no-cache`.
 * 2. A full-page cache in this process for anonymous readers: the bytes of a page, kept
 *    while none of the cache tags its render read was invalidated (and the day is the
 *    same: pages show "no response by <date>", which turns true without an edit).
 *
 * A stored page is constant: every hit sends the very bytes its render produced (compressed
 * once, with brotli and gzip, when it is stored), with the Content-Security-Policy naming that
 * render's nonce. A browser or shared cache revalidating with its ETag gets a 304 that
 * carries no policy, so the body it kept stays under the policy that came with it. (A fresh
 * nonce per response would break exactly that: a 304 naming a new nonce disables every
 * script of the kept body.) The nonce still protects: it is chosen by the cache when the page
 * renders, after the content was stored, so markup injected into an article cannot name it;
 * every edit renders again with a new one.
 *
 * The ETag is made from what the page shows: its address, the day, the build, and the
 * versions of the cache tags its render read, and the server's start (CLAIMLINE_BOOT, which
 * every process of one start shares). It is weak: another render of the same versions (after
 * an eviction, or in another process) has another nonce, so other bytes, and is still the same
 * page. An edit elsewhere moves none of its tags, so a revalidation is still a 304; after a
 * restart it is a 200, as the boot value changed.
 * Each stored page names its tags in a header (`xkey`, PURGE_KEY_HEADER) that a shared cache
 * purges by (lib/server/purge.ts).
 */

// Reader pages only: not the editor, not API routes, not files the route handlers serve with their own ETag.
// A page sent but not stored (an edit overtook its render, it is too large or sets a cookie, a
// withdrawn claim's 410, or Next rendered it past the cache): no purge key names it, so for this client only.
const UNSHARED_CACHE_CONTROL = 'private, no-cache';

const READER_PAGE = /^\/(?:|claims|claims\/\d+(?:\/[^/]+)?|articles\/[^/]+(?:\/changes)?|parties(?:\/[^/]+)?|about(?:\/[^/]+(?:\/history)?)?|stats)$/;
const FILE = /\.(?:svg|png|atom|json)$/;
/**
 * The public JSON API's lists: the same answer for every caller (open CORS, no session), read by
 * scripts and widgets that poll them, so kept like pages. The key is the whole query (filters,
 * cursor, limit); only a 200 is kept, so a 400 naming a bad parameter is the handler's every time.
 * The answer keeps the handler's own ETag (a hash of the JSON, the same in every process).
 */
const API_LIST = /^\/api\/v1\/(?:claims|articles|parties)$/;

/** Whether the page cache keeps the answer to this request to a public API list (anonymous GET or HEAD). */
export function isCachedApiList(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  return API_LIST.test(new URL(request.url).pathname) && !SESSION_COOKIE.test(request.headers.get('cookie') ?? '');
}

export type PageCaching = { headers: Record<string, string> };

/**
 * Whether this is a reader page for an anonymous reader, and the headers it gets when Next renders
 * it past the page cache (proxy.ts): the cache is off, its render failed (the hot path's or the
 * proxy's), or a client-side navigation asks for its payload. Such an answer names no purge key,
 * so no write would purge it: for this reader only (the cache's own answers carry their own).
 */
export function readerPageCaching(request: Request): PageCaching | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const { pathname } = new URL(request.url);
  if (!READER_PAGE.test(pathname) || FILE.test(pathname)) return null;
  // Client-side navigations fetch RSC payloads that vary with router state: leave them uncached.
  // (Inside proxy.ts Next has already removed these headers; cachedPage() checks Accept instead.)
  if (request.headers.has('rsc') || request.headers.has('next-router-state-tree')) return null;
  // Someone signed in may see editor links: never share their copy.
  if (SESSION_COOKIE.test(request.headers.get('cookie') ?? '')) return null;
  return { headers: { 'Cache-Control': UNSHARED_CACHE_CONTROL } };
}

/** A CSP nonce. Hex, so it reads the same in the header, in HTML attributes and in JSON, with nothing to escape. */
export const newNonce = () => randomBytes(16).toString('hex');

/** A page's bytes as rendered and in each encoding made for it. */
export type Encodings = { identity: Buffer; br?: Buffer; gzip?: Buffer };

/**
 * A rendered page as stored: the bytes of its HTML and the headers it was rendered with
 * (its Content-Security-Policy among them), sent unchanged on every hit.
 */
export type StoredPage = {
  validity: Validity;
  body: Encodings;
  headers: [string, string][];
  /** The headers Next adds to every response (next.config.js), for answers sent without Next (hotAnswer). */
  common: [string, string][];
  etag: string;
  bytes: number;
};

/**
 * What a stored page shows depends on: the point in the cache's history its render started
 * at, the day (pages say "no response by <date>"), and the cache tags the render read; null
 * when they are unknown, and then any change at all makes the page stale.
 */
export type Validity = { since: Mark; day: string; tags: string[] | null; at: number };

const today = () => new Date().toISOString().slice(0, 10);

export const pageValidity = (tags: string[] | null = null): Validity => ({ since: mark(), day: today(), tags, at: Date.now() });

/** Nothing the page read has changed since its render started. */
export const isCurrent = ({ validity }: StoredPage) => validity.day === today() && unchangedSince(validity.since, validity.tags);

// Markup changes with the build: a new deploy must not answer 304 for the old one's pages.
const BUILD = (() => {
  try {
    return fs.readFileSync(path.join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'unbuilt';
  }
})();

/**
 * The page as stored, while it is current: its ETag names the versions of its tags now,
 * which are those its render started from. Null once something it read has changed (it may
 * show the old content, and must not claim the new versions).
 */
export function storedPage(
  key: string,
  validity: Validity,
  body: Buffer,
  headers: [string, string][],
  common: [string, string][] = [],
  ownEtag?: string,
): StoredPage | null {
  const page: StoredPage = { validity, body: { identity: body }, headers, common, etag: '', bytes: body.length };
  // Read before the check: if another process changes one of the tags in between, the check sees it.
  const versions = tagVersions(validity.tags);
  if (!isCurrent(page)) {
    // A page allowed to lag (below) is kept even so: its ETag names its own bytes, never versions it does not show.
    if (!lagLimit(key, page)) return null;
    page.etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    return page;
  }
  // An answer without a nonce (the JSON API's) is the same bytes for the same data: its own hash is the better validator.
  page.etag = ownEtag ?? `W/"${createHash('sha256').update(`${BUILD}\n${validity.day}\n${key}\n${versions}`).digest('base64url').slice(0, 27)}"`;
  return page;
}

/**
 * Pages that may be sent out of date while one render in the background replaces them (at most
 * one every LAG_REFRESH_MS per page), and for how long: a page behind the first edit it does not
 * show by more than its limit (behindFrom) is rendered before it is sent, as any other page is.
 *
 * - The statistics, always, up to LAG_MAX_MS: every save of a claim or a response changes what
 *   each period's page counts, so a busy newsroom would have every period rendered again after
 *   every save, and readers waiting on those renders.
 * - Under load (this process answered BUSY_PER_SECOND reader requests in one second, or BUSY_WAITING
 *   of them waited for renders at once, within the last BUSY_LINGER_MS: when renders fall behind,
 *   fewer requests are answered, so neither the rate nor the waiting alone stays up while renders
 *   are what slows the process; measured, docs/performance.md), every other
 *   reader page and API list up to LAG_UNDER_LOAD_MS, except a claim's page after an edit of that
 *   claim: that is the page the edit names, and the next reader gets it fresh whatever the load.
 *   (Another claim's page that shows the edited claim's article may lag like the article.)
 *   During a spike every save would otherwise render the article pages and the lists (home,
 *   search) again at once, each costing many times a hit, and readers would queue behind
 *   those renders. A server that is not busy renders them before it answers, as before.
 *   CLAIMLINE_STALE_UNDER_LOAD=0 turns this off (the bench compares both).
 */
const LAGGING_PAGE = /^\/stats$/;
const CLAIM_PAGE = /^\/claims\/(\d+)(?:\/|$)/;
export const LAG_UNDER_LOAD_MS = 10_000;
export const BUSY_PER_SECOND = 100;
export const BUSY_WAITING = 8;
export const BUSY_LINGER_MS = 5_000;
// A shared cache keeps an out-of-date page only until the background render should have replaced it.
const LAGGING_CACHE_CONTROL = `public, max-age=0, s-maxage=${LAG_REFRESH_MS / 1000}`;

/**
 * Reader requests this process looked up in the page cache, per second of the clock, and those
 * waiting for a render now. On globalThis with the store: the hot path (scripts/server.mjs) and
 * the proxy run separately bundled copies of this module, and each counts what the other sees.
 */
type Load = { second: number; count: number; waiting: number; busyAt: number };
const globalForLoad = globalThis as unknown as { claimlineLoad?: Load };
const readerLoad = (): Load => (globalForLoad.claimlineLoad ??= { second: 0, count: 0, waiting: 0, busyAt: -Infinity });

/**
 * Marks a request the hot path counted and passed on to Next (a miss), so that the proxy, which
 * sees it next, does not count it again: counted twice, misses alone made a process "busy" at half
 * the rate BUSY_PER_SECOND names. The value is this process's own random token, so a client cannot
 * send it to go uncounted.
 */
const COUNTED_HEADER = 'x-claimline-counted';
// Added to the token when the hot path's render of the page failed (hotMiss).
const NOT_AGAIN = 'not-again';

function countRequest(now = Date.now()): void {
  const load = readerLoad();
  const second = Math.floor(now / 1000);
  if (second !== load.second) {
    load.second = second;
    load.count = 0;
  }
  if (++load.count >= BUSY_PER_SECOND) load.busyAt = now;
}

/** One more reader waiting for a render; call the function it returns when it has its answer. */
function startWaiting(now = Date.now()): () => void {
  const load = readerLoad();
  if (++load.waiting >= BUSY_WAITING) load.busyAt = now;
  return () => void load.waiting--;
}

/** Whether this process is answering a spike of readers (BUSY_PER_SECOND, BUSY_WAITING, BUSY_LINGER_MS). */
export function underLoad(now = Date.now()): boolean {
  const load = readerLoad();
  if (load.waiting >= BUSY_WAITING) return true;
  // A clock set back is no reason to call the process busy for longer.
  const since = now - load.busyAt;
  return since >= 0 && since < BUSY_LINGER_MS;
}

/**
 * Since when an out-of-date page has been behind: the first edit it does not show (behindSince),
 * or, when that is not known, its render's start (it shows nothing older). A page rendered an hour
 * ago and edited a second ago is a second behind, and may lag like one rendered just before the edit.
 */
const behindFrom = ({ validity }: StoredPage) => Math.max(validity.at, behindSince(validity.since, validity.tags) ?? validity.at);

/** How long (ms after the first edit it does not show: behindFrom) the page under a cache key (origin, path and query) may lag now; 0: never. */
function lagLimit(key: string, page: StoredPage): number {
  const most = mostLag(key);
  if (most !== LAG_UNDER_LOAD_MS) return most;
  if (!underLoad()) return 0;
  const claim = CLAIM_PAGE.exec(pathOf(key))?.[1];
  return claim && !unchangedSince(page.validity.since, [tags.claim(Number(claim))]) ? 0 : LAG_UNDER_LOAD_MS;
}

const pathOf = (key: string) => {
  try {
    return new URL(key).pathname;
  } catch {
    return '';
  }
};

/** How long the page under a key may lag under load: an out-of-date copy is kept that long, should load come. */
function mostLag(key: string): number {
  const pathname = pathOf(key);
  if (!pathname) return 0;
  if (LAGGING_PAGE.test(pathname)) return LAG_MAX_MS;
  return process.env.CLAIMLINE_STALE_UNDER_LOAD === '0' ? 0 : LAG_UNDER_LOAD_MS;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
// Below this a compressed copy saves less than its headers cost.
const MIN_COMPRESSED_BYTES = 1024;

/**
 * The page with its brotli and gzip copies, made once (off the event loop, in libuv's
 * threads). Brotli at quality 5: within a few per cent of 11's size for HTML, at about a
 * twentieth of its time, which matters when an edit re-renders a 300 KB article page.
 */
export async function compressed(page: StoredPage): Promise<StoredPage> {
  const { identity } = page.body;
  if (identity.length < MIN_COMPRESSED_BYTES) return page;
  const [br, gz] = await Promise.all([
    brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    gzip(identity, { level: 6 }),
  ]);
  return { ...page, body: { identity, br, gzip: gz }, bytes: identity.length + br.length + gz.length };
}

/** The encoding to send: brotli or gzip when the request accepts it (and not with q=0) and the page has it. */
export function chooseEncoding(acceptEncoding: string, body: Encodings): 'br' | 'gzip' | null {
  const accepted = acceptedEncodings(acceptEncoding);
  return accepted.br && body.br ? 'br' : accepted.gzip && body.gzip ? 'gzip' : null;
}

// Browsers send one of a handful of Accept-Encoding values: each is read once, not on every hit.
const ACCEPTED_KEPT = 64;
const accepted = new Map<string, { br: boolean; gzip: boolean }>();

function acceptedEncodings(acceptEncoding: string): { br: boolean; gzip: boolean } {
  const known = accepted.get(acceptEncoding);
  if (known) return known;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const ok = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  const result = { br: ok('br'), gzip: ok('gzip') };
  // The header is the client's to choose: at most ACCEPTED_KEPT values are kept.
  if (accepted.size >= ACCEPTED_KEPT) accepted.clear();
  accepted.set(acceptEncoding, result);
  return result;
}

/** If-None-Match against an ETag, by the weak comparison RFC 9110 asks for there. */
export function notModified(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** The header a shared cache purges by, with the page's tags (UNTAGGED when its render named none). */
export const purgeKeyHeader = (page: StoredPage): [string, string] => [env.PURGE_KEY_HEADER, page.validity.tags?.join(' ') || UNTAGGED];

export type Answer = { status: 200 | 304; headers: [string, string][]; body: Buffer | null };
/** An answer for a custom server: its headers also as one flat list, as node:http's writeHead takes them. */
export type HotAnswer = Omit<Answer, 'status'> & { status: number; raw: string[] };

/**
 * The answers already made for each stored page, by what tells them apart (hit or stale, 304,
 * encoding, HEAD): a stored page never changes, so every hit of the same kind is the very same
 * answer, its headers listed once (#12 goal d: a hit is a lookup and a write). Shared by every
 * request that gets it: never changed once made. Dropped with the page.
 */
const madeAnswers = new WeakMap<StoredPage, Map<string, HotAnswer>>();

/**
 * What to send for a stored page: the same bytes and headers every time (in the encoding the
 * request accepts), or a 304 repeating only ETag, Cache-Control and Vary (RFC 9110, 15.4.5):
 * never the policy, a Link or anything else the body the client kept depends on. With `common`,
 * the headers Next would have added too (an answer sent without Next).
 */
export function pageAnswer(
  page: StoredPage,
  request: { method: string; ifNoneMatch?: string | null; acceptEncoding?: string | null },
  how: 'hit' | 'miss' | 'stale',
  common = false,
): HotAnswer {
  const unchanged = notModified(request.ifNoneMatch, page.etag);
  const encoding = unchanged ? null : chooseEncoding(request.acceptEncoding ?? '', page.body);
  const head = request.method === 'HEAD';
  const kind = `${how} ${unchanged ? 304 : 200} ${encoding} ${head ? 'head' : 'get'} ${common}`;
  let answers = madeAnswers.get(page);
  if (!answers) madeAnswers.set(page, (answers = new Map()));
  let answer = answers.get(kind);
  if (!answer) {
    answer = makeAnswer(page, how, unchanged, encoding, head, common);
    answers.set(kind, answer);
  }
  return answer;
}

/** A Vary header that also names Accept-Encoding, for an answer whose body depends on it. */
const varyByEncoding = (vary: string | undefined) => (vary ? (/accept-encoding/i.test(vary) ? vary : `${vary}, Accept-Encoding`) : 'Accept-Encoding');

function makeAnswer(page: StoredPage, how: 'hit' | 'miss' | 'stale', unchanged: boolean, encoding: 'br' | 'gzip' | null, head: boolean, common: boolean): HotAnswer {
  const vary = page.headers.find(([name]) => name === 'vary')?.[1];
  const own: [string, string][] = [
    ['vary', varyByEncoding(vary)],
    ['etag', page.etag],
    ['cache-control', how === 'stale' ? LAGGING_CACHE_CONTROL : READER_CACHE_CONTROL],
    ['x-claimline-cache', how],
  ];
  const before = common ? page.common : [];
  const made = (status: 200 | 304, headers: [string, string][], body: Buffer | null): HotAnswer => ({ status, headers, body, raw: headers.flat() });
  // A script on another site that revalidates an API answer itself reads the 304 only if it allows CORS.
  if (unchanged) return made(304, [...before, ...own, ...page.headers.filter(([name]) => CORS_HEADER.test(name))], null);
  const body = encoding ? page.body[encoding]! : page.body.identity;
  const headers: [string, string][] = [
    ...before,
    ...page.headers.filter(([name]) => name !== 'vary'),
    ...own,
    purgeKeyHeader(page),
    ...(encoding ? [['content-encoding', encoding] as [string, string]] : []),
    ['content-length', String(body.length)],
  ];
  return made(200, headers, head ? null : body);
}

/**
 * Pages by key, least recently used first out, bounded in count and bytes. A stale page
 * (`current` says so) is dropped when next asked for, unless it may still be sent out of date
 * (mostLag), or evicted like any other.
 */
export class PageStore {
  private pages = new Map<string, StoredPage>();
  bytes = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
    private readonly current: (page: StoredPage) => boolean = isCurrent,
  ) {}

  get size() {
    return this.pages.size;
  }

  /** The page under `key` if it is still current. */
  get(key: string): StoredPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    if (!this.current(page)) {
      // Kept (until evicted) while it may still be sent out of date, should the server be busy then.
      if (Date.now() - behindFrom(page) >= mostLag(key)) this.remove(key);
      return undefined;
    }
    this.remove(key);
    this.pages.set(key, page);
    this.bytes += page.bytes;
    return page;
  }

  /** A page that may lag now (lagLimit), out of date but young enough to send while it renders again. */
  getLagging(key: string): StoredPage | undefined {
    const page = this.pages.get(key);
    return page && !this.current(page) && Date.now() - behindFrom(page) < lagLimit(key, page) ? page : undefined;
  }

  /** Stores a page unless something it read changed while it rendered (it may show the old content), or it may lag. */
  set(key: string, page: StoredPage): void {
    if ((!this.current(page) && !lagLimit(key, page)) || page.bytes > this.maxBytes) return;
    this.remove(key);
    this.pages.set(key, page);
    this.bytes += page.bytes;
    while (this.pages.size > this.maxEntries || this.bytes > this.maxBytes) {
      this.remove(this.pages.keys().next().value!);
    }
  }

  private remove(key: string) {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.bytes;
  }
}

/** Runs `work` once per key at a time: callers arriving while it runs share its promise. */
export function singleFlight<T>(running: Map<string, Promise<T>>, key: string, work: () => Promise<T>) {
  const current = running.get(key);
  if (current) return { promise: current, leader: false };
  const promise = work().finally(() => running.delete(key));
  running.set(key, promise);
  return { promise, leader: true };
}

// A claim page is about 25 KB of HTML, the article with 50 claims 180 KB.
const MAX_PAGES = 500;
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
const RENDER_TIMEOUT_MS = 15_000;
// Headers next.config.js gives every response: Next adds them to answers it sends, hotAnswer() takes them from the page.
const COMMON_HEADERS = new Set(['x-content-type-options', 'referrer-policy', 'cross-origin-opener-policy', 'permissions-policy']);
// Headers of a render worth keeping with the page (the policy names the nonce of its scripts); never set-cookie.
const KEPT_HEADERS = new Set(['content-type', 'vary', 'link', 'content-language', 'content-security-policy', 'x-frame-options']);
// The API's (lib/server/http.ts): kept with the answer and repeated on its 304.
const CORS_HEADER = /^access-control-/;
// Not passed on from a render: they describe the loopback connection, not the page.
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'date']);
const RENDER_HEADER = 'x-claimline-render';
/**
 * Where this process answers its own renders: its own loopback port when it is one of several
 * processes sharing PORT (scripts/server.mjs), since only this process knows the render's
 * secret and collects its tags; else PORT.
 */
const renderPort = () => process.env.CLAIMLINE_RENDER_PORT || process.env.PORT;


type Rendered =
  | { kind: 'page'; page: StoredPage }
  | { kind: 'other'; status: number; headers: [string, string][]; body: Buffer }
  | { kind: 'failed' };

type State = {
  secret: string;
  store: PageStore;
  running: Map<string, Promise<Rendered>>;
  /** Lagging pages rendering again in the background, by key. */
  refreshing: Map<string, Promise<void>>;
  /** The cache tags each of the cache's own renders in flight read, by the render's nonce (see registerRenderTags). */
  renderTags: Map<string, Set<string> | undefined>;
  unreachable: boolean;
  /** What the hot path marks a request it counted with (COUNTED_HEADER). */
  counted: string;
};
// On globalThis, like the reader cache: one store per process whatever the bundling.
const globalForPages = globalThis as unknown as { claimlinePages?: State };
const state = (): State =>
  (globalForPages.claimlinePages ??= {
    secret: newNonce(),
    store: new PageStore(MAX_PAGES, MAX_BYTES),
    running: new Map(),
    refreshing: new Map(),
    renderTags: new Map(),
    unreachable: false,
    counted: newNonce(),
  });

/**
 * The nonce to render with when this request is the page cache's own render of a
 * page (it carries this process's secret), else null. Nobody outside this process
 * knows the secret, so nobody else can choose the nonce a page renders with.
 */
export function renderNonce(headers: Headers): string | null {
  const [secret = '', nonce = ''] = (headers.get(RENDER_HEADER) ?? '').split(' ');
  const expected = Buffer.from(state().secret);
  const given = Buffer.from(secret);
  const genuine = given.length === expected.length && timingSafeEqual(given, expected);
  return genuine && /^[0-9a-f]{32}$/.test(nonce) ? nonce : null;
}

/**
 * Called by the reader layout on every render: when the render is the page cache's own,
 * hands it the set of cache tags the render reads (filled by `cached()` while the page
 * renders), so the stored page goes stale only when one of them is invalidated.
 */
export function registerRenderTags(headers: Headers, tags: Set<string>): void {
  const nonce = renderNonce(headers);
  // Only while the cache still waits for that render (one given up on would leave the entry behind).
  if (nonce && state().renderTags.has(nonce)) state().renderTags.set(nonce, tags);
}

/** The tags a finished render read, or null if it registered none (then any change makes the page stale). */
function takeRenderTags(nonce: string): string[] | null {
  const tags = state().renderTags.get(nonce);
  state().renderTags.delete(nonce);
  // An empty set more likely means the reads went unseen than that the page reads nothing.
  return tags?.size ? [...tags] : null;
}

/**
 * A reader page for an anonymous reader from the page cache, rendering it once on a
 * miss, for a request readerPageCaching() accepted. Null when the cache
 * does not apply: the caller renders the page the ordinary way, with a nonce of its own.
 *
 * A miss renders the page by requesting it from this same server over loopback (never
 * from the Host header's address), with the secret and a nonce made up for that render.
 * The answer, stored or passed on (a 404, a redirect), is the render's own: its bytes
 * and its headers, Content-Security-Policy included. A request naming the stored page's
 * ETag gets a 304 with no policy and nothing else the kept body depends on.
 */
export async function cachedPage(request: Request): Promise<Response | null> {
  const port = renderPort();
  const s = state();
  if (!port || process.env.NODE_ENV === 'development' || s.unreachable || renderNonce(request.headers)) return null;
  const url = new URL(request.url);
  // Documents only (or an API list, JSON whatever is asked). Next strips the RSC headers (and ?_rsc)
  // before the proxy sees a request, so a client-side navigation's fetch is told apart by what it
  // accepts: never text/html, which every browser asks for when it loads a page.
  if (!API_LIST.test(url.pathname) && !request.headers.get('accept')?.includes('text/html')) return null;
  const origin = siteUrlFrom(request.headers);
  const key = pageKey(origin, url);
  const counted = request.headers.get(COUNTED_HEADER);
  // The hot path tried to render it and could not: rendering it here again would wait as long.
  if (counted === `${s.counted} ${NOT_AGAIN}`) return null;
  if (counted !== s.counted) countRequest();
  // "hit" also for requests that waited on another's render: none of them caused one.
  const respond = (page: StoredPage, how: 'hit' | 'miss' | 'stale'): Response => {
    // The HTML as rendered: Next compresses what a proxy answers whatever it says it is (it would
    // gzip the brotli copy a second time), so the stored copies go out only without Next (hotAnswer).
    const answer = pageAnswer(page, { method: request.method, ifNoneMatch: request.headers.get('if-none-match') }, how);
    const body = answer.body && new Uint8Array(answer.body.buffer as ArrayBuffer, answer.body.byteOffset, answer.body.length);
    return new Response(body, { status: answer.status, headers: answer.headers.filter(([name]) => name !== 'content-length') });
  };

  const stored = s.store.get(key);
  if (stored) return respond(stored, 'hit');
  const behind = s.store.getLagging(key);
  if (behind) {
    if (Date.now() - behind.validity.at >= LAG_REFRESH_MS) refreshInBackground(port, request, url, key);
    return respond(behind, 'stale');
  }
  const { rendered, leader } = await renderMiss(port, request, url, key);
  if (rendered.kind === 'page') return respond(rendered.page, leader ? 'miss' : 'hit');
  if (rendered.kind === 'other' && passedOn(rendered, leader)) return passOn(request, rendered);
  return null;
}

/**
 * A miss rendered once for everyone asking for the page at the same point in the cache's history,
 * the page stored by the request that rendered it (the leader). For cachedPage() and the hot path.
 */
async function renderMiss(port: string, request: Request, url: URL, key: string): Promise<{ rendered: Rendered; leader: boolean }> {
  const s = state();
  // Taken before the render reads anything: an edit from here on makes what it read stale. A render
  // started before an edit (or the day before) may show old content: a later request never joins it.
  const validity = pageValidity();
  const { since, day } = validity;
  const flight = singleFlight(s.running, `${since.epoch}.${since.version} ${day} ${key}`, async (): Promise<Rendered> => {
    const rendered = await render(port, request, url, key, validity);
    // Compressed before anyone is answered: those arriving meanwhile wait here instead of rendering again.
    return rendered.kind === 'page' ? { kind: 'page', page: await compressed(rendered.page) } : rendered;
  });
  const done = startWaiting();
  let rendered: Rendered;
  try {
    rendered = await flight.promise;
  } finally {
    done();
  }
  if (rendered.kind === 'page' && flight.leader) s.store.set(key, rendered.page);
  return { rendered, leader: flight.leader };
}

/**
 * Whether an answer that is not stored (a 404, a redirect, or a page something changed under while
 * it rendered) goes to this request. It goes to everyone who asked for it before that change: a
 * request after an edit never joins a render started before it (the flight's key), so each of them
 * gets what was current when it asked. One answer setting a cookie is the leader's alone; the
 * others render their own.
 */
const passedOn = (rendered: Extract<Rendered, { kind: 'other' }>, leader: boolean) => leader || !rendered.headers.some(([name]) => name === 'set-cookie');

/** Renders a lagging page again without anyone waiting for it; one render per page at a time. */
function refreshInBackground(port: string, request: Request, url: URL, key: string): void {
  const s = state();
  singleFlight(s.refreshing, key, async () => {
    const rendered = await render(port, request, url, key, pageValidity());
    if (rendered.kind === 'page') s.store.set(key, await compressed(rendered.page));
  }).promise.catch((error: unknown) => console.warn(`Could not render ${url.pathname} again: ${error instanceof Error ? error.message : error}`));
}

function passOn(request: Request, rendered: Extract<Rendered, { kind: 'other' }>, status = rendered.status): Response {
  const headers = new Headers([...rendered.headers, ['x-claimline-cache', 'pass']]);
  // Next turns a Location into a URL before sending it on (and makes it relative again): it must be absolute here.
  const location = headers.get('location');
  if (location) headers.set('location', new URL(location, request.url).toString());
  const body = request.method === 'HEAD' ? null : new Uint8Array(rendered.body);
  return new Response(body, { status, headers });
}

/**
 * A page rendered as an anonymous reader sees it and sent with `status` instead of 200,
 * for every client (signed in or not): a page can only answer 200, 404 or a redirect in
 * Next, and a withdrawn claim's page must say 410 Gone. Not stored: such pages are rare.
 * A redirect (an old slug) passes through as it is. Null when it cannot be rendered here.
 */
export async function pageWithStatus(request: Request, status: number): Promise<Response | null> {
  const port = renderPort();
  if (!port || state().unreachable || renderNonce(request.headers)) return null;
  const url = new URL(request.url);
  const rendered = await render(port, request, url, pageKey(siteUrlFrom(request.headers), url), pageValidity());
  // A page something changed under while it rendered comes back as "other" with its 200.
  if (rendered.kind === 'other') return passOn(request, rendered, rendered.status === 200 ? status : rendered.status);
  if (rendered.kind === 'failed') return null;
  // The render's own bytes and headers, its policy among them, as for any page the cache sends.
  const headers = new Headers([...rendered.page.headers, ['cache-control', UNSHARED_CACHE_CONTROL], ['x-claimline-cache', 'pass']]);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(rendered.page.body.identity), { status, headers });
}

/**
 * A page's key in the store: origin, path and query, the query as URLSearchParams writes it. The
 * proxy gets the request's address from Next, which spells a query as URLSearchParams does
 * (`?q=bus+lanes`), while the hot path reads it as the client sent it (`?q=bus%20lanes`): keyed
 * as sent, every search of more than one word was stored under one spelling and looked up under
 * the other, so it never got past Next (measured: docs/performance.md).
 */
export function pageKey(origin: string, url: URL): string {
  // Checked first: most hits (claim and article pages) have no query, and need no URLSearchParams.
  const query = url.search && url.searchParams.toString();
  return `${origin}${url.pathname}${query ? `?${query}` : ''}`;
}

/** A request as node:http hands it to a custom server. */
export type RawRequest = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

/** A header of a node:http request as one value (a repeated one joined as fetch's Headers joins it). */
function rawHeader(req: RawRequest, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
}

/**
 * The answer for a request a custom server received (scripts/server.mjs), straight from the
 * store, before Next's router and proxy: only a current stored page (or a lagging one, whose
 * background render it starts) for an anonymous reader's document request, exactly as
 * cachedPage() would send it. Null for anything else, which then
 * goes through Next as usual (and a miss renders there).
 */
export function hotAnswer(req: RawRequest): HotAnswer | null {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || process.env.NODE_ENV === 'development') return null;
  const header = (name: string) => rawHeader(req, name);
  if (SESSION_COOKIE.test(header('cookie') ?? '') || header(RENDER_HEADER)) return null;
  // An origin-form path only: `//claims` would parse as another host's root (the home page's key).
  if (!req.url?.startsWith('/') || req.url.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(req.url ?? '', 'http://claimline.invalid');
  } catch {
    return null;
  }
  if (!API_LIST.test(url.pathname)) {
    if (!header('accept')?.includes('text/html')) return null;
    // Next's client-side navigations and prefetches: payloads for the router, not pages.
    if (header('rsc') || header('next-router-state-tree') || header('next-router-prefetch')) return null;
    if (!READER_PAGE.test(url.pathname) || FILE.test(url.pathname) || url.searchParams.has('_rsc')) return null;
  }
  const key = pageKey(siteUrlFrom({ get: header }), url);
  countRequest();
  const current = state().store.get(key);
  const page = current ?? state().store.getLagging(key);
  if (!page) {
    // On to hotMiss(), or to Next, whose proxy (cachedPage) must not count it a second time.
    req.headers[COUNTED_HEADER] = state().counted;
    misses.set(req, { url, key });
    return null;
  }
  const port = renderPort();
  if (!current && port && Date.now() - page.validity.at >= LAG_REFRESH_MS) {
    // The render is asked for as this request would be (its host and scheme shape the page's links).
    const forwarded = header('x-forwarded-proto');
    const headers = { host: header('host') ?? '', ...(forwarded ? { 'x-forwarded-proto': forwarded } : {}) };
    refreshInBackground(port, new Request(`http://127.0.0.1${url.pathname}${url.search}`, { headers }), url, key);
  }
  return pageAnswer(page, { method: req.method, ifNoneMatch: header('if-none-match'), acceptEncoding: header('accept-encoding') }, current ? 'hit' : 'stale', true);
}

// For scripts/server.mjs, which is not bundled with the app: the first request that loads this module installs it.
(globalThis as { claimlineHotPath?: typeof hotAnswer }).claimlineHotPath = hotAnswer;

(globalThis as { claimlineHotMiss?: typeof hotMiss }).claimlineHotMiss = hotMiss;

/** The requests hotAnswer() found no page for, with what it read of them, for hotMiss(). */
const misses = new WeakMap<RawRequest, { url: URL; key: string }>();

/**
 * What the proxy checks before it asks the page cache (proxy.ts: a path that decodes, a claim that
 * was not withdrawn, whose page answers 410). The proxy installs it when it loads; until then
 * hotMiss() leaves every miss to Next.
 */
type MissFilter = (request: Request) => boolean;
const globalForMiss = globalThis as unknown as { claimlineMissFilter?: MissFilter };
export const renderMissesWhen = (filter: MissFilter) => void (globalForMiss.claimlineMissFilter = filter);

/**
 * A miss hotAnswer() just saw, rendered and answered by the hot path itself, as cachedPage() would
 * answer it through Next (the same render, shared with every request waiting for it; the page then
 * stored and sent as every later hit is, precompressed): the render is the one pass through Next,
 * without a first one through its router, the proxy and its gzip of the answer, which cost a
 * reader process as much as the render's own plumbing (docs/performance.md, 1 December). Null
 * when it is not one (then Next answers as before); a promise of null when the page cache cannot
 * answer it after all (the request then goes to Next, which does not count it again).
 */
export function hotMiss(req: RawRequest): Promise<HotAnswer | null> | null {
  const missed = misses.get(req);
  misses.delete(req);
  const filter = globalForMiss.claimlineMissFilter;
  const port = renderPort();
  const s = state();
  if (!missed || !filter || !port || s.unreachable) return null;
  const { url, key } = missed;
  const header = (name: string) => rawHeader(req, name);
  // As the proxy would see it: its host and scheme shape the page's links, its path what is rendered.
  const forwarded = header('x-forwarded-proto');
  const request = new Request(`http://127.0.0.1${url.pathname}${url.search}`, {
    method: req.method,
    headers: { host: header('host') ?? '', ...(forwarded ? { 'x-forwarded-proto': forwarded } : {}) },
  });
  // It reads the database (a withdrawn claim): thrown here, in the custom server's request handler,
  // an error would end the process and every request it answers; through Next it is that request's 500.
  try {
    if (!filter(request)) return null;
  } catch {
    return null;
  }
  const asked = { method: req.method ?? 'GET', ifNoneMatch: header('if-none-match'), acceptEncoding: header('accept-encoding') };
  return renderMiss(port, request, url, key).then(({ rendered, leader }) => {
    if (rendered.kind === 'page') return pageAnswer(rendered.page, asked, leader ? 'miss' : 'hit', true);
    if (rendered.kind === 'other' && passedOn(rendered, leader)) return passedAnswer(rendered, asked);
    // Next renders it (a render that failed is not tried a second time by the proxy).
    if (rendered.kind === 'failed') req.headers[COUNTED_HEADER] = `${s.counted} ${NOT_AGAIN}`;
    return null;
  });
}

/**
 * A render's answer that is not stored (a 404, a redirect), as the proxy passes it on (passOn)
 * and Next then sends it: gzipped when the client takes gzip, as Next's compression would.
 */
async function passedAnswer(rendered: Extract<Rendered, { kind: 'other' }>, asked: { method: string; acceptEncoding: string | null }): Promise<HotAnswer> {
  const headers: [string, string][] = [...rendered.headers, ['x-claimline-cache', 'pass']];
  let body: Buffer | null = asked.method === 'HEAD' ? null : rendered.body;
  const type = rendered.headers.find(([name]) => name === 'content-type')?.[1] ?? '';
  if (body && body.length >= MIN_COMPRESSED_BYTES && /^(?:text\/|application\/json)/.test(type) && acceptedEncodings(asked.acceptEncoding ?? '').gzip) {
    body = await gzip(body, { level: 6 });
    headers.push(['content-encoding', 'gzip']);
    const vary = headers.findIndex(([name]) => name === 'vary');
    if (vary < 0) headers.push(['vary', varyByEncoding(undefined)]);
    else headers[vary] = ['vary', varyByEncoding(headers[vary]![1])];
  }
  if (body) headers.push(['content-length', String(body.length)]);
  return { status: rendered.status, headers, body, raw: headers.flat() };
}

/**
 * A page of this server's own, requested over loopback with this process's secret as the page
 * cache requests its renders: for pages only the server itself reads (app/internal/), which answer
 * nothing else. Its HTML, or null when it cannot be had here (development, not listening on
 * loopback, anything but a 200).
 */
export async function renderOwnPage(pathWithQuery: string): Promise<string | null> {
  const port = renderPort();
  if (!port || process.env.NODE_ENV === 'development' || state().unreachable) return null;
  const got = await loopbackGet(port, pathWithQuery, { accept: 'text/html', 'accept-encoding': 'identity', [RENDER_HEADER]: `${state().secret} ${newNonce()}` });
  return 'body' in got && got.status === 200 ? got.body.toString('utf8') : null;
}

/** A GET to this server over loopback (renders and its own pages): the whole answer, or the error that left none. */
function loopbackGet(
  port: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer } | { error: NodeJS.ErrnoException | null }> {
  return new Promise((resolve) => {
    const inner = http.get({ host: '127.0.0.1', port, path, headers, timeout: RENDER_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', () => resolve({ error: null }));
      res.on('end', () => resolve({ status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    inner.on('timeout', () => inner.destroy());
    inner.on('error', (error: NodeJS.ErrnoException) => resolve({ error }));
  });
}

/** The body of a redirect's answer: a line linking to where it leads. */
const movedNote = (location: string) => `<!DOCTYPE html><title>Moved</title><p>Moved to <a href="${escapeMarkup(location)}">${escapeMarkup(location)}</a>.</p>`;

/** Requests the page from this server over loopback as an anonymous reader, rendered with a nonce of its own. */
async function render(port: string, request: Request, url: URL, key: string, validity: Validity): Promise<Rendered> {
  const nonce = newNonce();
  state().renderTags.set(nonce, undefined);
  const headers: Record<string, string> = {
    accept: 'text/html',
    'accept-encoding': 'identity',
    [RENDER_HEADER]: `${state().secret} ${nonce}`,
  };
  // The page's absolute links come from these two when APP_URL is unset (siteUrlFrom); they are part of the key.
  const host = request.headers.get('host');
  if (host) headers.host = host;
  const proto = request.headers.get('x-forwarded-proto');
  if (proto) headers['x-forwarded-proto'] = proto;

  const got = await loopbackGet(port, `${url.pathname}${url.search}`, headers);
  const tags = takeRenderTags(nonce);
  if ('error' in got) {
    // Not listening on loopback (bound to one outside address): stop trying, render as before.
    if (got.error?.code === 'ECONNREFUSED' && !state().unreachable) {
      state().unreachable = true;
      console.warn(`Page cache off: this server does not answer on 127.0.0.1:${port}.`);
    }
    return { kind: 'failed' };
  }
  const { status } = got;
  const location = got.headers.location;
  // A page's redirect (an old slug) comes as Next's whole document, about 14 KB of layout, scripts
  // and payload that no client reads: it is sent with its Location and a line linking there.
  const body = status >= 300 && status < 400 && location ? Buffer.from(movedNote(location)) : got.body;
  const all = Object.entries(got.headers).flatMap(([name, value]) => (Array.isArray(value) ? value : [value ?? '']).map((v): [string, string] => [name, v]));
  const cacheable = status === 200 && !got.headers['set-cookie'] && body.length <= MAX_PAGE_BYTES;
  const kept = all.filter(([name]) => KEPT_HEADERS.has(name) || CORS_HEADER.test(name));
  const etag = API_LIST.test(url.pathname) ? got.headers.etag : undefined;
  const page = cacheable && storedPage(key, { ...validity, tags }, body, kept, all.filter(([name]) => COMMON_HEADERS.has(name)), etag);
  if (page) return { kind: 'page', page };
  const passed = all.filter(([name]) => !HOP_HEADERS.has(name) && !(status === 200 && name === 'cache-control'));
  // A page not stored names no purge key, so no purge reaches a shared cache that kept it: one an
  // edit overtook (it may show what the edit changed) would stay there its whole s-maxage.
  if (status === 200) passed.push(['cache-control', UNSHARED_CACHE_CONTROL]);
  return { kind: 'other', status, headers: passed, body };
}
