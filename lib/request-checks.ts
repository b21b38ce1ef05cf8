/**
 * Checks a request must pass before any route sees it. Pure: proxy.ts applies them.
 */

/**
 * Whether every %-escape in a URL path decodes (as UTF-8). Next decodes dynamic segments
 * itself and answers an undecodable one (`/articles/%ff`, `/parties/%c3%28`) with a bare
 * "Internal Server Error", since its 400 page exists only for the Pages Router.
 */
export function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a write request comes from another site: its Origin names a host other than the
 * one it was sent to (Host, or the first X-Forwarded-Host, the two Next's own server-action
 * check accepts), or is `null` or not a URL. Without an Origin it is not a browser's
 * cross-site request (browsers send one with every POST), so it passes as Next lets it.
 */
export function crossSiteWrite(method: string, headers: Pick<Headers, 'get'>): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get('origin');
  if (origin === null) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  if (!host) return true;
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return host !== headers.get('host') && host !== forwarded;
}
