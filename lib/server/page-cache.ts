import 'server-only';
import { contentVersion } from './cache';
import { READER_CACHE_CONTROL } from './http';

/**
 * HTTP caching for reader pages (HTML): Cache-Control for a CDN and a weak ETag
 * that changes whenever reader content may have changed (any invalidation, any
 * write from another connection, a restart) and at midnight UTC (pages show
 * "no response by <date>" that turns true without an edit). A browser or CDN
 * revalidating with If-None-Match gets a 304 without the page being rendered.
 */

// Reader pages only: not the editor, not API routes, not files the route handlers serve with their own ETag.
const READER_PAGE = /^\/(?:|claims|claims\/\d+(?:\/[^/]+)?|articles\/[^/]+(?:\/changes)?|parties\/[^/]+)$/;
const FILE = /\.(?:svg|png|atom|json)$/;

export type PageCaching = { headers: Record<string, string>; notModified: boolean };

export function readerPageCaching(request: Request): PageCaching | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const { pathname } = new URL(request.url);
  if (!READER_PAGE.test(pathname) || FILE.test(pathname)) return null;
  // Client-side navigations fetch RSC payloads that vary with router state: leave them uncached.
  if (request.headers.has('rsc') || request.headers.has('next-router-state-tree')) return null;
  // Someone signed in may see editor links: never share their copy.
  if (/(?:^|;\s*)(?:__Host-|__Secure-)?[\w.-]*session[\w.-]*=/i.test(request.headers.get('cookie') ?? '')) return null;
  const etag = `W/"${contentVersion()}.${new Date().toISOString().slice(0, 10)}"`;
  const sent = request.headers.get('if-none-match') ?? '';
  return {
    headers: { ETag: etag, 'Cache-Control': READER_CACHE_CONTROL },
    notModified: sent.split(',').some((t) => t.trim() === etag || t.trim() === '*'),
  };
}
