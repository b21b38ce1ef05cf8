import { embedBundle } from '@/lib/server/embed-bundle';
import { matchesEtag } from '@/lib/server/http';

// An hour fresh, then served while it refetches for a day: a fix reaches publishers' pages within hours.
const CURRENT = 'public, max-age=3600, stale-while-revalidate=86400';
// ?v=<version> names these exact bytes, so they never change.
const VERSIONED = 'public, max-age=31536000, immutable';

/** The publisher overlay (embed/overlay.ts), as built by scripts/build-embed.mjs. */
export function GET(request: Request) {
  const bundle = embedBundle();
  if (!bundle) {
    return new Response('/* embed.js is not built: run npm run build */', {
      status: 503,
      headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  const etag = `"${bundle.version}"`;
  const headers = {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': new URL(request.url).searchParams.get('v') === bundle.version ? VERSIONED : CURRENT,
    ETag: etag,
    // Other sites load it, also with crossorigin (for integrity) and under Cross-Origin-Embedder-Policy.
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'X-Claimline-Embed-Version': bundle.version,
  };
  if (matchesEtag(request, etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(bundle.code), { headers });
}
