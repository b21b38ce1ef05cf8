import { statusBadgeSvg } from '@/lib/badge';
import { parseId } from '@/lib/params';
import { cachedResponse } from '@/lib/server/http';
import { readClaim } from '@/lib/server/reader';

// Other sites show the badge: allow its cross-origin use (proxy.ts gives it a script-free CSP
// without frame-ancestors, so it alone may be framed).
const EMBED_HEADERS = { 'Cross-Origin-Resource-Policy': 'cross-origin' };

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const claim = id ? readClaim(id) : null;
  if (!claim) return new Response('Not found', { status: 404 });
  return cachedResponse(request, statusBadgeSvg(claim.status), {
    contentType: 'image/svg+xml; charset=utf-8',
    cors: true,
    headers: EMBED_HEADERS,
  });
}
