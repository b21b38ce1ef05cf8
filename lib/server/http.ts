import 'server-only';
import { createHash } from 'node:crypto';
import type { ApiError } from '@/lib/api-schema';

/**
 * Response helpers for reader route handlers (API, feeds, badge, exports):
 * CDN-friendly Cache-Control, a content ETag with 304 answers, and CORS for GET.
 */

const SHARED_FRESH_S = 60;
const SHARED_STALE_S = 600;
/** Fresh for a minute at a shared cache (CDN), then served stale for up to ten while it refetches. */
export const READER_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_FRESH_S}, stale-while-revalidate=${SHARED_STALE_S}`;
/** The longest a shared cache may serve a reader page after fetching it: a write older than this is in every copy it holds. */
export const SHARED_COPY_MAX_MS = (SHARED_FRESH_S + SHARED_STALE_S) * 1000;

export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, Content-Type',
  'Access-Control-Expose-Headers': 'ETag',
  'Access-Control-Max-Age': '86400',
};

export function etagFor(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** True when the request's If-None-Match names this ETag (weak or strong, or `*`). */
export function matchesEtag(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** A cacheable GET answer: 304 when the client already has this body, else 200 with it. */
export function cachedResponse(
  request: Request,
  body: string | Uint8Array,
  { contentType, cors = false, headers = {} }: { contentType: string; cors?: boolean; headers?: Record<string, string> },
): Response {
  const etag = etagFor(body);
  const common: Record<string, string> = {
    ETag: etag,
    'Cache-Control': READER_CACHE_CONTROL,
    ...(cors ? CORS_HEADERS : {}),
    ...headers,
  };
  if (matchesEtag(request, etag)) return new Response(null, { status: 304, headers: common });
  return new Response(request.method === 'HEAD' ? null : (body as BodyInit), {
    status: 200,
    headers: { ...common, 'Content-Type': contentType },
  });
}

export function jsonResponse(
  request: Request,
  value: unknown,
  { contentType = 'application/json; charset=utf-8', headers }: { contentType?: string; headers?: Record<string, string> } = {},
) {
  return cachedResponse(request, JSON.stringify(value), { contentType, cors: true, headers });
}

/** An API error as JSON; `fields` names each bad parameter with its message. */
export function jsonError(status: number, message: string, fields?: Record<string, string>): Response {
  const body: ApiError = { error: { status, message, ...(fields ? { fields } : {}) } };
  return Response.json(
    body,
    { status, headers: { ...CORS_HEADERS, 'Cache-Control': 'no-store' } },
  );
}

/** The answer to a CORS preflight for a read-only route. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}
