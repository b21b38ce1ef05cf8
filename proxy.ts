import { NextResponse, type NextRequest } from 'next/server';
import { ARCHIVE_POLICY } from '@/lib/archived-copy';
import { crossSiteWrite, decodablePath } from '@/lib/request-checks';
import { jsonError } from '@/lib/server/http';
import { cachedPage, isCachedApiList, newNonce, pageWithStatus, readerPageCaching, renderMissesWhen, renderNonce } from '@/lib/server/page-cache';
import { isWithdrawnClaimPage } from '@/lib/server/reader';

/**
 * Security headers for every page and route. A nonce per render lets Next's own
 * inline bootstrap scripts run (Next reads the nonce from the request's CSP header
 * and puts it on every script it emits) while any other inline script, such as one
 * smuggled into an article, is refused. Reader pages for anonymous readers come
 * from the page cache (lib/server/page-cache.ts) as their render left them: the
 * bytes and the policy naming the nonce the cache chose for that render, or a 304
 * with no policy at all. Authorisation is NOT done here: every action and route
 * checks it itself.
 */
export async function proxy(request: NextRequest) {
  // Next's server actions would answer a foreign Origin with a 500 (and a malformed one with a TypeError in the log).
  if (crossSiteWrite(request.method, request.headers)) return CROSS_SITE();
  // An undecodable path gets the not-found page, or the API's JSON 400 (Next itself fails on it with a bare 500).
  const undecodable = !decodablePath(request.nextUrl.pathname);
  // The badge and the claim card are made for other sites' pages; nothing else may be framed.
  const embedPolicy = EMBEDDABLE.find(([path]) => path.test(request.nextUrl.pathname))?.[1];
  const ownPolicy = embedPolicy ?? STANDALONE.find(([path]) => path.test(request.nextUrl.pathname))?.[1];
  // Reader pages for anonymous readers: the page cache, whose answers carry a shared cache's headers and purge key;
  // one rendered past it (below) names no purge key, and is for this reader only.
  const caching = undecodable ? null : readerPageCaching(request);
  // A withdrawn claim's page answers 410 Gone (with its note and history) to everyone.
  const gone = !undecodable && isWithdrawnClaimPage(request) ? await pageWithStatus(request, 410) : null;
  // The public API's lists too (their handlers set their own Cache-Control, errors' no-store included).
  const cached = gone ?? (caching || (!undecodable && isCachedApiList(request)) ? await cachedPage(request) : null);
  if (cached) return cached;
  const nonce = renderNonce(request.headers) ?? newNonce();
  const policy = ownPolicy ?? pagePolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const response = undecodable
    ? request.nextUrl.pathname.startsWith('/api/')
      ? jsonError(400, 'The path is not valid percent-encoded UTF-8.')
      : NextResponse.rewrite(new URL('/_undecodable-path', request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(caching?.headers ?? {})) response.headers.set(name, value);
  response.headers.set('content-security-policy', policy);
  // For browsers that predate frame-ancestors.
  if (!embedPolicy) response.headers.set('x-frame-options', 'DENY');
  return response;
}

// The hot path (scripts/server.mjs) renders a page-cache miss without this proxy's pass: only one
// that would have reached cachedPage() above, not a path that fails to decode or a withdrawn claim's page.
renderMissesWhen((request) => decodablePath(new URL(request.url).pathname) && !isWithdrawnClaimPage(request));

const CROSS_SITE = () =>
  new NextResponse('This form was sent from another site, so it was not accepted.', {
    status: 403,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

// The status badge is meant to be embedded on other sites; as an SVG document it may still run no script.
const BADGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
// The claim card (lib/claim-card.ts) is framed by any site through oEmbed: HTML with no script at all.
const CARD_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors *";
const EMBEDDABLE: [RegExp, string][] = [
  [/^\/claims\/\d+\/badge\.svg$/, BADGE_POLICY],
  [/^\/claims\/\d+\/card$/, CARD_POLICY],
];

// Documents of our own with no script at all, which are not to be framed either.
const STANDALONE: [RegExp, string][] = [[/^\/claims\/[^/]+\/archive\/[^/]+$/, ARCHIVE_POLICY]];

function pagePolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    // strict-dynamic: scripts Next loads from a nonced script (route chunks) are trusted, nothing else.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Inline styles stay allowed: the status colours are one generated <style> element and
    // components may use style attributes; CSS cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const config = {
  // Built assets carry no markup to protect; next.config.js still gives them nosniff and the rest.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
